// Fills the run-time column of the verification report from verification-runtimes.js (measurements
// kept out of the page itself, so that two builds of one commit publish identical pages).
(function () {
  'use strict';
  var times = window.VERIFIED_RUNTIMES || {};
  document.querySelectorAll('[data-runtime-of]').forEach(function (cell) {
    var ms = times[cell.getAttribute('data-runtime-of')];
    if (typeof ms === 'number') {
      cell.textContent = ms < 1000 ? ms + ' ms' : (ms / 1000).toFixed(1) + ' s';
    }
  });
})();
