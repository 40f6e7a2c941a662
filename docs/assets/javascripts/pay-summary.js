/* The salaries page's summary by country (scripts/amkam/templates/pay_summary.html). Without JavaScript the
   reader's country (the language's) comes first and every other country follows. With it, a reader can put
   another country first; the choice is kept in the URL (?country=DE) so that a shared link opens on it. */
(function () {
  "use strict";
  function setup() {
    var box = document.querySelector(".pay-summary");
    if (!box || box.dataset.ready) return;
    box.dataset.ready = "1";
    var form = box.querySelector(".pay-picker"), select = box.querySelector("#pay-country");
    function show(code) {
      var card = box.querySelector('.pay-country[data-country="' + code + '"]');
      if (!card) return false;
      var first = form.nextElementSibling;
      if (first !== card) box.insertBefore(card, first);
      select.value = code;
      return true;
    }
    var asked = (new URLSearchParams(location.search).get("country") || "").toUpperCase();
    if (!show(asked)) show(box.dataset.default);
    form.hidden = false;
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    select.addEventListener("change", function () {
      if (!show(select.value)) return;
      var url = new URL(location.href);
      if (select.value === box.dataset.default) url.searchParams.delete("country");
      else url.searchParams.set("country", select.value);
      history.replaceState(history.state, "", url.toString());
    });
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setup);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
