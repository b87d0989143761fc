// The reader's tools on every page: theme toggle, the page's table of contents (following the scroll),
// copy buttons on code, search over sections (press "/"), and print preparation. No inline scripts and
// no requests outside the site: search loads its library and index as script files from the site itself,
// so it works from file:// too.
(function () {
  'use strict';
  var doc = document;
  var root = doc.documentElement;
  var base = root.getAttribute('data-root') || '';

  // ---- theme -------------------------------------------------------------------------------------
  function currentTheme() {
    return root.getAttribute('data-theme') === 'dark' ? 'dark' : 'light';
  }

  function applyTheme(theme, remember) {
    root.setAttribute('data-theme', theme);
    if (remember) {
      try { window.localStorage.setItem('sdv-theme', theme); } catch (e) { /* not remembered */ }
    }
    doc.dispatchEvent(new CustomEvent('sdv:themechange', { detail: { theme: theme } }));
  }

  function setUpTheme() {
    var toggle = doc.getElementById('theme-toggle');
    if (!toggle) {
      return;
    }
    // the button names the theme it switches to ("Dark theme" / "Light theme"), so it needs no pressed state
    toggle.addEventListener('click', function () {
      applyTheme(currentTheme() === 'dark' ? 'light' : 'dark', true);
    });
    if (window.matchMedia) {
      var query = window.matchMedia('(prefers-color-scheme: dark)');
      var follow = function (e) {
        var stored = null;
        try { stored = window.localStorage.getItem('sdv-theme'); } catch (err) { /* ignore */ }
        if (!stored) {
          applyTheme(e.matches ? 'dark' : 'light', false);
        }
      };
      if (query.addEventListener) {
        query.addEventListener('change', follow);
      }
    }
  }

  // ---- table of contents ---------------------------------------------------------------------------
  function headingText(h) {
    var clone = h.cloneNode(true);
    clone.querySelectorAll('.anchor').forEach(function (a) { a.remove(); });
    return clone.textContent.trim();
  }

  function setUpToc() {
    var column = doc.getElementById('toc-column');
    var article = doc.querySelector('main article');
    if (!column || !article) {
      return;
    }
    var headings = Array.prototype.filter.call(article.querySelectorAll('h2[id], h3[id]'), function (h) {
      return !h.closest('.calculator');
    });
    if (headings.length < 2) {
      return;
    }
    var nav = doc.createElement('nav');
    nav.className = 'toc';
    nav.setAttribute('aria-label', 'On this page');
    var title = doc.createElement('p');
    title.className = 'toc-title';
    title.textContent = 'On this page';
    nav.appendChild(title);
    var list = doc.createElement('ol');
    var links = {};
    headings.forEach(function (h) {
      var li = doc.createElement('li');
      li.className = h.tagName === 'H3' ? 'level3' : 'level2';
      var a = doc.createElement('a');
      a.href = '#' + h.id;
      a.textContent = headingText(h);
      li.appendChild(a);
      list.appendChild(li);
      links[h.id] = a;
    });
    nav.appendChild(list);
    column.appendChild(nav);
    if (!('IntersectionObserver' in window)) {
      return;
    }
    var visible = {};
    var active = null;
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) { visible[e.target.id] = e.isIntersecting; });
      var current = null;
      for (var i = 0; i < headings.length; i++) {
        if (visible[headings[i].id]) { current = headings[i].id; break; }
      }
      if (!current) {
        // between headings: the last one above the viewport is the section being read
        for (var j = headings.length - 1; j >= 0; j--) {
          if (headings[j].getBoundingClientRect().top < 80) { current = headings[j].id; break; }
        }
      }
      if (current && current !== active) {
        if (active && links[active]) { links[active].classList.remove('active'); links[active].removeAttribute('aria-current'); }
        links[current].classList.add('active');
        links[current].setAttribute('aria-current', 'location');
        active = current;
      }
    }, { rootMargin: '-56px 0px -55% 0px' });
    headings.forEach(function (h) { observer.observe(h); });
  }

  // ---- copy buttons --------------------------------------------------------------------------------
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = doc.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.className = 'visually-hidden';
      doc.body.appendChild(area);
      area.select();
      var ok = doc.execCommand('copy');
      area.remove();
      if (ok) { resolve(); } else { reject(new Error('copy refused')); }
    });
  }

  function setUpCopyButtons() {
    doc.querySelectorAll('.listingblock pre').forEach(function (pre) {
      var button = doc.createElement('button');
      button.type = 'button';
      button.className = 'copy-button';
      button.textContent = 'Copy';
      button.setAttribute('aria-label', 'Copy the code');
      button.addEventListener('click', function () {
        copyText(pre.textContent).then(function () {
          button.textContent = 'Copied';
        }, function () {
          button.textContent = 'Select and copy';
        });
        window.setTimeout(function () { button.textContent = 'Copy'; }, 2000);
      });
      pre.parentNode.insertBefore(button, pre);
    });
  }

  // ---- wide code and tables scroll sideways: make them reachable from the keyboard -----------------
  function markScrollers() {
    doc.querySelectorAll('pre, .table-wrap').forEach(function (el) {
      if (el.scrollWidth > el.clientWidth + 1) {
        el.setAttribute('tabindex', '0');
      } else if (el.getAttribute('tabindex') === '0') {
        el.removeAttribute('tabindex');
      }
    });
  }

  function setUpScrollers() {
    markScrollers();
    var pending = null;
    window.addEventListener('resize', function () {
      window.clearTimeout(pending);
      pending = window.setTimeout(markScrollers, 100);
    });
  }

  // ---- search --------------------------------------------------------------------------------------
  var search = { engine: null, loading: null, active: -1 };

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = doc.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error('could not load ' + src)); };
      doc.head.appendChild(s);
    });
  }

  function searchEngine() {
    if (!search.loading) {
      search.loading = Promise.all([loadScript(base + 'vendor/minisearch/minisearch.js'), loadScript(base + 'search-index.js')])
        .then(function () {
          var engine = new window.MiniSearch({
            fields: ['section', 'page', 'text'],
            storeFields: ['section', 'page', 'url', 'text', 'kind'],
            searchOptions: {
              boost: { section: 3, page: 1.5, text: 1 },
              prefix: function (term) { return term.length > 2; },
              fuzzy: function (term) { return term.length > 4 ? 0.15 : false; },
              combineWith: 'AND',
              boostDocument: function (id, term, stored) { return stored && stored.kind === 'program' ? 0.4 : 1; }
            }
          });
          engine.addAll(window.SDV_SEARCH.documents);
          search.engine = engine;
          return engine;
        });
    }
    return search.loading;
  }

  function excerpt(text, terms) {
    var lower = text.toLowerCase();
    var first = -1;
    terms.forEach(function (t) {
      var i = lower.indexOf(t.toLowerCase());
      if (i >= 0 && (first < 0 || i < first)) { first = i; }
    });
    var start = Math.max(0, (first < 0 ? 0 : first) - 60);
    var end = Math.min(text.length, start + 180);
    if (start > 0) {
      var space = text.indexOf(' ', start);
      if (space > 0 && space < start + 20) { start = space + 1; }
    }
    return (start > 0 ? '… ' : '') + text.slice(start, end) + (end < text.length ? ' …' : '');
  }

  function highlighted(text, terms) {
    var span = doc.createElement('span');
    span.className = 'result-excerpt';
    var sorted = terms.filter(function (t) { return t.length > 0; })
      .map(function (t) { return t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); })
      .sort(function (a, b) { return b.length - a.length; });
    if (!sorted.length) {
      span.textContent = text;
      return span;
    }
    var pattern = new RegExp('(' + sorted.join('|') + ')', 'gi');
    var last = 0;
    text.replace(pattern, function (match, group, offset) {
      span.appendChild(doc.createTextNode(text.slice(last, offset)));
      var mark = doc.createElement('mark');
      mark.textContent = match;
      span.appendChild(mark);
      last = offset + match.length;
      return match;
    });
    span.appendChild(doc.createTextNode(text.slice(last)));
    return span;
  }

  function runSearch(query) {
    var panel = doc.getElementById('search-panel');
    var status = doc.getElementById('search-status');
    var list = doc.getElementById('search-results');
    query = query.trim();
    if (!query) {
      panel.hidden = true;
      list.textContent = '';
      return Promise.resolve([]);
    }
    panel.hidden = false;
    if (!search.engine) { status.textContent = 'Loading the index…'; }
    return searchEngine().then(function (engine) {
      var results = engine.search(query);
      if (!results.length) {
        results = engine.search(query, { combineWith: 'OR' });
      }
      results = results.slice(0, 12);
      list.textContent = '';
      search.active = -1;
      status.textContent = results.length ? results.length + (results.length === 1 ? ' section' : ' sections') + ' found'
        : 'No section matches “' + query + '”.';
      results.forEach(function (r) {
        var li = doc.createElement('li');
        var a = doc.createElement('a');
        a.href = base + r.url;
        var section = doc.createElement('span');
        section.className = 'result-section';
        section.textContent = r.section;
        var page = doc.createElement('span');
        page.className = 'result-page';
        page.textContent = r.page;
        a.appendChild(section);
        a.appendChild(page);
        var terms = r.terms.concat(r.queryTerms || []);
        a.appendChild(highlighted(excerpt(r.text, terms), terms));
        a.addEventListener('click', function () { panel.hidden = true; });
        li.appendChild(a);
        list.appendChild(li);
      });
      return results;
    }, function (error) {
      status.textContent = 'Search is unavailable: ' + error.message;
      return [];
    });
  }

  function moveActive(step) {
    var links = doc.querySelectorAll('#search-results a');
    if (!links.length) { return; }
    if (search.active >= 0 && links[search.active]) { links[search.active].classList.remove('active'); }
    search.active = (search.active + step + links.length) % links.length;
    links[search.active].classList.add('active');
    links[search.active].scrollIntoView({ block: 'nearest' });
  }

  function setUpSearch() {
    var input = doc.getElementById('search-input');
    if (!input) {
      return;
    }
    var panel = doc.getElementById('search-panel');
    var pending = null;
    input.addEventListener('focus', function () { searchEngine().catch(function () { /* reported on search */ }); });
    input.addEventListener('input', function () {
      window.clearTimeout(pending);
      pending = window.setTimeout(function () { runSearch(input.value); }, 80);
    });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown') { e.preventDefault(); moveActive(1); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); moveActive(-1); }
      else if (e.key === 'Enter') {
        var links = doc.querySelectorAll('#search-results a');
        var target = links[search.active >= 0 ? search.active : 0];
        if (target) { e.preventDefault(); panel.hidden = true; window.location.href = target.href; }
      } else if (e.key === 'Escape') {
        panel.hidden = true;
        input.blur();
      }
    });
    doc.addEventListener('keydown', function (e) {
      var t = e.target;
      var typing = t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
      if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        input.focus();
        input.select();
      }
    });
    doc.addEventListener('click', function (e) {
      if (!e.target.closest('.search')) { panel.hidden = true; }
    });
    // for tests and the curious: window.sdvSearch('peak qps') resolves to the ranked sections
    window.sdvSearch = function (query) {
      input.value = query;
      return runSearch(query).then(function (results) {
        return results.map(function (r) { return { url: r.url, section: r.section, page: r.page }; });
      });
    };
  }

  // ---- print ---------------------------------------------------------------------------------------
  function setUpPrint() {
    var opened = [];
    window.addEventListener('beforeprint', function () {
      doc.querySelectorAll('details:not([open])').forEach(function (d) {
        d.open = true;
        opened.push(d);
      });
    });
    window.addEventListener('afterprint', function () {
      opened.forEach(function (d) { d.open = false; });
      opened = [];
    });
  }

  function start() {
    setUpTheme();
    setUpToc();
    setUpCopyButtons();
    setUpScrollers();
    setUpSearch();
    setUpPrint();
  }

  if (doc.readyState === 'loading') {
    doc.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
