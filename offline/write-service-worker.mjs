// Writes sw.js into a build folder (Trunk's post-build hook passes its staging folder): it lists
// every file of the build for precaching (not _headers, which hosts read and do not serve, nor
// precompressed copies, nor what link previews, publishing tools and crawlers read: share cards
// and pages, oEmbed descriptions, column pictures, the sitemap, robots.txt and the data's page) and names the cache after
// a hash of their contents.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('usage: node offline/write-service-worker.mjs <build folder> (or set TRUNK_STAGING_DIR)');
  process.exit(2);
}

function files(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const list = files(dir)
  .map((path) => relative(dir, path).split('\\').join('/'))
  // They are for link previews, publishing tools and crawlers, not for reading offline.
  .filter((path) => path !== 'sw.js' && !/^[._]/.test(path) && !/\.(?:br|gz)$/.test(path))
  .filter((path) => !/^(?:cards|charts|oembed|pictures)\//.test(path) && !['sitemap.xml', 'robots.txt', 'data/index.html'].includes(path))
  .sort();
const hash = createHash('sha256');
for (const path of list) {
  hash.update(path);
  hash.update(readFileSync(join(dir, path)));
}
const cache = `car-exports-${hash.digest('hex').slice(0, 16)}`;
const precache = ['./', ...list.map((p) => `./${p}`)];
const source = readFileSync(join(here, 'sw.template.js'), 'utf8')
  .replace('__CACHE_NAME__', cache)
  .replace('__FILES__', JSON.stringify(precache));
writeFileSync(join(dir, 'sw.js'), source);
console.log(`sw.js: ${precache.length} files in cache ${cache}`);
