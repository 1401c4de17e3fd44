/* The budget calculator on oekonomi/budget/. Rules: generator/budget.py; tests/browser/test_browser_budget.py
 * checks every figure this script shows against its totals().
 * Everything it computes with (figures, staff groups, input rules, field labels, messages) comes from
 * the page's JSON (#kb-budget-data, made by generator/budget.py's script_data); nothing is copied here.
 * The selection lives in the URL: ?a=<key>:<children>:<times>;...&d=<daycares>&f=<factor>&m=1
 * Every field keeps the text the user typed (or the URL gave); one function, parseNumber, reads it
 * exactly as generator/budget.py's parse_number does. A refused value is shown as an error at its
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

  function setup() {
    var form = document.getElementById("kb-budget");
    var source = document.getElementById("kb-budget-data");
    if (!form || !source || form.dataset.kbReady) return;
    form.dataset.kbReady = "ready";
    var data = JSON.parse(source.textContent);
    var groups = data.groups;  // the staff groups, each shown in the <output> of its name
    var byKey = new Map();  // a Map, so that "toString" or "__proto__" are just unknown keys
    data.activities.forEach(function (a) {
      var hours = {};
      groups.forEach(function (group) { hours[group] = a.hours[group] === null ? null : decimal(a.hours[group]); });
      byKey.set(a.key, {
        legend: a.legend,
        perChild: decimal(a.per_child),
        establishment: a.establishment === null ? null : decimal(a.establishment),
        hours: hours,
      });
    });
    var lines = document.getElementById("kb-budget-lines");
    var problemsBox = document.getElementById("kb-budget-problems");
    var status = form.querySelector("[role=status]");
    var money = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 0 });
    var hoursFormat = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 2 });
    var chosen = new Map();  // key -> {children, times}: the text as typed

    function readUrl() {
      var params = new URLSearchParams(window.location.search);
      var problems = [];
      params.getAll("a").join(";").split(";").forEach(function (part) {
        if (part === "") return;
        var bits = part.split(":").map(unescapePart);
        var key = bits[0];
        if (!byKey.has(key)) {
          problems.push("Aktiviteten " + quote(key) + " findes ikke i beregneren og er ikke med i budgettet.");
        } else if (bits.length > 3) {
          problems.push(quote(part) + " har mere end to tal (børn og gange); aktiviteten er ikke med i budgettet.");
        } else if (chosen.has(key)) {
          problems.push("Aktiviteten " + quote(key) + " står flere gange i adressen; kun den første er med.");
        } else {
          // A missing number is 1 (the links from the project pages and the explorer give only the key).
          chosen.set(key, { children: bits[1] || "1", times: bits[2] || "1" });
        }
      });
      form.elements.daycares.value = params.has("d") ? params.get("d") : "1";
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
      chosen.forEach(function (c, key) { parts.push([key, c.children, c.times].map(escapePart).join(":")); });
      if (parts.length) params.set("a", parts.join(";"));
      params.set("d", form.elements.daycares.value);
      params.set("f", form.elements.factor.value);
      if (form.elements.have.checked) params.set("m", "1");
      var url = window.location.pathname + "?" + params.toString();
      window.history.replaceState(null, "", url);
      document.getElementById("kb-budget-link").href = url;
    }

    function errorElement(id) {
      var message = document.createElement("span");
      message.className = "kb-budget-error";
      message.id = id + "-error";
      return message;
    }

    function renderLines() {
      lines.textContent = "";
      if (!chosen.size) {
        var hint = document.createElement("p");
        hint.className = "kb-meta";
        hint.textContent = "Vælg mindst én aktivitet ovenfor.";
        lines.appendChild(hint);
        return;
      }
      var n = 0;
      chosen.forEach(function (values, key) {
        var a = byKey.get(key);
        n += 1;
        var group = document.createElement("fieldset");
        group.className = "kb-budget-line";
        var legend = document.createElement("legend");
        legend.textContent = a.legend;
        group.appendChild(legend);
        Object.keys(data.fields).forEach(function (field) {
          var label = document.createElement("label");
          label.textContent = data.fields[field] + " ";
          var input = document.createElement("input");
          input.type = "text";
          input.inputMode = "numeric";
          input.autocomplete = "off";
          input.id = "kb-budget-line-" + n + "-" + field;
          input.value = values[field];
          input.dataset.key = key;
          input.dataset.field = field;
          label.appendChild(input);
          group.appendChild(label);
          group.appendChild(errorElement(input.id));
        });
        lines.appendChild(group);
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

    function show(running, establishment, hours) {
      form.elements.running.value = running === null ? "–" : money.format(decimalText(running)) + " kr.";
      form.elements.establishment.value =
        establishment === null ? "–" : money.format(decimalText(establishment)) + " kr.";
      groups.forEach(function (group) {
        form.elements[group].value = hours === null ? "–" : hoursFormat.format(decimalText(hours[group]));
      });
    }

    /* Compute the budget if every field holds a number it accepts; returns whether it did. */
    function compute() {
      var daycares = check(form.elements.daycares, "daycares");
      var factor = check(form.elements.factor, "factor");
      var numbers = new Map();
      var valid = daycares !== null && factor !== null;
      lines.querySelectorAll("input[data-key]").forEach(function (input) {
        var value = check(input, input.dataset.field);
        if (value === null) valid = false;
        if (!numbers.has(input.dataset.key)) numbers.set(input.dataset.key, {});
        numbers.get(input.dataset.key)[input.dataset.field] = value;
      });
      writeUrl();
      if (!valid) {
        show(null, null, null);
        status.textContent = "Budgettet er ikke beregnet: ret de markerede felter.";
        return false;
      }
      // generator/budget.py's totals(), term for term (scripts/mutate_budget.py deletes each term in turn).
      var have = form.elements.have.checked;
      var running = decimal("0"), establishment = decimal("0");
      var hours = {};
      groups.forEach(function (group) { hours[group] = decimal("0"); });
      numbers.forEach(function (c, key) {
        var a = byKey.get(key);
        running = add(running, product([a.perChild, c.children, c.times, daycares]));
        if (!have && a.establishment !== null) establishment = add(establishment, a.establishment);
        groups.forEach(function (group) {
          if (a.hours[group] !== null) hours[group] = add(hours[group], product([a.hours[group], c.times, daycares]));
        });
      });
      show(product([running, factor]), product([establishment, factor]), hours);
      status.textContent = "Budgettet er opdateret: " + form.elements.running.value + " om året.";
      return true;
    }

    form.addEventListener("change", function (event) {
      var target = event.target;
      if (target.name === "activity") {
        if (target.checked) chosen.set(target.value, { children: "1", times: "1" });
        else chosen.delete(target.value);
        renderLines();
        compute();
      } else if (target.name === "have") {
        compute();
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

    var problems = readUrl();
    renderLines();
    form.hidden = false;
    document.querySelectorAll(".kb-nojs").forEach(function (el) { el.hidden = true; });
    if (!compute()) problems.push("Et eller flere tal i adressen kan ikke bruges; de er markeret ved feltet nedenfor.");
    showProblems(problems);
    status.textContent = "";
  }

  window.kbOnPage(setup);  // defined in tables.js, which mkdocs.yml loads first
})();
