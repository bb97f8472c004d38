// Every signed-in page: an htmx request that is refused never stops silently.
//
// A page out of date (opened before the person last signed in) gets its refusal in place with this session's
// CSRF token (console/RefusedPost): the page's forms and htmx requests take it, so the person goes on where they
// were, without a reload that would lose what they typed.
//
// A refusal goes just before the part that asked (HX-Reswap: beforebegin); a refresh refused again (the inbox
// every 15 s) replaces the one already there instead of stacking another.
document.addEventListener('htmx:afterSwap', function () {
  document.querySelectorAll('.refused').forEach(function (refusal) {
    var next = refusal.nextElementSibling;
    if (next && next.classList.contains('refused')) {
      refusal.remove();
    }
  });
  document.querySelectorAll('.refused[data-csrf-token]').forEach(function (refusal) {
    var token = refusal.getAttribute('data-csrf-token');
    refusal.removeAttribute('data-csrf-token');
    document.body.setAttribute('hx-headers', JSON.stringify({ 'X-CSRF-TOKEN': token }));
    document.querySelectorAll('input[name="csrf-token"]').forEach(function (field) {
      field.value = token;
    });
  });
});

// The console answers its own refusals with a page htmx swaps in; anything else (a server error, a network
// failure, a proxy's page) would leave the part as it was. Say so in place, in the page's words.
function showRequestFailed(event) {
  var words = document.getElementById('request-failed');
  var target = event.detail.target || (event.detail.elt);
  if (!words || !target) {
    return;
  }
  var old = target.querySelector(':scope > .request-failed');
  if (old) {
    old.remove();
  }
  target.prepend(words.content.firstElementChild.cloneNode(true));
}
document.addEventListener('htmx:responseError', showRequestFailed);
document.addEventListener('htmx:sendError', showRequestFailed);
