/* Search that understands German as people type it (generator/search builds the index side).
 *
 * Material's search runs in a worker; this script stands between the page and that worker and
 * changes nothing else of Material's search interface:
 *  - each query word is looked for also as its lemma, its compound parts and its reviewed
 *    synonyms, from the site's own vocabulary (search/bkk-terms.js, built with the index);
 *  - when nothing is found, words of 5+ letters are tried again with one edit of tolerance;
 *  - when still nothing is found, the closest words the site uses are offered, and the help
 *    pages are linked.
 * Loaded in <head> before Material's bundle (overrides/main.html), so that the worker Material
 * creates is this one. Works from file:// too (the offline copy's iframe worker is wrapped alike).
 */
(function () {
  "use strict";
  var Base = window.Worker;
  if (!Base) { return; }
  // Material's message types (integrations/search/worker/message): SETUP, READY, QUERY, RESULT.
  var SETUP = 0, QUERY = 2, RESULT = 3;
  var FUZZY_MIN = 5;  // typo tolerance only for words this long
  var SUGGESTIONS = 5;
  var SUFFIXES = ["innen", "ern", "en", "er", "es", "e", "n", "s"];  // for forms the site does not use
  var SYNTAX = /["+~^*:]/;
  // Words of a question that say nothing about the page sought (lunr drops them from the index).
  var STOP = new Set(("was wie wo wer wann warum ist sind bin bist war hat haben habe kann darf soll muss " +
    "ich du er sie es wir ihr man mein meine der die das den dem des ein eine einer einen und oder " +
    "mit für bei von vom zu zum zur im in an am auf aus nach vor über um bis kein keine keinen nicht").split(" "));  // a reader who writes Lunr syntax gets exactly that
  var me = document.currentScript && document.currentScript.src;
  var base = me ? me.replace(/javascripts\/bkk-search\.js(\?.*)?$/, "") : "";
  var terms = null;

  function load() {
    if (!terms) {
      terms = new Promise(function (resolve) {
        var script = document.createElement("script");
        script.src = base + "search/bkk-terms.js";
        script.onload = function () { resolve(prepare(window.__bkkSearch)); };
        script.onerror = function () { resolve(null); };
        document.head.appendChild(script);
      });
    }
    return terms;
  }

  function prepare(data) {
    if (!data || !data.lemmas) { return null; }
    var known = new Set(data.words);
    Object.keys(data.lemmas).forEach(function (form) { known.add(form); known.add(data.lemmas[form]); });
    Object.keys(data.parts).forEach(function (form) { known.add(form); });
    Object.keys(data.synonyms).forEach(function (word) { known.add(word); });
    data.known = known;
    data.split = new RegExp(data.separator || "[\\s\\-]+");
    return data;
  }

  function words(query, t) {
    return query.toLowerCase().split(t.split).map(function (w) {
      return w.replace(/^[„“”‚‘'’»«.…]+|[„“”‚‘'’»«.…]+$/g, "");
    }).filter(function (w) { return w.length > 0; });
  }

  function stem(word, t) {
    if (t.known.has(word)) { return null; }
    for (var i = 0; i < SUFFIXES.length; i++) {
      var suffix = SUFFIXES[i];
      var rest = word.slice(0, -suffix.length);
      if (word.length - suffix.length >= 4 && word.endsWith(suffix)) {
        if (t.known.has(rest)) { return rest; }
        if (t.known.has(rest + "e")) { return rest + "e"; }
      }
    }
    return null;
  }

  // A query word and what it is also looked for as, with Lunr boosts: the word as typed (also
  // as the start of a longer word, the reader may still be typing) counts most, its lemma and
  // synonyms less, the parts of a compound least (exact words only, so „kind“ is not „kinder…“).
  var TYPED = 10, PREFIX = 2, SAME = 5, PART = 1;

  function variants(word, t) {
    var out = {};
    out[word] = TYPED;
    out[word + "*"] = PREFIX;
    function add(phrase, weight) {
      phrase.split(t.split).forEach(function (w) {
        w = w.replace(/[*~^+:"]/g, "");
        if (w && !STOP.has(w) && !(out[w] >= weight)) { out[w] = weight; }
      });
    }
    function withForms(w, weight) {
      add(w, weight);
      if (t.lemmas[w]) { add(t.lemmas[w], weight); }
      (t.parts[w] || []).forEach(function (part) { add(part, PART); });
    }
    if (t.lemmas[word]) { add(t.lemmas[word], SAME); }
    (t.parts[word] || []).forEach(function (part) { add(part, PART); });
    var umlauts = word.replace(/ae/g, "ä").replace(/oe/g, "ö").replace(/ue/g, "ü");
    if (umlauts !== word && !t.known.has(word)) { withForms(umlauts, SAME); }
    var stemmed = stem(word, t);
    if (stemmed) { withForms(stemmed, SAME); }
    Object.keys(out).concat([word]).forEach(function (w) {
      (t.synonyms[w] || []).forEach(function (s) { withForms(s, SAME); });
    });
    return out;
  }

  function expand(query, t) {
    if (SYNTAX.test(query)) { return query; }
    var all = {};
    var list = words(query, t);
    var content = list.filter(function (w) { return !STOP.has(w); });
    (content.length ? content : list).forEach(function (word) {
      var found = variants(word, t);
      Object.keys(found).forEach(function (w) { all[w] = Math.max(all[w] || 0, found[w]); });
    });
    return Object.keys(all).map(function (w) { return w + "^" + all[w]; }).join(" ");
  }

  function fuzzy(query, t) {
    if (SYNTAX.test(query)) { return null; }
    var list = words(query, t);
    if (!list.some(function (w) { return w.length >= FUZZY_MIN; })) { return null; }
    return list.map(function (w) { return w.length >= FUZZY_MIN ? w + "~1" : w; }).join(" ");
  }

  // Damerau–Levenshtein distance (adjacent swaps count once), for suggestions.
  function distance(a, b) {
    var d = [];
    for (var i = 0; i <= a.length; i++) { d.push([i]); }
    for (var j = 1; j <= b.length; j++) { d[0][j] = j; }
    for (i = 1; i <= a.length; i++) {
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length][b.length];
  }

  function closest(query, t) {
    var scored = [];
    words(query, t).filter(function (w) { return w.length >= 3; }).forEach(function (word) {
      var limit = word.length >= 8 ? 3 : 2;
      t.words.forEach(function (candidate) {
        if (candidate.length > word.length + limit + 2) { return; }
        var score = distance(word, candidate);
        if (candidate.length >= 5 && word.startsWith(candidate)) {
          score = Math.min(score, 1);  // a known word starts the query: „Inobhutnahmeverfahren“
        } else if (candidate.slice(0, 4) === word.slice(0, 4)) {
          score -= 0.5;
        }
        if (score <= limit) { scored.push([score, -candidate.length, candidate]); }
      });
    });
    scored.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    var out = [];
    scored.forEach(function (s) { if (out.length < SUGGESTIONS && out.indexOf(s[2]) < 0) { out.push(s[2]); } });
    return out;
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) { el.className = className; }
    if (text) { el.textContent = text; }
    return el;
  }

  function searchFor(word) {
    var input = document.querySelector(".md-search__input");
    if (!input) { return; }
    input.value = word;
    input.focus();
    input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }

  function showHelp(query, t) {
    var box = document.querySelector(".md-search-result");
    if (!box) { return; }
    var old = box.querySelector(".bkk-search-help");
    if (old) { old.remove(); }
    if (!query || !t) { return; }
    var help = element("div", "bkk-search-help");
    var near = closest(query, t);
    if (near.length) {
      var p = element("p", "", "Meinten Sie: ");
      near.forEach(function (word, i) {
        var button = element("button", "bkk-search-help__word", word);
        button.type = "button";
        button.addEventListener("click", function () { searchFor(word); });
        if (i) { p.appendChild(document.createTextNode(" ")); }
        p.appendChild(button);
      });
      help.appendChild(p);
    }
    help.appendChild(element("p", "", "Hilfe ohne Suche:"));
    var list = element("ul");
    t.help.forEach(function (link) {
      var a = element("a", "", link.label);
      a.href = base + link.href;
      var li = element("li");
      li.appendChild(a);
      list.appendChild(li);
    });
    help.appendChild(list);
    var meta = box.querySelector(".md-search-result__meta");
    box.insertBefore(help, meta ? meta.nextSibling : box.firstChild);
  }

  var decided = new WeakMap();  // one decision per message, however many listeners Material has

  class BkkSearchWorker extends Base {
    constructor(url, options) {
      super(url, options);
      this.bkkSent = [];
      this.bkkWrapped = new Map();
    }

    postMessage(message, transfer) {
      if (!message || message.type !== QUERY) {
        if (message && message.type === SETUP) { load(); }
        return super.postMessage(message, transfer);
      }
      var self = this;
      var entry = { raw: String(message.data || ""), fuzzy: false, terms: null };
      this.bkkSent.push(entry);
      load().then(function (t) {
        entry.terms = t;
        Base.prototype.postMessage.call(self, { type: QUERY, data: t ? expand(entry.raw, t) : entry.raw });
      });
    }

    addEventListener(type, listener, options) {
      if (type !== "message" || typeof listener !== "function") {
        return super.addEventListener(type, listener, options);
      }
      var self = this;
      var wrapped = function (ev) {
        if (!decided.has(ev)) { decided.set(ev, self.bkkDecide(ev)); }
        if (decided.get(ev)) { listener.call(this, ev); }
      };
      this.bkkWrapped.set(listener, wrapped);
      return super.addEventListener(type, wrapped, options);
    }

    removeEventListener(type, listener, options) {
      var wrapped = type === "message" ? this.bkkWrapped.get(listener) : null;
      return super.removeEventListener(type, wrapped || listener, options);
    }

    // true: hand the message to Material; false: keep it back (an empty result retried with typos).
    bkkDecide(ev) {
      var data = ev.data;
      if (!data || data.type !== RESULT) { return true; }
      var entry = this.bkkSent.shift();
      if (!entry) { return true; }
      var empty = !data.data || !data.data.items || data.data.items.length === 0;
      if (empty && !entry.fuzzy && entry.terms && this.bkkSent.length === 0) {
        var retry = fuzzy(entry.raw, entry.terms);
        if (retry) {
          this.bkkSent.push({ raw: entry.raw, fuzzy: true, terms: entry.terms });
          Base.prototype.postMessage.call(this, { type: QUERY, data: retry });
          return false;
        }
      }
      if (this.bkkSent.length === 0) {
        var query = empty ? entry.raw.trim() : "";
        setTimeout(function () {
          showHelp(query, entry.terms);
          var box = document.querySelector(".md-search-result");
          if (box) { box.setAttribute("data-bkk-done", entry.raw); }  // settled: for tests and tools
        }, 0);
      }
      return true;
    }
  }

  window.Worker = BkkSearchWorker;
})();
