/* Load the search index only when the visitor starts to search.
 *
 * Material for MkDocs requests search/search_index.json (and the Danish lunr files) as soon as a
 * page loads. Most visitors never search, so this holds that one request back until the search
 * field gets focus, the search dialog is opened, or the page is opened from a search (?q=, ?h=). It must
 * run before Material's bundle. If Material changes how it loads the index, search still works:
 * the request is simply not held back (the browser tests check both).
 */
(function () {
  "use strict";
  var INDEX = /search\/search_index\.json$/;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var held = [];
  // ?q= opens the search; ?h= (from a search result) highlights the words and needs the index too.
  var released = /[?&](q|h)=/.test(window.location.search);

  function release() {
    if (released) return;
    released = true;
    held.splice(0).forEach(function (go) { go(); });
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.kbSearchIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (request.kbSearchIndex && !released) {
      held.push(function () { send.apply(request, args); });
      return undefined;
    }
    return send.apply(request, args);
  };

  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest(".md-search")) release();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search") release();
  });
  document.addEventListener("keydown", function (event) {
    // Material opens search with "/", "s" or "f".
    if (["/", "s", "S", "f", "F"].indexOf(event.key) !== -1) release();
  });

  // Material's search dialog has no accessible name (WCAG 4.1.2; Lighthouse's aria-dialog-name): it takes the
  // name of its own search field, in the theme's language.
  document.addEventListener("DOMContentLoaded", function () {
    var dialog = document.querySelector(".md-search[role=dialog]:not([aria-label])");
    var field = dialog && dialog.querySelector("input[aria-label]");
    if (field) dialog.setAttribute("aria-label", field.getAttribute("aria-label"));
  });
})();
