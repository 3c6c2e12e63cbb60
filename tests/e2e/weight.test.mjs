// Weight budgets on the built files (bytes are stable, so these are tests; times are measured by
// `cargo xtask bench`). That nothing jumps when the charts go live is tested in static.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST } from './harness.mjs';

const KB = 1024;
const gz = (name) => gzipSync(readFileSync(join(DIST, name)), { level: 9 }).length;
const find = (pattern) => readdirSync(DIST).filter((f) => pattern.test(f));

test('ECharts stays within its budget of 230 KB gzip', () => {
  const [echarts] = find(/^echarts\.min-.*\.js$/);
  assert.ok(gz(echarts) <= 230 * KB, `ECharts is ${(gz(echarts) / KB).toFixed(1)} KB gzip`);
});

test('bytes to first paint stay within 100 KiB gzip: the page with its pictures, its stylesheets and its first-paint script', () => {
  const files = ['index.html', ...find(/^(main|static-charts)-.*\.css$/), ...find(/^first-paint-.*\.js$/)];
  assert.equal(files.length, 4, files.join(', '));
  const total = files.reduce((sum, f) => sum + gz(f), 0);
  assert.ok(total <= 100 * KB, `first paint is ${(total / KB).toFixed(1)} KiB gzip: ${files.join(', ')}`);
});

test('the first load (everything fetched until the app has started) stays within 450 KiB gzip', () => {
  // The page, its first-paint files, the boot script, the app's glue and wasm. What comes after,
  // once the browser is idle and at a low priority, is not the first load: the chart library
  // (fetched for the first live chart, not run) and the service worker's precache. The other
  // languages' pages and the text versions are never fetched.
  const files = ['index.html', ...find(/^(main|static-charts)-.*\.css$/), ...find(/^(first-paint|boot|car-exports)-.*\.(js|wasm)$/)];
  assert.equal(files.length, 7, files.join(', '));
  const total = files.reduce((sum, f) => sum + gz(f), 0);
  assert.ok(total <= 450 * KB, `first load is ${(total / KB).toFixed(1)} KiB gzip: ${files.join(', ')}`);
});
