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
  });
})();
