// Warns a logged-in person before the idle timeout ends their session, and lets them go on.
// The warning is a modal dialog (showModal: the page behind is inert, so focus stays in it);
// Escape continues the session, as the button does; it states the time actually left. Without
// JavaScript the session still ends on the server; this only adds the warning.
(function () {
  "use strict";
  var script = document.currentScript;
  var dialog = document.getElementById("session-warning");
  if (!script || !dialog || typeof dialog.showModal !== "function") { return; }
  var idleMs = Number(script.dataset.idleSeconds) * 1000;
  var warnBeforeMs = Math.min(120000, idleMs / 2);
  var form = dialog.querySelector("form");
  var button = form.querySelector("button");
  var left = dialog.querySelector(".session-warning__left");
  var deadline, warnTimer, tickTimer, ended = false;

  function schedule() {
    deadline = Date.now() + idleMs;
    window.clearTimeout(warnTimer);
    warnTimer = window.setTimeout(warn, idleMs - warnBeforeMs);
  }

  function show() {
    var seconds = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
    var minutes = Math.floor(seconds / 60);
    left.textContent = (minutes ? minutes + " " + left.dataset.minutes + " " : "")
      + (seconds % 60) + " " + left.dataset.seconds;
    return seconds;
  }

  function tick() {
    if (show() === 0) { end(); return; }
    tickTimer = window.setTimeout(tick, 1000);
  }

  function warn() {
    // Timers in a background tab run late: the time left is counted from the clock.
    if (Date.now() >= deadline) { end(); }
    if (!dialog.open) { dialog.showModal(); }
    if (!ended) { tick(); button.focus(); }
  }

  function end() {
    ended = true;
    window.clearTimeout(tickTimer);
    dialog.querySelector("[data-session-warning]").hidden = true;
    var over = dialog.querySelector("[data-session-ended]");
    over.hidden = false;
    dialog.setAttribute("aria-labelledby", "session-ended-title");
    dialog.setAttribute("aria-describedby", "session-ended-text");
    if (!dialog.open) { dialog.showModal(); }
    over.querySelector("a").focus();
  }

  function keepalive() {
    window.clearTimeout(tickTimer);
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { "X-Requested-With": "fetch" },
      credentials: "same-origin"
    }).then(function (response) {
      // Sent to the login page: the session had already ended on the server.
      if (!response.ok || response.redirected) { end(); return; }
      dialog.close();
      schedule();
    }, function () { tick(); });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    keepalive();
  });

  // Escape: go on using the e-services (a closed warning must not leave the session ending).
  // Once it has ended, Escape closes the notice: what was typed can still be copied.
  dialog.addEventListener("cancel", function (event) {
    if (ended) { return; }
    event.preventDefault();
    keepalive();
  });

  schedule();
})();
