// Updates a course page or an enrollment page in place instead of reloading it: the countdown
// ticks, and the page is fetched again now and then (and at the opening time) to replace the
// parts marked data-live-part. Form fields are never replaced, so nothing typed is lost and
// focus stays where it is; what changed is said in a polite live region. "Stop updating" stops
// all of it. Without JavaScript, a page without a form reloads itself (<noscript> meta refresh).
(function () {
  "use strict";
  var updating = document.querySelector("[data-live-updating]");
  if (!updating) { return; }
  var stoppedNote = document.querySelector("[data-live-stopped]");
  var announce = document.querySelector("[data-live-announce]");
  var url = updating.getAttribute("data-live-url");
  var seconds = Number(updating.getAttribute("data-live-seconds")) || 60;
  var fetchTimer = null, tickTimer = null, stopped = false, lastTyped = 0;

  function text(element) { return element ? element.textContent.replace(/\s+/g, " ").trim() : ""; }

  function opensAt() {
    var box = document.querySelector("[data-opens-at]");
    return box ? new Date(box.getAttribute("data-opens-at")).getTime() : NaN;
  }

  function pad(n) { return n < 10 ? "0" + n : String(n); }

  function tick() {
    var shown = document.querySelector("[data-opens-at] .course-countdown");
    var opens = opensAt();
    if (stopped || !shown || isNaN(opens)) { return; }
    var left = Math.max(0, Math.round((opens - Date.now()) / 1000));
    shown.textContent = Math.floor(left / 3600) + ":" + pad(Math.floor(left / 60) % 60) + ":" + pad(left % 60);
    if (left === 0) { schedule(1000); return; }
    tickTimer = window.setTimeout(tick, 1000);
  }

  function schedule(ms) {
    window.clearTimeout(fetchTimer);
    if (!stopped) { fetchTimer = window.setTimeout(update, ms); }
  }

  function typing() {
    var el = document.activeElement;
    return !!el && /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) && Date.now() - lastTyped < 3000;
  }

  function replaceParts(fresh) {
    var said = [];
    document.querySelectorAll("[data-live-part]").forEach(function (part) {
      var next = fresh.querySelector('[data-live-part="' + part.getAttribute("data-live-part") + '"]');
      if (!next || part.contains(document.activeElement)) { return; }
      if (part.outerHTML === next.outerHTML) { return; }
      var changed = text(part) !== text(next);
      // The element stays (a live region must exist before its content changes): its attributes
      // and content become the new ones.
      Array.prototype.slice.call(part.attributes).forEach(function (attribute) {
        if (!next.hasAttribute(attribute.name)) { part.removeAttribute(attribute.name); }
      });
      Array.prototype.forEach.call(next.attributes, function (attribute) {
        part.setAttribute(attribute.name, attribute.value);
      });
      part.innerHTML = next.innerHTML;
      if (changed && part.hasAttribute("data-live-say") && text(part)) { said.push(text(part)); }
    });
    if (said.length && announce) { announce.textContent = said.join(" "); }
  }

  function update(once) {
    if (stopped && !once) { return; }
    if (!once && typing()) { schedule(3000); return; }
    fetch(url, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.text();
      })
      .then(function (html) {
        if (stopped && !once) { return; }
        var fresh = new DOMParser().parseFromString(html, "text/html");
        replaceParts(fresh);
        if (once) { return; }
        var more = fresh.querySelector("[data-live-updating]");
        if (!more) { finish(); return; }
        seconds = Number(more.getAttribute("data-live-seconds")) || seconds;
        window.clearTimeout(tickTimer);
        tick();
        schedule(seconds * 1000);
      })
      .catch(function () { if (!once) { schedule(seconds * 1000); } });
  }

  function finish() {
    stopped = true;
    window.clearTimeout(fetchTimer);
    window.clearTimeout(tickTimer);
    if (updating.contains(document.activeElement)) { document.getElementById("main").focus(); }
    updating.hidden = true;
  }

  updating.querySelector("[data-live-stop]").addEventListener("click", function (event) {
    event.preventDefault();
    finish();
    if (stoppedNote) {
      stoppedNote.hidden = false;
      stoppedNote.querySelector("a").focus();
    }
    if (window.history.replaceState) {
      var address = new URL(window.location.href);
      if (address.pathname === new URL(url, address).pathname) {
        address.searchParams.set("updates", "off");
        window.history.replaceState(window.history.state, "", address.toString());
      }
    }
  });

  if (stoppedNote) {
    stoppedNote.querySelector("a").addEventListener("click", function (event) {
      // One update in place, the updates staying off.
      event.preventDefault();
      update(true);
    });
  }

  document.addEventListener("input", function () { lastTyped = Date.now(); });
  updating.hidden = false;
  tick();
  schedule(seconds * 1000);
})();
