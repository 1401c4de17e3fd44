/* The budget calculator on oekonomi/budget/. Rules: generator/budget.py (tested there in Python).
 * The selection lives in the URL: ?a=<key>:<children>:<times>;...&d=<daycares>&f=<factor>&m=1
 */
(function () {
  "use strict";

  function setup() {
    var form = document.getElementById("kb-budget");
    var source = document.getElementById("kb-budget-data");
    if (!form || !source || form.dataset.kbReady) return;
    form.dataset.kbReady = "ready";
    var data = JSON.parse(source.textContent);
    var byKey = {};
    data.activities.forEach(function (a) { byKey[a.key] = a; });
    var lines = document.getElementById("kb-budget-lines");
    var status = form.querySelector("[role=status]");
    var money = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 0 });
    var hoursFormat = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 2 });
    var chosen = {};  // key -> {children, times}

    function readUrl() {
      var params = new URLSearchParams(window.location.search);
      (params.get("a") || "").split(";").forEach(function (part) {
        var bits = part.split(":");
        if (byKey[bits[0]]) chosen[bits[0]] = { children: whole(bits[1], 1), times: whole(bits[2], 1) };
      });
      form.elements.daycares.value = whole(params.get("d"), 1);
      form.elements.factor.value = params.get("f") || "1.00";
      form.elements.have.checked = params.get("m") === "1";
      form.querySelectorAll("input[name=activity]").forEach(function (box) {
        box.checked = Boolean(chosen[box.value]);
      });
    }

    function whole(text, fallback) {
      var n = parseInt(text, 10);
      return isNaN(n) || n < 0 ? fallback : n;
    }

    function writeUrl() {
      var params = new URLSearchParams();
      var parts = Object.keys(chosen).map(function (k) { return k + ":" + chosen[k].children + ":" + chosen[k].times; });
      if (parts.length) params.set("a", parts.join(";"));
      params.set("d", form.elements.daycares.value);
      params.set("f", form.elements.factor.value);
      if (form.elements.have.checked) params.set("m", "1");
      var url = window.location.pathname + "?" + params.toString();
      window.history.replaceState(null, "", url);
      document.getElementById("kb-budget-link").href = url;
    }

    function renderLines() {
      lines.textContent = "";
      var keys = Object.keys(chosen);
      if (!keys.length) {
        var hint = document.createElement("p");
        hint.className = "kb-meta";
        hint.textContent = "Vælg mindst én aktivitet ovenfor.";
        lines.appendChild(hint);
        return;
      }
      keys.forEach(function (key) {
        var a = byKey[key];
        var group = document.createElement("fieldset");
        group.className = "kb-budget-line";
        var legend = document.createElement("legend");
        legend.textContent = a.label + " (" + a.project + ")";
        group.appendChild(legend);
        [["children", "Børn pr. gang"], ["times", "Gange om året"]].forEach(function (field) {
          var label = document.createElement("label");
          label.textContent = field[1] + " ";
          var input = document.createElement("input");
          input.type = "number";
          input.min = "0";
          input.step = "1";
          input.inputMode = "numeric";
          input.value = chosen[key][field[0]];
          input.dataset.key = key;
          input.dataset.field = field[0];
          label.appendChild(input);
          group.appendChild(label);
        });
        lines.appendChild(group);
      });
    }

    function compute() {
      var daycares = whole(form.elements.daycares.value, 1);
      var factor = parseFloat(String(form.elements.factor.value).replace(",", "."));
      if (isNaN(factor) || factor < 0) factor = 1;
      var have = form.elements.have.checked;
      var running = 0, establishment = 0;
      var hours = { paedagogisk_personale: 0, paedagogisk_leder: 0, vikarer: 0, samarbejdspartner: 0 };
      Object.keys(chosen).forEach(function (key) {
        var a = byKey[key], c = chosen[key];
        running += a.per_child * c.children * c.times * daycares;
        if (!have && a.establishment !== null) establishment += a.establishment;
        Object.keys(hours).forEach(function (group) {
          if (a.hours[group] !== null) hours[group] += a.hours[group] * c.times * daycares;
        });
      });
      form.elements.running.value = money.format(running * factor) + " kr.";
      form.elements.establishment.value = money.format(establishment * factor) + " kr.";
      Object.keys(hours).forEach(function (group) { form.elements[group].value = hoursFormat.format(hours[group]); });
      status.textContent = "Budgettet er opdateret: " + form.elements.running.value + " om året.";
      writeUrl();
    }

    form.addEventListener("change", function (event) {
      var target = event.target;
      if (target.name === "activity") {
        if (target.checked) chosen[target.value] = { children: 1, times: 1 };
        else delete chosen[target.value];
        renderLines();
      } else if (target.dataset.key) {
        chosen[target.dataset.key][target.dataset.field] = whole(target.value, 0);
      }
      compute();
    });
    form.addEventListener("input", function (event) {
      if (event.target.dataset.key) {
        chosen[event.target.dataset.key][event.target.dataset.field] = whole(event.target.value, 0);
        compute();
      }
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.querySelector("[data-kb-print]").addEventListener("click", function () { window.print(); });

    readUrl();
    renderLines();
    form.hidden = false;
    document.querySelectorAll(".kb-nojs").forEach(function (el) { el.hidden = true; });
    compute();
    status.textContent = "";
  }

  window.kbOnPage(setup);  // defined in tables.js, which mkdocs.yml loads first
})();
