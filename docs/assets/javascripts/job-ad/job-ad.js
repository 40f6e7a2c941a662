/* Job-ad builder page: fields <-> URL -> a job-ad draft in the ad's language (preview, plain text, Markdown,
   HTML). Data for every ad language, limits and the page's messages come from the page's #jobad-config JSON
   (scripts/amkam/job_ad.py). Invalid input shows a message by its field and no draft; what was typed stays in the
   field and in the address. Typed text reaches the preview only as text (textContent) and the HTML output only
   escaped. The functions are also window.JobAd, so that tests can call them. */
(function () {
  "use strict";
  var NAMES = ["role", "level", "country", "adlang", "min", "max", "period", "structure", "target", "payments",
    "company", "location", "format"];
  var DECIMAL = /^\d+(\.\d+)?$/;
  // Numbers as the ad's language writes them: one implementation for every script (locale-format.js).
  var formatNumber = LocaleFormat.number, formatMoney = LocaleFormat.money;

  /**
   * A percentage as this language writes it (20 -> "20 %"), with up to two decimals.
   * @param {number} v the value in percent
   * @param {string} locale BCP 47 locale
   * @returns {string}
   */
  function formatPercent(v, locale) {
    return LocaleFormat.percent(v, locale, 2);
  }

  /**
   * A number as typed in the page's language -> URL form ("45 000,5" -> "45000.5"); other text is kept as typed.
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
   * A message of the page's language with its {placeholders} filled in.
   * @param {string} text the message
   * @param {Object<string, string>} values the placeholders' values
   * @returns {string}
   */
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }

  /**
   * Checks a draft's parameters (URL form). Returns the messages by field (page language) and, when there are
   * none, the values the ad needs.
   * @param {Object<string, string>} p the parameters, as strings
   * @param {object} config the page's #jobad-config
   * @param {Object<string, string[]>} choices the allowed values of each select
   * @returns {{errors: Object<string, string>, empty: boolean}}
   */
  function validate(p, config, choices) {
    var t = config.text, lim = config.limits, errors = {}, loc = config.lang;
    Object.keys(choices).forEach(function (n) {
      if (choices[n].indexOf(p[n]) < 0) errors[n] = t.err_choice;
    });
    var empty = p.min === "" && p.max === "";
    ["min", "max"].forEach(function (n) {
      if (p[n] === "") errors[n] = t.err_required;
      else if (!DECIMAL.test(p[n])) errors[n] = fill(t.err_number, { example: formatNumber(45000, loc) });
      else if (+p[n] <= 0 || +p[n] > lim.amount) {
        errors[n] = fill(t.err_base_range, { min: formatNumber(0, loc), max: formatNumber(lim.amount, loc) });
      }
    });
    if (!errors.min && !errors.max && +p.max < +p.min) errors.max = t.ja_err_order;
    if (p.structure === "variable") {
      if (p.target === "") errors.target = t.err_required;
      else if (!DECIMAL.test(p.target)) errors.target = fill(t.err_number, { example: formatNumber(20, loc) });
      else if (+p.target < lim.target[0] || +p.target > lim.target[1]) {
        errors.target = fill(t.err_range, { min: formatNumber(lim.target[0], loc),
          max: formatNumber(lim.target[1], loc) });
      }
    }
    if (!/^\d+$/.test(p.payments) || +p.payments < lim.payments[0] || +p.payments > lim.payments[1]) {
      errors.payments = fill(p.payments === "" ? t.err_required : t.err_integer,
        { min: formatNumber(lim.payments[0], loc), max: formatNumber(lim.payments[1], loc) });
    }
    ["company", "location"].forEach(function (n) {
      if (p[n].length > lim.text) errors[n] = fill(t.ja_err_long, { max: formatNumber(lim.text, loc) });
    });
    return { errors: errors, empty: empty && Object.keys(errors).every(function (n) {
      return n === "min" || n === "max";
    }) };
  }

  /**
   * The experience line of a level in the ad's language.
   * @param {{low?: number, high?: number}} years the level's years
   * @param {object} ad the ad language's texts
   * @returns {string}
   */
  function experienceText(years, ad) {
    var kind = "low" in years && "high" in years ? "range" : "low" in years ? "min" : "max";
    return fill(ad.experience[kind], { low: formatNumber(years.low, ad.locale), high: formatNumber(years.high, ad.locale) });
  }

  /**
   * The draft as blocks (h1, h2, p, ul) in the ad's language, from valid parameters. Typed text stays plain text.
   * @param {Object<string, string>} p valid parameters (URL form)
   * @param {object} config the page's #jobad-config
   * @returns {{lang: string, blocks: object[]}}
   */
  function buildAd(p, config) {
    var lang = p.adlang, ad = config.ads[lang], role = config.roles[p.role];
    var currency = config.countries[p.country].currency, loc = ad.locale;
    var neutral = config.neutralByCountry[p.country] || ad.neutral;
    var blocks = [{ type: "h1", text: fill(ad.title[p.level], { role: role.name }) + " " + neutral }];
    var about = [];
    if (p.company) about.push(fill(ad.company, { company: p.company }));
    if (p.location) about.push(fill(ad.location, { location: p.location }));
    if (about.length) blocks.push({ type: "h2", text: ad.about }, { type: "ul", items: about.map(plain) });
    blocks.push({ type: "h2", text: ad.responsibilities }, { type: "ul", items: role.responsibilities.map(function (r) {
      return { strong: r.title[lang], text: r.summary[lang] };
    }) });
    blocks.push({ type: "h2", text: ad.skills }, { type: "ul", items: role.skills.map(function (s) {
      return plain(s[lang]);
    }) });
    blocks.push({ type: "h2", text: ad.profile }, { type: "ul", items: [plain(experienceText(config.levels[p.level], ad))] });
    var min = formatMoney(+p.min, currency, loc), max = formatMoney(+p.max, currency, loc);
    var pay = [fill(+p.min === +p.max ? ad.base_fixed : ad.base, { min: min, max: max, period: ad.period[p.period] }),
      fill(ad.payments, { payments: formatNumber(p.payments, loc) }),
      p.structure === "variable" ? fill(ad.variable, { target: formatPercent(+p.target, loc) }) : ad.fixed];
    blocks.push({ type: "h2", text: ad.pay }, { type: "ul", items: pay.map(plain) });
    config.rules.forEach(function (rule) {
      if (rule.countries.indexOf(p.country) >= 0) {
        blocks.push({ type: "p", text: fill(ad.rules[rule.id], { rule: rule.citation }) });
      }
    });
    blocks.push({ type: "p", text: ad.apply });
    return { lang: lang, blocks: blocks };
  }

  /**
   * A list item with no bold lead.
   * @param {string} text the item
   * @returns {{text: string}}
   */
  function plain(text) {
    return { text: text };
  }

  /**
   * Text made safe for HTML: & < > " ' escaped.
   * @param {string} s any text
   * @returns {string}
   */
  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  /**
   * Text made literal for Markdown: its markup characters backslash-escaped.
   * @param {string} s any text
   * @returns {string}
   */
  function escapeMarkdown(s) {
    return String(s).replace(/([\\`*_{}[\]()#+\-.!|<>~])/g, "\\$1");
  }

  /**
   * The draft as plain text.
   * @param {{blocks: object[]}} model the draft
   * @returns {string}
   */
  function toText(model) {
    return model.blocks.map(function (b) {
      if (b.type === "ul") {
        return b.items.map(function (i) { return "- " + (i.strong ? i.strong + ": " : "") + i.text; }).join("\n");
      }
      return b.type === "h1" ? b.text + "\n" + "=".repeat(Math.min(b.text.length, 60)) : b.text;
    }).join("\n\n") + "\n";
  }

  /**
   * The draft as Markdown (every text escaped).
   * @param {{blocks: object[]}} model the draft
   * @returns {string}
   */
  function toMarkdown(model) {
    return model.blocks.map(function (b) {
      if (b.type === "ul") {
        return b.items.map(function (i) {
          return "- " + (i.strong ? "**" + escapeMarkdown(i.strong) + "**: " : "") + escapeMarkdown(i.text);
        }).join("\n");
      }
      return (b.type === "h1" ? "# " : b.type === "h2" ? "## " : "") + escapeMarkdown(b.text);
    }).join("\n\n") + "\n";
  }

  /**
   * The draft as HTML, in an element that carries the ad's language (every text escaped).
   * @param {{lang: string, blocks: object[]}} model the draft
   * @returns {string}
   */
  function toHtml(model) {
    var body = model.blocks.map(function (b) {
      if (b.type === "ul") {
        return "<ul>\n" + b.items.map(function (i) {
          return "  <li>" + (i.strong ? "<strong>" + escapeHtml(i.strong) + "</strong>: " : "") + escapeHtml(i.text) +
            "</li>";
        }).join("\n") + "\n</ul>";
      }
      return "<" + b.type + ">" + escapeHtml(b.text) + "</" + b.type + ">";
    }).join("\n");
    return '<article lang="' + escapeHtml(model.lang) + '">\n' + body + "\n</article>\n";
  }

  /**
   * Shows the draft in the preview, built as DOM nodes (text only), one heading level below the page's section.
   * @param {HTMLElement} el the preview element
   * @param {{lang: string, blocks: object[]}} model the draft
   */
  function renderPreview(el, model) {
    var doc = el.ownerDocument, tags = { h1: "h3", h2: "h4", p: "p", ul: "ul" };
    el.textContent = "";
    el.lang = model.lang;
    model.blocks.forEach(function (b) {
      var node = doc.createElement(tags[b.type]);
      if (b.type === "ul") {
        b.items.forEach(function (i) {
          var li = doc.createElement("li");
          if (i.strong) {
            var strong = doc.createElement("strong");
            strong.textContent = i.strong;
            li.append(strong, ": ");
          }
          li.append(i.text);
          node.append(li);
        });
      } else {
        node.textContent = b.text;
      }
      el.append(node);
    });
  }

  /**
   * Every element the script needs, found once; throws an Error naming those that are missing.
   * @param {HTMLElement} root the #job-ad element
   * @returns {object}
   */
  function findParts(root) {
    var ui = { root: root, fields: {}, errors: {} }, missing = [];
    function need(key, el, name) {
      if (!el) missing.push(name);
      return el;
    }
    NAMES.forEach(function (n) {
      ui.fields[n] = need(n, root.querySelector('[name="' + n + '"]'), n);
      ui.errors[n] = need(n, root.querySelector("#jobad-" + n + "-error"), n + " error");
    });
    ui.configScript = need("", root.querySelector("#jobad-config"), "#jobad-config");
    ui.status = need("", root.querySelector("#jobad-status"), "#jobad-status");
    ui.preview = need("", root.querySelector("#jobad-preview"), "#jobad-preview");
    ui.copyArea = need("", root.querySelector("#jobad-copy-area"), "#jobad-copy-area");
    ui.source = need("", root.querySelector("#jobad-source"), "#jobad-source");
    ui.copy = need("", root.querySelector("#jobad-copy"), "#jobad-copy");
    ui.copyLink = need("", root.querySelector("#jobad-copy-link"), "#jobad-copy-link");
    ui.copied = need("", root.querySelector("#jobad-copied"), "#jobad-copied");
    ui.variable = need("", root.querySelector('[data-structure="variable"]'), "variable group");
    if (missing.length) throw new Error("job-ad: missing " + missing.join(", "));
    return ui;
  }

  /**
   * The parameters in URL form, read from the fields (numbers as typed in the page's language are converted).
   * @param {object} ui the page's parts
   * @returns {Object<string, string>}
   */
  function readFields(ui) {
    var p = {};
    NAMES.forEach(function (n) {
      var v = ui.fields[n].value;
      p[n] = ["min", "max", "target", "payments"].indexOf(n) >= 0 ? parseNumber(v, ui.lang) : v.trim();
    });
    return p;
  }

  /**
   * Keeps the address in step with the fields: every parameter that is not empty, as typed when invalid.
   * @param {Object<string, string>} p the parameters
   */
  function writeUrl(p) {
    var q = NAMES.filter(function (n) {
      return p[n] !== "" && !(n === "target" && p.structure !== "variable");
    }).map(function (n) { return n + "=" + encodeURIComponent(p[n]); }).join("&");
    history.replaceState(history.state, "", "?" + q + location.hash);
  }

  /**
   * Puts a link's parameters into the fields: numbers in the page's form; a value a select does not offer is
   * kept as an extra option (so nothing is lost) and reported as invalid.
   * @param {object} ui the page's parts
   * @param {string} search location.search
   */
  function openDraft(ui, search) {
    var params = new URLSearchParams(search);
    NAMES.forEach(function (n) {
      if (!params.has(n)) return;
      var v = params.get(n), field = ui.fields[n];
      if (field.tagName === "SELECT") {
        if (!ui.choices[n].some(function (c) { return c === v; })) {
          var option = document.createElement("option");
          option.value = v;
          option.textContent = v;
          field.append(option);
        }
        field.value = v;
      } else {
        field.value = ["min", "max", "target", "payments"].indexOf(n) >= 0 && DECIMAL.test(v) ?
          formatNumber(v, ui.lang) : v;
      }
    });
  }

  /**
   * Reads the fields, shows each field's message, and the draft only when every field is valid.
   * @param {object} ui the page's parts
   */
  function update(ui) {
    var p = readFields(ui), result = validate(p, ui.config, ui.choices), t = ui.config.text;
    ui.variable.hidden = p.structure !== "variable";
    NAMES.forEach(function (n) {
      var message = result.empty && (n === "min" || n === "max") ? "" : result.errors[n] || "";
      ui.errors[n].textContent = message;
      ui.errors[n].hidden = !message;
      if (message) ui.fields[n].setAttribute("aria-invalid", "true");
      else ui.fields[n].removeAttribute("aria-invalid");
    });
    writeUrl(p);
    var ok = Object.keys(result.errors).length === 0;
    ui.status.hidden = ok;
    ui.status.textContent = ok ? "" : result.empty ? t.ja_status_empty : t.ja_status_invalid;
    ui.status.classList.toggle("jobad-invalid", !ok && !result.empty);
    ui.preview.hidden = !ok;
    ui.copyArea.hidden = !ok;
    if (!ok) {
      ui.preview.textContent = "";
      ui.source.value = "";
      return;
    }
    var model = buildAd(p, ui.config);
    renderPreview(ui.preview, model);
    ui.source.value = { text: toText, markdown: toMarkdown, html: toHtml }[p.format](model);
    ui.source.lang = model.lang;
  }

  /**
   * Copies text to the clipboard and says so in the status line.
   * @param {object} ui the page's parts
   * @param {string} text what to copy
   * @param {string} done the message once copied
   */
  function copy(ui, text, done) {
    function said() { ui.copied.textContent = done; }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(said, function () {
        ui.source.select();
        if (document.execCommand("copy")) said();
      });
    } else {
      ui.source.select();
      if (document.execCommand("copy")) said();
    }
  }

  /**
   * Starts the builder on its page (material calls it on every page view).
   * @param {Document} doc the page
   */
  function start(doc) {
    var root = doc.getElementById("job-ad"), ui;
    if (!root) return;
    try {
      ui = findParts(root);
    } catch (error) {
      console.error(error.message);
      return;
    }
    ui.config = JSON.parse(ui.configScript.textContent);
    ui.lang = ui.config.lang;
    ui.choices = {};
    NAMES.forEach(function (n) {
      if (ui.fields[n].tagName === "SELECT") {
        ui.choices[n] = Array.prototype.map.call(ui.fields[n].options, function (o) { return o.value; });
      }
    });
    openDraft(ui, location.search);
    root.addEventListener("input", function () { ui.copied.textContent = ""; update(ui); });
    root.addEventListener("change", function () { update(ui); });
    root.querySelector("form").addEventListener("submit", function (e) { e.preventDefault(); });
    ui.copy.addEventListener("click", function () { copy(ui, ui.source.value, ui.config.text.ja_copied); });
    ui.copyLink.addEventListener("click", function () { copy(ui, location.href, ui.config.text.ja_link_copied); });
    update(ui);
  }

  window.JobAd = { parseNumber: parseNumber, validate: validate, buildAd: buildAd, toText: toText,
    toMarkdown: toMarkdown, toHtml: toHtml, escapeHtml: escapeHtml, escapeMarkdown: escapeMarkdown };
  document$.subscribe(function () { start(document); });
})();
