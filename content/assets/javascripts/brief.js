/* "Print et beslutningsoplæg" on element and project pages (generator/site/templates/_brief.md.j2).
   The button is in the page, hidden, until this script shows it. Printing marks the page with the class
   kb-printing-brief, so the print stylesheet prints only the parts marked kb-in-brief on one A4 page, and
   writes the page's full address into the brief; after printing the page is as it was. */
(function () {
  "use strict";
  var button = document.querySelector("[data-kb-print-brief]");
  /* Set up once, even if the script runs again (as overviews.js guards too). */
  if (!button || button.dataset.kbBriefReady) {
    return;
  }
  button.dataset.kbBriefReady = "ready";
  var root = document.documentElement;
  function writeAddress() {
    var address = window.location.href.split("#")[0];
    document.querySelectorAll("[data-kb-address]").forEach(function (slot) {
      slot.textContent = address; /* text, never markup */
    });
  }
  button.addEventListener("click", function () {
    writeAddress();
    root.classList.add("kb-printing-brief");
    window.print();
  });
  window.addEventListener("beforeprint", writeAddress);
  window.addEventListener("afterprint", function () {
    root.classList.remove("kb-printing-brief");
  });
  button.hidden = false;
})();
