/* Sorting and filtering for tables the generator marks up.
 *
 * Every table is complete without script. This file only enhances it:
 * - a table inside .kb-sortable gets sortable column headers (vendored tablesort, keyboard: Tab + Enter);
 * - form[data-kb-filter-for] is shown and filters the rows of the table it names, by
 *   matching each select's value against the row's data-<select name> list of ids.
 */
(function () {
  "use strict";

  function enhanceSorting(table) {
    if (table.dataset.kbSortable) return;
    table.dataset.kbSortable = "ready";
    new window.Tablesort(table);
    // Tablesort sorts on Enter; buttons also answer to Space.
    Array.prototype.forEach.call(table.querySelectorAll("thead th[role=columnheader]"), function (th) {
      th.addEventListener("keydown", function (event) {
        if (event.key === " ") {
          event.preventDefault();
          th.click();
        }
      });
    });
  }

  function enhanceFilter(form) {
    if (form.dataset.kbFilter) return;
    var table = document.getElementById(form.getAttribute("data-kb-filter-for"));
    if (!table || !table.tBodies.length) return;
    form.dataset.kbFilter = "ready";
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var status = form.querySelector("[role=status]");
    var noun = form.getAttribute("data-kb-noun") || "rækker";

    function matches(row) {
      return selects.every(function (select) {
        if (!select.value) return true;
        var values = (row.getAttribute("data-" + select.name) || "").split(" ");
        return values.indexOf(select.value) !== -1;
      });
    }

    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        row.hidden = !matches(row);
        if (!row.hidden) shown += 1;
      });
      // The status is a live region: it speaks only when the visitor changes a filter.
      if (status) status.textContent = "Viser " + shown + " af " + rows.length + " " + noun + ".";
    }

    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
  }

  function setup() {
    document.querySelectorAll(".kb-sortable table").forEach(enhanceSorting);
    document.querySelectorAll("form[data-kb-filter-for]").forEach(enhanceFilter);
  }

  // Run a page's setup when the page is ready (also after Material's instant navigation, if enabled).
  window.kbOnPage = function (run) {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(run);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", run);
    } else {
      run();
    }
  };

  window.kbOnPage(setup);
})();
