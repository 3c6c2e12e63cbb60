// The Lighthouse benchmark: the explainer's story pages against the page a newsroom developer
// would write for its first chart (bench/reference/: the same four-country line chart and peer
// toggles, drawn with the full ECharts build loaded in <head>). Both are served gzip-compressed on
// 127.0.0.1 and measured by Lighthouse's default (mobile) configuration with simulated throttling.
// It writes the figures into bench/results.json (under `lighthouse`) and the section of
// BENCHMARKS.md between the lighthouse markers. The bars are reported as met or not met; a missed
// bar never fails the run, since this is a measurement, not a test.
//
// `cargo xtask bench` runs it twice: with the pinned Lighthouse (bench/.tools, on the project's
// Node) from bench/run.mjs, and with the newest Lighthouse 13 (bench/.tools-13, on the Node 22
// that npm brings there), both ignored by git and apart from the project's npm packages, so the
// tests never install them. Pages: the story in English and German, a chart's embed page as the
// Embed button's snippet frames it, and the `?embed=` address; 5 runs each (min, median, max),
// and Lighthouse's SEO audits once on the story, an embed and a share page.
// On its own: `node bench/lighthouse.mjs` (LIGHTHOUSE_RUNS, default 5; LIGHTHOUSE_TOOLS, default
// bench/.tools; DIST; CHROMIUM), or `node bench/lighthouse.mjs --reference DIR` to write the
// reference page into DIR and look at it.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve } from '../tests/e2e/harness.mjs';

/** The Lighthouse that xtask installs (xtask/src/tools.rs, LIGHTHOUSE_VERSION): 13.x needs Node 22.19. */
export const LIGHTHOUSE_VERSION = '12.8.2';

const path = (relative) => fileURLToPath(new URL(relative, import.meta.url));
const TOOLS = join(process.env.LIGHTHOUSE_TOOLS ?? path('./.tools'), 'node_modules/');
const DIST = process.env.DIST ?? path('../dist');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 5);
const STORY = ['/', '/?lang=de', '/embed-exports-vs-peers.html', '/?embed=exports-vs-peers'];
/// The pages whose SEO audits are read: the story, an embed page and a share page.
const SEO_PAGES = ['/', '/embed-exports-vs-peers.html', '/charts/exports-vs-peers/'];
const REFERENCE = 'reference';
const CHROME_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// The reference chart's series, in legend order, with the story's colours (src/charts/palette.rs).
const REFERENCE_SERIES = [
  { id: 'china-caam', colour: '#c8102e' },
  { id: 'japan-jama', colour: '#1f5fbf' },
  { id: 'germany-vda', colour: '#9a6700' },
  { id: 'korea-kama', colour: '#00796b' },
];
const YEARS = Array.from({ length: 11 }, (_, i) => 2015 + i);

/** Rows of a CSV text, quoted fields (with doubled quotes inside) included. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

/** The reference chart's data, from data/figures.csv (yearly figures) and data/series.toml (labels). */
export function referenceData() {
  const [header, ...rows] = parseCsv(readFileSync(path('../data/figures.csv'), 'utf8'));
  const col = Object.fromEntries(header.map((name, i) => [name, i]));
  const toml = readFileSync(path('../data/series.toml'), 'utf8');
  const series = REFERENCE_SERIES.map(({ id, colour }) => {
    const label = toml.match(new RegExp(`id = "${id}"\\s*\\nlabel = "([^"]+)"`))?.[1];
    if (!label) throw new Error(`data/series.toml has no series ${id}`);
    const values = new Map(
      rows
        .filter((r) => r[col.series] === id && r[col.period] === '')
        .map((r) => [Number(r[col.year]), Number(r[col.value])]),
    );
    return { id, name: label, colour, data: YEARS.map((y) => values.get(y) ?? null) };
  });
  return { years: YEARS, series };
}

