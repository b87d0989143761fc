// Preview only (never part of the published site): reloads the page after a good rebuild and shows
// the problems of a failed one, so the author sees file, line and message without leaving the page.
(function () {
  'use strict';
  var seen = null;
  var panel = null;

  function showError(text) {
    if (!panel) {
      panel = document.createElement('pre');
      panel.setAttribute('role', 'alert');
      var s = panel.style;
      s.position = 'fixed'; s.left = '0'; s.right = '0'; s.bottom = '0'; s.maxHeight = '50vh';
      s.overflow = 'auto'; s.margin = '0'; s.padding = '1rem'; s.zIndex = '2147483647';
      s.background = '#3b0d0d'; s.color = '#ffe8e8'; s.font = '13px/1.45 monospace'; s.whiteSpace = 'pre-wrap';
      s.borderTop = '4px solid #e5484d';
      document.body.appendChild(panel);
    }
    panel.textContent = text + '\n\n(the last good site is still being served; fix the file and save)';
    console.error(text);
  }

  function poll() {
    fetch('/__preview/status', { cache: 'no-store' })
      .then(function (r) { return r.json(); })
      .then(function (status) {
        if (seen !== null && status.generation !== seen) {
          location.reload();
          return;
        }
        seen = status.generation;
        if (status.error) {
          showError(status.error);
        } else if (panel) {
          panel.remove();
          panel = null;
        }
        setTimeout(poll, 300);
      })
      .catch(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
