/* Salary calculator: offer B beside offer A. Loaded by calculator.js (toggleCompare) only when a reader asks for a
   comparison or a link carries one (b_ parameters), so that a page without a comparison does not carry this code.
   Offer B is a copy of A's form without the country (B shares A's country and currency), its fields named b_base,
   b_mode, …; calculator.js reads, checks, draws and writes it into the address with the functions it passes here
   (api). Shown: both offers' results and their difference, both curves (on A's chart when both have the same mode,
   else B's own chart), and B's scenarios. Every text comes from the page's #calc-config. */
(function () {
  "use strict";
  var RESULTS = ["variable", "total", "ote", "per-payment", "monthly-average"];

  /**
   * A new element with a class and a text.
   * @param {string} tag the element
   * @param {string} cls its class ("" for none)
   * @param {string} [text] its text
   * @returns {HTMLElement}
   */
  function make(tag, cls, text) {
    var el = document.createElement(tag);
    if (cls) el.className = cls;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  /**
   * Makes a copy of offer A's markup offer B's: ids calc-x -> calc-b-x (and every reference to them), field
   * names x -> b_x.
   * @param {Element} root the copy
   */
  function rename(root) {
    var ids = function (v) { return v.replace(/(^|\s)calc-/g, "$1calc-b-"); };
    [root].concat(Array.prototype.slice.call(root.querySelectorAll("*"))).forEach(function (el) {
      ["id", "for", "aria-describedby", "aria-labelledby"].forEach(function (a) {
        if (el.hasAttribute(a)) el.setAttribute(a, ids(el.getAttribute(a)));
      });
      if (el.name) el.name = "b_" + el.name;
    });
  }

  /**
   * A difference of two amounts ("1234.50"), exact to the cent, in URL form.
   * @param {string} b offer B's amount
   * @param {string} a offer A's amount
   * @returns {string}
   */
  function difference(b, a) {
    return ((Math.round(+b * 100) - Math.round(+a * 100)) / 100).toFixed(2);
  }

  /**
   * Builds offer B beside offer A: its form (a copy of A's, with A's values), the comparison table, B's chart and
   * B's scenarios; then reads B from the address (b_ parameters) and updates everything.
   * @param {object} ui the page's elements and settings (calculator.js)
   * @param {object} api calculator.js's functions
   * @param {string} search the query to read offer B from ("" when the reader asks for it)
   * @returns {object} offer B: {plan, params, update, close}
   */
  function open(ui, api, search) {
    var T = ui.config.text, added = [];
    var form = ui.form.cloneNode(true), plan = { config: ui.config, lang: ui.lang, fields: {}, errors: {} };
    form.querySelector('[data-field="country"]').remove();
    rename(form);
    api.NAMES.forEach(function (n) {
      var shared = n === "country";
      plan.fields[n] = shared ? ui.fields.country : form.elements["b_" + n];
      plan.errors[n] = shared ? ui.errors.country : form.querySelector("#calc-b-" + n + "-error");
      if (!shared) plan.fields[n].value = ui.fields[n].value;
    });
    api.openPlan(plan, search, "b_");

    // The two forms side by side, each under its offer's name.
    var plans = make("div", "calc-plans"), sections = [];
    ["a", "b"].forEach(function (k) {
      var s = make("section", "calc-plan"), h = make("h2", "", T["calc_plan_" + k]);
      h.id = "calc-" + k + "-title";
      s.setAttribute("aria-labelledby", h.id);
      s.appendChild(h);
      sections.push(s);
      plans.appendChild(s);
    });
    ui.root.insertBefore(plans, ui.form);
    sections[0].appendChild(ui.form);
    sections[1].appendChild(make("p", "calc-hint", T.calc_plan_b_shared));
    sections[1].appendChild(form);
    added.push(plans);

    // Both offers' results and their difference.
    var box = make("section", "calc-compare"), title = make("h2", "", T.calc_compare_title);
    title.id = "calc-compare-title";
    box.setAttribute("aria-labelledby", title.id);
    var status = make("p", "calc-status", T.calc_plan_b_invalid), table = make("table", "calc-compare-table");
    status.id = "calc-b-status";
    status.setAttribute("role", "status");
    var head = table.createTHead().insertRow(), body = table.createTBody();
    [T.calc_result, T.calc_plan_a, T.calc_plan_b, T.calc_difference].forEach(function (text) {
      var th = make("th", "", text);
      th.scope = "col";
      head.appendChild(th);
    });
    RESULTS.forEach(function (key) {
      var row = body.insertRow(), th = make("th", "", ui.root.querySelector('[data-result="' + key + '"]')
        .previousElementSibling.textContent);
      row.dataset.compare = key;
      th.scope = "row";
      row.appendChild(th);
      ["a", "b", "diff"].forEach(function (k) { row.insertCell().dataset.plan = k; });
    });
    box.appendChild(title);
    box.appendChild(status);
    box.appendChild(table);
    var results = ui.results[0].closest("section");
    results.parentNode.insertBefore(box, results.nextSibling);
    added.push(box);

    // Offer B's chart (when the modes differ) and scenarios: copies of A's.
    var figure = ui.chartFigure.cloneNode(true), scenarios = ui.scenarios.cloneNode(true);
    var note = ui["scenarios-note"].cloneNode(true);
    [figure, scenarios, note].forEach(rename);
    ui.chartFigure.parentNode.insertBefore(figure, ui.chartFigure.nextSibling);
    ui["scenarios-note"].parentNode.insertBefore(scenarios, ui["scenarios-note"].nextSibling);
    scenarios.parentNode.insertBefore(note, scenarios.nextSibling);
    added.push(figure, scenarios, note);
    var caption = ui.scenarios.caption, captionText = caption.textContent;
    caption.textContent = T.calc_plan_a + T.colon + captionText;
    scenarios.caption.textContent = T.calc_plan_b + T.colon + captionText;
    var chart = { svg: figure.querySelector("svg"), title: figure.querySelector("title"),
      desc: figure.querySelector("figcaption"), prefix: T.calc_plan_b + T.colon };

    var b = {
      plan: plan,
      params: {},
      /**
       * Computes offer B and shows it beside A (called by calculator.js's update, before it draws A's chart).
       * @param {Object<string, string>} pa offer A in URL form
       * @param {object} ra offer A's outcome (SalaryModel.compute)
       * @param {Array<object>} series A's chart: B's curve joins it when both offers have the same mode
       */
      update: function (pa, ra, series) {
        var C = ui.config, c = C.countries[pa.country], cur = c && c.currency;
        var p = b.params = api.readFields(plan), r = SalaryModel.compute(p, C.countries, C.limits);
        var bonus = p.mode !== "commission", same = ra.ok && r.ok && (pa.mode !== "commission") === bonus;
        form.querySelector('[data-mode="bonus"]').hidden = !bonus;
        form.querySelector('[data-mode="commission"]').hidden = bonus;
        api.showErrors(plan, r.ok ? {} : r.errors);
        status.hidden = r.ok;
        body.querySelectorAll("[data-compare]").forEach(function (row) {
          var key = row.dataset.compare, va = ra.ok && ra.results[key], vb = r.ok && r.results[key];
          var values = { a: va, b: vb, diff: va && vb && difference(vb, va) };
          row.querySelectorAll("[data-plan]").forEach(function (td) {
            var v = values[td.dataset.plan];
            if (v) {
              td.dataset.value = v;
              td.textContent = (td.dataset.plan === "diff" && +v > 0 ? "+" : "") + api.formatMoney(+v, cur, ui.lang);
            } else {
              td.removeAttribute("data-value");
              td.textContent = T.result_none;
            }
          });
        });
        scenarios.hidden = !bonus;
        note.hidden = bonus;
        api.fillScenarios(ui, scenarios.querySelectorAll("[data-level]"), p, r.ok && bonus, cur);
        series[0].label = T.calc_plan_a;
        ui.chartParts.prefix = same ? "" : T.calc_plan_a + T.colon;
        var own = { p: p, x: +(bonus ? p.achievement : p.revenue), label: T.calc_plan_b };
        if (same) series.push(own);
        figure.hidden = !r.ok || same;
        clearTimeout(b.pending);
        if (r.ok && !same) b.pending = setTimeout(api.drawChart, 0, ui, chart, [own], cur);
      },
      /** Removes offer B: the page is offer A's alone again, and so is its address. */
      close: function () {
        clearTimeout(b.pending);
        plans.parentNode.insertBefore(ui.form, plans);
        added.forEach(function (el) { el.remove(); });
        caption.textContent = captionText;
        ui.chartParts.prefix = "";
        ui.compare = null;
        ui.compareButton.setAttribute("aria-pressed", "false");
        api.update(ui);
      },
    };
    form.addEventListener("input", function () { api.update(ui); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    ui.compare = b;
    ui.compareButton.setAttribute("aria-pressed", "true");
    api.update(ui);
    return b;
  }

  window.CalculatorCompare = {
    /**
     * Opens offer B, or closes it if it is open.
     * @param {object} ui the page's elements and settings
     * @param {object} api calculator.js's functions
     * @param {string} search the query to read offer B from
     */
    toggle: function (ui, api, search) {
      if (ui.compare) ui.compare.close();
      else open(ui, api, search);
    },
  };
})();
