// The build as a host serves it (README, "Deploy"): the headers of dist/_headers (the same as
// deploy/nginx.conf), the precompressed copies, the policy as a real header; and an embed in a
// frame sandboxed without allow-same-origin, with and without the headers. Then the same through
// a real nginx running deploy/nginx.conf, at the root and under a sub-path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { serve, serveWithNginx, launch, openPage, waitForChart, parseHeadersFile, headersFor, framingHost, watchViolations, DIST, MANIFEST } from './harness.mjs';

const NGINX = new URL('../../deploy/nginx.conf', import.meta.url).pathname;
const CHART = 'exports-vs-peers';
const files = readdirSync(DIST, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
const builtFiles = files.filter((f) => !/\.(br|gz)$/.test(f) && f !== '_headers');
const metaPolicy = readFileSync(join(DIST, 'index.html'), 'utf8').match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
const rules = parseHeadersFile(readFileSync(join(DIST, '_headers'), 'utf8'));

/** A newsroom page that frames `src` in the strictest sandbox that still runs scripts. */
const strictHost = (src) => framingHost(src, 'allow-scripts');

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('_headers: the policy of the pages plus frame-ancestors for every file, a year for hashed files, the wasm content type', () => {
  const everywhere = headersFor(rules, '/any-file');
  assert.equal(everywhere['content-security-policy'], `${metaPolicy}; frame-ancestors *`);
  assert.equal(everywhere['access-control-allow-origin'], '*');
  assert.equal(everywhere['x-content-type-options'], 'nosniff');
  // Trunk writes its 64-bit hashes without leading zeros: 12 to 16 hex digits.
  const hashed = builtFiles.filter((f) => /-[0-9a-f]{12,16}(_bg)?\.[a-z]+$/.test(f));
  assert.ok(hashed.length >= 7, `hashed files: ${hashed.join(', ')}`);
  for (const file of builtFiles) {
    const cache = headersFor(rules, `/${file}`)['cache-control'];
    if (hashed.includes(file)) assert.equal(cache, 'public, max-age=31536000, immutable', file);
    else assert.ok(cache === undefined || cache === 'no-cache', `${file} is revalidated (${cache})`);
  }
  assert.equal(headersFor(rules, '/sw.js')['cache-control'], 'no-cache');
  const wasm = builtFiles.find((f) => f.endsWith('.wasm'));
  assert.equal(headersFor(rules, `/${wasm}`)['content-type'], 'application/wasm');
  assert.equal(headersFor(rules, '/manifest.webmanifest')['content-type'], 'application/manifest+json');
});

test('deploy/nginx.conf says what _headers says', () => {
  const conf = readFileSync(NGINX, 'utf8');
  const policy = headersFor(rules, '/')['content-security-policy'];
  assert.equal(conf.match(/set \$csp "([^"]+)";/)?.[1], policy, 'the same policy');
  const immutable = new RegExp(conf.match(/location ~ "([^"]+)"/)[1]);
  for (const file of builtFiles) {
    const hashed = headersFor(rules, `/${file}`)['cache-control']?.includes('immutable') ?? false;
    assert.equal(immutable.test(`/${file}`), hashed, `${file}: nginx caches it ${hashed ? 'for a year' : 'never'} as _headers does`);
  }
  assert.match(conf, /application\/wasm\s+wasm;/);
  assert.match(conf, /application\/manifest\+json\s+webmanifest;/);
  assert.equal((conf.match(/add_header Content-Security-Policy \$csp always;/g) ?? []).length, 2, 'the policy in both locations');
  assert.equal((conf.match(/add_header Access-Control-Allow-Origin "\*" always;/g) ?? []).length, 2);
});

test('every text and wasm file has a .br and a .gz copy with the same bytes, and the offline copy lists none', () => {
  const compressible = builtFiles.filter((f) => /\.(html|js|css|wasm|json|svg|webmanifest)$/.test(f));
  assert.ok(compressible.length > 50);
  for (const file of compressible) {
    const bytes = readFileSync(join(DIST, file));
    for (const [suffix, unpack] of [['.br', brotliDecompressSync], ['.gz', gunzipSync]]) {
      assert.ok(files.includes(`${file}${suffix}`), `${file}${suffix}`);
      assert.ok(unpack(readFileSync(join(DIST, `${file}${suffix}`))).equals(bytes), `${file}${suffix} unpacks to ${file}`);
    }
  }
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  assert.doesNotMatch(sw, /\.(br|gz)"|_headers/);
});

/**
 * The story, an embed and the offline reload, as a reader meets them on `server` (its `base`:
 * where the site is): live, with the precompressed wasm, under the policy sent as a header, with
 * no violation and no error; then with the server stopped, from the offline copy.
 */
async function readerVisits(t, server) {
  const base = server.base ?? `${server.origin}/`;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  t.after(() => context.close());
  await watchViolations(context);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  const encodings = new Map();
  page.on('response', async (r) => encodings.set(new URL(r.url()).pathname, (await r.allHeaders())['content-encoding']));
  await page.goto(base);
  await waitForChart(page, CHART);
  const wasm = builtFiles.find((f) => f.endsWith('.wasm'));
  assert.equal(encodings.get(`${new URL(base).pathname}${wasm}`), 'br', 'the wasm came precompressed');
  await page.locator('.offline-note', { hasText: 'Available offline' }).waitFor({ timeout: 20000 });
  await page.goto(`${base}?embed=nev-share`);
  await waitForChart(page, 'nev-share');
  await server.close();
  await page.reload();
  await waitForChart(page, 'nev-share');
  await page.goto(`${base}?lang=de`);
  await waitForChart(page, CHART);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
}

test('served with the documented headers: the story, an embed and the offline reload work, with the policy as a header and no violation', async (t) => {
  const server = await serve(DIST, {}, { hosted: true });
  t.after(() => server.close());
  const response = await fetch(`${server.origin}/`, { headers: { 'accept-encoding': 'br' } });
  assert.equal(response.headers.get('content-security-policy'), `${metaPolicy}; frame-ancestors *`);
  assert.equal(response.headers.get('content-encoding'), 'br');
  assert.equal((await fetch(`${server.origin}/_headers`)).status, 404, 'hosts do not serve _headers');
  await readerVisits(t, server);
});

/**
 * A newsroom's page at `hostUrl` frames the chart in the strict sandbox: the chart goes live, a
 * toggle works, the frame grows to its content, and nothing errs (no service worker is tried
 * where none is allowed).
 */
async function liveInStrictFrame(t, hostUrl) {
  const { page, context, problems } = await openPage(browser, hostUrl);
  t.after(() => context.close());
  const frame = page.frameLocator('#embed');
  await page.waitForFunction(() => window.heights.length > 0);
  assert.equal(await frame.locator('h1').innerText(), 'China overtakes the established exporters');
  await frame.locator(`[data-chart="${CHART}"] .chart-canvas`).hover();
  await frame.locator(`[data-chart="${CHART}"] .chart-canvas canvas`).waitFor({ timeout: 20000 });
  await frame.locator(`[data-chart="${CHART}"] button.toggle`).first().click();
  await page.waitForTimeout(500);
  const { height, content } = await page.evaluate(() => ({
    height: document.getElementById('embed').getBoundingClientRect().height,
    content: Object.values(window.heights.at(-1))[0],
  }));
  assert.ok(height > 400 && Math.abs(height - content) <= 1, `the frame grew to its content (${height}px, last message ${content})`);
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.consoleErrors, [], 'no error: no service worker is tried where none is allowed');
}

test('in a frame sandboxed without allow-same-origin, with the documented headers, the chart goes live and sizes the frame', async (t) => {
  const server = await serve(DIST, { '/host.html': strictHost(`/?embed=${CHART}`) }, { hosted: true });
  t.after(() => server.close());
  await liveInStrictFrame(t, `${server.origin}/host.html`);
});

test('in a frame sandboxed without allow-same-origin, without the headers, the reader gets a styled page with the table, sized to fit', async (t) => {
  const server = await serve(DIST, { '/host.html': strictHost(`/?embed=${CHART}`) });
  t.after(() => server.close());
  const { page, context, problems } = await openPage(browser, `${server.origin}/host.html`);
  t.after(() => context.close());
  await page.waitForFunction(() => window.heights.length > 0);
  const frame = page.frames().find((f) => f.url().includes('embed-'));
  assert.ok(frame, `the frame opened the chart's own page (${page.frames().map((f) => f.url()).join(', ')})`);
  await frame.waitForFunction(() => document.documentElement.classList.contains('static-only'));
  const looks = await frame.evaluate(() => {
    const box = document.querySelector('.chart-frame');
    const style = getComputedStyle(box);
    return {
      border: style.borderTopStyle,
      radius: parseFloat(style.borderTopLeftRadius),
      heading: getComputedStyle(document.querySelector('h1')).fontFamily,
      picture: Math.max(0, ...[...document.querySelectorAll('.static-picture svg')].map((svg) => svg.getBoundingClientRect().height)),
      tableOpen: document.querySelector('details.chart-table')?.open,
      rows: document.querySelectorAll('details.chart-table tbody tr').length,
      controls: [...document.querySelectorAll('.chart-controls, .chart-actions')].filter((el) => el.getBoundingClientRect().height > 0).length,
    };
  });
  assert.equal(looks.border, 'solid', 'the stylesheet applies: the chart has its frame');
  assert.ok(looks.radius > 0);
  assert.match(looks.heading, /Georgia|serif/i);
  assert.ok(looks.picture > 200, 'the chart picture is drawn');
  assert.equal(looks.tableOpen, true, 'the table is open');
  assert.equal(looks.rows, 11, 'a row per year, 2015-2025');
  assert.equal(looks.controls, 0, 'controls that need the app are hidden');
  await page.waitForTimeout(500);
  const { height, content } = await page.evaluate(() => ({
    height: document.getElementById('embed').getBoundingClientRect().height,
    content: Object.values(window.heights.at(-1))[0],
  }));
  assert.ok(height > 800 && Math.abs(height - content) <= 1, `the frame fits the page with its table (${height}px, message ${content})`);
  assert.deepEqual(problems.pageErrors, []);
  const refused = (m) => /blocked by CORS policy|Failed to load resource: net::ERR_FAILED/.test(m);
  assert.ok(problems.consoleErrors.some(refused), 'the refused request is what the console reports');
  assert.deepEqual(problems.consoleErrors.filter((m) => !refused(m)), [], 'and nothing else');
});

// ---------------------------------------------------------------------------------------------
// A real nginx with deploy/nginx.conf

/** What a file's response must say, whoever serves it: its type, and the headers of _headers. */
const TYPE_OF = { html: 'text/html', css: 'text/css', js: 'text/javascript', json: 'application/json', wasm: 'application/wasm', webmanifest: 'application/manifest+json', svg: 'image/svg+xml', png: 'image/png', csv: 'text/csv', txt: 'text/plain', xml: 'application/xml' };

for (const subPath of ['', 'explainer']) {
  const where = subPath ? `under /${subPath}/` : 'at the root';
  test(`nginx with deploy/nginx.conf ${where}: every kind of file with its type and the headers of _headers, precompressed copies, no _headers`, async (t) => {
    const server = await serveWithNginx(DIST, { subPath });
    t.after(() => server.close());
    const wasm = builtFiles.find((f) => f.endsWith('.wasm'));
    const samples = ['', 'index.html', 'de.html', 'sw.js', 'manifest.webmanifest', wasm, ...builtFiles.filter((f) => /-[0-9a-f]{12,16}\.(js|css|svg|json)$/.test(f)).slice(0, 6), 'revisions.xml', 'robots.txt', 'data/figures.csv', `charts/${CHART}/`, MANIFEST.sitemap];
    for (const file of samples) {
      const response = await fetch(`${server.base}${file}`);
      assert.equal(response.status, 200, `${file || '/'}: ${response.status}`);
      const path = file === '' || file.endsWith('/') ? `${file}index.html` : file;
      const type = TYPE_OF[path.split('.').pop()];
      assert.equal(response.headers.get('content-type')?.split(';')[0], type, `${file || '/'}: its type`);
      if (/^text\/|json|xml|svg/.test(type)) assert.match(response.headers.get('content-type'), /charset=utf-8/i, `${file || '/'}: UTF-8`);
      const wanted = headersFor(rules, `/${path}`);
      for (const name of ['content-security-policy', 'access-control-allow-origin', 'x-content-type-options']) {
        assert.equal(response.headers.get(name), wanted[name], `${file || '/'}: ${name}`);
      }
      assert.equal(response.headers.get('cache-control'), wanted['cache-control'] ?? 'no-cache', `${file || '/'}: cache-control`);
      const body = Buffer.from(await response.arrayBuffer());
      assert.ok(body.equals(readFileSync(join(DIST, path))), `${file || '/'}: the built file`);
    }
    assert.equal(headersFor(rules, `/${wasm}`)['cache-control'], 'public, max-age=31536000, immutable');
    for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
      for (const file of ['index.html', wasm]) {
        const response = await fetch(`${server.base}${file}`, { headers: { 'accept-encoding': encoding } });
        assert.equal(response.headers.get('content-encoding'), encoding, `${file} as ${encoding}`);
        // fetch unpacks the body: it is the file, sent as its precompressed copy.
        assert.ok(Buffer.from(await response.arrayBuffer()).equals(readFileSync(join(DIST, file))), `${file}${suffix}`);
      }
    }
    assert.equal((await fetch(`${server.base}_headers`)).status, 404, 'nginx does not serve _headers');
    assert.equal((await fetch(`${server.base}no-such-page.html`)).status, 404);
    assert.equal(server.log().match(/\[(emerg|alert|crit)\]/), null, server.log());
  });

  test(`nginx with deploy/nginx.conf ${where}: the story, an embed and the offline reload work, with the policy as a header and no violation`, async (t) => {
    const server = await serveWithNginx(DIST, { subPath });
    t.after(() => server.close());
    await readerVisits(t, server);
  });
}

test('nginx with deploy/nginx.conf: an embed in a frame sandboxed without allow-same-origin on a newsroom\'s page goes live and sizes the frame', async (t) => {
  const site = await serveWithNginx(DIST, { subPath: 'explainer' });
  t.after(() => site.close());
  const newsroom = await serve(DIST, { '/host.html': strictHost(`${site.base}?embed=${CHART}`) }, { prefix: '/nothing-else/' });
  t.after(() => newsroom.close());
  await liveInStrictFrame(t, `${newsroom.origin}/host.html`);
});
