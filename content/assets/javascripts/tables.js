/* Sorting and filtering for tables the generator marks up.
 *
 * Every table is complete without script. This file only enhances it:
 * - a table inside .kb-sortable gets sortable column headers (vendored tablesort, keyboard: Tab + Enter);
 * - form[data-kb-filter-for] is shown and filters the rows of the table it names, by
 *   matching each select's value against the row's data-<select name> list of ids; the address keeps
 *   its choices (?name=value, window.kbAddress, which overviews.js uses too).
 * A table with more rows than one page holds (paging.js) holds only its page's rows: a filter, a sort or
 * another page in the address first loads every row, and paging.js shows one page of the result.
 */
(function () {
  "use strict";

  // The address keeps a filter form's choices (?name=value): read when the page opens, written on each change.
  window.kbAddress = {
    read: function (selects) {
      var params = new URLSearchParams(window.location.search);
      selects.forEach(function (select) {
        var value = params.get(select.name);
        var known = Array.prototype.some.call(select.options, function (option) { return option.value === value; });
        select.value = value !== null && known ? value : "";
      });
    },
    write: function (selects) {
      var params = new URLSearchParams(window.location.search);
      selects.forEach(function (select) {
        if (select.value) params.set(select.name, select.value);
        else params.delete(select.name);
      });
      var query = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    }
  };

  function enhanceSorting(table) {
    if (table.dataset.kbSortable) return;
    table.dataset.kbSortable = "ready";
    var paging = window.kbPaging ? window.kbPaging.of(table) : null;
    if (paging) {
      // A paged table sorts every row: before the first sort, the rows of the other pages come in.
      var first = function (event) {
        var th = event.target.closest("th[role=columnheader]");
        if (!th || paging.complete || (event.type === "keydown" && event.key !== "Enter" && event.key !== " ")) return;
        event.stopPropagation();
        event.preventDefault();
        paging.load().then(function () { th.click(); });
      };
      table.tHead.addEventListener("click", first, true);
      table.tHead.addEventListener("keydown", first, true);
    }
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
    var paging = window.kbPaging ? window.kbPaging.of(table) : null;  // null: every row is on this page
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

    function apply(speak) {
      var active = selects.some(function (select) { return select.value; });
      if (paging && !paging.complete && paging.needsAll(active)) {
        paging.load().then(function () { apply(speak); }, function () {
          paging.done();
          if (status) status.textContent = "De øvrige " + noun + " kunne ikke hentes. Prøv at genindlæse siden.";
        });
        return;
      }
      var rows = Array.prototype.slice.call(table.tBodies[0].rows);
      var shown = rows.filter(function (row) {
        row.hidden = !matches(row);
        return !row.hidden;
      });
      var text = "Viser " + shown.length + " af " + rows.length + " " + noun + ".";
      if (paging) {
        paging.show(shown);
        paging.done();
        text = paging.status(noun);
      }
      // The status is a live region: it speaks only when the visitor changes a filter.
      if (status && (speak || active)) status.textContent = text;
    }

    function changed() {
      if (paging) paging.firstPage();
      window.kbAddress.write(selects);
      apply(true);
    }

    form.addEventListener("change", changed);
    form.addEventListener("reset", function () { window.setTimeout(changed, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    table.addEventListener("afterSort", function () { apply(false); });
    if (paging) paging.onTurn = function () { apply(true); };
    (paging ? paging.options(selects) : Promise.resolve()).then(function () {
      window.kbAddress.read(selects);
      apply(false);
      form.hidden = false;
    }, function () {
      if (paging) paging.done();
    });
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
