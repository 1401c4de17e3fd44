/* The comparison pages (puljeprojekter/sammenlign/, elementer/sammenlign/): loaded there only, with defer.
 *
 * The choice lives in the address (?id=a&id=b), put there by the page's own GET form. This script checks the
 * boxes of the chosen entries, fetches each one's small JSON (written by generator/site/pages/compare.py) and
 * adds one column per entry to the table, whose rows the page already holds. It inserts an entry's name as text
 * and its cells as the HTML the generator escaped; an id is looked up only if the form offers it, so nothing
 * from the address reaches a request or the page unchecked.
 */
(function () {
  "use strict";

  function setup(form) {
    if (form.dataset.kbCompareReady) return;
    form.dataset.kbCompareReady = "ready";
    var base = form.getAttribute("data-kb-compare");
    var fewest = Number(form.getAttribute("data-kb-fewest"));
    var most = Number(form.getAttribute("data-kb-most"));
    var noun = form.getAttribute("data-kb-noun");
    var status = document.getElementById("kb-compare-status");
    var region = document.getElementById("kb-compare-region");
    var table = document.getElementById("kb-compare-table");
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=id]"));
    var known = boxes.map(function (box) { return box.value; });

    function say(text) {
      if (status.textContent !== text) status.textContent = text;
    }

    function checkedCount() {
      return boxes.filter(function (box) { return box.checked; }).length;
    }

    form.addEventListener("submit", function (event) {
      var count = checkedCount();
      if (count < fewest || count > most) {
        event.preventDefault();
        say("Vælg " + fewest + " til " + most + " " + noun + "; du har valgt " + count + ".");
      }
    });

    var wanted = [];
    new URLSearchParams(window.location.search).getAll("id").forEach(function (id) {
      if (known.indexOf(id) !== -1 && wanted.indexOf(id) === -1) wanted.push(id);
    });
    boxes.forEach(function (box) { box.checked = wanted.indexOf(box.value) !== -1; });
    var shown = wanted.slice(0, most);
    if (shown.length < fewest) {
      document.documentElement.classList.remove("kb-compare-chosen");  // no table comes: give its place back
      say(shown.length ? "Vælg mindst " + (fewest - shown.length) + " mere for at sammenligne."
        : "Vælg " + fewest + " til " + most + " " + noun + " herunder og tryk »Sammenlign«.");
      return;
    }
    say("Henter " + shown.length + " " + noun + " …");
    Promise.all(shown.map(function (id) {
      return fetch(base + "/" + id + ".json").then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      });
    })).then(function (entries) {
      var head = table.tHead.rows[0];
      entries.forEach(function (entry) {
        var th = document.createElement("th");
        th.scope = "col";
        var a = document.createElement("a");
        a.href = entry.href;
        a.textContent = entry.name;
        th.appendChild(a);
        head.appendChild(th);
        Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
          var td = document.createElement("td");
          td.innerHTML = entry.cells[row.getAttribute("data-kb-row")] || "–";  // escaped by the generator
          row.appendChild(td);
        });
      });
      region.hidden = false;
      var names = entries.map(function (entry) { return entry.name; }).join(", ");
      var more = wanted.length > most ? " Højst " + most + " ad gangen; de første er vist." : "";
      say("Sammenligner " + entries.length + " " + noun + ": " + names + "." + more);
    }).catch(function () {
      document.documentElement.classList.remove("kb-compare-chosen");
      say("Sammenligningen kunne ikke hentes. Prøv at genindlæse siden.");
    });
  }

  function start() {
    document.querySelectorAll("form[data-kb-compare]").forEach(setup);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
