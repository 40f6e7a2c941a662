/* Salary calculator page: fields <-> URL <-> SalaryModel (salary-model.js) -> results, chart, scenarios.
   Settings and every text come from the page's #calc-config JSON (scripts/hooks/calculator.py). */
document$.subscribe(function () {
  var root = document.getElementById("calculator");
  if (!root) return;
  var C = JSON.parse(document.getElementById("calc-config").textContent);
  var M = window.SalaryModel, T = C.text, L = M.LIMITS, lang = C.lang, en = lang === "en";
  var form = root.querySelector("form");
  var $ = function (s) { return root.querySelector(s); };
  var field = function (n) { return form.elements[n]; };
  var NAMES = ["country", "payments", "basis", "base", "mode", "target", "achievement", "threshold", "tiers", "cap",
    "revenue", "brackets"];
  var BONUS = ["target", "achievement", "threshold", "tiers", "cap"], COMMISSION = ["revenue", "brackets"];
  var PAIRS = { tiers: 1, brackets: 1 }, CHOICES = { country: 1, basis: 1, mode: 1 };

  var nf = function (o) { return new Intl.NumberFormat(lang, o); };
  var num = nf({ maximumFractionDigits: 20 });
  var fmtNum = function (s) { return num.format(+s); };
  var money = function (v, cur) {
    var cents = Math.round(v * 100) % 100 !== 0;
    return nf({ style: "currency", currency: cur, minimumFractionDigits: cents ? 2 : 0, maximumFractionDigits: 2 })
      .format(v);
  };

  // A number as typed in this language -> URL form ("40 000,5" -> "40000.5"); other text is kept as typed.
  function parseNumber(s) {
    var t = s.trim().replace(/[\s\u00a0\u202f]/g, "");
    if (en) t = t.replace(/,(?=\d{3}(\D|$))/g, "");
    else t = t.replace(/\.(?=\d{3}(\D|$))/g, "").replace(",", ".");
    return /^\d+(\.\d+)?$/.test(t) ? t : s.trim();
  }
  // Pairs are separated by ";" (or "," in English when that is unambiguous), each side a number.
  function parsePairs(s) {
    var sep = s.indexOf(";") >= 0 || !en ? ";" : ",";
    var parts = s.split(sep).map(function (p) { return p.trim(); }).filter(Boolean);
    var out = parts.map(function (p) {
      var ab = p.split(":");
      return ab.length === 2 ? parseNumber(ab[0]) + ":" + parseNumber(ab[1]) : p;
    }).join(",");
    return out;
  }
  var toField = function (n, v) {
    if (PAIRS[n]) return v.split(",").map(function (p) {
      return p.split(":").map(function (x) { return /^\d+(\.\d+)?$/.test(x) ? fmtNum(x) : x; }).join(":");
    }).join("; ");
    return CHOICES[n] || !/^\d+(\.\d+)?$/.test(v) ? v : fmtNum(v);
  };

  function readFields() {
    var p = {};
    NAMES.forEach(function (n) {
      var v = field(n).value;
      p[n] = CHOICES[n] ? v : PAIRS[n] ? parsePairs(v) : parseNumber(v);
    });
    return p;
  }

  function writeUrl(p) {
    var skip = p.mode === "commission" ? BONUS : COMMISSION;
    var q = NAMES.filter(function (n) {
      return skip.indexOf(n) < 0 && !(p[n] === "" && ["threshold", "tiers", "cap"].indexOf(n) >= 0);
    }).map(function (n) {
      return n + "=" + encodeURIComponent(p[n]).replace(/%3A/gi, ":").replace(/%2C/gi, ",");
    }).join("&");
    history.replaceState(history.state, "", "?" + q + location.hash);
  }

  function message(n, code) {
    var r = { payments: L.payments, target: L.target, achievement: L.achievement, threshold: L.threshold,
      cap: L.cap, revenue: L.revenue, base: L.base, tiers: L.tierStart, brackets: L.revenue }[n] || [0, 0];
    var m = { tiers: L.multiplier, brackets: L.rate }[n] || [0, 0];
    var key = PAIRS[n] ? "err_" + n + "_" + code : n === "base" && code === "range" ? "err_base_range" : "err_" + code;
    if (n === "payments" && code === "range") key = "err_integer";
    var ex = PAIRS[n] ? toField(n, C.examples[n]) : fmtNum(1234.5);
    return (T[key] || T.err_choice).replace("{min}", fmtNum(r[0])).replace("{max}", PAIRS[n] && code === "pairs"
      ? fmtNum(L.maxPairs) : fmtNum(r[1])).replace("{mmin}", fmtNum(m[0])).replace("{mmax}", fmtNum(m[1]))
      .replace("{example}", ex);
  }

  function showErrors(errors) {
    NAMES.forEach(function (n) {
      var el = field(n), box = $("#calc-" + n + "-error"), code = errors[n];
      if (code) el.setAttribute("aria-invalid", "true"); else el.removeAttribute("aria-invalid");
      box.textContent = code ? message(n, code) : "";
      box.hidden = !code;
    });
  }

  function chart(p, cur, x) {
    var svg = $("#calc-chart"), bonus = p.mode !== "commission";
    var starts = bonus ? [] : p.brackets.split(",").map(function (b) { return +b.split(":")[0]; });
    var x1 = bonus ? Math.max(200, x) : Math.max(2 * starts[starts.length - 1], x) || 1, pts = [], y1 = 0;
    for (var i = 0; i <= 60; i++) {
      var xi = x1 * i / 60, yi = M.variableAt(p, C.countries, xi);
      pts.push([xi, yi]);
      y1 = Math.max(y1, yi);
    }
    var X = function (v) { return 40 + 540 * v / x1; }, Y = function (v) { return 230 - 200 * v / (y1 || 1); };
    var y = M.variableAt(p, C.countries, x), xs = bonus ? nf({ style: "percent" }).format(x / 100) : money(x, cur);
    var fx = function (v) { return bonus ? nf({ style: "percent" }).format(v / 100) : money(v, cur); };
    svg.querySelector("title").textContent = bonus ? T.calc_chart_title : T.calc_chart_title_commission;
    var d = pts.map(function (q, i) { return (i ? "L" : "M") + X(q[0]).toFixed(1) + " " + Y(q[1]).toFixed(1); });
    var keep = svg.querySelector("title");
    svg.innerHTML = "";
    svg.appendChild(keep);
    svg.insertAdjacentHTML("beforeend", '<path class="calc-axis" d="M40 230H580M40 230V20"/>' +
      '<path class="calc-curve" d="' + d.join("") + '"/><circle class="calc-point" r="6" cx="' + X(x).toFixed(1) +
      '" cy="' + Y(y).toFixed(1) + '"/>');
    [[40, 256, fx(0), "start"], [580, 256, fx(x1), "end"], [46, 18, money(y1, cur), "start"]].forEach(function (l) {
      var t = document.createElementNS("http://www.w3.org/2000/svg", "text");
      t.setAttribute("x", l[0]); t.setAttribute("y", l[1]); t.setAttribute("text-anchor", l[3]);
      t.textContent = l[2];
      svg.appendChild(t);
    });
    $("#calc-chart-desc").textContent = T.calc_chart_desc.replace("{x}", xs).replace("{y}", money(y, cur))
      .replace("{x0}", fx(0)).replace("{x1}", fx(x1)).replace("{y1}", money(y1, cur));
  }

  var pending;
  function update() {
    var p = readFields(), r = M.compute(p, C.countries), c = C.countries[p.country], bonus = p.mode !== "commission";
    root.querySelector('[data-mode="bonus"]').hidden = !bonus;
    root.querySelector('[data-mode="commission"]').hidden = bonus;
    root.querySelectorAll("[data-note]").forEach(function (el) { el.hidden = el.dataset.note !== p.country; });
    showErrors(r.ok ? {} : r.errors);
    $("#calc-status").hidden = r.ok;
    root.querySelectorAll("[data-result]").forEach(function (el) {
      var v = r.ok && r.results[el.dataset.result];
      if (v) { el.dataset.value = v; el.textContent = money(+v, c.currency); }
      else { el.removeAttribute("data-value"); el.textContent = T.result_none; }
    });
    $("#calc-scenarios").hidden = !bonus;
    $("#calc-scenarios-note").hidden = bonus;
    root.querySelectorAll("[data-level]").forEach(function (row) {
      var s = r.ok && bonus && M.compute(Object.assign({}, p, { achievement: row.dataset.level }), C.countries);
      row.querySelectorAll("[data-scenario]").forEach(function (td) {
        td.textContent = s && s.ok ? money(+s.results[td.dataset.scenario], c.currency) : T.result_none;
      });
    });
    $(".calc-chart").hidden = !r.ok;
    // The curve takes sixty model runs: draw it in a task of its own, after the numbers are on screen.
    clearTimeout(pending);
    if (r.ok) pending = setTimeout(chart, 0, p, c.currency, +(bonus ? p.achievement : p.revenue));
    writeUrl(p);
  }

  // Open on the URL's plan (a shared link) or on the page's default plan. A link means the same in every
  // language: optional parameters it leaves out take the contract's defaults, not this page's local plan.
  var q = new URLSearchParams(location.search), fromUrl = NAMES.some(function (n) { return q.has(n); });
  var OPTIONAL = { basis: "year", mode: "bonus", threshold: "", tiers: "", cap: "" };
  NAMES.forEach(function (n) {
    var v = q.has(n) ? q.get(n) : fromUrl && n in OPTIONAL ? OPTIONAL[n] : null, el = field(n);
    if (v === null) return;
    if (el.tagName === "SELECT" && !Array.prototype.some.call(el.options, function (o) { return o.value === v; })) {
      el.add(new Option(v, v));  // keep an unknown value visible, reported as an error
    }
    el.value = toField(n, v);
  });
  if (fromUrl && !q.has("payments") && C.countries[field("country").value]) {
    field("payments").value = C.countries[field("country").value].payments;
  }
  form.addEventListener("input", function (e) {
    if (e.target.name === "country" && C.countries[e.target.value]) {
      field("payments").value = C.countries[e.target.value].payments;
    }
    update();
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  $("#calc-copy").addEventListener("click", function () {
    var done = function () { $("#calc-copied").textContent = T.calc_link_copied; };
    if (navigator.clipboard) navigator.clipboard.writeText(location.href).then(done, function () {});
  });
  update();
});
