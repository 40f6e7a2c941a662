/* Salary calculator page: fields <-> URL <-> SalaryModel (model.js, shipped in the same file) -> results, chart,
   scenarios. Settings, limits and every text come from the page's #calc-config JSON (scripts/amkam/calculator.py).
   If the markup lacks an element the script needs, it says so on the console ("calculator: missing …") and stops.
   The text functions (toField, formatMoney, …) are also window.Calculator, so that tests can compare them with
   their Python twins (field_text, formatting.amount). */
(function () {
  "use strict";
  var NAMES = ["country", "payments", "basis", "base", "mode", "target", "achievement", "threshold", "tiers", "cap",
    "revenue", "brackets"];
  var BONUS = ["target", "achievement", "threshold", "tiers", "cap"], COMMISSION = ["revenue", "brackets"];
  var PAIRS = { tiers: 1, brackets: 1 }, CHOICES = { country: 1, basis: 1, mode: 1 };
  // Left out of a shared link, these take the contract's defaults, not the page's local plan.
  var OPTIONAL = { basis: "year", mode: "bonus", threshold: "", tiers: "", cap: "" };
  var DECIMAL = /^\d+(\.\d+)?$/;
  var SVG = "http://www.w3.org/2000/svg";
  // Offer B's code (compare.js) sits beside this file; it is loaded only when a comparison is asked for.
  var SRC = document.currentScript ? document.currentScript.src : "";
  // Numbers as the page's language writes them: one implementation for every script (locale-format.js).
  var formatNumber = LocaleFormat.number, formatMoney = LocaleFormat.money, formatPercent = LocaleFormat.percent;

  /**
   * A number as typed in this language -> URL form ("40 000,5" -> "40000.5"); other text is kept as typed.
   * @param {string} s what the reader typed
   * @param {string} lang the page's language
   * @returns {string}
   */
  function parseNumber(s, lang) {
    var t = s.trim().replace(/[\s\u00a0\u202f]/g, "");
    if (lang === "en") t = t.replace(/,(?=\d{3}(\D|$))/g, "");
    else t = t.replace(/\.(?=\d{3}(\D|$))/g, "").replace(",", ".");
    return DECIMAL.test(t) ? t : s.trim();
  }

  /**
   * Pairs as typed -> URL form ("100:1,5; 120:2" -> "100:1.5,120:2"). Pairs are separated by ";" (or "," in
   * English when that is unambiguous), each side a number.
   * @param {string} s what the reader typed
   * @param {string} lang the page's language
   * @returns {string}
   */
  function parsePairs(s, lang) {
    var sep = s.indexOf(";") >= 0 || lang !== "en" ? ";" : ",";
    var parts = s.split(sep).map(function (p) { return p.trim(); }).filter(Boolean);
    return parts.map(function (p) {
      var ab = p.split(":");
      return ab.length === 2 ? parseNumber(ab[0], lang) + ":" + parseNumber(ab[1], lang) : p;
    }).join(",");
  }

  /**
   * A URL parameter as a reader would type it in this language (40 000; 100:1,5; 120:2). Twin of
   * calculator.field_text (Python), which writes the fields' first values; tests compare them.
   * @param {string} name the parameter
   * @param {string} value its value in URL form
   * @param {string} lang the page's language
   * @returns {string}
   */
  function toField(name, value, lang) {
    if (PAIRS[name]) {
      return value.split(",").filter(Boolean).map(function (p) {
        return p.split(":").map(function (x) { return DECIMAL.test(x) ? formatNumber(x, lang) : x; }).join(":");
      }).join("; ");
    }
    return CHOICES[name] || !DECIMAL.test(value) ? value : formatNumber(value, lang);
  }

  /**
   * Every element the script needs, found once. Throws an Error naming all that are missing.
   * @param {HTMLElement} root the #calculator element
   * @returns {object} the elements, by role
   */
  function findParts(root) {
    var missing = [];
    var one = function (selector, scope) {
      var el = (scope || root).querySelector(selector);
      if (!el) missing.push(selector);
      return el;
    };
    var ui = { root: root, configScript: one("#calc-config"), form: one("form") };
    ui.fields = {};
    ui.errors = {};
    NAMES.forEach(function (n) {
      ui.fields[n] = ui.form && ui.form.elements[n];
      if (!ui.fields[n]) missing.push('form field "' + n + '"');
      ui.errors[n] = one("#calc-" + n + "-error");
    });
    ["status", "scenarios", "scenarios-note", "chart", "chart-desc", "copy", "copied"].forEach(function (id) {
      ui[id] = one("#calc-" + id);
    });
    ui.chartTitle = ui.chart && one("title", ui.chart);
    ui.chartFigure = one(".calc-chart");
    ui.compareButton = one("#calc-compare");
    ui.bonusGroup = one('[data-mode="bonus"]');
    ui.commissionGroup = one('[data-mode="commission"]');
    ui.results = root.querySelectorAll("[data-result]");
    if (!ui.results.length) missing.push("[data-result]");
    if (missing.length) throw new Error("calculator: missing " + missing.join(", "));
    ui.notes = root.querySelectorAll("[data-note]");
    ui.levels = root.querySelectorAll("[data-level]");
    return ui;
  }

  /**
   * The plan in the fields, in URL form.
   * @param {object} ui the page's elements (findParts) and settings
   * @returns {Object<string, string>}
   */
  function readFields(ui) {
    var p = {};
    NAMES.forEach(function (n) {
      var v = ui.fields[n].value;
      p[n] = CHOICES[n] ? v : PAIRS[n] ? parsePairs(v, ui.lang) : parseNumber(v, ui.lang);
    });
    return p;
  }

  /**
   * A plan as a query: only its mode's parameters. Offer A ("" prefix) leaves out empty optional ones; offer B
   * ("b_") leaves out the country it shares with A and keeps empty ones (a b_ parameter left out takes A's value).
   * @param {Object<string, string>} p the plan in URL form
   * @param {string} prefix "" or "b_"
   * @returns {string}
   */
  function queryOf(p, prefix) {
    var skip = p.mode === "commission" ? BONUS : COMMISSION;
    return NAMES.filter(function (n) {
      return skip.indexOf(n) < 0 && (prefix ? n !== "country"
        : !(p[n] === "" && ["threshold", "tiers", "cap"].indexOf(n) >= 0));
    }).map(function (n) {
      return prefix + n + "=" + encodeURIComponent(p[n]).replace(/%3A/gi, ":").replace(/%2C/gi, ",");
    }).join("&");
  }

  /**
   * Keeps the address in step with the plan, and with offer B's when there is a comparison.
   * @param {object} ui the page's elements and settings
   * @param {Object<string, string>} p the plan in URL form
   */
  function writeUrl(ui, p) {
    // While offer B's code loads, the link's b_ parameters stay in the address as they were.
    var q = queryOf(p, "") + (ui.compare ? "&" + queryOf(ui.compare.params, "b_") : ui.linkedB ? "&" + ui.linkedB : "");
    history.replaceState(history.state, "", "?" + q + location.hash);
  }

  /**
   * The message for a field's error code, in the page's language, with its limits filled in.
   * @param {object} ui the page's elements and settings
   * @param {string} n the field
   * @param {string} code the model's error code (required, number, range, …)
   * @returns {string}
   */
  function message(ui, n, code) {
    var L = ui.config.limits, T = ui.config.text, lang = ui.lang;
    var r = { payments: L.payments, target: L.target, achievement: L.achievement, threshold: L.threshold,
      cap: L.cap, revenue: L.revenue, base: L.base, tiers: L.tierStart, brackets: L.revenue }[n] || [0, 0];
    var m = { tiers: L.multiplier, brackets: L.rate }[n] || [0, 0];
    var key = PAIRS[n] ? "err_" + n + "_" + code : n === "base" && code === "range" ? "err_base_range" : "err_" + code;
    if (n === "payments" && code === "range") key = "err_integer";
    var ex = PAIRS[n] ? toField(n, ui.config.examples[n], lang) : formatNumber(1234.5, lang);
    return (T[key] || T.err_choice).replace("{min}", formatNumber(r[0], lang))
      .replace("{max}", formatNumber(PAIRS[n] && code === "pairs" ? L.maxPairs : r[1], lang))
      .replace("{mmin}", formatNumber(m[0], lang)).replace("{mmax}", formatNumber(m[1], lang))
      .replace("{example}", ex);
  }

  /**
   * Marks the invalid fields and shows their messages; clears the others.
   * @param {object} ui a plan's fields and error slots (offer A's: the page's), with the page's settings
   * @param {Object<string, string>} errors field -> error code
   */
  function showErrors(ui, errors) {
    NAMES.forEach(function (n) {
      var el = ui.fields[n], box = ui.errors[n], code = errors[n];
      if (code) el.setAttribute("aria-invalid", "true"); else el.removeAttribute("aria-invalid");
      box.textContent = code ? message(ui, n, code) : "";
      box.hidden = !code;
    });
  }

  /**
   * Draws the variable pay against achievement (bonus) or revenue (commission), each plan's curve with its point,
   * on one axis (a comparison of two plans of the same mode draws both, labelled).
   * @param {object} ui the page's elements and settings
   * @param {object} chart the chart's svg, title and desc elements, and a prefix for its title
   * @param {Array<{p: Object<string, string>, x: number, label: (string|undefined)}>} series the plans (valid, one
   *   mode), each with its achievement or revenue and, in a comparison, its name
   * @param {string} cur the currency
   */
  function drawChart(ui, chart, series, cur) {
    var C = ui.config, T = C.text, lang = ui.lang, svg = chart.svg, bonus = series[0].p.mode !== "commission";
    var fx = function (v) { return bonus ? formatPercent(v, lang) : formatMoney(v, cur, lang); };
    var x1 = 0, y1 = 0, html = '<path class="calc-axis" d="M40 230H580M40 230V20"/>', labels = [];
    series.forEach(function (s) {
      var starts = bonus ? [] : s.p.brackets.split(",").map(function (b) { return +b.split(":")[0]; });
      x1 = Math.max(x1, bonus ? Math.max(200, s.x) : Math.max(2 * starts[starts.length - 1], s.x));
    });
    x1 = x1 || 1;
    series.forEach(function (s) {
      s.pts = [];
      for (var i = 0; i <= 60; i++) {
        var xi = x1 * i / 60, yi = SalaryModel.variableAt(s.p, C.countries, C.limits, xi);
        s.pts.push([xi, yi]);
        y1 = Math.max(y1, yi);
      }
      s.y = SalaryModel.variableAt(s.p, C.countries, C.limits, s.x);
    });
    var X = function (v) { return 40 + 540 * v / x1; }, Y = function (v) { return 230 - 200 * v / (y1 || 1); };
    series.forEach(function (s, k) {
      var d = s.pts.map(function (q, i) { return (i ? "L" : "M") + X(q[0]).toFixed(1) + " " + Y(q[1]).toFixed(1); });
      var b = k ? " calc-curve-b" : "";
      html += '<path class="calc-curve' + b + '" d="' + d.join("") + '"/><circle class="calc-point' + b +
        '" r="6" cx="' + X(s.x).toFixed(1) + '" cy="' + Y(s.y).toFixed(1) + '"/>';
      if (series.length > 1) {
        html += '<path class="calc-curve' + b + '" d="M400 ' + (44 + 26 * k) + 'h36"/>';
        labels.push([442, 51 + 26 * k, s.label, "start"]);
      }
    });
    chart.title.textContent = (chart.prefix || "") + (bonus ? T.calc_chart_title : T.calc_chart_title_commission);
    svg.innerHTML = "";
    svg.appendChild(chart.title);
    svg.insertAdjacentHTML("beforeend", html);
    labels.concat([[40, 256, fx(0), "start"], [580, 256, fx(x1), "end"], [46, 18, formatMoney(y1, cur, lang), "start"]])
      .forEach(function (l) {
        var t = document.createElementNS(SVG, "text");
        t.setAttribute("x", l[0]); t.setAttribute("y", l[1]); t.setAttribute("text-anchor", l[3]);
        t.textContent = l[2];
        svg.appendChild(t);
      });
    chart.desc.textContent = series.map(function (s) {
      return (s.label ? s.label + T.colon : "") + T.calc_chart_desc.replace("{x}", fx(s.x))
        .replace("{y}", formatMoney(s.y, cur, lang)).replace("{x0}", fx(0)).replace("{x1}", fx(x1))
        .replace("{y1}", formatMoney(y1, cur, lang));
    }).join(" ");
  }

  /**
   * Fills scenario rows (one per achievement level) with a plan's variable and total, or "–".
   * @param {object} ui the page's elements and settings
   * @param {NodeList} rows the table's [data-level] rows
   * @param {Object<string, string>} p the plan in URL form
   * @param {boolean} ok whether the plan is a valid bonus plan
   * @param {string} cur the currency
   */
  function fillScenarios(ui, rows, p, ok, cur) {
    var C = ui.config;
    rows.forEach(function (row) {
      var s = ok && SalaryModel.compute(Object.assign({}, p, { achievement: row.dataset.level }), C.countries, C.limits);
      row.querySelectorAll("[data-scenario]").forEach(function (td) {
        td.textContent = s && s.ok ? formatMoney(+s.results[td.dataset.scenario], cur, ui.lang) : C.text.result_none;
      });
    });
  }

  /**
   * Reads the fields, computes, and shows results, errors, scenarios and (in a task of its own) the chart; then
   * writes the plan into the address.
   * @param {object} ui the page's elements and settings
   */
  function update(ui) {
    var C = ui.config, T = C.text, lang = ui.lang;
    var p = readFields(ui), r = SalaryModel.compute(p, C.countries, C.limits), c = C.countries[p.country];
    var bonus = p.mode !== "commission";
    ui.bonusGroup.hidden = !bonus;
    ui.commissionGroup.hidden = bonus;
    ui.notes.forEach(function (el) { el.hidden = el.dataset.note !== p.country; });
    showErrors(ui, r.ok ? {} : r.errors);
    ui.status.hidden = r.ok;
    ui.results.forEach(function (el) {
      var v = r.ok && r.results[el.dataset.result];
      if (v) { el.dataset.value = v; el.textContent = formatMoney(+v, c.currency, lang); }
      else { el.removeAttribute("data-value"); el.textContent = T.result_none; }
    });
    ui.scenarios.hidden = !bonus;
    ui["scenarios-note"].hidden = bonus;
    fillScenarios(ui, ui.levels, p, r.ok && bonus, c && c.currency);
    ui.chartFigure.hidden = !r.ok;
    var series = [{ p: p, x: +(bonus ? p.achievement : p.revenue) }];
    if (ui.compare) ui.compare.update(p, r, series);
    // The curve takes sixty model runs: draw it in a task of its own, after the numbers are on screen.
    clearTimeout(ui.pending);
    if (r.ok) ui.pending = setTimeout(drawChart, 0, ui, ui.chartParts, series, c.currency);
    writeUrl(ui, p);
  }

  /**
   * Fills the fields with the URL's plan (a shared link), if it has one; otherwise the page's default plan stays.
   * A link means the same in every language: optional parameters it leaves out take the contract's defaults.
   * Offer B (prefix "b_", no country of its own): a parameter left out keeps the value its field has (A's).
   * @param {object} ui a plan's fields (offer A's: the page's), with the page's settings
   * @param {string} search the address's query (location.search)
   * @param {string} [prefix] "b_" for offer B
   */
  function openPlan(ui, search, prefix) {
    var countries = ui.config.countries, names = prefix ? NAMES.slice(1) : NAMES;
    var q = new URLSearchParams(search), fromUrl = !prefix && NAMES.some(function (n) { return q.has(n); });
    names.forEach(function (n) {
      var v = q.has((prefix || "") + n) ? q.get((prefix || "") + n) : fromUrl && n in OPTIONAL ? OPTIONAL[n] : null;
      var el = ui.fields[n];
      if (v === null) return;
      if (el.tagName === "SELECT" && !Array.prototype.some.call(el.options, function (o) { return o.value === v; })) {
        el.add(new Option(v, v));  // keep an unknown value visible, reported as an error
      }
      el.value = toField(n, v, ui.lang);
    });
    if (fromUrl && !q.has("payments") && countries[ui.fields.country.value]) {
      ui.fields.payments.value = countries[ui.fields.country.value].payments;
    }
  }

  /**
   * Updates on every input; a new country brings its usual number of payments.
   * @param {object} ui the page's elements and settings
   * @param {Event} e the input event
   */
  function onInput(ui, e) {
    var countries = ui.config.countries;
    if (e.target.name === "country" && countries[e.target.value]) {
      ui.fields.payments.value = countries[e.target.value].payments;
      if (ui.compare) ui.compare.plan.fields.payments.value = countries[e.target.value].payments;
    }
    update(ui);
  }

  /**
   * Copies the address of the calculation and says so.
   * @param {object} ui the page's elements and settings
   */
  function copyLink(ui) {
    var T = ui.config.text, done = function () { ui.copied.textContent = T.calc_link_copied; };
    if (navigator.clipboard) navigator.clipboard.writeText(location.href).then(done, function () {});
  }

  /**
   * Opens offer B beside offer A, or closes it (the button, which says whether it is pressed). The first time,
   * loads its code (compare.js, beside this file) with a <script> element.
   * @param {object} ui the page's elements and settings
   * @param {string} search the query offer B is read from ("" when the reader asks for it: a copy of A)
   */
  function toggleCompare(ui, search) {
    var run = function () { ui.linkedB = ""; window.CalculatorCompare.toggle(ui, API, search); };
    if (window.CalculatorCompare) return run();
    if (ui.loading) return;
    ui.loading = document.createElement("script");
    ui.loading.src = SRC.replace(/calculator\.js([?#].*)?$/, "compare.js");
    ui.loading.addEventListener("load", run);
    document.head.appendChild(ui.loading);
  }

  /**
   * Starts the calculator on a page that has one (material calls it on every page view).
   * @param {Document} doc the page
   */
  function start(doc) {
    var root = doc.getElementById("calculator"), ui;
    if (!root) return;
    try {
      ui = findParts(root);
    } catch (error) {
      console.error(error.message);
      return;
    }
    ui.config = JSON.parse(ui.configScript.textContent);
    ui.lang = ui.config.lang;
    ui.chartParts = { svg: ui.chart, title: ui.chartTitle, desc: ui["chart-desc"] };
    var search = location.search;
    ui.linkedB = search.slice(1).split("&").filter(function (s) { return /^b_/.test(s); }).join("&");
    openPlan(ui, search);
    ui.form.addEventListener("input", function (e) { onInput(ui, e); });
    ui.form.addEventListener("submit", function (e) { e.preventDefault(); });
    ui.copy.addEventListener("click", function () { copyLink(ui); });
    ui.compare = null;  // offer B, while there is a comparison (compare.js)
    ui.compareButton.addEventListener("click", function () { toggleCompare(ui, ""); });
    update(ui);
    if (ui.linkedB) toggleCompare(ui, search);
  }

  // What compare.js uses of this script.
  var API = { NAMES: NAMES, readFields: readFields, showErrors: showErrors, openPlan: openPlan, update: update,
    drawChart: drawChart, fillScenarios: fillScenarios, formatMoney: formatMoney };
  window.Calculator = { toField: toField, formatMoney: formatMoney, formatNumber: formatNumber,
    parseNumber: parseNumber, parsePairs: parsePairs };
  document$.subscribe(function () { start(document); });
})();
