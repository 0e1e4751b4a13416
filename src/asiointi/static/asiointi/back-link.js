// "Back to the previous page" on an error page: where JavaScript runs, the browser's own Back,
// which keeps what the person typed on that page. Without it the link opens the page anew.
(function () {
  "use strict";
  var link = document.querySelector("a[data-history-back]");
  if (!link || window.history.length < 2) { return; }
  link.addEventListener("click", function (event) {
    event.preventDefault();
    window.history.back();
  });
})();
