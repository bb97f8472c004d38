// The header's menu on a narrow screen: console.css folds the navigation away only once this script has marked
// the header (has-menu), so that without the script the navigation simply stays open. A file of its own because
// the Content-Security-Policy allows no inline script.
(function () {
  'use strict';
  const header = document.querySelector('header.top');
  const toggle = header && header.querySelector('.menu-toggle');
  if (!toggle) {
    return;
  }
  function show(open) {
    header.classList.toggle('open', open);
    toggle.setAttribute('aria-expanded', String(open));
  }
  header.classList.add('has-menu');
  toggle.addEventListener('click', function () {
    show(!header.classList.contains('open'));
  });
  // Escape closes an open menu and gives the focus back to its button, as a disclosure should
  header.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && header.classList.contains('open')) {
      show(false);
      toggle.focus();
    }
  });
})();
