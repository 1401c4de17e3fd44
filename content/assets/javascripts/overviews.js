/* Filters and sort of the two overviews (elementer/, puljeprojekter/), kept in the page's address.
 *
 * The page is complete without script: every entry, in the report's order, and the form disabled.
 * form[data-kb-overview] names the element whose entries it orders (a table's body rows, or the
 * element's children). Each entry carries, for each filter, data-<select name> (its values, separated
 * by spaces) and, for each sort, data-sort-<sort> (numbers separated by spaces, written by the
 * generator: ascending is the order meant, compared number by number; an entry without one comes
 * last). So this script only compares what the generator computed (generator/domain/overview.py).
 * When the overview has more entries than one page holds (paging.js), the page holds only its part: a filter,
 * a sort or another page in the address first loads every entry, and paging.js shows one page of the result.
 */
(function () {
  "use strict";

  function compareKeys(a, b) {
    if (a === null || b === null) return (a === null) - (b === null);
    for (var i = 0; i < Math.min(a.length, b.length); i += 1) {
      if (a[i] !== b[i]) return a[i] - b[i];
    }
    return a.length - b.length;
  }

  function sortKey(entry, sort) {
    var text = entry.getAttribute("data-sort-" + sort);
    return text === null ? null : text.split(" ").map(Number);
  }

  function setup(form) {
    if (form.dataset.kbOverviewReady) return;
    var list = document.getElementById(form.getAttribute("data-kb-overview"));
    if (!list) return;
    form.dataset.kbOverviewReady = "ready";
    var parent = list.tBodies ? list.tBodies[0] : list;
    var entries = Array.prototype.slice.call(parent.children);  // the report's order
    var paging = window.kbPaging ? window.kbPaging.of(list) : null;  // null: every entry is on this page
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var status = form.querySelector("[role=status]");
    var noun = form.getAttribute("data-kb-noun");

    function matches(entry) {
      return selects.every(function (select) {
        if (select.name === "sort" || !select.value) return true;
        return (entry.getAttribute("data-" + select.name) || "").split(" ").indexOf(select.value) !== -1;
      });
    }

    function apply() {
      if (paging && !paging.complete && paging.needsAll(selects.some(function (s) { return s.value; }))) {
        paging.load().then(function () {
          entries = Array.prototype.slice.call(parent.children);
          apply();
        }, function () {
          paging.done();
          if (status) status.textContent = "De øvrige " + noun + " kunne ikke hentes. Prøv at genindlæse siden.";
        });
        return;
      }
      var sort = form.elements.sort ? form.elements.sort.value : "";
      var order = entries.map(function (entry, index) { return { entry: entry, index: index }; });
      if (sort) {
        order.sort(function (a, b) {
          return compareKeys(sortKey(a.entry, sort), sortKey(b.entry, sort)) || a.index - b.index;
        });
      }
      // Only what changes is touched: an entry already in its place stays (on opening the page, all of them), so
      // the browser does not lay the overview out again for nothing.
      var shown = [];
      var place = parent.firstElementChild;
      order.forEach(function (item) {
        var hidden = !matches(item.entry);
        if (item.entry.hidden !== hidden) item.entry.hidden = hidden;
        if (!hidden) shown.push(item.entry);
        if (item.entry === place) place = place.nextElementSibling;
        else parent.insertBefore(item.entry, place);
      });
      var text = "Viser " + shown.length + " af " + entries.length + " " + noun + ".";
      if (paging) {
        paging.show(shown);
        paging.done();
        text = paging.status(noun);
      }
      if (status && status.textContent !== text) status.textContent = text;
    }

    function changed() {
      if (paging) paging.firstPage();
      window.kbAddress.write(selects);
      apply();
    }

    form.addEventListener("change", changed);
    form.addEventListener("reset", function () { window.setTimeout(changed, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    if (paging) paging.onTurn = apply;
    (paging ? paging.options(selects) : Promise.resolve()).then(function () {
      window.kbAddress.read(selects);
      apply();
      form.querySelector("fieldset").disabled = false;
    }, function () {
      if (paging) paging.done();
      if (status) status.textContent = "Filtrene kunne ikke hentes. Prøv at genindlæse siden.";
    });
  }

  function start() {
    document.querySelectorAll("form[data-kb-overview]").forEach(setup);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