/** Writes the reference page into `dir`: its two files, ECharts from npm and data.js. */
export function writeReference(dir) {
  mkdirSync(dir, { recursive: true });
  for (const file of ['index.html', 'chart.js']) copyFileSync(path(`./reference/${file}`), join(dir, file));
  copyFileSync(path('../node_modules/echarts/dist/echarts.min.js'), join(dir, 'echarts.min.js'));
  writeFileSync(
    join(dir, 'data.js'),
    `// Written by bench/lighthouse.mjs from data/figures.csv and data/series.toml.\nwindow.EXPORTS = ${JSON.stringify(referenceData())};\n`,
  );
}

// What is read from each report. `lower`: a smaller figure is better.
const METRICS = [
  { key: 'score', label: 'Performance score', get: (lhr) => lhr.categories.performance.score * 100, show: (v) => v.toFixed(0) },
  { key: 'fcp', label: 'First Contentful Paint', audit: 'first-contentful-paint', lower: true, show: (v) => seconds(v) },
  { key: 'lcp', label: 'Largest Contentful Paint', audit: 'largest-contentful-paint', lower: true, show: (v) => seconds(v) },
  { key: 'tbt', label: 'Total Blocking Time', audit: 'total-blocking-time', lower: true, show: (v) => `${v.toFixed(0)} ms` },
  { key: 'cls', label: 'Cumulative Layout Shift', audit: 'cumulative-layout-shift', lower: true, show: (v) => v.toFixed(3) },
  { key: 'si', label: 'Speed Index', audit: 'speed-index', lower: true, show: (v) => seconds(v) },
  { key: 'tti', label: 'Time to Interactive', audit: 'interactive', lower: true, show: (v) => seconds(v) },
  { key: 'bytes', label: 'Total byte weight (transferred)', audit: 'total-byte-weight', lower: true, show: (v) => `${(v / 1024).toFixed(0)} KB` },
  {
    key: 'longestTask',
    label: 'Longest main-thread task (simulated; Lighthouse lists tasks of 50 ms and more)',
    // No task listed means none reached 50 ms; no audit (Lighthouse 13 dropped it) means no figure.
    get: (lhr) => {
      const items = lhr.audits['long-tasks']?.details?.items;
      return items ? Math.max(0, ...items.map((t) => t.duration)) : null;
    },
    lower: true,
    show: (v) => (v === 0 ? '< 50 ms' : `${v.toFixed(0)} ms`),
  },
  { key: 'mainThread', label: 'Main-thread work', audit: 'mainthread-work-breakdown', lower: true, show: (v) => seconds(v) },
];
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
/// The measures whose spread over the runs the report shows.
const SPREAD = ['score', 'lcp', 'tbt'];

const extreme = (values, pick) => {
  const known = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
  return known.length ? pick(...known) : null;
};

