// Runs in <head>, before the page is drawn: applies the reader's remembered theme, or the system's,
// so the page never flashes the wrong colours. site.js owns the toggle; charts.js re-renders charts.
(function () {
  'use strict';
  var root = document.documentElement;
  root.classList.add('js');
  var stored = null;
  try { stored = window.localStorage.getItem('sdv-theme'); } catch (e) { /* storage disabled: follow the system */ }
  var system = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  root.setAttribute('data-theme', stored === 'dark' || stored === 'light' ? stored : system);
})();
