// The HTTP headers a host should send with the build, in one place: the Content Security Policy
// (harden.mjs puts the same policy in each page's <meta>), caching, CORS and content types.
// Run from postbuild/run.mjs, it writes them as `_headers` into the build folder, the file
// Netlify, Cloudflare Pages and similar hosts read (and do not serve). deploy/nginx.conf says the
// same for nginx; tests/e2e/hosting.test.mjs checks that both match the build.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const POLICY = [
  "default-src 'self'",
  // 'wasm-unsafe-eval' allows compiling WebAssembly and nothing else; no inline script, no eval.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  // The PNG download draws the chart's data: URL onto a canvas.
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/// Who may frame the pages. A <meta> policy cannot say it, so only the header does; newsrooms
/// embed the charts, hence any site. A host that wants to limit embedding lists the sites here
/// (or in its own copy of the header), e.g. "frame-ancestors 'self' https://news.example".
export const FRAME_ANCESTORS = 'frame-ancestors *';

/// A file whose name carries its content's hash (Trunk's `name-<hex>`, a 64-bit hash written
/// without leading zeros, so 12 to 16 digits; the build's own boot-, first-paint- and
/// static-charts- files): it never changes, so it may be cached for good.
export const HASHED_FILE = /-[0-9a-f]{12,16}(?:_bg)?\.(?:js|css|wasm|svg|json)$/;

export const IMMUTABLE = 'public, max-age=31536000, immutable';

/// Headers for every response. CORS: in a frame sandboxed without `allow-same-origin` the page's
/// origin is `null`, so its scripts and wasm (loaded with integrity) are cross-origin requests
/// that need `Access-Control-Allow-Origin`; the files are public, so any origin may read them.
export const EVERY_RESPONSE = {
  'Content-Security-Policy': `${POLICY}; ${FRAME_ANCESTORS}`,
  'Access-Control-Allow-Origin': '*',
  'X-Content-Type-Options': 'nosniff',
};

/// Content types some hosts do not know.
export const CONTENT_TYPES = { '.wasm': 'application/wasm', '.webmanifest': 'application/manifest+json' };

/// The `_headers` file for a build folder: one rule for every response, then exact paths, since
/// these hosts allow one wildcard per rule and merge every rule that matches. Pages and the
/// unhashed files get no Cache-Control: these hosts revalidate them by default, which is what
/// they need (a page must name the newest hashed files; sw.js must update).
export function headersFile(files) {
  const block = (path, headers) => [path, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n');
  const rules = [block('/*', EVERY_RESPONSE), block('/sw.js', { 'Cache-Control': 'no-cache' })];
  for (const file of [...files].sort()) {
    const type = CONTENT_TYPES[file.slice(file.lastIndexOf('.'))];
    const headers = {};
    if (HASHED_FILE.test(file)) headers['Cache-Control'] = IMMUTABLE;
    if (type) headers['Content-Type'] = type;
    if (Object.keys(headers).length) rules.push(block(`/${file}`, headers));
  }
  return `# Response headers for the explainer, for hosts that read a _headers file (Netlify,\n# Cloudflare Pages and others). Written by the build; see the README's "Deploy" section.\n# Under a sub-path, put it before each path.\n\n${rules.join('\n\n')}\n`;
}

function main() {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error('usage: node postbuild/host-headers.mjs <build folder> (or set TRUNK_STAGING_DIR)');
    process.exit(2);
  }
  const files = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile() && !e.name.startsWith('_')).map((e) => e.name);
  writeFileSync(join(dir, '_headers'), headersFile(files));
  console.log(`_headers: ${files.filter((f) => HASHED_FILE.test(f)).length} hashed files marked immutable`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
