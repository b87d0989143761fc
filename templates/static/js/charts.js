// Draws every chart on the page from the ECharts option its container carries (computed at build
// time by the program linked under the chart). Chart programs never set colours: the two themes below
// do, and charts are drawn again when the reader switches theme. No inline scripts and no inline
// styles: tooltips are drawn inside the canvas (renderMode 'richText'), so the strict CSP holds.
(function () {
  'use strict';

  function theme(text, muted, axis, split, palette, tooltipBg) {
    var axisStyle = {
      axisLine: { lineStyle: { color: axis } },
      axisTick: { lineStyle: { color: axis } },
      axisLabel: { color: text },
      splitLine: { lineStyle: { color: split } },
      nameTextStyle: { color: text }
    };
    return {
      color: palette,
      backgroundColor: 'transparent',
      textStyle: { color: text },
      title: { textStyle: { color: text }, subtextStyle: { color: muted } },
      legend: { textStyle: { color: text }, pageTextStyle: { color: text } },
      tooltip: { backgroundColor: tooltipBg, borderColor: axis, textStyle: { color: text } },
      categoryAxis: axisStyle,
      valueAxis: axisStyle,
      logAxis: axisStyle,
      timeAxis: axisStyle,
      graph: { label: { color: text }, edgeLabel: { color: muted }, lineStyle: { color: axis } },
      line: { symbolSize: 5 },
      markLine: { label: { color: text } }
    };
  }

  echarts.registerTheme('sdv-light', theme('#1d2330', '#515a6b', '#6b7385', '#e3e7ee',
    ['#1f5fbf', '#c2410c', '#15803d', '#7e22ce', '#a16207', '#0e7490', '#be185d'], '#ffffff'));
  echarts.registerTheme('sdv-dark', theme('#e2e7ef', '#a7b0bf', '#8b96a8', '#2c3443',
    ['#8cb8ff', '#ff9e66', '#6fdc8c', '#d2a8ff', '#f2cc60', '#56d4dd', '#ff8fc7'], '#1b2230'));

  var charts = [];

  function activeTheme() {
    return document.documentElement.getAttribute('data-theme') === 'dark' ? 'dark' : 'light';
  }

  function optionOf(el) {
    var option = JSON.parse(el.getAttribute('data-echarts'));
    if (option.tooltip) {
      option.tooltip.renderMode = 'richText'; // drawn in the canvas: no HTML with inline styles
    }
    option.aria = { enabled: false }; // the container carries the text alternative (role="img", aria-label)
    option.animation = false;
    return option;
  }

  function render(el, themeName) {
    var existing = echarts.getInstanceByDom(el);
    if (existing) {
      existing.dispose();
    }
    var chart = echarts.init(el, 'sdv-' + themeName, { renderer: 'canvas' });
    chart.setOption(optionOf(el));
    el.setAttribute('data-rendered-theme', themeName);
    el.setAttribute('data-renders', String(Number(el.getAttribute('data-renders') || '0') + 1));
    return chart;
  }

  function draw() {
    var themeName = activeTheme();
    document.querySelectorAll('.chart-canvas[data-echarts]').forEach(function (el) {
      el.style.height = (el.getAttribute('data-height') || '360') + 'px';
      charts.push(el);
      render(el, themeName);
    });
    window.addEventListener('resize', function () {
      charts.forEach(function (el) {
        var c = echarts.getInstanceByDom(el);
        if (c) { c.resize(); }
      });
    });
    document.addEventListener('sdv:themechange', function (e) {
      charts.forEach(function (el) { render(el, e.detail.theme); });
    });
    // print: a light picture of each chart in place of the canvas
    window.addEventListener('beforeprint', function () {
      charts.forEach(function (el) {
        var figure = el.closest('figure');
        var light = render(el, 'light');
        var img = document.createElement('img');
        img.className = 'chart-print';
        img.alt = el.getAttribute('aria-label') || '';
        img.src = light.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
        el.parentNode.insertBefore(img, el.nextSibling);
        if (figure) { figure.classList.add('print-ready'); }
      });
    });
    window.addEventListener('afterprint', function () {
      var themeName = activeTheme();
      document.querySelectorAll('img.chart-print').forEach(function (img) { img.remove(); });
      charts.forEach(function (el) {
        var figure = el.closest('figure');
        if (figure) { figure.classList.remove('print-ready'); }
        render(el, themeName);
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
