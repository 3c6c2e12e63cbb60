// Writes `<file>.br` and `<file>.gz` next to every text and wasm file of a release build, for
// hosts that serve precompressed files (nginx's gzip_static and brotli_static, Caddy's
// precompressed, and others): the best compression once at build time, none per request.
// Run from postbuild/run.mjs after sw.js is written, so the service worker never lists them.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

/// What is worth compressing: text and wasm. PNGs are compressed already.
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.webmanifest', '.txt']);

/// Whether a file of the build is one of the precompressed copies.
export const isPrecompressed = (file) => /\.(?:br|gz)$/.test(file);

function main() {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error('usage: node postbuild/precompress.mjs <build folder> (or set TRUNK_STAGING_DIR)');
    process.exit(2);
  }
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.has(extname(entry.name))) continue;
    const path = join(dir, entry.name);
    const bytes = readFileSync(path);
    const brotli = brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        [constants.BROTLI_PARAM_MODE]: entry.name.endsWith('.wasm') ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
      },
    });
    const gzip = gzipSync(bytes, { level: 9 });
    // A copy no smaller than the file helps nobody; the host then sends the file itself.
    if (brotli.length < bytes.length) writeFileSync(`${path}.br`, brotli);
    if (gzip.length < bytes.length) writeFileSync(`${path}.gz`, gzip);
    count += 1;
  }
  console.log(`precompress: .br and .gz beside ${count} files`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
