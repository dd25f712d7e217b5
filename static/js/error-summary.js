// A form's error summary takes the focus, so a screen reader reads it and the keyboard starts
// there; its links put the focus on their field with the field's label in view. Without this
// script the summary is still shown and its links still lead to the fields.
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (!summary || summary.dataset.ready) {
    return;
  }
  summary.dataset.ready = "1";
  // A form posted from a page reached through a link to #main comes back with that fragment,
  // and the browser would move the focus there once the page has loaded.
  if (window.location.hash) {
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
  }
  summary.focus();
  window.addEventListener("load", function () {
    if (document.activeElement === document.body || document.activeElement.id === "main") {
      summary.focus();
    }
  });
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    var input = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!input) {
      return;
    }
    event.preventDefault();
    var group = input.closest("fieldset");
    var label = group ? group.querySelector("legend") : document.querySelector("label[for='" + input.id + "']");
    (label || input).scrollIntoView();
    input.focus({ preventScroll: true });
  });
})();
