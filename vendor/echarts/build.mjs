// Regenerates vendor/echarts/echarts.min.js from the npm package pinned in package.json.
// Run with `npm run vendor-echarts` after changing entry.mjs or the pinned version.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.echarts;
const installed = JSON.parse(readFileSync(join(root, 'node_modules', 'echarts', 'package.json'), 'utf8')).version;
if (installed !== pinned) {
  console.error(`node_modules has echarts ${installed}, package.json pins ${pinned}: run npm ci first.`);
  process.exit(1);
}

const out = join(here, 'echarts.min.js');
await build({
  entryPoints: [join(here, 'entry.mjs')],
  bundle: true,
  minify: true,
  format: 'iife',
  globalName: 'echarts',
  target: ['es2019'],
  legalComments: 'none',
  banner: { js: `/*! Apache ECharts ${pinned} (Apache-2.0), custom build: see vendor/echarts/entry.mjs */` },
  outfile: out,
});
const bytes = readFileSync(out);
console.log(`wrote ${out}: ${bytes.length} bytes, ${gzipSync(bytes, { level: 9 }).length} gzip`);
