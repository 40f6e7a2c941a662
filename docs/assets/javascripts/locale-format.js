/* Numbers, amounts and percentages as each language writes them, with the browser's Intl (CLDR rules, the same
   the build's Babel formatting follows: scripts/amkam/formatting.py; browser tests compare the two). The build
   ships this file in front of the calculator's and the job-ad builder's scripts (scripts/amkam/postprocess.py). */
/* exported LocaleFormat */
var LocaleFormat = (function () {
  "use strict";
  var formats = {};

  /**
   * A number format of this locale, made once. Grouping follows CLDR (Spanish groups only from five digits:
   * 8000 €, 48.000 €), as the pages' numbers do.
   * @param {string} locale BCP 47 locale or language (en, fr-FR, …)
   * @param {Intl.NumberFormatOptions} options Intl options
   * @returns {Intl.NumberFormat}
   */
  function numberFormat(locale, options) {
    var key = locale + JSON.stringify(options);
    return formats[key] || (formats[key] = new Intl.NumberFormat(locale, options));
  }

  /**
   * A number ("40000.5" or 40000.5) as this locale writes it ("40 000,5").
   * @param {string|number} v the number
   * @param {string} locale BCP 47 locale
   * @returns {string}
   */
  function number(v, locale) {
    return numberFormat(locale, { maximumFractionDigits: 20 }).format(+v);
  }

  /**
   * An amount in a currency: whole amounts without cents (€48,000), others with two decimals (€48,000.50).
   * Twin of formatting.amount (Python); tests compare them.
   * @param {number} v the amount
   * @param {string} currency ISO 4217 code
   * @param {string} locale BCP 47 locale
   * @returns {string}
   */
  function money(v, currency, locale) {
    var cents = Math.round(v * 100) % 100 !== 0;
    return numberFormat(locale, { style: "currency", currency: currency, minimumFractionDigits: cents ? 2 : 0,
      maximumFractionDigits: 2 }).format(v);
  }

  /**
   * A percentage: 130 -> "130%" (or "130 %").
   * @param {number} v the value, in percent
   * @param {string} locale BCP 47 locale
   * @param {number} [decimals] the most decimals shown (default 0)
   * @returns {string}
   */
  function percent(v, locale, decimals) {
    return numberFormat(locale, { style: "percent", maximumFractionDigits: decimals || 0 }).format(v / 100);
  }

  return { number: number, money: money, percent: percent };
})();
