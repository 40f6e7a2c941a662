/* Salary calculator model, exact (BigInt rationals). Twin of scripts/amkam/salary_model.py.
   The countries ({code: {currency, payments}}) and the URL contract's limits ({name: [low, high], maxPairs}) are
   inputs: both come from docs/assets/data/figures.yml, through the form's JSON config (#calc-config). */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.SalaryModel = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";
  const LIMIT_NAMES = ["base", "target", "achievement", "threshold", "cap", "payments", "revenue", "tierStart",
    "multiplier", "rate", "maxPairs"];
  const NUM = /^[0-9]+(\.[0-9]+)?$/;
  // Rational = [numerator, denominator > 0], both BigInt; parsed from decimal strings only.
  const q = (s) => { const [i, f = ""] = String(s).split("."); return [BigInt(i + f), 10n ** BigInt(f.length)]; };
  const add = (a, b) => [a[0] * b[1] + b[0] * a[1], a[1] * b[1]];
  const sub = (a, b) => [a[0] * b[1] - b[0] * a[1], a[1] * b[1]];
  const mul = (a, b) => [a[0] * b[0], a[1] * b[1]];
  const div = (a, b) => [a[0] * b[1], a[1] * b[0]];
  const lt = (a, b) => a[0] * b[1] < b[0] * a[1];
  const min = (a, b) => (lt(b, a) ? b : a);
  const inR = (x, r) => !lt(x, q(r[0])) && !lt(q(r[1]), x);
  const ZERO = [0n, 1n], ONE = [1n, 1n], C = [100n, 1n];
  const has = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

  // Round once, half away from zero, to the cent: "1234.50".
  function money(x) {
    const n = x[0] * 100n, neg = n < 0n;
    const c = ((neg ? -n : n) * 2n + x[1]) / (2n * x[1]);
    const s = String(c).padStart(3, "0");
    return (neg && c ? "-" : "") + s.slice(0, -2) + "." + s.slice(-2);
  }

  // Sum of multiplier × (part of x above each start, up to the next start).
  const band = (x, segs) => segs.reduce((acc, [s, m], i) =>
    lt(s, x) ? add(acc, mul(m, sub(segs[i + 1] ? min(x, segs[i + 1][0]) : x, s))) : acc, ZERO);

  function parse(p, countries, L) {
    const missing = LIMIT_NAMES.filter((k) => !L || !has(L, k));
    if (missing.length) throw new Error("salary model: limits lack " + missing.join(", "));
    const e = {}, v = {};
    const get = (k) => (p[k] == null ? "" : String(p[k]));
    const num = (k, r, opt, def) => {
      const s = get(k);
      if (s === "") { if (!opt) e[k] = "required"; return def; }
      if (!NUM.test(s)) e[k] = "number";
      else if (k === "payments" && s.includes(".")) e[k] = "integer";
      else {
        const x = q(s);
        if (!inR(x, r) || (k === "base" && !x[0])) e[k] = "range";
        else return x;
      }
    };
    const choice = (k, ok, def) => {
      const s = get(k) || def;
      if (!s) e[k] = "required";
      else if (!ok(s)) e[k] = "choice";
      return s;
    };
    const pairs = (k, sr, vr, opt, firstZero) => {
      const s = get(k);
      if (s === "") { if (!opt) e[k] = "required"; return []; }
      const t = s.split(",").map((x) => x.split(":"));
      if (t.length > L.maxPairs || t.some((x) => x.length !== 2 || !NUM.test(x[0]) || !NUM.test(x[1]))) {
        e[k] = "pairs"; return;
      }
      const r = t.map((x) => [q(x[0]), q(x[1])]);
      if (r.some((x) => !inR(x[0], sr) || !inR(x[1], vr))) e[k] = "range";
      else if ((firstZero && r[0][0][0]) || r.some((x, i) => i && !lt(r[i - 1][0], x[0]))) e[k] = "order";
      return r;
    };

    const country = choice("country", (s) => has(countries, s));
    v.payments = num("payments", L.payments, true, e.country ? undefined : q(countries[country].payments));
    v.basis = choice("basis", (s) => s === "year" || s === "month", "year");
    v.base = num("base", L.base);
    const mode = v.mode = choice("mode", (s) => s === "bonus" || s === "commission", "bonus");
    if (mode === "bonus") {
      v.target = num("target", L.target);
      v.achievement = num("achievement", L.achievement);
      v.threshold = num("threshold", L.threshold, true, ZERO);
      v.tiers = pairs("tiers", L.tierStart, L.multiplier, true);
      v.cap = num("cap", L.cap, true, null);
    } else if (mode === "commission") {
      v.revenue = num("revenue", L.revenue);
      v.brackets = pairs("brackets", L.revenue, L.rate, false, true);
    }
    return [e, v];
  }

  function compute(params, countries, limits) {
    const [errors, v] = parse(params || {}, countries, limits);
    if (Object.keys(errors).length) return { ok: false, errors };
    const annual = v.basis === "month" ? mul(v.base, v.payments) : v.base;
    let variable, ote = null;
    if (v.mode === "bonus") {
      const t = div(mul(annual, v.target), C), a = v.achievement;
      let f = ZERO;
      if (!lt(a, v.threshold)) {
        f = add(min(a, C), band(a, [[C, ONE]].concat(v.tiers)));
        if (v.cap) f = min(f, v.cap);
      }
      variable = div(mul(t, f), C);
      ote = money(add(annual, t));
    } else {
      variable = div(band(v.revenue, v.brackets), C);
    }
    const total = add(annual, variable);
    return {
      ok: true,
      results: {
        variable: money(variable), total: money(total), ote,
        "per-payment": money(div(annual, v.payments)), "monthly-average": money(div(total, [12n, 1n])),
      },
    };
  }

  // Variable pay as a float (for charts) at achievement x (bonus) or revenue x (commission); NaN if invalid.
  function variableAt(params, countries, limits, x) {
    const k = (params || {}).mode === "commission" ? "revenue" : "achievement";
    const r = compute(Object.assign({}, params, { [k]: typeof x === "string" ? x : (+x).toFixed(6) }), countries, limits);
    return r.ok ? +r.results.variable : NaN;
  }

  return { LIMIT_NAMES, compute, variableAt, money };
});
