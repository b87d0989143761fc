// The practice deck: draws a shuffled set of questions from every page (js/practice-data.js, collected
// by the build), shows each with its model answer folded away, and remembers in this browser only which
// questions the reader marked as known, so the next set favours the others.
(function () {
  'use strict';
  var KEY = 'sdv.practice.known';
  var SET_SIZE = 8;
  var deck = document.getElementById('practice');
  var all = window.PRACTICE_QUESTIONS || [];
  if (!deck) {
    return;
  }

  function loadKnown() {
    try {
      return JSON.parse(localStorage.getItem(KEY) || '{}');
    } catch (e) {
      return {};
    }
  }

  function saveKnown(known) {
    try {
      localStorage.setItem(KEY, JSON.stringify(known));
    } catch (e) {
      // storage unavailable (private mode, file:// in some browsers): marks last for this visit only
    }
  }

  function shuffle(items) {
    var a = items.slice();
    for (var i = a.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var t = a[i]; a[i] = a[j]; a[j] = t;
    }
    return a;
  }

  function draw() {
    var known = loadKnown();
    var unknown = all.filter(function (q) { return !known[q.id]; });
    var pool = unknown.length >= SET_SIZE ? unknown : unknown.concat(shuffle(all.filter(function (q) { return known[q.id]; })));
    return shuffle(pool).slice(0, SET_SIZE);
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text) { e.textContent = text; }
    return e;
  }

  function render() {
    var known = loadKnown();
    var knownCount = all.filter(function (q) { return known[q.id]; }).length;
    deck.textContent = '';
    var status = el('p', 'practice-status',
      all.length + ' questions across the guide; ' + knownCount + ' marked as known in this browser.');
    deck.appendChild(status);
    var controls = el('p', 'practice-controls');
    var again = el('button', 'practice-new', 'Draw a new set');
    again.type = 'button';
    again.addEventListener('click', render);
    var reset = el('button', 'practice-reset', 'Forget my marks');
    reset.type = 'button';
    reset.addEventListener('click', function () { saveKnown({}); render(); });
    controls.appendChild(again);
    controls.appendChild(document.createTextNode(' '));
    controls.appendChild(reset);
    deck.appendChild(controls);

    var list = el('ol', 'practice-list');
    draw().forEach(function (q) {
      var item = el('li', 'practice-item');
      var details = el('details', 'practice');
      var summary = el('summary');
      summary.innerHTML = q.question; // built from the site's own pages at build time
      details.appendChild(summary);
      var answer = el('div', 'content');
      answer.innerHTML = q.answer;
      details.appendChild(answer);
      item.appendChild(details);
      var meta = el('p', 'practice-meta');
      var from = el('a', null, q.page);
      from.href = q.url;
      meta.appendChild(document.createTextNode('From '));
      meta.appendChild(from);
      meta.appendChild(document.createTextNode(' · '));
      var label = el('label');
      var box = el('input');
      box.type = 'checkbox';
      box.checked = !!known[q.id];
      box.addEventListener('change', function () {
        var k = loadKnown();
        if (box.checked) { k[q.id] = true; } else { delete k[q.id]; }
        saveKnown(k);
      });
      label.appendChild(box);
      label.appendChild(document.createTextNode(' I know this'));
      meta.appendChild(label);
      item.appendChild(meta);
      list.appendChild(item);
    });
    deck.appendChild(list);
  }

  render();
})();
