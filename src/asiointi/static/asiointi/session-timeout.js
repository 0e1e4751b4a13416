// Warns a logged-in person before the idle timeout ends their session, and lets them go on.
// Without JavaScript the session still ends on the server; this only adds the warning.
(function () {
  "use strict";
  var script = document.currentScript;
  var dialog = document.getElementById("session-warning");
  if (!script || !dialog) { return; }
  var idleMs = Number(script.dataset.idleSeconds) * 1000;
  var warnBeforeMs = Math.min(120000, idleMs / 2);
  var form = dialog.querySelector("form");
  var button = dialog.querySelector("button");
  var warnTimer, endTimer, returnFocus;

  function schedule() {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    warnTimer = setTimeout(warn, idleMs - warnBeforeMs);
    endTimer = setTimeout(function () { window.location.reload(); }, idleMs + 1000);
  }

  function warn() {
    returnFocus = document.activeElement;
    dialog.hidden = false;
    button.focus();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { "X-Requested-With": "fetch" },
      credentials: "same-origin"
    }).then(function (response) {
      if (!response.ok) { window.location.reload(); return; }
      dialog.hidden = true;
      if (returnFocus && returnFocus.focus) { returnFocus.focus(); }
      schedule();
    });
  });

  schedule();
})();
