// Makes the built page hold to its Content Security Policy, run from Trunk's post-build hook
// (`node postbuild/harden.mjs <staging folder>`, after the text version is written):
//
// - replaces Trunk's inline module loader with postbuild/boot.js, written as boot-<hash>.js and
//   loaded with subresource integrity (the wasm is fetched with its integrity too);
// - fills index.html's first-paint skeleton with the catalogue's English words, and gives the boot
//   script the other languages' words, so the skeleton speaks the reader's language;
// - puts the policy in a <meta> at the top of <head>, in index.html and in the text versions;
// - stops the build if any inline script, inline style or script without integrity is left.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const POLICY = [
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

const here = dirname(fileURLToPath(import.meta.url));
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const fail = (message) => {
  console.error(`postbuild/harden.mjs: ${message}`);
  process.exit(1);
};

/// Inserts the policy right after <head> (before any script or style can load).
function withPolicy(html) {
  if (html.includes('http-equiv="Content-Security-Policy"')) return html;
  return html.replace(/<head>/i, `<head>\n    <meta http-equiv="Content-Security-Policy" content="${POLICY}" />`);
}

/// Every way inline code could still reach the page; empty when the page holds to the policy.
function policyProblems(html) {
  const problems = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const [, attrs, body] = match;
    if (!/\bsrc=/.test(attrs) && body.trim() !== '') problems.push(`inline script: ${body.trim().slice(0, 60)}`);
    if (/\bsrc=/.test(attrs) && !/\bintegrity=/.test(attrs)) problems.push(`script without integrity: ${attrs.trim()}`);
  }
  if (/<style\b/i.test(html)) problems.push('inline <style> element');
  if (/<[a-z][^>]*\sstyle=/i.test(html)) problems.push('inline style attribute');
  if (/\son[a-z]+=/i.test(html.replace(/<!--[\s\S]*?-->/g, ''))) problems.push('inline event handler attribute');
  return problems;
}

const LANGS = ['en', 'de', 'nl', 'zh'];

/// One message of the catalogue (entries are one `key = "text"` line each, see locales/).
function message(lang, id) {
  const [area, key] = id.split('.');
  const file = join(here, '..', 'locales', lang, `${area}.toml`);
  const line = readFileSync(file, 'utf8').split('\n').find((l) => l.startsWith(`${key} = `));
  if (!line) fail(`${file} has no ${key}`);
  return JSON.parse(line.slice(key.length + 3));
}

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/// The skeleton's words in every language: { lang: { "ui.title": "...", ... } }.
function skeletonWords(html) {
  const slots = [...html.matchAll(/data-text="([a-z_]+\.[a-z_0-9]+)"(?: data-number="(\d+)")?/g)];
  return Object.fromEntries(
    LANGS.map((lang) => [
      lang,
      Object.fromEntries(slots.map(([, id, number]) => [id, message(lang, id).replace('{number}', number ?? '')])),
    ]),
  );
}

/// Writes the English words into the skeleton's empty slots.
function fillSkeleton(html, words) {
  return html.replace(/(<(\w+)[^>]*\bdata-text="([^"]+)"[^>]*>)(<\/\2>)/g, (_, open, tag, id, close) => `${open}${escapeHtml(words.en[id])}${close}`);
}

function main() {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) fail('usage: node postbuild/harden.mjs <build folder> (or set TRUNK_STAGING_DIR)');
  const indexPath = join(dir, 'index.html');
  let html = readFileSync(indexPath, 'utf8');
  const words = skeletonWords(html);
  html = fillSkeleton(html, words);

  const loader = html.match(/<script type="module">([\s\S]*?)<\/script>/);
  if (loader) {
    const glue = loader[1].match(/from '(\.\/[^']+\.js)'/)?.[1];
    const wasm = loader[1].match(/module_or_path: '(\.\/[^']+\.wasm)'/)?.[1];
    if (!glue || !wasm) fail(`Trunk's loader changed shape; cannot find the glue and wasm paths in:\n${loader[1]}`);
    const boot = readFileSync(join(here, 'boot.js'), 'utf8')
      .replace('__GLUE__', glue)
      .replace('__WASM__', wasm)
      .replace('__WASM_INTEGRITY__', sri(readFileSync(join(dir, wasm))))
      .replace('__SKELETON_WORDS__', JSON.stringify(words));
    const name = `boot-${createHash('sha256').update(boot).digest('hex').slice(0, 16)}.js`;
    writeFileSync(join(dir, name), boot);
    html = html.replace(loader[0], `<script type="module" src="./${name}" integrity="${sri(boot)}"></script>`);
  } else if (!/<script type="module" src="\.\/boot-/.test(html)) {
    fail("no Trunk loader and no boot script in index.html");
  }

  const pages = readdirSync(dir).filter((f) => f === 'index.html' || /^text-[a-z]+\.html$/.test(f));
  for (const page of pages) {
    const path = join(dir, page);
    const text = withPolicy(page === 'index.html' ? html : readFileSync(path, 'utf8'));
    const problems = policyProblems(text);
    if (problems.length) fail(`${page} would break the Content Security Policy:\n  ${problems.join('\n  ')}`);
    writeFileSync(path, text);
  }
  console.log(`harden: policy and integrity in ${pages.join(', ')}`);
}

main();
