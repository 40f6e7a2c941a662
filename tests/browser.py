"""Playwright driving Debian's Chromium (never a downloaded browser): launch settings (shared with
scripts/benchmark.py through amkam.chromium) and a watch on what goes wrong in a page."""

from __future__ import annotations

from amkam.chromium import ARGS, CHROMIUM

__all__ = ["ARGS", "CHROMIUM", "PageWatch"]


CSP_LISTENER = """document.addEventListener("securitypolicyviolation", function (e) {
  console.error("CSP violation: " + e.violatedDirective + " blocked " + (e.blockedURI || "inline") +
                " at " + e.sourceFile + ":" + e.lineNumber);
});"""


class PageWatch:
    """Collects what should not happen behind a reader's back: any console message, page errors, failed requests."""

    def __init__(self, page):
        self.problems: list[str] = []
        # The server sends the production Content-Security-Policy: anything it blocks is a problem too (Chromium
        # also logs it to the console; the event names the directive; both land in `problems`).
        page.add_init_script(CSP_LISTENER)
        page.on("console", lambda msg: self.problems.append(f"console {msg.type}: {msg.text}"))
        page.on("pageerror", lambda err: self.problems.append(f"page error: {err}"))
        page.on("requestfailed", self._failed)
        page.on("response", lambda res: res.status >= 400 and self.problems.append(f"{res.status}: {res.url}"))

    def _failed(self, request):
        # A load the browser itself cancels because the test navigates on is not a failure a reader would meet.
        if "ERR_ABORTED" not in (request.failure or ""):
            self.problems.append(f"failed: {request.url} {request.failure}")
