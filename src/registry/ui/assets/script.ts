/**
 * The pages' one script, served as `/ui/-/assets/app-HASH.js` (the CSP allows no inline script).
 * It only improves pages that work without it: copy buttons, the Publish dialog as a modal, and
 * submitting the tag choice as soon as it changes. It never reads data into markup.
 */
export const SCRIPT = `'use strict';
(function () {
  document.documentElement.classList.add('js');
  function copyText(text, button) {
    var done = function () {
      var label = button.getAttribute('data-label') || button.textContent;
      button.setAttribute('data-label', label);
      button.textContent = 'Copied';
      button.classList.add('copied');
      setTimeout(function () { button.textContent = label; button.classList.remove('copied'); }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(text); done(); });
    } else {
      fallback(text);
      done();
    }
  }
  function fallback(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    try { document.execCommand('copy'); } catch (e) { /* nothing more to try */ }
    document.body.removeChild(area);
  }
  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    var copy = target.closest('[data-copy]');
    if (copy) {
      var source = document.getElementById(copy.getAttribute('data-copy'));
      if (source) copyText(source.textContent, copy);
      event.preventDefault();
      return;
    }
    var open = target.closest('[data-open-dialog]');
    if (open) {
      var dialog = document.getElementById(open.getAttribute('data-open-dialog'));
      if (dialog && typeof dialog.showModal === 'function') {
        event.preventDefault();
        if (!dialog.open) dialog.showModal();
      }
      return;
    }
    var close = target.closest('[data-close-dialog]');
    if (close) {
      var owner = close.closest('dialog');
      if (owner && typeof owner.close === 'function') {
        event.preventDefault();
        owner.close();
      }
    }
  });
  document.addEventListener('change', function (event) {
    var target = event.target;
    if (target instanceof HTMLSelectElement && target.hasAttribute('data-autosubmit') && target.form) {
      target.form.submit();
    }
  });
  var opened = document.querySelector('dialog[data-modal][open]');
  if (opened && typeof opened.showModal === 'function') {
    opened.close();
    opened.showModal();
  }
})();
`;
