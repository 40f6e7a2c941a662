"""The browser's salary model (docs/assets/javascripts/calculator/model.js) in one long-lived node process.

Started once per test session (the `js_model` fixture in conftest.py): it reads one JSON request per line on stdin
and answers one JSON line on stdout, so that thousands of plans cost no more than one node start.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

COMPONENT = Path(__file__).resolve().parents[1] / "docs" / "assets" / "javascripts" / "calculator"
MODEL = COMPONENT / "model.js"
CASES = COMPONENT / "cases.yml"

# NaN is not JSON: it travels as the string "NaN".
SERVER = r"""
const M = require(process.argv[1]);
const rl = require("readline").createInterface({ input: process.stdin });
function answer(req) {
  if (req.op === "compute") return M.compute(req.params, req.countries, req.limits);
  if (req.op === "variableAt") return M.variableAt(req.params, req.countries, req.limits, req.x);
  throw new Error("unknown op " + req.op);
}
rl.on("line", (line) => {
  let out;
  try { out = { value: answer(JSON.parse(line)) }; } catch (e) { out = { error: String(e && e.message) }; }
  process.stdout.write(JSON.stringify(out, (k, v) => (Number.isNaN(v) ? "NaN" : v)) + "\n");
});
"""


class ModelError(RuntimeError):
    """The JS model threw: the message is its error's."""


class NodeModel:
    def __init__(self):
        node = shutil.which("node") or "/usr/bin/node"
        if not Path(node).exists():
            raise RuntimeError(f"node is required to test {MODEL}")
        self.process = subprocess.Popen([node, "-e", SERVER, str(MODEL)], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True, bufsize=1)

    def _ask(self, request: dict):
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"the node model process ended (exit code {self.process.poll()})")
        out = json.loads(line)
        if "error" in out:
            raise ModelError(out["error"])
        return out["value"]

    def compute(self, params: dict, countries: dict, limits: dict) -> dict:
        return self._ask({"op": "compute", "params": params, "countries": countries, "limits": limits})

    def variable_at(self, params: dict, countries: dict, limits: dict, x) -> float:
        value = self._ask({"op": "variableAt", "params": params, "countries": countries, "limits": limits, "x": x})
        return float("nan") if value == "NaN" else value

    def close(self):
        self.process.stdin.close()  # node ends when its input does
        self.process.wait(timeout=10)
        self.process.stdout.close()