function median(values) {
  const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function figures(lhr) {
  const out = {};
  for (const m of METRICS) {
    const value = m.get ? m.get(lhr) : lhr.audits[m.audit]?.numericValue;
    out[m.key] = typeof value === 'number' && Number.isFinite(value) ? value : null;
  }
  return out;
}

/** Lighthouse from bench/.tools, or null (with the command that installs it) when it is missing. */
async function loadLighthouse() {
  const manifest = join(TOOLS, 'lighthouse/package.json');
  if (!existsSync(manifest)) {
    console.warn(
      `Lighthouse is not installed: skipping the Lighthouse benchmark. \`cargo xtask bench\` installs it, or run\n` +
        `  npm install --no-save --no-audit --no-fund --prefix bench/.tools lighthouse@${LIGHTHOUSE_VERSION}`,
    );
    return null;
  }
  const { version } = JSON.parse(readFileSync(manifest, 'utf8'));
  if (!process.env.LIGHTHOUSE_TOOLS && version !== LIGHTHOUSE_VERSION) console.warn(`bench/.tools has Lighthouse ${version}; the benchmark pins ${LIGHTHOUSE_VERSION}.`);
  const lighthouse = (await import(pathToFileURL(join(TOOLS, 'lighthouse/core/index.js')).href)).default;
  const { launch } = await import(pathToFileURL(join(TOOLS, 'chrome-launcher/dist/index.js')).href);
  return { lighthouse, launch, version };
}

/** The bars each story page is held to; a missed bar is reported, never fatal. */
function bars(pages) {
  const ref = pages[REFERENCE].median;
  const fixed = [
    { bar: 'Performance score ≥ 95 in every run', met: (m, p) => p.min.score >= 95, shows: (m, p) => `${p.min.score.toFixed(0)} at worst` },
    { bar: 'Total Blocking Time ≤ 150 ms', met: (m) => m.tbt <= 150, shows: (m) => `${m.tbt.toFixed(0)} ms` },
    { bar: 'Largest Contentful Paint ≤ 2.0 s', met: (m) => m.lcp <= 2000, shows: (m) => seconds(m.lcp) },
    { bar: 'Cumulative Layout Shift < 0.05', met: (m) => m.cls < 0.05, shows: (m) => m.cls.toFixed(3) },
  ];
  // Beating the reference: strictly better, or both at the best possible figure (100, 0 ms).
  const beats = (key, best) => ({
    bar: `Beats the reference on ${METRICS.find((x) => x.key === key).label}`,
    met: (m) => {
      const [mine, theirs] = key === 'score' ? [-m[key], -ref[key]] : [m[key], ref[key]];
      return mine < theirs || (m[key] === best && ref[key] === best);
    },
    shows: (m) => `${METRICS.find((x) => x.key === key).show(m[key])} vs ${METRICS.find((x) => x.key === key).show(ref[key])}`,
  });
  const all = [...fixed, beats('score', 100), beats('fcp', null), beats('lcp', null), beats('tbt', 0)];
  return all.map(({ bar, met, shows }) => ({
    bar,
    pages: Object.fromEntries(
      STORY.map((url) => {
        const m = pages[url].median;
        const known = ['score', 'fcp', 'lcp', 'tbt', 'cls'].every((k) => m[k] !== null && ref[k] !== null);
        return [url, known ? { met: met(m, pages[url]), value: shows(m, pages[url]) } : { met: false, value: 'no figure' }];
      }),
    ),
  }));
}

function report(result) {
  const { pages } = result;
  const ref = pages[REFERENCE].median;
  const cell = (m, value, url) => {
    if (value === null) return 'n/a';
    const shown = m.show(value);
    if (url === REFERENCE || ref[m.key] === null || ref[m.key] === 0) return shown;
    return `${shown} (${(value / ref[m.key]).toFixed(2)}×)`;
  };
  const urls = [...STORY, REFERENCE];
  const lines = [
    `Measured ${result.date.slice(0, 10)}: Lighthouse ${result.lighthouseVersion}, ${result.chromium}, Node ${process.versions.node}, ` +
      `${result.cores} cores (load average ${result.loadAverage.map((l) => l.toFixed(2)).join(', ')} at the start; another build may share the machine, so times are rough). ` +
      `Lighthouse's default configuration: mobile (412×823, DPR 1.75), performance category only, simulated throttling ` +
      `(150 ms RTT, 1.6 Mbps, CPU slowed 4×); CPU benchmark index ${result.benchmarkIndex?.toFixed(0) ?? 'n/a'}. ` +
      `Median of ${result.runs} run${result.runs === 1 ? '' : 's'} per page, each figure on its own; pages served gzip-compressed on 127.0.0.1, at the address the build was made for. ` +
      'In brackets: the story page over the reference (below 1 is better, except for the score).',
    '',
    `| Measure | ${urls.map((u) => (u === REFERENCE ? 'reference (full ECharts)' : `\`${u}\``)).join(' | ')} |`,
    `| --- | ${urls.map(() => '---:').join(' | ')} |`,
    ...METRICS.map((m) => `| ${m.label} | ${urls.map((u) => cell(m, pages[u].median[m.key], u)).join(' | ')} |`),
    '',
    `Spread over the runs (min / median / max):`,
    '',
    `| Measure | ${urls.map((u) => (u === REFERENCE ? 'reference' : `\`${u}\``)).join(' | ')} |`,
    `| --- | ${urls.map(() => '---:').join(' | ')} |`,
    ...SPREAD.map((key) => {
      const m = METRICS.find((x) => x.key === key);
      const spread = (u) => (pages[u].min[key] === null ? 'n/a' : [pages[u].min[key], pages[u].median[key], pages[u].max[key]].map((v) => m.show(v)).join(' / '));
      return `| ${m.label} | ${urls.map(spread).join(' | ')} |`;
    }),
    '',
    `SEO (Lighthouse's SEO audits, one run each): ${result.seo.map((s) => `\`${s.url}\` ${s.score ?? 'n/a'}${s.failed.length ? ` (failed: ${s.failed.join(', ')})` : ''}`).join('; ')}.`,
    '',
    `| Bar | ${STORY.map((u) => `\`${u}\``).join(' | ')} |`,
    `| --- | ${STORY.map(() => '---').join(' | ')} |`,
    ...result.bars.map((b) => `| ${b.bar} | ${STORY.map((u) => `${b.pages[u].met ? 'met' : '**not met**'} (${b.pages[u].value})`).join(' | ')} |`),
  ];
  const warnings = urls.flatMap((u) => pages[u].warnings.map((w) => `- \`${u}\`: ${w}`));
  if (warnings.length) lines.push('', "Lighthouse's warnings:", '', ...[...new Set(warnings)]);
  return lines.join('\n');
}

