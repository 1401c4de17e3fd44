/* The combination explorer on elementer/sammensaet/.
 * The page embeds the elements, projects and activities as compact JSON (generator/site/pages/explorer.py), or,
 * when they are many, names the file that holds it (data-kb-src), which this script fetches; it works out the
 * chosen one to three elements by the rule in generator/domain/combinations.py (`selection`, `suggestions`) and
 * shows it. The choice lives in the URL: ?e=<element id>,<element id>,...
 * With few elements the form has a checkbox for each. With many it has a search field instead: the script lists
 * the chosen elements (ticked, to untick) and the first SHOWN elements whose name or number matches what is typed.
 */
(function () {
  "use strict";

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    return node;
  }

  function link(text, href) { return el("a", text, { href: href }); }

  // "A", "A og B", "A, B og C"
  function joined(nodes) {
    var span = el("span");
    nodes.forEach(function (node, i) {
      if (i > 0) span.appendChild(document.createTextNode(i === nodes.length - 1 ? " og " : ", "));
      span.appendChild(typeof node === "string" ? document.createTextNode(node) : node);
    });
    return span;
  }

  var SHOWN = 20;  // elements the search field lists at most, besides the chosen ones

  function setup() {
    var form = document.getElementById("kb-combo");
    var source = document.getElementById("kb-combo-data");
    var results = document.getElementById("kb-combo-results");
    if (!form || !results || form.dataset.kbReady || !(source || form.hasAttribute("data-kb-src"))) return;
    form.dataset.kbReady = "ready";
    if (source) {
      start(form, results, JSON.parse(source.textContent));
      return;
    }
    fetch(new URL(form.getAttribute("data-kb-src"), window.location.href).href).then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    }).then(function (data) { start(form, results, data); }, function () {
      form.hidden = false;
      form.querySelector("fieldset").disabled = true;
      form.querySelector("[role=status]").textContent = "Elementerne kunne ikke hentes. Prøv at genindlæse siden.";
    });
  }

  function start(form, results, data) {
    var status = form.querySelector("[role=status]");
    var find = form.querySelector("#kb-combo-find");  // many elements: found by name, not a checkbox each
    var choices = form.querySelector(".kb-combo-choices");
    var found = form.querySelector("#kb-combo-found");
    var picked = [];  // the chosen ids, when found by name
    var ids = data.elements.map(function (e) { return e.id; });

    function boxes() { return Array.prototype.slice.call(form.querySelectorAll("input[name=element]")); }

    function projectLink(i) {
      var p = data.projects[i];
      return link(p.label, p.href);
    }
    function elementLink(i) { return link(data.elements[i].name, data.elements[i].href); }
    function names(indices) { return indices.map(function (i) { return data.elements[i].name; }); }

    function contains(list, value) { return list.indexOf(value) !== -1; }
    function range(n) { var all = []; for (var i = 0; i < n; i++) all.push(i); return all; }

    // One choice (element positions), worked out as combinations.selection does in Python.
    function work(chosen) {
      chosen = chosen.slice().sort(function (a, b) { return a - b; });  // the report's element order
      function all(list) { return chosen.every(function (c) { return contains(list, c); }); }
      var projects = range(data.projects.length);
      var suggest = [];
      data.elements.forEach(function (candidate, c) {
        if (contains(chosen, c)) return;
        var by = chosen.filter(function (e) { return contains(data.elements[e].recommends, c); });
        var seen = projects.filter(function (p) { return contains(data.projects[p].named, c) && all(data.projects[p].named); });
        if (by.length || seen.length) suggest.push([c, by, seen]);
      });
      suggest.sort(function (a, b) {
        return (b[1].length - a[1].length) || (b[2].length - a[2].length) ||
          (data.elements[a[0]].number - data.elements[b[0]].number);
      });
      var together = projects.filter(function (p) { return all(data.projects[p].named); });
      var listed = projects.filter(function (p) { return !contains(together, p) && all(data.projects[p].either); });
      var partly = [];
      if (chosen.length > 2) {
        projects.forEach(function (p) {
          var named = chosen.filter(function (e) { return contains(data.projects[p].named, e); });
          if (named.length > 1 && named.length < chosen.length) partly.push([p, named]);
        });
      }
      var activities = range(data.activities.length).filter(function (i) {
        return data.activities[i].elements.some(function (e) { return contains(chosen, e); });
      });
      var low = null, high = null;
      activities.forEach(function (i) {
        var order = data.activities[i].order;
        if (low === null || order < data.activities[low].order) low = i;
        if (high === null || order > data.activities[high].order) high = i;
      });
      return {
        suggest: suggest, together: together, listed_too: listed, partly: partly, activities: activities,
        range: activities.length ? [low, high] : null,
        // linked to the chosen elements only by the site's judgement, not the report's words
        editorial: activities.filter(function (i) {
          return !data.activities[i].quoted.some(function (e) { return contains(chosen, e); });
        })
      };
    }

    function chosenIds() {
      if (find) return ids.filter(function (id) { return picked.indexOf(id) !== -1; });  // the report's order
      return boxes().filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
    }

    function choose(taken) {
      if (find) {
        picked = taken.slice();
        list();
      } else {
        boxes().forEach(function (box) { box.checked = taken.indexOf(box.value) !== -1; });
      }
    }

    // The chosen elements (ticked), then the first SHOWN others whose name or number matches the search field.
    function list() {
      var words = find.value.trim().toLocaleLowerCase("da");
      var matches = data.elements.filter(function (e) {
        if (picked.indexOf(e.id) !== -1) return false;
        return !words || String(e.number) === words || e.name.toLocaleLowerCase("da").indexOf(words) !== -1;
      });
      choices.textContent = "";
      data.elements.filter(function (e) { return picked.indexOf(e.id) !== -1; }).concat(matches.slice(0, SHOWN))
        .forEach(function (e) {
          var label = el("label");
          var box = el("input", "", { type: "checkbox", name: "element", value: e.id });
          box.checked = picked.indexOf(e.id) !== -1;
          label.appendChild(box);
          label.appendChild(document.createTextNode(" " + e.name));
          choices.appendChild(label);
        });
      found.textContent = matches.length > SHOWN ?
        "Viser " + SHOWN + " af " + matches.length + " elementer" + (words ? ", der passer" : "") + "; skriv for at finde andre." :
        matches.length + (matches.length === 1 ? " element passer." : " elementer passer.");
      limit(chosenIds());
    }

    function limit(chosen) {
      boxes().forEach(function (box) { box.disabled = !box.checked && chosen.length >= data.max; });
    }

    // The ids in the address, in its order: unknown ones, repeats and any beyond the maximum are left out.
    function readUrl() {
      var wanted = (new URLSearchParams(window.location.search).get("e") || "").split(",").filter(Boolean);
      var taken = [];
      wanted.forEach(function (id) {
        var known = ids.indexOf(id) !== -1;
        if (known && taken.indexOf(id) === -1 && taken.length < data.max) taken.push(id);
      });
      choose(taken);
      return wanted.length - taken.length;
    }

    function writeUrl(ids) {
      var url = window.location.pathname + (ids.length ? "?e=" + ids.join(",") : "") + window.location.hash;
      window.history.replaceState(null, "", url);
    }

    function section(title) {
      var part = el("section");
      part.appendChild(el("h3", title));
      results.appendChild(part);
      return part;
    }

    function showSuggestions(choice) {
      var part = section("Forslag til elementer, der kan lægges til");
      if (!choice.suggest.length) {
        part.appendChild(el("p", "Ingen forslag: rapporten nævner ikke flere elementer under dit valg, og intet puljeprojekts hovedresultat nævner andre elementer sammen med det."));
        return;
      }
      var list = el("ol", "", { "class": "kb-combo-suggestions" });
      choice.suggest.forEach(function (entry) {
        var item = el("li");
        item.appendChild(elementLink(entry[0]));
        var reasons = el("ul");
        var why = el("li");
        if (entry[1].length) {
          why.appendChild(document.createTextNode("Rapporten nævner gode erfaringer med at kombinere det med: "));
          why.appendChild(joined(names(entry[1])));
        } else {
          why.appendChild(document.createTextNode("Rapporten nævner det ikke under dine valgte elementer."));
        }
        reasons.appendChild(why);
        var seen = el("li");
        if (entry[2].length) {
          seen.appendChild(document.createTextNode(
            "Nævnt sammen med dit valg i " + entry[2].length + (entry[2].length === 1 ? " puljeprojekts" : " puljeprojekters") + " hovedresultat: "));
          seen.appendChild(joined(entry[2].map(projectLink)));
        } else {
          seen.appendChild(document.createTextNode("Intet puljeprojekts hovedresultat nævner det sammen med dit valg."));
        }
        reasons.appendChild(seen);
        item.appendChild(reasons);
        list.appendChild(item);
      });
      part.appendChild(list);
    }

    function projectList(indices, className) {
      var list = el("ul", "", { "class": className });
      indices.forEach(function (i) { list.appendChild(el("li")).appendChild(projectLink(i)); });
      return list;
    }

    function showProjects(choice, count) {
      var what = count === 1 ? "elementet" : "alle de valgte elementer";
      var part = section("Puljeprojekter, der arbejdede med " + what);
      if (choice.together.length) {
        part.appendChild(el("p", "Projektets hovedresultat (kapitel 5) nævner " + what + ":"));
        part.appendChild(projectList(choice.together, "kb-combo-projects"));
      } else {
        part.appendChild(el("p", "Intet puljeprojekts hovedresultat (kapitel 5) nævner " + what + "."));
      }
      if (choice.listed_too.length) {
        part.appendChild(el("p", "Regner man også elementernes projektlister i kapitel 4 med, arbejdede også disse med " + what + ":"));
        part.appendChild(projectList(choice.listed_too, "kb-combo-listed"));
      }
      if (choice.partly.length) {
        part.appendChild(el("p", "Hovedresultatet nævner nogle, men ikke alle, af de valgte elementer:"));
        var partly = el("ul", "", { "class": "kb-combo-partly" });
        choice.partly.forEach(function (entry) {
          var item = el("li");
          item.appendChild(projectLink(entry[0]));
          item.appendChild(document.createTextNode(" (" + names(entry[1]).join(" og ") + ")"));
          partly.appendChild(item);
        });
        part.appendChild(partly);
      }
    }

    // A star after a number with caveats; the caveats themselves are written out beside it.
    function mark(activity) { return activity.caveats.length ? "*" : ""; }

    function showCosts(choice) {
      var part = section("Omkostninger");
      if (!choice.activities.length) {
        part.appendChild(el("p", "Ingen af de aktiviteter, der er knyttet til de valgte elementer, har en omkostning pr. barn i rapportens tabeller."));
        return;
      }
      var low = data.activities[choice.range[0]], high = data.activities[choice.range[1]];
      part.appendChild(el("p", choice.activities.length + (choice.activities.length === 1 ? " aktivitet" : " aktiviteter") +
        " i puljeprojekterne er eksempler på de valgte elementer" +
        (choice.editorial.length ? " (" + choice.editorial.length + " af dem efter sitets vurdering, ikke rapportens ord)" : "") +
        ". De kostede fra " + low.per_child + mark(low) + " til " +
        high.per_child + mark(high) + " pr. barn pr. afholdt aktivitet, ekskl. etableringsomkostninger, i " + data.price_year +
        " (sitets beregning ud fra rapportens tabeller)."));
      // A number with caveats keeps them here too (generator/domain/caveats.py): the range's ends say so.
      [["Forbehold ved det laveste beløb", low], ["Forbehold ved det højeste beløb", high]].forEach(function (end, i) {
        if (!end[1].caveats.length || (i === 1 && high === low)) return;
        var note = el("p", "", { "class": "kb-combo-caveat" });
        note.appendChild(el("strong", end[0] + " (" + end[1].label + ", " + end[1].per_child + "*):"));
        note.appendChild(document.createTextNode(" " + end[1].caveats.join(" ")));
        part.appendChild(note);
      });
      var details = el("details", "", { "class": "kb-combo-activities" });
      details.appendChild(el("summary", "Se aktiviteterne"));
      var list = el("ul");
      choice.activities.forEach(function (i) {
        var a = data.activities[i];
        var item = el("li", a.label + " – " + a.per_child + mark(a) + " pr. barn (");
        item.appendChild(projectLink(a.project));
        item.appendChild(document.createTextNode(")" +
          (choice.editorial.indexOf(i) >= 0 ? ", knyttet til elementet efter sitets vurdering" : "") +
          (a.caveats.length ? ". Forbehold: " + a.caveats.join(" ") : "")));
        list.appendChild(item);
      });
      details.appendChild(list);
      part.appendChild(details);
      // A column the calculator leaves out (no reading of its group) has no key.
      var keys = choice.activities.map(function (i) { return data.activities[i].key; }).filter(Boolean);
      var button = link("Åbn budgetberegneren med disse aktiviteter", data.budget + "?a=" + keys.join(";"));
      button.className = "md-button";
      button.id = "kb-combo-budget";
      part.appendChild(el("p")).appendChild(button);
      part.appendChild(el("p", "Beregneren starter med 1 dagtilbud, 1 barn eller 1 gruppe og tabellens antal gange om året for hver aktivitet; ret tallene til jeres egne, og fravælg de aktiviteter, I ikke vil bruge.", { "class": "kb-meta" }));
    }

    function update(ignored) {
      var chosen = chosenIds();
      var dropped = ignored ? " " + ignored + (ignored === 1 ? " element" : " elementer") +
        " i adressen blev ikke valgt (ukendt, gentaget eller flere end " + data.max + ")." : "";
      limit(chosen);
      writeUrl(chosen);
      results.textContent = "";
      if (!chosen.length) {
        results.hidden = true;
        status.textContent = "Vælg et element for at se forslag." + dropped;
        return;
      }
      var choice = work(chosen.map(function (id) { return ids.indexOf(id); }));
      showSuggestions(choice);
      showProjects(choice, chosen.length);
      showCosts(choice);
      results.hidden = false;
      status.textContent = chosen.length + (chosen.length === 1 ? " element valgt: " : " elementer valgt: ") +
        choice.suggest.length + " forslag, " +
        choice.together.length + (choice.together.length === 1 ? " puljeprojekt" : " puljeprojekter") +
        " med dem i hovedresultatet." +
        (chosen.length >= data.max ? " Du kan højst vælge " + data.max + "." : "") + dropped;
    }

    form.addEventListener("change", function (event) {
      var box = event.target;
      if (find && box.name === "element") {
        picked = picked.filter(function (id) { return id !== box.value; }).concat(box.checked ? [box.value] : []);
      }
      update(0);
    });
    if (find) find.addEventListener("input", list);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    var ignored = readUrl();
    form.hidden = false;
    document.querySelectorAll(".kb-nojs").forEach(function (node) { node.hidden = true; });
    update(ignored);
  }

  window.kbOnPage(setup);  // defined in tables.js, which this page loads before this script
})();
