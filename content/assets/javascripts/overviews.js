/* Filters and sort of the two overviews (elementer/, puljeprojekter/), kept in the page's address.
 *
 * The page is complete without script: every entry, in the report's order, and the form disabled.
 * form[data-kb-overview] names the element whose entries it orders (a table's body rows, or the
 * element's children). Each entry carries, for each filter, data-<select name> (its values, separated
 * by spaces) and, for each sort, data-sort-<sort> (numbers separated by spaces, written by the
 * generator: ascending is the order meant, compared number by number; an entry without one comes
 * last). So this script only compares what the generator computed (generator/domain/overview.py).
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
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var status = form.querySelector("[role=status]");
    var noun = form.getAttribute("data-kb-noun");

    function allowed(select, value) {
      return Array.prototype.some.call(select.options, function (option) { return option.value === value; });
    }

    function readAddress() {
      var params = new URLSearchParams(window.location.search);
      selects.forEach(function (select) {
        var value = params.get(select.name);
        select.value = value !== null && allowed(select, value) ? value : "";
      });
    }

    function writeAddress() {
      var params = new URLSearchParams(window.location.search);
      selects.forEach(function (select) {
        if (select.value) params.set(select.name, select.value);
        else params.delete(select.name);
      });
      var query = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    }

    function matches(entry) {
      return selects.every(function (select) {
        if (select.name === "sort" || !select.value) return true;
        return (entry.getAttribute("data-" + select.name) || "").split(" ").indexOf(select.value) !== -1;
      });
    }

    function apply() {
      var sort = form.elements.sort ? form.elements.sort.value : "";
      var order = entries.map(function (entry, index) { return { entry: entry, index: index }; });
      if (sort) {
        order.sort(function (a, b) {
          return compareKeys(sortKey(a.entry, sort), sortKey(b.entry, sort)) || a.index - b.index;
        });
      }
      var shown = 0;
      order.forEach(function (item) {
        item.entry.hidden = !matches(item.entry);
        if (!item.entry.hidden) shown += 1;
        parent.appendChild(item.entry);
      });
      var text = "Viser " + shown + " af " + entries.length + " " + noun + ".";
      if (status && status.textContent !== text) status.textContent = text;
    }

    form.addEventListener("change", function () { writeAddress(); apply(); });
    form.addEventListener("reset", function () { window.setTimeout(function () { writeAddress(); apply(); }, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    readAddress();
    apply();
    form.querySelector("fieldset").disabled = false;
  }

  function start() {
    document.querySelectorAll("form[data-kb-overview]").forEach(setup);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
