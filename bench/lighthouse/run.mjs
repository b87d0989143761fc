// Performance budget benchmark: Lighthouse 12 (mobile emulation, simulated throttling) against the built
// site served from 127.0.0.1 with gzip, as a static host would serve it. Offline: Chromium is Debian's, and
// nothing is requested outside the machine. Prints scores and transferred bytes per page and checks the
// budgets: accessibility 1.0 everywhere; performance >= 0.95 on text pages and >= 0.90 on chart pages;
// a page without charts transfers at most 100 KB.
//   bench/lighthouse/run.sh [site folder] [extra.html ...]   (builds nothing: run the site build first)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

//   arguments: an optional site folder, and optional extra pages to measure (e.g. guide.html)
const args = process.argv.slice(2);
const extra = args.filter((a) => a.endsWith('.html'));
const site = path.resolve(args.find((a) => !a.endsWith('.html')) || path.join(import.meta.dirname, '../../target/site'));
if (!fs.existsSync(path.join(site, 'index.html'))) {
  console.error(`no built site in ${site}: run 'mvn -q -pl generator compile exec:exec' first`);
  process.exit(2);
}

const TYPES = { html: 'text/html; charset=utf-8', css: 'text/css', js: 'text/javascript', svg: 'image/svg+xml',
  json: 'application/json', xml: 'application/xml', txt: 'text/plain', png: 'image/png' };

function serve() {
  const server = http.createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '');
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    let file = path.join(site, rel);
    let status = 200;
    if (!file.startsWith(site) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      file = path.join(site, '404.html');
      status = 404;
    }
    const ext = path.extname(file).slice(1);
    let body = fs.readFileSync(file);
    const headers = { 'Content-Type': TYPES[ext] || 'application/octet-stream', 'Cache-Control': 'max-age=600' };
    if (/gzip/.test(req.headers['accept-encoding'] || '') && ext !== 'png') {
      body = zlib.gzipSync(body, { level: 9 });
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = body.length;
    res.writeHead(status, headers);
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function htmlPages() {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.html')) out.push(path.relative(site, p).split(path.sep).join('/'));
    }
  };
  walk(site);
  return out;
}

function charts(page) {
  return (fs.readFileSync(path.join(site, page), 'utf8').match(/class="chart-canvas"/g) || []).length;
}

function textLength(page) {
  const html = fs.readFileSync(path.join(site, page), 'utf8');
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').length;
}

const authored = htmlPages().filter((p) => !p.startsWith('programs/') && !['guide.html', '404.html'].includes(p));
const modules = authored.filter((p) => p.startsWith('modules/') || p.startsWith('case-studies/'));
const chartHeaviest = [...authored].sort((a, b) => charts(b) - charts(a))[0];
const textPages = modules.filter((p) => charts(p) === 0);
const textHeavy = (textPages.length ? textPages : modules).sort((a, b) => textLength(b) - textLength(a))[0];
const targets = [...new Set(['index.html', textHeavy, chartHeaviest, ...extra].filter(Boolean))];

const server = await serve();
const port = server.address().port;
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});

let failures = 0;
const rows = [];
try {
  for (const page of targets) {
    const url = `http://127.0.0.1:${port}/${page}`;
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'] });
    const lhr = result.lhr;
    const perf = lhr.categories.performance.score;
    const a11y = lhr.categories.accessibility.score;
    const bytes = lhr.audits['total-byte-weight'].numericValue;
    const n = charts(page);
    const budget = [];
    if (a11y < 1) budget.push(`accessibility ${a11y} < 1.0`);
    if (perf < (n > 0 ? 0.9 : 0.95)) budget.push(`performance ${perf} < ${n > 0 ? '0.90' : '0.95'}`);
    if (n === 0 && bytes > 100 * 1024) budget.push(`${(bytes / 1024).toFixed(1)} KB > 100 KB`);
    failures += budget.length;
    const failed = lhr.categories.accessibility.auditRefs
      .filter((r) => r.weight > 0 && lhr.audits[r.id].score !== null && lhr.audits[r.id].score < 1).map((r) => r.id);
    rows.push({ page, charts: n, performance: perf, accessibility: a11y, kb: (bytes / 1024).toFixed(1),
      lcp: lhr.audits['largest-contentful-paint'].displayValue, tbt: lhr.audits['total-blocking-time'].displayValue,
      cls: lhr.audits['cumulative-layout-shift'].displayValue, budget: budget.length ? 'OVER: ' + budget.join('; ') : 'ok',
      a11yFailed: failed.join(',') });
  }
} finally {
  await chrome.kill();
  server.close();
}
console.table(rows);
console.log(failures ? `${failures} budget(s) exceeded` : 'all budgets met');
process.exit(failures ? 1 : 0);
