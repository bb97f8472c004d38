// The approvals list refreshes every 30 s (hx-trigger on #approvals-refresh), except while a decision form
// has the focus: the refresh would replace the card under the manager's hands and lose what they typed.
// A filter in hx-trigger would do this with eval, which the console's Content-Security-Policy forbids.
document.addEventListener('htmx:confirm', function (event) {
  if (event.target.id === 'approvals-refresh' && document.querySelector('form.decision :focus')) {
    event.preventDefault();
  }
});
