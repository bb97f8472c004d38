// The compensation form: a discount is a percent of the order and has no currency, so choosing one clears and
// disables the currency field (a disabled field is not posted, and the live preview and the proposal both judge
// a discount by the order's currency); choosing a credit again brings back what was there.
(function () {
  function sync(form) {
    var type = form.querySelector('select[name="type"]');
    var currency = form.querySelector('input[name="currency"]');
    if (!type || !currency) {
      return;
    }
    var percent = type.value === 'DISCOUNT_PERCENT';
    var none = type.value === 'NONE';
    if ((percent || none) && !currency.disabled) {
      currency.dataset.kept = currency.value;
      currency.value = '';
    } else if (!percent && !none && currency.disabled && currency.dataset.kept !== undefined) {
      currency.value = currency.dataset.kept;
    }
    currency.disabled = percent || none;
  }
  function init() {
    document.querySelectorAll('form[data-compensation-form]').forEach(function (form) {
      sync(form);
      form.querySelector('select[name="type"]').addEventListener('change', function () {
        sync(form);
      });
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
