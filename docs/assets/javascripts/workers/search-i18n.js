/* The site's search worker: material 9.8.2's own worker, imported below unchanged, made blind to accents and,
   in Czech and Slovak, to word endings. overrides/main.html (block config) names it as material's `search`
   worker; it sits next to material's so that material's relative paths (../lunr/…) still resolve.
   - Indexed text: each token is folded after material's pipeline ("kalkulačka" is indexed as "kalkulacka"). The
     token keeps its position, so result snippets still show and highlight the accented word.
   - Queries: material appends `*` to every plain term, and lunr skips its pipeline for such terms, so the query
     is prepared here before material reads it: folded, and in Czech and Slovak stemmed ("mzda" → "mzd*", which
     finds "mzdy", "mzdu", "mzdou"). Prefix search finds every form that starts with the stem, so the index is
     not stemmed: it keeps one token per word, as material's snippet highlighting needs.
   The language comes from the index (`config.locale`, written by scripts/hooks/search_index.py). */

var locale = "";

// Registered before material's listener, so it runs first and material reads the prepared message.
// Message types are material's SearchMessageType: 0 SETUP (carries one language's index), 2 QUERY.
addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === 0) locale = message.data.config.locale;
  if (message.type === 2) message.data = prepare(message.data);
});

// Material's worker. Its file name changes with every material release: the build defines MATERIAL_SEARCH_WORKER
// from the installed material (scripts/amkam/postprocess.py).
importScripts(MATERIAL_SEARCH_WORKER);

function fold(text) {
  return text.toLowerCase().normalize("NFD").replace(/\p{M}+/gu, "");
}

function foldToken(token) {
  return token.update(fold);
}
lunr.Pipeline.registerFunction(foldToken, "fold");  // registered, or lunr warns in the console

// material builds its lunr index in this worker. Before the first document goes in, the fold joins the end of the
// index pipeline, after the stop word filter, whose lists are accented.
var add = lunr.Builder.prototype.add;
lunr.Builder.prototype.add = function (doc, attributes) {
  if (!this.folds) {
    this.pipeline.add(foldToken);
    this.folds = true;
  }
  return add.call(this, doc, attributes);
};

// A light suffix stripper for Czech and Slovak (after Dolamic and Savoy's light Czech stemmer, with Slovak's
// -om, -ov, -ej, -och, -iach), on folded words. One ending goes, the longest that leaves at least three letters.
var ENDINGS = [
  ["atech"],
  ["etem", "atum", "iach"],
  ["ech", "ich", "eho", "emi", "emu", "ete", "eti", "iho", "imi", "imu", "ach", "ata", "aty", "ych", "ama", "ami",
   "ove", "ovi", "ymi", "och"],
  ["em", "es", "im", "um", "at", "am", "os", "us", "ym", "mi", "ou", "om", "ov", "ej"],
  ["a", "e", "i", "o", "u", "y"]
];

function stem(word) {
  for (var i = 0; i < ENDINGS.length; i++) {
    for (var j = 0; j < ENDINGS[i].length; j++) {
      var ending = ENDINGS[i][j];
      if (word.length - ending.length >= 3 && word.slice(-ending.length) === ending)
        return word.slice(0, -ending.length);
    }
  }
  return word;
}

// Every word is folded. Plain terms are also stemmed; "quoted" and +required or -excluded terms are not, as
// material leaves those exact (no `*`). Field names ("title:") stay as they are.
function prepare(query) {
  var stems = locale === "cs" || locale === "sk";
  return query.split(/("[^"]*")/).map(function (part, i) {
    return part.replace(/\S+/g, function (term) {
      var exact = i % 2 === 1 || /^[+-]|[~^]/.test(term);
      return term.replace(/[\p{L}\p{M}\p{N}]+(?![\p{L}\p{M}\p{N}]*:)/gu, function (word) {
        word = fold(word);
        return stems && !exact ? stem(word) : word;
      });
    });
  }).join("");
}
