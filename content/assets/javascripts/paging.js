/* Paged overviews (generator/site/paging.py): loaded with defer only on an overview that has more rows than
 * one page holds, before the script that filters and sorts it (overviews.js or tables.js).
 *
 * Without script the page shows its part of the rows and a pager of links to the other parts. The table names
 * the overview's data file (data-kb-rows: every row as HTML the generator escaped, links relative to page 1,
 * and every caveat note), page 1 (data-kb-root), its own page number and the page size. When a visitor filters,
 * sorts or asks for a page in the address (?side=N), the filtering script asks window.kbPaging.of(table) to
 * load() every row into the table, filters and sorts all of them, and calls show(rows) with the matching rows
 * in order: this script shows one page of them, renumbers the pager (its links then keep the filters) and
 * keeps the page in the address. While an address with a query waits for the rows, they stay hidden (the
 * class kb-rows-pending, set before the first paint), so nothing moves when they come. A filter whose choices
 * grow with the data (elements, projects, municipalities) has them in a small file of its own
 * (data-kb-options), which options(selects) puts into the selects before the form is used.
 */
(function () {
  "use strict";

  function Paging(table) {
    var here = window.location.href;
    var root = new URL(table.getAttribute("data-kb-root"), here);
    var source = new URL(table.getAttribute("data-kb-rows"), here);
    var own = Number(table.getAttribute("data-kb-page"));
    var perPage = Number(table.getAttribute("data-kb-per-page"));
    var total = Number(table.getAttribute("data-kb-total"));
    var nav = document.querySelector("nav[data-kb-pager]");
    var body = table.tBodies ? table.tBodies[0] : table;  // a table's rows, or a list's entries (elementer/)
    var loading = null;
    var self = this;
    var asked = Number(new URLSearchParams(window.location.search).get("side"));
    var current = asked >= 1 && Math.floor(asked) === asked ? asked : own;
    var shown = { first: own * perPage - perPage + 1, last: Math.min(total, own * perPage), count: total };

    var choices = null;

    // Fill the selects whose choices grow with the data (data-kb-options) from the overview's small file of
    // choices; a promise, resolved at once when there are none. The text goes in as text, never as HTML.
    this.options = function (selects) {
      var remote = selects.filter(function (select) {
        return select.hasAttribute("data-kb-options") && !select.dataset.kbFilled;
      });
      if (!remote.length) return Promise.resolve();
      if (!choices) {
        choices = fetch(new URL(table.getAttribute("data-kb-options"), here).href).then(function (response) {
          if (!response.ok) throw new Error(String(response.status));
          return response.json();
        });
      }
      return choices.then(function (data) {
        remote.forEach(function (select) {
          var own = Object.prototype.hasOwnProperty.call(data, select.name) ? data[select.name] : [];
          own.forEach(function (choice) {
            var option = document.createElement("option");
            option.value = choice[0];
            option.textContent = choice[1];
            select.appendChild(option);
          });
          select.dataset.kbFilled = "filled";
        });
      });
    };

    this.complete = false;
    this.onTurn = null;  // the filtering script's apply(), run when the visitor picks a page

    // Whether the rows of this page are not what is asked for: another page, or any filter or sort.
    this.needsAll = function (active) { return active || current !== own; };

    this.load = function () {
      if (!loading) {
        loading = fetch(source.href).then(function (response) {
          if (!response.ok) throw new Error(String(response.status));
          return response.json();
        }).then(function (data) {
          body.innerHTML = data.rows.join("\n");  // the generator's escaped HTML
          Array.prototype.forEach.call(body.querySelectorAll("a[href]"), function (a) {
            var href = a.getAttribute("href");
            if (href.charAt(0) === "#") return;
            var url = new URL(href, root);
            a.setAttribute("href", url.pathname === window.location.pathname && url.hash ? url.hash : url.href);
          });
          var notes = document.querySelector("ol.kb-caveat-notes");
          if (notes && data.notes) notes.outerHTML = data.notes;
          self.complete = true;
        });
      }
      return loading;
    };

    function address(page) {
      var params = new URLSearchParams(window.location.search);
      if (page === own) params.delete("side");
      else params.set("side", String(page));
      var query = params.toString();
      return window.location.pathname + (query ? "?" + query : "");
    }

    function renumber(count) {
      var list = document.createElement("ol");
      window.kbPaging.window(current, count).forEach(function (n) {
        var item = document.createElement("li");
        if (n === null) {
          item.setAttribute("aria-hidden", "true");
          item.textContent = "…";
          list.appendChild(item);
          return;
        }
        var a = document.createElement("a");
        a.href = address(n);
        a.textContent = String(n);
        a.setAttribute("aria-label", "Side " + n);
        a.setAttribute("data-kb-side", String(n));
        if (n === current) a.setAttribute("aria-current", "page");
        item.appendChild(a);
        list.appendChild(item);
      });
      nav.replaceChild(list, nav.querySelector("ol"));
      nav.hidden = count < 2;
    }

    // Show one page of ``rows`` (every row of the table that matches, in order); the others are hidden.
    this.show = function (rows) {
      if (!self.complete) return;
      var count = Math.max(1, Math.ceil(rows.length / perPage));
      if (current > count) current = count;
      var start = (current - 1) * perPage;
      Array.prototype.forEach.call(body.children, function (row) { row.hidden = true; });
      rows.slice(start, start + perPage).forEach(function (row) { row.hidden = false; });
      shown = { first: rows.length ? start + 1 : 0, last: Math.min(rows.length, start + perPage), count: rows.length };
      renumber(count);
      window.history.replaceState(null, "", address(current) + window.location.hash);
    };

    this.firstPage = function () { current = 1; };

    // "Viser 12 af 150 puljeprojekter.", "Viser 1–60 af 150 puljeprojekter." or, filtered to more than a page,
    // "Viser 1–60 af 80 fundne puljeprojekter (150 i alt)."
    this.status = function (noun) {
      if (shown.count <= perPage && self.complete) return "Viser " + shown.count + " af " + total + " " + noun + ".";
      var range = "Viser " + shown.first + "–" + shown.last + " af ";
      if (shown.count === total) return range + total + " " + noun + ".";
      return range + shown.count + " fundne " + noun + " (" + total + " i alt).";
    };

    this.done = function () { document.documentElement.classList.remove("kb-rows-pending"); };

    if (nav) {
      nav.addEventListener("click", function (event) {
        var link = event.target.closest("a[data-kb-side]");
        if (!link || !self.complete || !self.onTurn) return;  // the pages' own links, as without script
        event.preventDefault();
        current = Number(link.getAttribute("data-kb-side"));
        self.onTurn();
        var region = table.closest("[tabindex]") || table;
        region.focus();
      });
    }
  }

  var NEAR = 2;  // pages named on each side of the current one: generator/site/paging.py's NEAR

  var made = [];
  window.kbPaging = {
    // The pages a pager names: the first, the last and NEAR on each side of ``number``; null where it skips.
    // The rule of generator/site/paging.py's window(), which the browser tests hold this to.
    window: function (number, count) {
      var shown = [];
      for (var n = 1; n <= count; n += 1) {
        if (n === 1 || n === count || Math.abs(n - number) <= NEAR) shown.push(n);
      }
      var result = [];
      shown.forEach(function (n) {
        if (result.length && n - result[result.length - 1] > 1) result.push(null);
        result.push(n);
      });
      return result;
    },
    // The paging of a table, or null if its overview is one page.
    of: function (table) {
      if (!table.hasAttribute("data-kb-rows")) return null;
      for (var i = 0; i < made.length; i += 1) if (made[i].table === table) return made[i].paging;
      var paging = new Paging(table);
      made.push({ table: table, paging: paging });
      return paging;
    }
  };
})();
