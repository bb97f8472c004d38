// The inbox's one-key shortcuts (listed in the page's help, "?"): j and k move between the task rows of both lists,
// o or Enter opens the row's case, c claims a row of the queue, / goes to the search box. Only on the inbox, only
// for a person who keeps them on (profile; WCAG 2.1.4), and never while a field, a button or the help has the keys.
(function () {
  'use strict';

  var current = null; // the task id of the row that has the focus, kept across the lists' refresh

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll('#inbox-lists tr[data-task]'));
  }

  function typing(target) {
    if (!target || target === document.body) {
      return false;
    }
    var tag = target.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || tag === 'BUTTON' || target.isContentEditable;
  }

  function focusRow(row) {
    if (row) {
      current = row.getAttribute('data-task');
      row.focus();
      row.scrollIntoView({ block: 'nearest' });
    }
  }

  function focusedRow() {
    var active = document.activeElement;
    return active && active.closest ? active.closest('#inbox-lists tr[data-task]') : null;
  }

  function move(step) {
    var all = rows();
    if (all.length === 0) {
      return;
    }
    var at = all.indexOf(focusedRow());
    var next = at < 0 ? (step > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, at + step));
    focusRow(all[next]);
  }

  function open(row) {
    var link = row && row.querySelector('a[data-open]');
    if (link) {
      link.click();
    }
  }

  function claim(row) {
    var form = row && row.querySelector('form[data-claim]');
    if (form) {
      form.requestSubmit();
    }
  }

  document.addEventListener('keydown', function (event) {
    var help = document.getElementById('shortcuts');
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing || typing(event.target)
        || (help && help.open)) {
      return;
    }
    var row = focusedRow();
    switch (event.key) {
      case 'j': move(1); break;
      case 'k': move(-1); break;
      case 'o': open(row); break;
      case 'Enter':
        // a link inside the row keeps its own Enter; the row itself opens its case
        if (!row || event.target !== row) {
          return;
        }
        open(row);
        break;
      case 'c': claim(row); break;
      case '/': document.getElementById('search').focus(); break;
      case '?':
        if (help) {
          help.showModal();
        }
        break;
      default:
        return;
    }
    event.preventDefault();
  });

  // The lists are replaced every 15 seconds: the row that had the focus gets it back, if it is still there.
  document.addEventListener('htmx:afterSwap', function () {
    if (current && (document.activeElement === document.body || !document.activeElement)) {
      var again = document.querySelector('#inbox-lists tr[data-task="' + CSS.escape(current) + '"]');
      if (again) {
        again.focus();
      }
    }
  });
})();
