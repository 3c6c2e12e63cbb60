// Every page the build writes is valid HTML: each language's story, every embed page, the text
// versions and the charts' share pages, checked by the Nu HTML Checker (npm's vnu-jar, run with Java).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { DIST } from './harness.mjs';

const VNU = createRequire(import.meta.url)('vnu-jar');

test('every page the build writes is valid HTML (Nu HTML Checker: no error)', () => {
  const share = readdirSync(join(DIST, 'charts'), { recursive: true }).map((f) => join('charts', f));
  const pages = [...readdirSync(DIST).filter((f) => f.endsWith('.html')), ...share.filter((f) => f.endsWith('.html')), 'data/index.html'];
  assert.ok(pages.length >= 52 + 44, `the story, embed, text and share pages (${pages.length})`);
  let report;
  try {
    report = execFileSync('java', ['-jar', String(VNU), '--errors-only', '--format', 'json', ...pages.map((p) => join(DIST, p))], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (err) {
    // vnu exits 1 when it finds errors and writes its JSON report to standard error.
    report = err.stderr || err.stdout;
  }
  const messages = JSON.parse(report || '{"messages":[]}').messages.filter((m) => m.type === 'error');
  const summary = messages.slice(0, 10).map((m) => `${m.url.split('/').pop()}:${m.lastLine}: ${m.message}`);
  assert.deepEqual(summary, [], `${messages.length} errors`);
});
