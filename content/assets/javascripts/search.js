/* The search page (soeg/): Pagefind's browser API over the index that `python -m generator search-index` writes
 * into pagefind/ after any builder (generator/output/pagefind.py). Loaded by this page only.
 *
 * - The query and the filters live in the address (?q=&type=&kommune=&element=), so a search can be linked, and
 *   the header's search field (overrides/partials/header.html) comes here with ?q=.
 * - Stop words never rank a page on their own: they are left out of a query that has other words, and a query of
 *   stop words only finds nothing (it says so). So is a verb that asks for something without naming it ("lav et
 *   budget") when it opens the query, and a single letter.
 * - Ranking: Pagefind's, with less weight on a page's length (RANKING).
 * - A page is indexed with words it does not show (its compound parts and synonyms) after the word TERMS_WORD;
 *   an excerpt is made from the page's text before it, so those words never show.
 * - Everything from the index (titles, text, filter values) is set as text, never as markup.
 */
(function () {
  "use strict";

  // Snowball's Danish stop word list (https://snowballstem.org/algorithms/danish/stop.txt), all 94 words,
  var STOP_WORDS = new Set((
    "og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om vi min havde ham " +
    "hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her alle vil blev kunne ind når " +
    "være dog noget ville jo deres efter ned skulle denne end dette mit også under have dig anden hende mine alt " +
    "meget sit sine vor mod disse hvis din nogle hos blive mange ad bliver hendes været thi jer sådan " +
    // and the question words the list leaves out ("hvad" and "hvor" are in it): a question is asked with them,
    // they say nothing of what is looked for
    "hvordan hvorfor hvornår hvilke hvilken hvilket hvem"
  ).split(" "));
  // A request opens with a verb that asks for something without naming it ("lav et budget", "find en kommune", "vis
  // alle projekter"). Such a verb is left out when a stop word (an article, a pronoun, a preposition) follows it:
  // "lav" before "et" is the verb, while "lav pris" is the cost band and stays.
  var REQUEST_VERBS = new Set(["lav", "find", "vis", "se", "hent", "giv"]);
  // Pagefind weighs a page's length like BM25 (pageLength 0.75): pages shorter than the site's average rank far
  // above longer ones. Here the short pages are mostly lists of other pages' names (a municipality's page has
  // "Overgangsmøder" and "Skolefravær" among 120 words) and the long ones hold the text (the cases page, 6,500
  // words, has "overgang til ungdomsuddannelse" and "skole" in one sentence). Measured on
  // tests/browser/search_queries.yaml with scripts/search_quality.py: 0.2 finds 89 % of the pages first (0.75: 79 %)
  // and every page in the top 3; 0 (no weight at all) loses "trivselsteam".
  var RANKING = { pageLength: 0.2 };
  // A single letter begins too many words to find anything by, and is the slowest search (at 100× the data,
  // "f" scores 2,500 pages: 200 ms, and holds up the search for the next letters): words shorter are left out.
  var MIN_LETTERS = 2;
  var TERMS_WORD = "kbsoegeord"; // generator/output/pagefind.py
  var SHOWN = 10; // results shown; Pagefind loads the data of these only
  var EXCERPT_WORDS = 30;
  var FILTERS = ["type", "kommune", "element"];

  var form = document.getElementById("kb-search");
  if (!form) return;
  var field = document.getElementById("kb-search-q");
  var status = document.getElementById("kb-search-status");
  var list = document.getElementById("kb-search-results");
  var root = new URL(form.getAttribute("data-root"), window.location.href);
  var bundle = new URL(form.getAttribute("data-bundle"), window.location.href);
  var selects = {};
  FILTERS.forEach(function (name) { selects[name] = form.querySelector("[data-kb-filter='" + name + "']"); });
  var latest = 0; // the number of the newest search: an older one that finishes later is dropped

  function words(query) {
    return query.toLowerCase().split(/[\s,.;:!?()"»«]+/).filter(Boolean);
  }

  // The query Pagefind gets: the words that are neither stop words nor single letters ("" when none is left),
  // without an opening verb of request.
  function meaningful(query) {
    var all = words(query);
    if (all.length > 2 && REQUEST_VERBS.has(all[0]) && STOP_WORDS.has(all[1])) all = all.slice(1);
    return all.filter(function (word) { return word.length >= MIN_LETTERS && !STOP_WORDS.has(word); }).join(" ");
  }

  function chosenFilters() {
    var chosen = {};
    FILTERS.forEach(function (name) {
      if (selects[name] && selects[name].value) chosen[name] = selects[name].value;
    });
    return chosen;
  }

  function remember() {
    var params = new URLSearchParams();
    if (field.value) params.set("q", field.value);
    var chosen = chosenFilters();
    FILTERS.forEach(function (name) { if (chosen[name]) params.set(name, chosen[name]); });
    var search = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
  }

  function say(text, state, query) {
    status.textContent = text;
    list.setAttribute("data-state", state);
    list.setAttribute("data-query", query);
  }

  // The page's own text: what Pagefind holds for it, cut where the added words begin.
  function shownText(content) {
    var at = content.indexOf(TERMS_WORD);
    return at === -1 ? content : content.slice(0, at);
  }

  function matcher(query) {
    // A word of the text matches a query word that begins like it (Danish endings differ: "møder", "mødet").
    var stems = words(query).map(function (word) { return word.slice(0, Math.max(4, word.length - 2)); });
    return function (word) {
      var lower = word.toLowerCase();
      return stems.some(function (stem) { return lower.indexOf(stem) === 0; });
    };
  }

  // A few words around the first place the text matches the query, the matches marked.
  function excerpt(content, query) {
    var all = shownText(content).split(/\s+/).filter(Boolean);
    var matches = matcher(query);
    var first = all.findIndex(function (word) { return matches(word.replace(/^[^\wæøå]+/i, "")); });
    var start = Math.max(0, (first === -1 ? 0 : first) - 8);
    var part = all.slice(start, start + EXCERPT_WORDS);
    var p = document.createElement("p");
    p.className = "kb-search-result__excerpt";
    if (start > 0) p.appendChild(document.createTextNode("… "));
    part.forEach(function (word, i) {
      if (i > 0) p.appendChild(document.createTextNode(" "));
      if (matches(word.replace(/^[^\wæøå]+/i, ""))) {
        var mark = document.createElement("mark");
        mark.textContent = word;
        p.appendChild(mark);
      } else {
        p.appendChild(document.createTextNode(word));
      }
    });
    if (start + EXCERPT_WORDS < all.length) p.appendChild(document.createTextNode(" …"));
    return p;
  }

  function capitalised(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function item(data, query) {
    var li = document.createElement("li");
    li.className = "kb-search-result";
    var link = document.createElement("a");
    link.className = "kb-search-result__title";
    link.href = new URL(data.url.replace(/^\//, ""), root).href;
    link.textContent = (data.meta && data.meta.title) || data.url;
    var kind = document.createElement("span");
    kind.className = "kb-search-result__kind";
    kind.textContent = capitalised((data.meta && data.meta.type) || "side");
    li.appendChild(kind);
    li.appendChild(document.createTextNode(" "));
    li.appendChild(link);
    li.appendChild(excerpt(data.content || "", query));
    return li;
  }

  var loading = null;
  function load() {
    // An empty search on start loads Pagefind's Danish word rules (WebAssembly) and the index's list of chunks,
    // which every search needs: the first key then waits only for the words it asks for (about 200 ms less).
    // Pagefind searches on the page itself, not in a worker: the worker is a second copy of its script to load
    // (12 KB gzipped) and to start before the first search, for an index that is searched in milliseconds.
    loading = loading || import(new URL("pagefind.js", bundle).href).then(function (api) {
      return api.options({ noWorker: true, ranking: RANKING }).then(function () { return api.init(); })
        .then(function () { return api.search(""); }).then(function () { return api; });
    }).catch(function (error) {
      loading = null;  // the next search tries again (the visitor may be back online)
      throw error;
    });
    return loading;
  }

  // Pagefind finds the pages that have every word. When those are few (a question: "hvordan kombinerer vi
  // elementer"), the pages with most of the words follow, best first: more words, then Pagefind's score.
  async function ranked(api, query, options) {
    var all = (await api.search(query, options)).results;
    var each = query.split(" ");
    if (each.length < 2 || all.length >= SHOWN) return all;
    var seen = new Set(all.map(function (result) { return result.id; }));
    var tally = new Map();
    (await Promise.all(each.map(function (word) { return api.search(word, options); }))).forEach(function (found) {
      found.results.forEach(function (result) {
        if (seen.has(result.id)) return;
        var counted = tally.get(result.id) || { result: result, words: 0, score: 0 };
        counted.words += 1;
        counted.score += result.score;
        tally.set(result.id, counted);
      });
    });
    var more = Array.from(tally.values()).sort(function (a, b) { return b.words - a.words || b.score - a.score; });
    return all.concat(more.map(function (counted) { return counted.result; }));
  }

  // One search at a time: keys typed while it runs are searched right after it, as one search of the field's
  // value then (typing fast starts no pile of searches that slow each other down).
  var searching = null;
  var again = false;
  function run() {
    if (searching) {
      again = true;
      return searching;
    }
    // A search that fails (Pagefind or a result's page could not be loaded) says so, never stays "Søger …".
    searching = search().catch(failed).finally(function () {
      searching = null;
      if (again) {
        again = false;
        return run();
      }
      return undefined;
    });
    return searching;
  }

  async function search() {
    var number = ++latest;
    var typed = field.value.trim();
    remember();
    if (!typed) {
      list.replaceChildren();
      say("", "empty", "");
      return;
    }
    var query = meaningful(typed);
    if (!query) {
      list.replaceChildren();
      var letters = words(typed).some(function (word) { return word.length >= MIN_LETTERS; });
      say(letters ? "»" + typed + "« er kun småord (som »og«, »til«, »hvad«). Skriv et ord mere."
        : "Skriv mindst " + MIN_LETTERS + " bogstaver.", "done", typed);
      return;
    }
    say("Søger …", "busy", typed);
    var api = await load();
    var results = await ranked(api, query, { filters: chosenFilters() });
    if (number !== latest) return;
    var count = results.length;
    var shown = count > SHOWN ? " Viser de første " + SHOWN + "." : "";
    list.replaceChildren();
    if (count === 0) {
      say("Ingen resultater for »" + typed + "«.", "done", typed);
      return;
    }
    // The first result shows as soon as its page's data is loaded; the others' data are loaded after it.
    var first = await results[0].data();
    if (number !== latest) return;
    list.appendChild(item(first, query));
    say(count + (count === 1 ? " resultat" : " resultater") + " for »" + typed + "«." + shown, "busy", typed);
    var rest = await Promise.all(results.slice(1, SHOWN).map(function (result) { return result.data(); }));
    if (number !== latest) return;
    rest.forEach(function (data) { list.appendChild(item(data, query)); });
    list.setAttribute("data-state", "done");
    fill();
  }

  function option(select, value, label) {
    var made = document.createElement("option");
    made.value = value;
    made.textContent = label;
    select.appendChild(made);
  }

  // A filter from the address applies at once; the other choices come later (they load the index's filter lists,
  // which the first result does not need).
  function restoreFilters(params) {
    FILTERS.forEach(function (name) {
      var wanted = params.get(name);
      if (wanted) {
        option(selects[name], wanted, name === "type" ? capitalised(wanted) : wanted);
        selects[name].value = wanted;
      }
    });
  }

  async function fillFilters() {
    var api = await load();
    var available = await api.filters();
    FILTERS.forEach(function (name) {
      var select = selects[name];
      var have = new Set(Array.prototype.map.call(select.options, function (o) { return o.value; }));
      Object.keys(available[name] || {}).sort(function (a, b) { return a.localeCompare(b, "da"); })
        .forEach(function (value) {
          if (!have.has(value)) option(select, value, name === "type" ? capitalised(value) : value);
        });
    });
    form.setAttribute("data-filters", "ready");
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run();
  });
  field.addEventListener("input", run);
  field.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && field.value) {
      event.preventDefault();
      field.value = "";
      run();
    }
  });
  FILTERS.forEach(function (name) { selects[name].addEventListener("change", run); });

  var params = new URLSearchParams(window.location.search);
  field.value = params.get("q") || "";
  restoreFilters(params);
  function failed() {
    say("Søgningen kunne ikke indlæses.", "error", field.value);
  }
  // Pagefind starts at once (the first key then only waits for the words it needs); the filters' choices load
  // when the visitor goes to a filter, or after the first search.
  var filling = null;
  function fill() {
    filling = filling || fillFilters().catch(failed);
    return filling;
  }
  FILTERS.forEach(function (name) {
    selects[name].addEventListener("focus", fill);
    selects[name].addEventListener("pointerdown", fill);
  });
  load().then(run, failed);
})();
