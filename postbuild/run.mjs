// Trunk's post-build hook: the steps after each build, in order (Trunk starts the hooks of
// one stage together, so their order is kept here). Each step gets the staging folder.
import { spawnSync } from 'node:child_process';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('usage: node postbuild/run.mjs <build folder> (or set TRUNK_STAGING_DIR)');
  process.exit(2);
}
const steps = [
  // The story prerendered in every language, the text versions, and the charts' options.
  ['cargo', ['run', '--quiet', '--package', 'prerender', '--', 'pages', dir]],
  // Every chart's default view drawn as a picture into the story pages.
  ['node', ['prerender/place-pictures.mjs', dir]],
  // Trunk's inline loader into a file; Content Security Policy and integrity hashes.
  ['node', ['postbuild/harden.mjs', dir]],
  // The headers hosts should send (_headers; see the README's "Deploy").
  ['node', ['postbuild/host-headers.mjs', dir]],
  // sw.js after every file it precaches.
  ['node', ['offline/write-service-worker.mjs', dir]],
  // Release builds: .br and .gz copies for hosts that serve precompressed files, sw.js included.
  ...(process.env.TRUNK_PROFILE === 'debug' ? [] : [['node', ['postbuild/precompress.mjs', dir]]]),
];
for (const [command, args] of steps) {
  const run = spawnSync(command, args, { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`post-build step failed: ${command} ${args.join(' ')}`);
    process.exit(run.status ?? 1);
  }
}
