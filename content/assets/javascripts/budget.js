/* The budget calculator on oekonomi/budget/. Rules: generator/domain/budget.py; tests/browser/test_browser_budget.py
 * checks every figure this script shows against its totals().
 * Everything it computes with (figures, staff groups, input rules, field labels, messages) comes from
 * the page's JSON (#kb-budget-data, made by generator/site/pages/budget.py's script_data, or the file the page
 * names when the activities are many); nothing is copied here.
 * The selection lives in the URL: ?a=<key>:<count>:<times>:<daycares>;...&f=<factor>&m=1
 * Every field keeps the text the user typed (or the URL gave); one function, parseNumber, reads it
 * exactly as generator/domain/budget.py's parse_number does. A refused value is shown as an error at its
 * field and the budget is not computed; nothing is ever replaced by a default behind the user's back.
 * Numbers are exact decimals, as Python's Decimal: only the shown text is rounded.
 */
(function () {
  "use strict";

  var WHOLE = /^[0-9]+$/;
  var DECIMAL = /^[0-9]+(?:[.,][0-9]+)?$/;
  var NEGATIVE = /^[-\u2212] *[0-9]+(?:[.,][0-9]+)?$/;

  /* An exact decimal {units, scale}, meaning units / 10^scale, from digits with an optional "," or "."
   * (text that DECIMAL accepts, or a figure from the page's JSON such as "2.25"). */
  function decimal(text) {
    var parts = String(text).replace(",", ".").split(".");
    var fraction = parts[1] || "";
    return { units: BigInt(parts[0] + fraction), scale: fraction.length };
  }
  function unitsAt(a, scale) { return a.units * 10n ** BigInt(scale - a.scale); }
  function add(a, b) {
    var scale = Math.max(a.scale, b.scale);
    return { units: unitsAt(a, scale) + unitsAt(b, scale), scale: scale };
  }
  function multiply(a, b) { return { units: a.units * b.units, scale: a.scale + b.scale }; }
  function product(factors) { return factors.reduce(multiply, decimal("1")); }
  function compare(a, b) {
    var scale = Math.max(a.scale, b.scale);
    var x = unitsAt(a, scale), y = unitsAt(b, scale);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  /* "1234.5": Intl.NumberFormat formats such text exactly (rounding half away from zero). */
  function decimalText(a) {
    var digits = a.units.toString().padStart(a.scale + 1, "0");
    if (!a.scale) return digits;
    return digits.slice(0, digits.length - a.scale) + "." + digits.slice(digits.length - a.scale);
  }

  /* The number `text` means under `rule` ({whole, minimum, maximum}), or why it is refused. */
  function parseNumber(text, rule) {
    text = String(text).replace(/^[ \t]+|[ \t]+$/g, "");
    if (text === "") return { problem: "empty" };
    if (NEGATIVE.test(text)) return { problem: "negative" };
    if (!DECIMAL.test(text)) return { problem: "not-a-number" };
    if (rule.whole && !WHOLE.test(text)) return { problem: "not-whole" };
    var value = decimal(text);
    if (compare(value, decimal(rule.minimum)) < 0 || compare(value, decimal(rule.maximum)) > 0) {
      return { problem: "out-of-range" };
    }
    return { value: value };
  }

  /* Text from the address, shown (never run) in a message; long text is cut. */
  function quote(text) {
    text = String(text);
    return "»" + (text.length > 40 ? text.slice(0, 40) + "…" : text) + "«";
  }

  /* ':' and ';' separate the parts of ?a=; inside a typed value they are escaped, so it comes back as typed. */
  function escapePart(text) {
    return String(text).replace(/%/g, "%25").replace(/:/g, "%3A").replace(/;/g, "%3B");
  }
  function unescapePart(text) {
    return text.replace(/%(25|3A|3B)/gi, function (m) { return { "%25": "%", "%3A": ":", "%3B": ";" }[m.toUpperCase()]; });
  }

  /* A spreadsheet must never run a cell: text that could start a formula gets a leading apostrophe
   * (generator/output/downloads.py's inert(), the same characters). */
  var FORMULA_START = "=+-@\t\r\n\uff1d\uff0b\uff0d\uff20";
  function inert(text) {
    text = String(text);
    var first = text.replace(/^ +/, "").charAt(0);
    return first && FORMULA_START.indexOf(first) >= 0 ? "'" + text : text;
  }
  function csvCell(text) {
    text = inert(text);
    return /[";\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function setup(data) {
    var form = document.getElementById("kb-budget");
    if (!form || form.dataset.kbReady) return;
    form.dataset.kbReady = "ready";
    var groups = data.groups;  // the staff groups, each shown in the <output> of its name
    var fields = data.field_order;  // daycares, count, times: the numbers of each chosen activity, in the page's order
    var byKey = new Map();  // a Map, so that "toString" or "__proto__" are just unknown keys
    data.activities.forEach(function (a) {
      var hours = {};
      groups.forEach(function (group) { hours[group] = a.hours[group] === null ? null : decimal(a.hours[group]); });
      byKey.set(a.key, {
        label: a.label,
        project: a.project,
        perGroup: a.per_group,
        unit: a.unit,
        occurrenceCost: decimal(a.occurrence_cost),
        times: a.times,
        establishment: a.establishment === null ? null : decimal(a.establishment),
        establishmentKey: a.establishment_key,
        caveats: a.caveats,
        hours: hours,
      });
    });
    var problemsBox = document.getElementById("kb-budget-problems");
    var status = form.querySelector(".kb-budget-result [role=status]");
    var assumptions = document.getElementById("kb-budget-assumptions");
    var money = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 0 });
    var hoursFormat = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 2 });
    var chosen = new Map();  // key -> {daycares, count, times}: the text as typed, in the order chosen
    var last = null;  // the lines of the last computed budget, for the assumptions and the CSV

    function defaults(key) {
      return { daycares: "1", count: "1", times: byKey.get(key).times };
    }

    function readUrl() {
      var params = new URLSearchParams(window.location.search);
      var problems = [];
      params.getAll("a").join(";").split(";").forEach(function (part) {
        if (part === "") return;
        var bits = part.split(":").map(unescapePart);
        var key = bits[0];
        if (!byKey.has(key)) {
          problems.push("Aktiviteten " + quote(key) + " findes ikke i beregneren og er ikke med i budgettet.");
        } else if (bits.length > 4) {
          problems.push(quote(part) + " har mere end tre tal (antal, gange og dagtilbud); aktiviteten er ikke med i budgettet.");
        } else if (chosen.has(key)) {
          problems.push("Aktiviteten " + quote(key) + " står flere gange i adressen; kun den første er med.");
        } else {
          // A missing number is the activity's default (the links from other pages give only the key).
          var values = defaults(key);
          if (bits.length > 1) values.count = bits[1];
          if (bits.length > 2) values.times = bits[2];
          if (bits.length > 3) values.daycares = bits[3];
          chosen.set(key, values);
        }
      });
      form.elements.factor.value = params.has("f") ? params.get("f") : "1,00";
      var have = params.get("m");
      if (have !== null && have !== "1") {
        problems.push("m=" + quote(have) + " forstås ikke (m=1 betyder, at I har materialer og uddannelse).");
      }
      form.elements.have.checked = have === "1";
      form.querySelectorAll("input[name=activity]").forEach(function (box) {
        box.checked = chosen.has(box.value);
      });
      return problems;
    }

    function showProblems(problems) {
      problemsBox.textContent = "";
      problemsBox.hidden = !problems.length;
      if (!problems.length) return;
      var lead = document.createElement("p");
      lead.textContent = "Adressen til beregneren indeholder noget, den ikke kan bruge:";
      var list = document.createElement("ul");
      problems.forEach(function (text) {
        var item = document.createElement("li");
        item.textContent = text;
        list.appendChild(item);
      });
      problemsBox.appendChild(lead);
      problemsBox.appendChild(list);
    }

    function writeUrl() {
      var params = new URLSearchParams();
      var parts = [];
      chosen.forEach(function (c, key) {
        parts.push([key, c.count, c.times, c.daycares].map(escapePart).join(":"));
      });
      if (parts.length) params.set("a", parts.join(";"));
      params.set("f", form.elements.factor.value);
      if (form.elements.have.checked) params.set("m", "1");
      var url = window.location.pathname + "?" + params.toString();
      window.history.replaceState(null, "", url);
      document.getElementById("kb-budget-link").href = url;
    }

    /* The fields of a chosen activity, right under its checkbox. */
    function renderLine(key) {
      var box = document.getElementById("kb-budget-line-" + key);
      box.textContent = "";
      box.hidden = !chosen.has(key);
      // The fields of each activity have the same labels: the group is named by its activity's checkbox.
      box.setAttribute("role", "group");
      box.setAttribute("aria-labelledby", "kb-budget-label-" + key);
      if (!chosen.has(key)) return;
      var a = byKey.get(key);
      var values = chosen.get(key);
      fields.forEach(function (field) {
        var label = document.createElement("label");
        label.textContent = (field === "count" && a.perGroup ? data.group_count : data.fields[field]) + " ";
        var input = document.createElement("input");
        input.type = "text";
        input.inputMode = "numeric";
        input.autocomplete = "off";
        input.id = "kb-budget-" + key + "-" + field;
        input.value = values[field];
        input.dataset.key = key;
        input.dataset.field = field;
        label.appendChild(input);
        box.appendChild(label);
        var message = document.createElement("span");
        message.className = "kb-budget-error";
        message.id = input.id + "-error";
        box.appendChild(message);
      });
    }

    /* The field's number under the rule for `name`, or null after marking the field as refused
     * (aria-invalid, message described by). */
    function check(input, name) {
      var result = parseNumber(input.value, data.inputs[name]);
      var message = document.getElementById(input.id + "-error");
      if (result.problem) {
        message.textContent = data.problems[name][result.problem];
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", message.id);
        return null;
      }
      message.textContent = "";
      input.removeAttribute("aria-invalid");
      input.removeAttribute("aria-describedby");
      return result.value;
    }

    /* "1 barn", "12 børn": a whole number and the word for what it counts (words from the page's data). */
    function count(value, word) {
      return money.format(decimalText(value)) + " " + data.words[word][compare(value, decimal("1")) === 0 ? 0 : 1];
    }

    function kroner(value) { return money.format(decimalText(value)) + " kr."; }

    function show(result) {
      form.elements.running.value = result ? kroner(result.running) : "–";
      form.elements.establishment.value = result ? kroner(result.establishment) : "–";
      form.elements.occurrences.value = result ? money.format(decimalText(result.occurrences)) : "–";
      groups.forEach(function (group) {
        form.elements[group].value = result ? hoursFormat.format(decimalText(result.hours[group])) : "–";
      });
    }

    /* The budget in words: one line per activity, and what the totals assume. */
    function describe(lines, result, have) {
      assumptions.textContent = "";
      var texts = lines.map(function (line) {
        var a = line.activity;
        return a.label + " (" + a.project + "): " + count(line.daycares, "daycare") + " × " +
          count(line.count, a.perGroup ? "group" : "child") + " × " + count(line.times, "time") + " om året = " +
          count(line.occurrences, "occurrence") + " à " + kroner(a.occurrenceCost) + " (" + a.unit + ") = " +
          kroner(line.running) + " om året." +
          (a.caveats.length ? " Forbehold: " + a.caveats.join(" ") : "");
      });
      texts.push("Etableringsomkostninger: " + (have ? "ikke med (I har materialer og uddannelse)." :
        kroner(result.establishment) + ", én gang pr. aktivitet; et beløb, som tabellen gentager i flere kolonner, én gang pr. projekt."));
      texts.push("Prisfaktor " + form.elements.factor.value + " på alle beløb; personaletimerne er afholdelser × tabellens timer pr. afholdt aktivitet.");
      texts.forEach(function (text) {
        var item = document.createElement("li");
        item.textContent = text;
        assumptions.appendChild(item);
      });
    }

    /* Compute the budget if every field holds a number it accepts; returns whether it did. */
    function compute() {
      var factor = check(form.elements.factor, "factor");
      var numbers = new Map();
      var valid = factor !== null;
      chosen.forEach(function (values, key) { numbers.set(key, {}); });
      form.querySelectorAll(".kb-budget-line input[data-key]").forEach(function (input) {
        if (!numbers.has(input.dataset.key)) return;
        var value = check(input, input.dataset.field);
        if (value === null) valid = false;
        numbers.get(input.dataset.key)[input.dataset.field] = value;
      });
      writeUrl();
      if (!valid) {
        show(null);
        assumptions.textContent = "";
        last = null;
        status.textContent = "Budgettet er ikke beregnet: ret de markerede felter.";
        return false;
      }
      // generator/domain/budget.py's totals(), term for term (scripts/mutate_budget.py deletes each term in turn).
      var have = form.elements.have.checked;
      var running = decimal("0"), occurrences = decimal("0");
      var establishment = new Map();
      var hours = {};
      var lines = [];
      groups.forEach(function (group) { hours[group] = decimal("0"); });
      numbers.forEach(function (c, key) {
        var a = byKey.get(key);
        var held = product([c.daycares, c.count, c.times]);
        var cost = product([a.occurrenceCost, held]);
        running = add(running, cost);
        occurrences = add(occurrences, held);
        if (!have && a.establishment !== null) establishment.set(a.establishmentKey, a.establishment);
        groups.forEach(function (group) {
          if (a.hours[group] !== null) hours[group] = add(hours[group], product([a.hours[group], held]));
        });
        lines.push({ activity: a, daycares: c.daycares, count: c.count, times: c.times, occurrences: held });
      });
      var oneOff = decimal("0");
      establishment.forEach(function (amount) { oneOff = add(oneOff, amount); });
      var result = { running: product([running, factor]), establishment: product([oneOff, factor]),
                     occurrences: occurrences, hours: hours };
      show(result);
      lines.forEach(function (line) { line.running = product([line.activity.occurrenceCost, line.occurrences, factor]); });
      describe(lines, result, have);
      last = { lines: lines, result: result };
      status.textContent = "Budgettet er opdateret: " + form.elements.running.value + " om året.";
      return true;
    }

    /* The computed budget as a CSV file (semicolons, UTF-8 with BOM, as the site's other CSV). */
    function downloadCsv() {
      if (!last) return;
      // Numbers with a decimal comma and no thousands separator, as a Danish spreadsheet reads them.
      function number(value) {
        var text = decimalText(value);
        if (text.indexOf(".") >= 0) text = text.replace(/\.?0+$/, "");
        return text.replace(".", ",");
      }
      var rows = [data.csv.header];
      var width = data.csv.header.length;
      function total(label, value) {
        var row = [label];
        while (row.length < width - 1) row.push("");
        row.push(number(value));
        return row;
      }
      last.lines.forEach(function (line) {
        rows.push([line.activity.label, line.activity.project, line.activity.unit, line.activity.caveats.join(" "),
                   number(line.daycares), number(line.count),
                   number(line.times), number(line.occurrences), number(line.activity.occurrenceCost),
                   number(line.running)]);
      });
      rows.push(total(data.csv.totals.running, last.result.running));
      rows.push(total(data.csv.totals.establishment, last.result.establishment));
      groups.forEach(function (group) { rows.push(total(data.csv.hours[group], last.result.hours[group])); });
      var text = "\ufeff" + rows.map(function (row) { return row.map(csvCell).join(";"); }).join("\r\n") + "\r\n";
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
      link.download = "budget.csv";
      document.body.appendChild(link);
      link.click();
      link.remove();
    }

    /* Show only the activities of the chosen project and element; a chosen activity always stays in view. */
    function filter() {
      var project = document.getElementById("kb-budget-project").value;
      var element = document.getElementById("kb-budget-element").value;
      var shown = 0;
      form.querySelectorAll(".kb-budget-project").forEach(function (set) {
        var any = false;
        set.querySelectorAll(".kb-budget-activity").forEach(function (item) {
          var box = item.querySelector("input[name=activity]");
          var match = (!project || set.dataset.project === project) &&
            (!element || item.dataset.elements.split(" ").indexOf(element) >= 0);
          item.hidden = !(match || box.checked);
          if (match) shown += 1;
          if (!item.hidden) any = true;
        });
        set.hidden = !any;
      });
      document.getElementById("kb-budget-shown").textContent =
        project || element ? shown + " aktiviteter passer til valget." : "";
    }

    form.addEventListener("change", function (event) {
      var target = event.target;
      if (target.name === "activity") {
        if (target.checked) chosen.set(target.value, defaults(target.value));
        else chosen.delete(target.value);
        renderLine(target.value);
        compute();
      } else if (target.name === "have") {
        compute();
      } else if (target.tagName === "SELECT") {
        filter();
      }
    });
    form.addEventListener("input", function (event) {
      var target = event.target;
      if (target.type !== "text") return;
      if (target.dataset.key) chosen.get(target.dataset.key)[target.dataset.field] = target.value;
      compute();
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.querySelector("[data-kb-print]").addEventListener("click", function () { window.print(); });
    form.querySelector("[data-kb-csv]").addEventListener("click", downloadCsv);

    var problems = readUrl();
    byKey.forEach(function (a, key) { renderLine(key); });
    form.hidden = false;
    document.querySelectorAll(".kb-nojs").forEach(function (el) { el.hidden = true; });
    document.documentElement.classList.remove("kb-budget-loading");
    if (!compute()) problems.push("Et eller flere tal i adressen kan ikke bruges; de er markeret ved feltet nedenfor.");
    showProblems(problems);
    status.textContent = "";
  }

  /* The data is in the page (#kb-budget-data) while the activities are few; else the page names a file
   * (#kb-budget-activities[data-kb-src]) with the data, the activity list as HTML the generator escaped, and the
   * choices of the long filters, which go into their selects as text. */
  function start() {
    var holder = document.getElementById("kb-budget-activities");
    var source = document.getElementById("kb-budget-data");
    if (!holder || !holder.hasAttribute("data-kb-src")) {
      if (source) setup(JSON.parse(source.textContent));
      return;
    }
    if (holder.dataset.kbLoading) return;
    holder.dataset.kbLoading = "loading";
    fetch(new URL(holder.getAttribute("data-kb-src"), window.location.href).href).then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    }).then(function (file) {
      holder.innerHTML = file.activities;
      Object.keys(file.filters).forEach(function (name) {
        var select = document.getElementById("kb-budget-" + name);
        if (!select) return;
        file.filters[name].forEach(function (choice) {
          var option = document.createElement("option");
          option.value = choice[0];
          option.textContent = choice[1];
          select.appendChild(option);
        });
      });
      setup(file.data);
    }).catch(function () {
      document.documentElement.classList.remove("kb-budget-loading");  // the note for browsers without script shows
    });
  }

  window.kbOnPage(start);  // defined in tables.js, which this page loads before this script
})();
