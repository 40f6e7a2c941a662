// ESLint (flat config) for the site's own browser scripts: `make lint`, run by `make test`.
// Installed from package-lock.json by `npm ci`; nothing is downloaded when it runs.
"use strict";

const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  js.configs.recommended,
  {
    files: ["docs/assets/javascripts/**/*.js"],
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "script", // plain <script> files, no modules
      globals: {
        ...globals.browser,
        document$: "readonly", // material's observable of each page load (instant navigation)
      },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },
  {
    // UMD: the salary model is also loaded by node in the tests (tests/js_model.py).
    files: ["docs/assets/javascripts/calculator/model.js"],
    languageOptions: { globals: { module: "readonly" } },
  },
  {
    // The page script runs after the model, which the build ships in the same file (window.SalaryModel).
    files: ["docs/assets/javascripts/calculator/calculator.js"],
    languageOptions: { globals: { SalaryModel: "readonly", LocaleFormat: "readonly" } },
  },
  {
    // Offer B (loaded by calculator.js on demand) uses the model calculator.js came with (window.SalaryModel).
    files: ["docs/assets/javascripts/calculator/compare.js"],
    languageOptions: { globals: { SalaryModel: "readonly" } },
  },
  {
    // Search worker: runs in a Web Worker next to material's, whose lunr it extends.
    files: ["docs/assets/javascripts/workers/**/*.js"],
    // MATERIAL_SEARCH_WORKER: defined by the build in front of this file (scripts/amkam/postprocess.py).
    languageOptions: { globals: { ...globals.worker, lunr: "readonly", MATERIAL_SEARCH_WORKER: "readonly" } },
  },
  {
    // The job-ad builder's script runs after locale-format.js, which the build ships in the same file.
    files: ["docs/assets/javascripts/job-ad/job-ad.js"],
    languageOptions: { globals: { LocaleFormat: "readonly" } },
  },
  {
    files: ["eslint.config.js"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
  },
];