/** Runs the benchmark; returns its figures, or null when Lighthouse is not installed. */
export async function lighthouseBench({ dist = DIST, runs = RUNS } = {}) {
  const tools = await loadLighthouse();
  if (!tools) return null;
  console.log(`\nLighthouse ${tools.version}: ${runs} run(s) of ${[...STORY, REFERENCE].join(', ')}`);
  const loadAverage = loadavg();
  const referenceDir = mkdtempSync(join(tmpdir(), 'lighthouse-reference-'));
  writeReference(referenceDir);
  // At the address the build was made for (`SITE_URL`; `cargo xtask bench` builds for the
  // loopback), so that the pages' canonical addresses are their own.
  const site = JSON.parse(readFileSync(join(dist, 'build-manifest.json'), 'utf8')).site;
  const port = site && new URL(site).hostname === '127.0.0.1' ? Number(new URL(site).port) : 0;
  const story = await serve(dist, {}, { gzip: true, port });
  const reference = await serve(referenceDir, {}, { gzip: true });
  const targets = [...STORY.map((u) => [u, `${story.origin}${u}`]), [REFERENCE, `${reference.origin}/`]];
  const collected = Object.fromEntries(targets.map(([name]) => [name, { runs: [], warnings: [], errors: [] }]));
  const environment = { chromium: null, benchmarkIndex: [] };
  const seo = [];
  const chrome = await tools.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  // Lighthouse's trace engine logs (and then handles) a LanternError for the first navigation of
  // a page that redirects (`/?lang=de` opens de.html); the report's metrics are not affected.
  const consoleError = console.error;
  console.error = (...args) => {
    if (args[0]?.constructor?.name === 'LanternError' && /missing metric scores/.test(args[0].message)) return;
    consoleError(...args);
  };
  try {
    // Pages take turns within each run, so a busy moment on the machine falls on all of them.
    for (let run = 0; run < runs; run += 1) {
      for (const [name, url] of targets) {
        const started = Date.now();
        const result = await tools.lighthouse(url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance'],
          throttlingMethod: 'simulate',
        });
        const lhr = result?.lhr;
        if (!lhr || lhr.runtimeError) {
          collected[name].errors.push(lhr?.runtimeError?.message ?? 'no report');
          console.log(`  run ${run + 1} ${name}: error ${lhr?.runtimeError?.code ?? ''}`);
          continue;
        }
        const f = figures(lhr);
        collected[name].runs.push(f);
        collected[name].warnings.push(...(lhr.runWarnings ?? []).map((w) => String(w).replace(/\s+/g, ' ').replace(/https?:\/\/127\.0\.0\.1:\d+/g, '')));
        environment.chromium ??= lhr.environment?.hostUserAgent?.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? null;
        environment.benchmarkIndex.push(lhr.environment?.benchmarkIndex);
        console.log(
          `  run ${run + 1} ${name}: score ${f.score?.toFixed(0)}, FCP ${f.fcp?.toFixed(0)} ms, LCP ${f.lcp?.toFixed(0)} ms, ` +
            `TBT ${f.tbt?.toFixed(0)} ms, CLS ${f.cls?.toFixed(3)} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
        );
        // Where blocking time comes from: the tasks of 50 ms and more, with what they are
        // attributed to and when they start (simulated; only those after the first paint count).
        const longTasks = lhr.audits['long-tasks']?.details?.items ?? [];
        if (longTasks.length) {
          const shown = longTasks.map((t) => `${(t.url ?? '').replace(/^.*\//, '') || 'page'} ${t.duration.toFixed(0)} ms at ${t.startTime.toFixed(0)} ms`);
          console.log(`    long tasks: ${shown.join('; ')}`);
        }
      }
    }
    for (const url of SEO_PAGES) {
      const result = await tools.lighthouse(`${story.origin}${url}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['seo'] });
      const lhr = result?.lhr;
      const score = lhr?.categories?.seo?.score;
      const failed = lhr ? Object.values(lhr.audits).filter((a) => a.score === 0 && lhr.categories.seo.auditRefs.some((r) => r.id === a.id)).map((a) => a.id) : ['no report'];
      seo.push({ url, score: typeof score === 'number' ? Math.round(score * 100) : null, failed });
      console.log(`  SEO ${url}: ${seo.at(-1).score}${failed.length ? ` (failed: ${failed.join(', ')})` : ''}`);
    }
  } finally {
    console.error = consoleError;
    await chrome.kill();
    await story.close();
    await reference.close();
    rmSync(referenceDir, { recursive: true, force: true });
  }

  const pages = Object.fromEntries(
    Object.entries(collected).map(([name, c]) => [
      name,
      {
        median: Object.fromEntries(METRICS.map((m) => [m.key, median(c.runs.map((r) => r[m.key]))])),
        min: Object.fromEntries(METRICS.map((m) => [m.key, extreme(c.runs.map((r) => r[m.key]), Math.min)])),
        max: Object.fromEntries(METRICS.map((m) => [m.key, extreme(c.runs.map((r) => r[m.key]), Math.max)])),
        runs: c.runs,
        warnings: [...new Set(c.warnings)],
        errors: c.errors,
      },
    ]),
  );
  const result = {
    date: new Date().toISOString(),
    lighthouseVersion: tools.version,
    chromium: environment.chromium ?? 'Chromium',
    cores: cpus().length,
    loadAverage,
    benchmarkIndex: median(environment.benchmarkIndex),
    runs,
    settings: 'default config (mobile), performance only, throttlingMethod simulate, gzip on 127.0.0.1',
    pages,
    seo,
  };
  result.bars = bars(pages);
  result.bars.push({
    bar: 'SEO 100',
    pages: Object.fromEntries(STORY.map((url) => {
      const s = seo.find((x) => x.url === url);
      return [url, s ? { met: s.score === 100, value: String(s.score) } : { met: true, value: 'not audited' }];
    })),
  });
  const table = report(result);
  console.log(`\n${table}\n`);

  // Merged into what bench/run.mjs wrote.
  const resultsFile = path('./results.json');
  const results = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : {};
  const major = tools.version.split('.')[0];
  results.lighthouse = typeof results.lighthouse === 'object' && results.lighthouse && !results.lighthouse.pages ? results.lighthouse : {};
  results.lighthouse[major] = result;
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);

  const doc = path('../BENCHMARKS.md');
  const text = readFileSync(doc, 'utf8');
  const start = `<!-- lighthouse-${major}:start -->`;
  const end = `<!-- lighthouse-${major}:end -->`;
  const section = `${start}\n${table}\n${end}`;
  writeFileSync(
    doc,
    text.includes(start) && text.includes(end)
      ? `${text.slice(0, text.indexOf(start))}${section}${text.slice(text.indexOf(end) + end.length)}`
      : `${text.trimEnd()}\n\n### Lighthouse ${major}\n\n${section}\n`,
  );
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--reference');
  if (at > 0) {
    const dir = process.argv[at + 1] ?? 'bench/.reference';
    writeReference(dir);
    console.log(`Wrote the reference page into ${dir}; serve that folder and open index.html.`);
  } else {
    await lighthouseBench();
  }
}
