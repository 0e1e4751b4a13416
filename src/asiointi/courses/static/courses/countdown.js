// Counts down to the opening time every second and reloads the page at it. Without JavaScript the
// page shows the time left when it was loaded and refreshes itself (<meta http-equiv="refresh">).
(function () {
  var box = document.querySelector("[data-opens-at]");
  if (!box) return;
  var opens = new Date(box.getAttribute("data-opens-at")).getTime();
  var shown = box.querySelector(".course-countdown");
  function pad(n) { return n < 10 ? "0" + n : String(n); }
  function tick() {
    var left = Math.max(0, Math.round((opens - Date.now()) / 1000));
    if (left === 0) { window.location.reload(); return; }
    if (left < 24 * 3600) {
      shown.textContent = Math.floor(left / 3600) + ":" + pad(Math.floor(left / 60) % 60) + ":" + pad(left % 60);
    }
    window.setTimeout(tick, 1000);
  }
  tick();
})();
