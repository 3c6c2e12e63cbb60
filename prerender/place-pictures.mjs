// Draws every chart's default view as a picture and puts it into the story pages (a step of
// Trunk's post-build hook, after `prerender pages` wrote the pages and `prerender-jobs.json`):
//
// - the pictures come from ECharts' own server-side renderer, fed the options that the Rust chart
//   builders produced for the default view (draw-charts.mjs); axis labels are written by the same
//   Rust formatters as the live chart's (`prerender labels`);
// - their dark colours go into one stylesheet, `static-charts-<hash>.css`, linked from every page
//   with its integrity;
// - the share cards (draw-cards.mjs) are drawn from the same options at their own size, and
//   each shared view's card from that view's options.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { cssString, drawCharts, pictureMarkup, placeSvgs } from './draw-charts.mjs';
import { cardChartJobs, drawCards } from './draw-cards.mjs';

// Time axes place their ticks in the local time zone; the Rust labels read them in UTC.
process.env.TZ = 'UTC';

const fail = (message) => {
  console.error(`prerender/place-pictures.mjs: ${message}`);
  process.exit(1);
};

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) fail('usage: node prerender/place-pictures.mjs <build folder> (or set TRUNK_STAGING_DIR)');

/// Labels for axis ticks, written by the app's own Rust formatters.
async function formatLabels(requests) {
  const run = spawnSync('cargo', ['run', '--quiet', '--package', 'prerender', '--', 'labels'], {
    input: JSON.stringify(requests),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) fail(`prerender labels failed:\n${run.stderr}`);
  return JSON.parse(run.stdout);
}

// What the app shares with the scripts (src/ui/manifest.rs).
const manifest = JSON.parse(readFileSync(join(dir, 'build-manifest.json'), 'utf8'));
const jobsPath = join(dir, 'prerender-jobs.json');
const { pictures: jobs, viewPictures = [], viewFiles = [], noScript, pages, cards = [] } = JSON.parse(readFileSync(jobsPath, 'utf8'));
// The views' pictures are drawn with the pages' ones: the page's stylesheet darkens them too.
const darkFiles = new Set(noScript.views.flatMap((v) => v.pictures.map((p) => p.key)));
const { svgs, darkSvgs, css } = await drawCharts([...jobs, ...viewPictures], formatLabels, manifest, { darkFiles });

const sheet = `/* Written by the build (prerender/place-pictures.mjs): the charts' pictures in dark mode. */\n${css}\n`;
const sheetName = `static-charts-${createHash('sha256').update(sheet).digest('hex').slice(0, 16)}.css`;
const integrity = `sha384-${createHash('sha384').update(sheet).digest('base64')}`;
writeFileSync(join(dir, sheetName), sheet);
const link = `<link rel="stylesheet" href="./${sheetName}" integrity="${integrity}" />`;

// A page read without scripts: a chart's one-of choice is a row of native radio buttons, and a
// stylesheet that only such a page loads (it is named inside <noscript>) shows the view that the
// checked option reaches, from that view's pictures as files of their own, light and dark, on
// the picture of the size the page shows (its class, `static-<size>`). One stylesheet per
// language, for the pictures' words. The chart area's text alternative (an attribute) and its table stay the default view's:
// a stylesheet cannot change them.
const noScriptLinks = new Map();
for (const lang of new Set(pages.map((p) => p.lang))) {
  const views = noScript.views.filter((v) => v.lang === lang);
  const light = [];
  const dark = [];
  for (const view of views) {
    const checked = `[data-chart="${cssString(view.chart)}"]:has(${view.checked})`;
    light.push(`${checked} .static-picture svg{visibility:hidden}`);
    for (const picture of view.pictures) {
      for (const [file, from] of [[picture.light, svgs], [picture.dark, darkSvgs]]) {
        if (!from.has(picture.key)) fail(`${file}: no picture ${picture.key}`);
        mkdirSync(dirname(join(dir, file)), { recursive: true });
        writeFileSync(join(dir, file), from.get(picture.key));
      }
      light.push(`${checked} .static-${picture.size}{background:url("${picture.light}") center/contain no-repeat}`);
      dark.push(`${checked} .static-${picture.size}{background-image:url("${picture.dark}")}`);
    }
  }
  const text = `/* Written by the build (prerender/place-pictures.mjs): a page read without scripts. */\n${light.join('\n')}\n@media (prefers-color-scheme:dark){\n${dark.join('\n')}\n}\n`;
  const name = `${noScript.stylesheet.replace('{lang}', lang)}-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.css`;
  writeFileSync(join(dir, name), text);
  noScriptLinks.set(lang, `<noscript><link rel="stylesheet" href="./${name}" /></noscript>`);
  console.log(`prerender: ${name}, ${views.length} views the choices reach without scripts`);
}

let bytes = 0;
for (const page of pages) {
  const path = join(dir, page.page);
  const own = jobs.filter((j) => j.lang === page.lang && page.charts.includes(j.chart));
  let html = placeSvgs(readFileSync(path, 'utf8'), svgs, own);
  if (!html.includes('</head>')) fail(`${page.page} has no </head>`);
  html = html.replace('</head>', `  ${link}\n    ${noScriptLinks.get(page.lang)}\n  </head>`);
  writeFileSync(path, html);
  bytes += own.reduce((sum, j) => sum + svgs.get(j.key).length, 0);
}
console.log(`prerender: ${Math.round(bytes / 1024)} KiB of SVG in ${pages.length} pages`);
// Each view's pictures, for the first-paint script to show when a control reaches that view
// before the app is live (postbuild/first-paint.js).
let viewBytes = 0;
for (const view of viewFiles) {
  const own = view.pictures.map((key) => viewPictures.find((job) => job.key === key) ?? fail(`${view.file}: no picture ${key}`));
  const text = JSON.stringify({ label: view.description, pictures: pictureMarkup(svgs, own) });
  mkdirSync(dirname(join(dir, view.file)), { recursive: true });
  writeFileSync(join(dir, view.file), text);
  viewBytes += text.length;
}
console.log(`prerender: ${viewFiles.length} views' pictures (${Math.round(viewBytes / 1024)} KiB)`);
// The share cards: the same options drawn at the card's size, under the chart's words; a view's
// card from that view's options (`viewPictures`, in no page).
const cardJobs = cardChartJobs(cards, [...jobs, ...viewPictures]);
const { svgs: cardSvgs } = await drawCharts(cardJobs, formatLabels, manifest);
drawCards(cards, cardSvgs, dir, manifest.inks.light);
// The options were only for drawing: they are not part of the site.
rmSync(jobsPath);
console.log(`prerender: ${jobs.length} pictures drawn, ${sheetName}`);
