/* Site-wide behaviour, started from material's document$ like every custom script.
   - Links to another language (a[hreflang]: the switcher, the language offer) keep the reader's section (#anchor)
     and calculator inputs (?query). They stop the click there: material's "stay on page" handler on <body> would
     otherwise send the reader to the language's page without anchor or query.
   - Heading permalinks copy the section's address.
   - A role sheet's "Print / Save as PDF" button (hidden without JavaScript) opens the browser's print dialog.
   - On default-language pages, offer the reader's preferred language when the browser asks for another one. */
// Material's "stay on page" script fetches sitemap.xml beside every link[rel=alternate] of the head when document$
// first fires, on the public host the alternates name: from any other address (a preview, a mirror) each page
// would log failed cross-host requests. Its mapping is not needed (the language links below keep the page), so
// the alternates are out of its sight during that first call (it subscribed before this script ran) and back
// unchanged in the one below, which runs right after it: search engines and the final DOM keep them as built.
var hreflangAlternates = document.querySelectorAll('head link[rel="alternate"][hreflang]');
hreflangAlternates.forEach(function (link) { link.setAttribute("rel", "alternate-hreflang"); });
document$.subscribe(function () {
  hreflangAlternates.forEach(function (link) { link.setAttribute("rel", "alternate"); });
});

document$.subscribe(function () {
  var keep = function (link) {
    var target = new URL(link.getAttribute("href"), location.href);
    target.search = location.search;
    target.hash = location.hash;
    link.href = target.href;
  };
  document.querySelectorAll("a[hreflang]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      keep(link);
      event.stopPropagation();
    });
  });

  // Each section heading's permalink (material's ¶) also copies the section's address: HR links it in one click.
  var status = document.getElementById("copy-status");
  if (status) {
    document.querySelectorAll(".md-typeset .headerlink").forEach(function (link) {
      link.setAttribute("aria-label", status.dataset.copySection);
      link.title = status.dataset.copySection;
      link.addEventListener("click", function () {
        var url = location.origin + location.pathname + link.getAttribute("href");
        if (!navigator.clipboard) return;
        navigator.clipboard.writeText(url).then(function () {
          status.textContent = status.dataset.copied;
          status.classList.add("copy-status--shown");
          setTimeout(function () { status.classList.remove("copy-status--shown"); status.textContent = ""; }, 2500);
        }, function () {});
      });
    });
  }

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
    button.parentElement.hidden = false;
  });

  var box = document.getElementById("lang-suggest");
  if (!box || localStorage.getItem("lang-suggest-dismissed")) return;
  var offered = Array.prototype.slice.call(box.querySelectorAll("[data-lang]"));
  var wanted = (navigator.languages || [navigator.language]).map(function (tag) {
    return String(tag).toLowerCase().split("-")[0];
  });
  for (var i = 0; i < wanted.length; i++) {
    if (wanted[i] === document.documentElement.lang) return;  // the reader prefers this page's language
    var match = offered.find(function (item) { return item.dataset.lang === wanted[i]; });
    if (match) {
      match.hidden = false;
      box.hidden = false;
      box.querySelector("[data-dismiss]").addEventListener("click", function () {
        box.hidden = true;
        localStorage.setItem("lang-suggest-dismissed", "1");
      });
      return;
    }
  }
});
