// Calculators: the reader changes an input and every step is recomputed, with its arithmetic shown. The
// formulas mirror the Java programs line for line (same operations in the same order, so the same doubles):
// with the default inputs (facts of those programs) each result equals the program's fact, which the
// browser tests check. Each output keeps its unrounded value in data-value.
(function () {
  'use strict';

  function fmt(x, digits) {
    if (!isFinite(x)) { return String(x); }
    return x.toLocaleString('en-US', { maximumFractionDigits: digits === undefined ? 2 : digits });
  }

  function ceilDiv(a, b) {
    return Math.floor((a + b - 1) / b);
  }

  /** Smallest fleet, spread evenly over the zones, that still carries the load after losing the biggest zone. */
  function survivingOneZoneLoss(serversNeeded, zones) {
    var n = Math.ceil(serversNeeded);
    var guard = 0;
    while (n - ceilDiv(n, zones) < serversNeeded) {
      n++;
      if (++guard > 1e7) { throw new Error('no fleet survives losing a zone'); }
    }
    return n;
  }

  /** A fraction from a value given either as a fraction (0.95) or as a percentage (95). */
  function fraction(x) {
    return x > 1 ? x / 100 : x;
  }

  var FORMULAS = {
    // snippets/foundations/CapacityPlan.java, plan(...)
    capacity: function (v) {
      if (v.zones < 2) { throw new Error('a region needs at least 2 zones to survive losing one'); }
      if (v.regions < 2) { throw new Error('it takes at least 2 regions to survive losing one'); }
      var average = v.dau * v['opens-per-user'] / 86400;
      var peak = average * v['peak-factor'];
      var exact = peak / v['qps-per-server'];
      var withZoneLoss = survivingOneZoneLoss(exact, v.zones);
      var regionalPeak = peak / (v.regions - 1);
      var perRegion = survivingOneZoneLoss(regionalPeak / v['qps-per-server'], v.zones);
      return {
        'average-qps': [average, fmt(v.dau, 0) + ' users × ' + fmt(v['opens-per-user']) + ' requests ÷ 86,400 s'],
        'peak-qps': [peak, fmt(average, 0) + ' × ' + fmt(v['peak-factor'])],
        'servers-at-peak': [Math.ceil(exact), fmt(peak, 0) + ' ÷ ' + fmt(v['qps-per-server'], 0) + ' = ' + fmt(exact) + ', rounded up'],
        'servers-zone-loss': [withZoneLoss, 'smallest n with n − ⌈n ÷ ' + v.zones + '⌉ ≥ ' + fmt(exact) + ': losing the biggest zone leaves '
          + (withZoneLoss - ceilDiv(withZoneLoss, v.zones)) + ' servers'],
        'regional-peak-qps': [regionalPeak, fmt(peak, 0) + ' ÷ (' + v.regions + ' − 1) surviving regions'],
        'servers-per-region': [perRegion, fmt(regionalPeak, 0) + ' ÷ ' + fmt(v['qps-per-server'], 0) + ' = '
          + fmt(regionalPeak / v['qps-per-server']) + ', then enough to lose a zone'],
        'fleet': [perRegion * v.regions, perRegion + ' servers × ' + v.regions + ' regions']
      };
    },
    // Module 2: a read and a write quorum overlap when R + W > N
    quorum: function (v) {
      var n = v.n, r = v.r, w = v.w;
      if (r > n || w > n) { throw new Error('R and W cannot exceed N'); }
      var strong = r + w > n ? 1 : 0;
      return {
        'strong': [strong, r + ' + ' + w + (strong ? ' > ' : ' ≤ ') + n + (strong ? ': every read quorum overlaps the last write quorum'
          : ': a read can miss the latest write')],
        'write-failures-tolerated': [n - w, n + ' − ' + w],
        'read-failures-tolerated': [n - r, n + ' − ' + r]
      };
    },
    // Module 5: effective latency = hit rate × hit latency + miss rate × miss latency
    cache: function (v) {
      var h = fraction(v['hit-rate']);
      if (h < 0 || h > 1) { throw new Error('the hit rate must be between 0 and 1 (or 0 and 100 %)'); }
      var effective = h * v['hit-ms'] + (1 - h) * v['miss-ms'];
      return {
        'effective-ms': [effective, fmt(h, 4) + ' × ' + fmt(v['hit-ms'], 3) + ' ms + ' + fmt(1 - h, 4) + ' × ' + fmt(v['miss-ms'], 3) + ' ms']
      };
    },
    // Module 11: budget = (1 − SLO) × window; a burn rate spends a share of the budget within an alert window
    slo: function (v) {
      var slo = fraction(v.slo);
      if (slo <= 0 || slo >= 1) { throw new Error('the SLO must be between 0 and 1 (or 0 and 100 %)'); }
      var windowMinutes = v['window-days'] * 24 * 60;
      var budget = (1 - slo) * windowMinutes;
      var windowHours = v['window-days'] * 24;
      var fast = 0.02 * windowHours / 1;
      var slow = 0.05 * windowHours / 6;
      return {
        'budget-minutes': [budget, '(1 − ' + fmt(slo, 6) + ') × ' + fmt(windowMinutes, 0) + ' min'],
        'fast-burn-rate': [fast, '2 % × ' + fmt(windowHours, 0) + ' h ÷ 1 h: alert when errors exceed ' + fmt(fast * (1 - slo) * 100, 3) + ' % of requests'],
        'slow-burn-rate': [slow, '5 % × ' + fmt(windowHours, 0) + ' h ÷ 6 h: alert when errors exceed ' + fmt(slow * (1 - slo) * 100, 3) + ' % of requests']
      };
    }
  };

  function digitsFor(key, value) {
    return Number.isInteger(value) ? 0 : (Math.abs(value) < 10 ? 3 : 2);
  }

  function update(form) {
    var formula = FORMULAS[form.getAttribute('data-calculator')];
    var values = {};
    var bad = null;
    form.querySelectorAll('input[name]').forEach(function (input) {
      var x = input.valueAsNumber;
      if (input.value === '' || !isFinite(x) || !input.checkValidity()) {
        bad = bad || input;
      }
      values[input.name] = x;
    });
    var note = form.querySelector('.calculator-error');
    if (!note) {
      note = document.createElement('p');
      note.className = 'calculator-error';
      note.setAttribute('role', 'alert');
      form.querySelector('.calculator-steps').after(note);
    }
    var results = null;
    var message = '';
    if (bad) {
      message = 'Check “' + (bad.labels && bad.labels[0] ? bad.labels[0].textContent : bad.name) + '”: ' + (bad.validationMessage || 'not a number') + '.';
    } else {
      try {
        results = formula(values);
      } catch (e) {
        message = e.message + '.';
      }
    }
    note.textContent = message;
    form.querySelectorAll('.calculator-steps li[data-step]').forEach(function (li) {
      var key = li.getAttribute('data-step');
      var output = li.querySelector('output');
      var math = li.querySelector('.step-math');
      if (!results || !(key in results)) {
        output.textContent = '–';
        output.removeAttribute('data-value');
        math.textContent = '';
        return;
      }
      var value = results[key][0];
      output.setAttribute('data-value', String(value));
      output.textContent = fmt(value, digitsFor(key, value));
      math.textContent = results[key][1];
    });
  }

  function start() {
    document.querySelectorAll('form.calculator[data-calculator]').forEach(function (form) {
      if (!FORMULAS[form.getAttribute('data-calculator')]) {
        return;
      }
      form.addEventListener('submit', function (e) { e.preventDefault(); });
      form.addEventListener('input', function () { update(form); });
      form.addEventListener('reset', function () { window.setTimeout(function () { update(form); }, 0); });
      update(form);
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
