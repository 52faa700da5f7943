// Parat's own script: small enhancements only; every page works without it.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    // After a rejected form, move focus to the list of problems so that keyboard and
    // screen-reader users start there.
    var summary = document.getElementById("error-summary");
    if (summary) {
      summary.focus();
    }
    guideSaving(document.querySelector("form.guide"));
  });

  // The interview guide saves each answer as it is typed (htmx); this shows the state beside
  // each field and asks before leaving the page while an answer is not saved yet.
  function guideSaving(form) {
    if (!form) {
      return;
    }
    var unsaved = {};
    var stateOf = function (field) {
      return document.getElementById(field.getAttribute("aria-describedby") || "");
    };
    form.addEventListener("input", function (event) {
      var state = stateOf(event.target);
      if (state) {
        unsaved[event.target.id] = true;
        state.textContent = form.dataset.unsaved;
        state.className = "save-state pending";
      }
    });
    document.body.addEventListener("htmx:beforeRequest", function (event) {
      var state = stateOf(event.detail.elt);
      if (state) {
        state.textContent = form.dataset.saving;
        state.className = "save-state pending";
      }
    });
    document.body.addEventListener("htmx:afterRequest", function (event) {
      var field = event.detail.elt;
      var state = stateOf(field);
      if (!state) {
        return;
      }
      if (event.detail.successful) {
        delete unsaved[field.id];
        state.className = "save-state saved";
      } else {
        state.textContent = form.dataset.failed;
        state.className = "save-state failed";
      }
    });
    // The whole form's save button sends every answer; nothing is left to lose then.
    form.addEventListener("submit", function () {
      unsaved = {};
    });
    window.addEventListener("beforeunload", function (event) {
      if (Object.keys(unsaved).length > 0) {
        event.preventDefault();
        event.returnValue = form.dataset.leave;
      }
    });
  }
})();
