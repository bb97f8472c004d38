// The apology editor's email preview: the live check answers with a hidden form that carries the draft, and
// this posts it into the sandboxed frame beside it, which then shows the email as the customer will get it.
// Not srcdoc: a srcdoc document inherits the page's Content-Security-Policy, which refuses the email's inline
// styles; the preview's own answer has a policy of its own. Not a GET: the draft is personal data, and URLs
// end up in logs. Nothing is stored, so any replica can answer.
// The form has no id: htmx would give a new element with an old one's id the old attributes until it settles.
(function () {
  function send() {
    document.querySelectorAll('form[data-email-preview]:not([data-sent])').forEach(function (form) {
      form.dataset.sent = 'true';
      form.submit();
    });
  }
  document.addEventListener('htmx:load', send);
})();
