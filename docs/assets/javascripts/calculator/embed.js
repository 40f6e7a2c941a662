/* Embed pages (overrides/embed.html, first in the body), which have no header and so no colour-scheme toggle:
   - follow the reader's light or dark preference, as the full site does on a first visit (mkdocs.yml palette);
   - tell the page that frames this one how tall its content is, so that it can size the iframe to it. Message,
     to any origin (it says nothing but a height):
       {type: "amkam:height", height: N}   N: CSS pixels, an integer, on load and whenever the height changes.
     The snippet on the calculator page (scripts/amkam/embed.py) listens for it. */
(function () {
  "use strict";
  var dark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  /** Material's scheme for the reader's preference. */
  function scheme() {
    document.body.setAttribute("data-md-color-scheme", dark && dark.matches ? "slate" : "default");
  }
  scheme();
  if (dark && dark.addEventListener) dark.addEventListener("change", scheme);

  if (window.parent === window) return;
  var content = null;
  var last = 0;

  /** Posts the content's height to the parent page when it has changed. */
  function report() {
    var bottom = content.getBoundingClientRect().bottom + window.scrollY;
    var height = Math.ceil(bottom + parseFloat(getComputedStyle(content).marginBottom || "0"));
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: "amkam:height", height: height }, "*");
    }
  }

  /** Starts reporting once the content exists (this script runs first in the body). */
  function start() {
    content = document.querySelector(".md-main__inner") || document.body;
    if (window.ResizeObserver) new ResizeObserver(report).observe(content);
    window.addEventListener("load", report);
    window.addEventListener("resize", report);
    report();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
