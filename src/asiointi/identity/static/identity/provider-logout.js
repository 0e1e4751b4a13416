// Sends the logout on to the identification service at once, so one press ends both sessions.
// Without JavaScript the person presses the form's button instead.
(function () {
  var form = document.getElementById("provider-logout");
  if (form) {
    form.submit();
  }
})();
