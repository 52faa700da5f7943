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
    questionnaire(document.querySelector("form.questionnaire"));
    lines(document);
  });

  // A questionnaire: items asked only after a certain answer are hidden until it is given
  // (without this script they are shown with a note saying when to answer them).
  function questionnaire(form) {
    if (!form) {
      return;
    }
    var conditional = form.querySelectorAll(".q-item[data-show-if-item]");
    var update = function () {
      conditional.forEach(function (item) {
        var wanted = item.dataset.showIfAny.split(",");
        var chosen = Array.prototype.map.call(
          form.querySelectorAll("[name='a-" + item.dataset.showIfItem + "']:checked"),
          function (input) { return input.value; }
        );
        var shown = chosen.some(function (value) { return wanted.indexOf(value) >= 0; });
        item.classList.toggle("hidden-by-condition", !shown);
      });
    };
    form.addEventListener("change", update);
    update();
  }

  // A line item (a questionnaire's, a rating scale's) gets a slider beside its number field, for
  // touch and mouse; the field stays the control that keyboards and screen readers use.
  function lines(root) {
    var number = function (text) { return parseFloat(String(text).replace(",", ".")); };
    root.querySelectorAll("input[data-line-min]").forEach(function (field) {
      var slider = document.createElement("input");
      slider.type = "range";
      slider.className = "line-slider";
      // The maximum first: a value is clamped to the bounds as they are set.
      slider.max = field.dataset.lineMax;
      slider.min = field.dataset.lineMin;
      slider.step = field.dataset.lineStep;
      slider.setAttribute("aria-hidden", "true");
      slider.tabIndex = -1;
      // An unmarked line shows its thumb faintly in the middle: nothing is marked until touched.
      var marked = function (value) {
        slider.classList.toggle("unset", isNaN(value));
        slider.value = isNaN(value) ? (number(slider.min) + number(slider.max)) / 2 : value;
      };
      marked(number(field.value));
      slider.addEventListener("input", function () {
        slider.classList.remove("unset");
        var decimal = field.closest("html").lang === "en" ? slider.value : String(slider.value).replace(".", ",");
        field.value = decimal;
        field.dispatchEvent(new Event("input", { bubbles: true }));
      });
      slider.addEventListener("change", function () {
        field.dispatchEvent(new Event("change", { bubbles: true }));
      });
      field.addEventListener("input", function () {
        marked(number(field.value));
      });
      field.insertAdjacentElement("afterend", slider);
    });
    // A rating scale shows the sum of its four lines as they are marked, so that the
    // practitioner and the participant see the total at once.
    root.querySelectorAll("fieldset[data-scale]").forEach(function (scale) {
      var sum = scale.querySelector(".scale-sum");
      if (!sum) {
        return;
      }
      var update = function () {
        var total = 0;
        var marked = 0;
        scale.querySelectorAll("input[data-line-min]").forEach(function (field) {
          var value = number(field.value);
          if (!isNaN(value)) {
            total += Math.round(value * 10);
            marked += 1;
          }
        });
        var text = (total / 10).toFixed(1);
        if (scale.closest("html").lang !== "en") {
          text = text.replace(".", ",");
        }
        sum.textContent = marked === 0 ? "" : sum.dataset.sumLabel + ": " + text;
      };
      scale.addEventListener("input", update);
      update();
    });
  }

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
