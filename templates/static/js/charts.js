// Draws every chart on the page from the ECharts option its container carries (computed at build
// time by the program linked under the chart). No inline scripts: a strict CSP holds.
(function () {
  'use strict';
  function draw() {
    document.querySelectorAll('.chart-canvas[data-echarts]').forEach(function (el) {
      var option = JSON.parse(el.getAttribute('data-echarts'));
      el.style.height = (el.getAttribute('data-height') || '360') + 'px';
      var chart = echarts.init(el, null, { renderer: 'canvas' });
      chart.setOption(option);
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
