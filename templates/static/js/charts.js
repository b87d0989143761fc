// Draws every chart on the page from the ECharts option its container carries (computed at build
// time by the program linked under the chart). Chart programs never set colours: the two themes below
// do, and charts are drawn again when the reader switches theme.
//
// ECharts (about 1 MB) is loaded only when a chart is about to scroll into view or the reader starts to
// interact, so a page opens as fast as a text page; the whole-guide page (made to be printed) loads it
// once the page has loaded. Printing draws every chart, as a picture. No inline scripts and no inline styles: tooltips are
// drawn inside the canvas (renderMode 'richText'), so the strict Content-Security-Policy holds.
(function () {
  'use strict';
  var doc = document;
  var base = doc.documentElement.getAttribute('data-root') || '';
  var charts = Array.prototype.slice.call(doc.querySelectorAll('.chart-canvas[data-echarts]'));
  var loading = null;

  function theme(text, muted, axis, split, palette, tooltipBg) {
    var axisStyle = {
      axisLine: { lineStyle: { color: axis } },
      axisTick: { lineStyle: { color: axis } },
      axisLabel: { color: text, hideOverlap: true }, // long log-axis labels would otherwise collide on phones
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

  function registerThemes() {
    echarts.registerTheme('sdv-light', theme('#1d2330', '#515a6b', '#6b7385', '#e3e7ee',
      ['#1f5fbf', '#c2410c', '#15803d', '#7e22ce', '#a16207', '#0e7490', '#be185d'], '#ffffff'));
    echarts.registerTheme('sdv-dark', theme('#e2e7ef', '#a7b0bf', '#8b96a8', '#2c3443',
      ['#8cb8ff', '#ff9e66', '#6fdc8c', '#d2a8ff', '#f2cc60', '#56d4dd', '#ff8fc7'], '#1b2230'));
  }

  function loadEcharts() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        if (window.echarts) {
          resolve();
          return;
        }
        var script = doc.createElement('script');
        script.src = base + 'vendor/echarts/echarts.min.js';
        script.onload = function () { resolve(); };
        script.onerror = function () { reject(new Error('could not load ' + script.src)); };
        doc.head.appendChild(script);
      }).then(registerThemes);
    }
    return loading;
  }

  function activeTheme() {
    return doc.documentElement.getAttribute('data-theme') === 'dark' ? 'dark' : 'light';
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

  /** Draws (or redraws) one chart; ECharts must be loaded. */
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

  function drawn(el) {
    return window.echarts && echarts.getInstanceByDom(el);
  }

  function draw(el) {
    return loadEcharts().then(function () {
      if (!drawn(el)) {
        render(el, activeTheme());
      }
    });
  }

  function drawAll() {
    return Promise.all(charts.map(draw));
  }

  function start() {
    charts.forEach(function (el) {
      el.style.height = (el.getAttribute('data-height') || '360') + 'px';
    });
    if (!('IntersectionObserver' in window)) {
      drawAll();
    } else {
      if (doc.body.classList.contains('kind-guide')) {
        // made to be printed: have ECharts ready, so printing draws every chart (see beforeprint below)
        window.addEventListener('load', function () { window.setTimeout(loadEcharts, 0); });
      }
      var observer = new IntersectionObserver(function (entries) {
        entries.forEach(function (e) {
          if (e.isIntersecting) {
            observer.unobserve(e.target);
            draw(e.target);
          }
        });
      }, { rootMargin: '100px 0px' });
      charts.forEach(function (el) { observer.observe(el); });
      // the reader is here: fetch ECharts now, so charts further down appear without a wait
      var prefetch = function () {
        ['scroll', 'keydown', 'pointerdown', 'touchstart'].forEach(function (t) { window.removeEventListener(t, prefetch, true); });
        loadEcharts();
      };
      ['scroll', 'keydown', 'pointerdown', 'touchstart'].forEach(function (t) {
        window.addEventListener(t, prefetch, { capture: true, passive: true });
      });
    }
    window.addEventListener('resize', function () {
      charts.forEach(function (el) {
        var c = drawn(el);
        if (c) { c.resize(); }
      });
    });
    doc.addEventListener('sdv:themechange', function (e) {
      charts.forEach(function (el) {
        if (drawn(el)) { render(el, e.detail.theme); }
      });
    });
    // print: a light picture of each chart in place of the canvas
    window.addEventListener('beforeprint', function () {
      if (!window.echarts) {
        return; // nothing drawn yet; the canvases print as they are
      }
      charts.forEach(function (el) {
        var figure = el.closest('figure');
        var light = render(el, 'light');
        var img = doc.createElement('img');
        img.className = 'chart-print';
        img.alt = el.getAttribute('aria-label') || '';
        img.src = light.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
        el.parentNode.insertBefore(img, el.nextSibling);
        if (figure) { figure.classList.add('print-ready'); }
      });
    });
    window.addEventListener('afterprint', function () {
      doc.querySelectorAll('img.chart-print').forEach(function (img) { img.remove(); });
      charts.forEach(function (el) {
        var figure = el.closest('figure');
        if (figure) { figure.classList.remove('print-ready'); }
        if (drawn(el)) { render(el, activeTheme()); }
      });
    });
  }

  // for tests and printing scripts: draw every chart now; resolves when all are drawn
  window.sdvCharts = { drawAll: drawAll };

  if (doc.readyState === 'loading') {
    doc.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
