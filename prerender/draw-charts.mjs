// Draws static SVG pictures of the charts at build time with ECharts' own server-side renderer, so a
// reader sees each chart before (or without) the wasm. The pictures go inline into a page whose
// Content Security Policy is `style-src 'self'`: no style attribute and no <style> element may be
// left, and the dark theme comes from a stylesheet that recolours the light picture. Used by
// place-pictures.mjs, which gives it the jobs and the Rust formatter for axis labels.

// The live page's ECharts build registers its chart types and components here; importing it
// registers the same ones, so a picture draws exactly what the page can draw (and nothing it can't).
import '../vendor/echarts/entry.mjs';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([SVGRenderer]);

/// Label rounds before giving up (see renderWithLabels): normally two.
const MAX_LABEL_ROUNDS = 4;

/// Attributes that carry a colour the dark theme may change.
const COLOUR_ATTRIBUTES = new Set(['fill', 'stroke', 'stop-color']);

/// CSS properties in ECharts' style attributes that have an SVG presentation attribute of the same name.
const PRESENTATION_PROPERTIES = new Set([
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray',
  'stroke-dashoffset', 'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit', 'opacity', 'visibility',
  'display', 'paint-order', 'pointer-events', 'font-family', 'font-size', 'font-style', 'font-weight',
  'font-variant', 'font-stretch', 'text-anchor', 'dominant-baseline', 'letter-spacing', 'word-spacing',
  'text-decoration',
]);

/// CSS properties that change nothing in a static picture: white-space is already said by the
/// xml:space="preserve" ECharts writes on texts with spaces; the others are about interaction.
const IGNORED_PROPERTIES = new Set(['white-space', 'user-select', 'cursor']);

// ---------------------------------------------------------------------------------------------
// Drawing

/**
 * Draws every job's light and dark option (a job without a dark one: its light one only) and
 * returns the light pictures (keyed by job key) and the stylesheet that recolours them for the
 * dark theme. `app`: what the build manifest (src/ui/manifest.rs) says of the charts: the
 * formatters the options name (`formatters`) and the ECharts theme they are drawn with
 * (`chartTheme`, the live charts' own). `formatLabels(requests)` turns `{lang, unit, kind, value}` requests into axis labels; it is
 * called once per label round (normally once in all).
 */
export async function drawCharts(jobs, formatLabels, { formatters, chartTheme }, { darkFiles = new Set() } = {}) {
  // The formatters the options may name (src/charts/option.rs) are the ones this file knows.
  const known = Object.keys(PLACEHOLDERS).sort().join();
  if ([...formatters].sort().join() !== known) throw new Error(`the app names formatters ${formatters}, this renderer knows ${known}`);
  if (!chartTheme || typeof chartTheme !== 'object') throw new Error('the build manifest names no chart theme');
  const prefixes = idPrefixes(jobs);
  const svgs = new Map();
  const darkSvgs = new Map();
  const rules = new Map();
  for (const { job, light, dark } of await renderWithLabels(jobs, formatLabels, chartTheme)) {
    const lightTree = naming(job, () => cleanSvg(light, prefixes.get(job.key)));
    // A card's picture is light only: it has no dark option, and adds nothing to the stylesheet.
    const darkTree = dark ? naming(job, () => cleanSvg(dark, prefixes.get(job.key))) : null;
    if (darkTree) collectThemeRules(job, lightTree, darkTree, rules);
    for (const [tree, into] of [[lightTree, svgs], [darkFiles.has(job.key) && darkTree, darkSvgs]]) {
      if (!tree) continue;
      dressRoot(tree, job);
      const svg = serialize(tree);
      assertCspSafe(svg, job.key);
      into.set(job.key, svg);
    }
  }
  // `darkSvgs`: the pictures of `darkFiles` (keys) in dark colours, for files of their own (a
  // page's pictures take their dark colours from the stylesheet, `css`).
  return { svgs, darkSvgs, css: themeCss(rules) };
}

/// Runs `step`, naming the job in any error it throws.
function naming(job, step) {
  try {
    return step();
  } catch (error) {
    throw new Error(`${job.key}: ${error.message}`, { cause: error });
  }
}

/**
 * Renders every job's light and dark option, with the value and time axes labelled by
 * formatLabels. The first round records the tick values ECharts asks labels for and asks
 * formatLabels for all of them at once; the second draws with the real labels. Real labels change
 * the label widths, and so the plot area, which could change the ticks: then another round asks
 * for the new values only. Returns [{job, light, dark}] as SVG strings.
 */
async function renderWithLabels(jobs, formatLabels, theme) {
  const labels = new Map();
  for (let round = 0; round < MAX_LABEL_ROUNDS; round++) {
    const missing = new Map();
    const rendered = jobs.map((job) => {
      // `name`: the series, for a line's end label ("end").
      const formatterFor = (kind) => (value, name = '') => {
        const key = labelKey(job, kind, value, name);
        if (labels.has(key)) return labels.get(key);
        missing.set(key, { lang: job.lang, unit: job.unit, kind, value, name, narrow: job.narrow === true });
        return String(value);
      };
      return {
        job,
        light: renderSvg(prepareOption(job.light, formatterFor), job, theme),
        dark: job.dark ? renderSvg(prepareOption(job.dark, formatterFor), job, theme) : null,
      };
    });
    if (missing.size === 0) return rendered;
    const requests = [...missing.values()];
    const answers = await formatLabels(requests);
    if (!Array.isArray(answers) || answers.length !== requests.length || answers.some((a) => typeof a !== 'string')) {
      throw new Error(`formatLabels must return ${requests.length} strings, got ${JSON.stringify(answers)?.slice(0, 200)}`);
    }
    [...missing.keys()].forEach((key, i) => labels.set(key, answers[i]));
  }
  throw new Error(`axis labels did not settle after ${MAX_LABEL_ROUNDS} rounds`);
}

function labelKey(job, kind, value, name) {
  return JSON.stringify([job.lang, job.unit, kind, value, name, job.narrow === true]);
}

/// One SVG string from one option, with the job's size and the charts' theme.
function renderSvg(option, { width, height }, theme) {
  const chart = init(null, theme, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * A copy of the option ready for a static picture. The option is complete as the Rust builders
 * wrote it (`charts::option`); only its formatters' placeholders are replaced, by the label
 * table's words (`formatterFor(kind)`), and a picture has no tooltip and no animation.
 */
function prepareOption(source, formatterFor) {
  const option = withFormatters(source, formatterFor); // a copy: the job's option stays as given
  option.animation = false;
  delete option.tooltip;
  return option;
}

/**
 * How ECharts calls each placeholder's formatter, and the label table's kind that writes its
 * words: an axis tick gets its value; a mark's label and a line's end label get the series'
 * parameters. The tooltip is not drawn.
 */
const PLACEHOLDERS = {
  '@tick': (formatterFor) => { const format = formatterFor('tick'); return (value) => format(value); },
  '@time': (formatterFor) => { const format = formatterFor('time'); return (value) => format(value); },
  '@mark': (formatterFor) => { const format = formatterFor('mark'); return (params) => (typeof params.value === 'number' ? format(params.value) : ''); },
  '@end': (formatterFor) => { const format = formatterFor('end'); return (params) => format(typeof params.value === 'number' ? params.value : null, params.seriesName); },
  '@tooltip': () => () => '',
};

/**
 * A deep copy with each `formatter` placeholder replaced by its function. Serde writes absent
 * fields as null, and ECharts reads null as a value, not as "use the default" (a
 * `legend.textStyle: null` hides the legend's text), so nulls in objects are dropped; nulls
 * inside arrays are data gaps and stay. A placeholder this file does not know stops the build.
 */
function withFormatters(value, formatterFor) {
  if (Array.isArray(value)) return value.map((item) => withFormatters(item, formatterFor));
  if (value === null || typeof value !== 'object') return value;
  const copy = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === null) continue;
    if (key === 'formatter' && typeof v === 'string' && v.startsWith('@')) {
      if (!(v in PLACEHOLDERS)) throw new Error(`unknown formatter placeholder "${v}"`);
      copy[key] = PLACEHOLDERS[v](formatterFor);
    } else {
      copy[key] = withFormatters(v, formatterFor);
    }
  }
  return copy;
}

// ---------------------------------------------------------------------------------------------
// Reading and writing ECharts' SVG

/**
 * Parses the SVG that zrender writes into a tree of {name, attrs: Map, children} and {text}.
 * zrender writes a small, regular subset of XML (double-quoted attribute values, written without
 * escaping); anything else means its output changed, and is an error rather than a guess.
 * The <style> element (hover and animation rules only) is left out.
 */
function parseSvg(svg) {
  const source = svg.replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '');
  const token = /<\/([\w:-]+)\s*>|<([\w:-]+)((?:\s+[\w:-]+(?:="[^"<]*")?)*)\s*(\/?)>|([^<]+)/y;
  const root = { name: '#root', attrs: new Map(), children: [] };
  const stack = [root];
  while (token.lastIndex < source.length) {
    const at = token.lastIndex;
    const m = token.exec(source);
    if (!m) {
      // zrender does not escape attribute values: a double quote in a font family ends up here.
      throw new Error(`unexpected SVG from ECharts (a " in a font name?) near: ${source.slice(at, at + 120)}`);
    }
    const parent = stack[stack.length - 1];
    if (m[1]) {
      if (parent.name !== m[1]) throw new Error(`unbalanced </${m[1]}> in SVG from ECharts`);
      stack.pop();
    } else if (m[2]) {
      const el = { name: m[2], attrs: parseAttributes(m[3]), children: [] };
      parent.children.push(el);
      if (!m[4]) stack.push(el);
    } else if (parent.name === 'text' || parent.name === 'tspan' || m[5].trim()) {
      // Text is kept as written (zrender escapes it); whitespace between elements is not.
      parent.children.push({ text: m[5] });
    }
  }
  if (stack.length !== 1 || root.children.length !== 1) throw new Error('SVG from ECharts is not one element');
  return root.children[0];
}

function parseAttributes(source) {
  const attrs = new Map();
  for (const [, name, value] of source.matchAll(/\s+([\w:-]+)(?:="([^"]*)")?/g)) attrs.set(name, value ?? '');
  return attrs;
}

function serialize(el) {
  if ('text' in el) return el.text;
  const attrs = [...el.attrs].map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('');
  return el.children.length
    ? `<${el.name}${attrs}>${el.children.map(serialize).join('')}</${el.name}>`
    : `<${el.name}${attrs}/>`;
}

function escapeAttribute(value) {
  return String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function* elements(el) {
  if ('text' in el) return;
  yield el;
  for (const child of el.children) yield* elements(child);
}

// ---------------------------------------------------------------------------------------------
// Cleaning one picture

/// Parses and cleans one rendered SVG; `idPrefix` makes its ids unique on the page.
function cleanSvg(svg, idPrefix) {
  const root = parseSvg(svg);
  dropBackground(root);
  dropUnpainted(root);
  for (const el of elements(root)) {
    dropInteractionAttributes(el);
    styleToAttributes(el);
    lowerCaseHexColours(el);
  }
  prefixIds(root, idPrefix);
  return root;
}

/// The background rect zrender draws (even a transparent one): the page's own background shows through.
function dropBackground(root) {
  const first = root.children[0];
  const width = root.attrs.get('width');
  const height = root.attrs.get('height');
  const isBackground = first && first.name === 'rect' && first.children.length === 0
    && first.attrs.get('width') === width && first.attrs.get('height') === height
    && first.attrs.get('x') === '0' && first.attrs.get('y') === '0'
    && [...first.attrs.keys()].every((k) => ['width', 'height', 'x', 'y', 'fill', 'fill-opacity'].includes(k));
  if (isBackground) root.children.shift();
}

/// Shapes that paint nothing: neither fill nor stroke. zrender gives every text with a line height
/// (the charts' theme) an empty box of that height; on the page it draws nothing, in a picture it
/// would be bytes for nothing.
function dropUnpainted(node) {
  node.children = node.children.filter(
    (child) => !child.name || !(['path', 'rect'].includes(child.name) && child.attrs.get('fill') === 'none' && !child.attrs.has('stroke') && !child.attrs.has('style') && child.children.length === 0),
  );
  for (const child of node.children) if (child.children) dropUnpainted(child);
}

/// zrender's hover classes (their rules were in the dropped <style>) and the ecmeta_* attributes its
/// client-side SSR hydration reads: neither means anything in a static picture.
function dropInteractionAttributes(el) {
  for (const name of [...el.attrs.keys()]) {
    if (name.startsWith('ecmeta_')) el.attrs.delete(name);
  }
  // A picture is never pointed at: ECharts' hit-testing hint only weighs on the page.
  if (el.attrs.get('pointer-events') === 'visible') el.attrs.delete('pointer-events');
  const classes = (el.attrs.get('class') ?? '').split(/\s+/).filter((c) => c && !/^zr\d+-cls-\d+$/.test(c));
  if (classes.length) el.attrs.set('class', classes.join(' '));
  else el.attrs.delete('class');
}

/**
 * zrender writes a text's font as a style attribute ("font-size:12px;font-family:sans-serif;" or
 * "font: bold 12px sans-serif"), which the policy forbids. The presentation attributes of the same
 * names draw the same text. A property with no such attribute stops the build unless it is known
 * to be harmless, so a change in zrender's output cannot silently change the picture.
 */
function styleToAttributes(el) {
  const style = el.attrs.get('style');
  if (style === undefined) return;
  el.attrs.delete('style');
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) {
      if (declaration.trim()) throw new Error(`cannot read style "${style}"`);
      continue;
    }
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim();
    if (property === 'font') {
      for (const [name, v] of fontShorthand(value)) el.attrs.set(name, v);
    } else if (PRESENTATION_PROPERTIES.has(property)) {
      el.attrs.set(property, value);
    } else if (!IGNORED_PROPERTIES.has(property)) {
      throw new Error(`style property "${property}" in "${style}" has no SVG attribute`);
    }
  }
}

/// "[style] [variant] [weight] size[/line-height] family" as presentation attributes. The line
/// height is left out: SVG text has one line per element.
function fontShorthand(font) {
  const words = font.split(/\s+/);
  const sizeAt = words.findIndex((w) => /^\d*\.?\d+(px|pt|em|rem|%)?(\/\S+)?$/.test(w) && !/^[1-9]00$/.test(w));
  if (sizeAt < 0 || sizeAt === words.length - 1) throw new Error(`cannot read font "${font}"`);
  const attrs = [['font-size', words[sizeAt].split('/')[0]], ['font-family', words.slice(sizeAt + 1).join(' ')]];
  for (const word of words.slice(0, sizeAt)) {
    if (word === 'normal') continue;
    if (word === 'italic' || word === 'oblique') attrs.push(['font-style', word]);
    else if (/^(bold|bolder|lighter|[1-9]00)$/.test(word)) attrs.push(['font-weight', word]);
    else if (word === 'small-caps') attrs.push(['font-variant', word]);
    else throw new Error(`cannot read font "${font}"`);
  }
  return attrs;
}

/// The dark stylesheet selects colours by their exact attribute text, so one spelling per colour.
function lowerCaseHexColours(el) {
  for (const name of COLOUR_ATTRIBUTES) {
    const value = el.attrs.get(name);
    if (value && /^#[0-9a-f]+$/i.test(value)) el.attrs.set(name, value.toLowerCase());
  }
}

/**
 * zrender's ids ("zr3-p0": picture counter, kind, index) come from a per-process counter. They are
 * renamed to the job's prefix plus kind and index, which makes them unique on the page, the same in
 * the light and dark pictures (so the two can be compared attribute by attribute), and the same
 * from one build to the next.
 */
function prefixIds(root, prefix) {
  const rename = (id) => `${prefix}-${id.replace(/^zr\d+-/, '')}`;
  const defined = new Set();
  const referred = new Set();
  const refer = (id) => {
    referred.add(rename(id));
    return rename(id);
  };
  for (const el of elements(root)) {
    for (const [name, value] of el.attrs) {
      if (name === 'id') {
        defined.add(rename(value));
        el.attrs.set(name, rename(value));
      } else if ((name === 'href' || name === 'xlink:href') && value.startsWith('#')) {
        el.attrs.set(name, `#${refer(value.slice(1))}`);
      } else if (value.includes('url(#')) {
        el.attrs.set(name, value.replace(/url\(#([^)]+)\)/g, (_, id) => `url(#${refer(id)})`));
      }
    }
  }
  const dangling = [...referred].filter((id) => !defined.has(id));
  if (dangling.length) throw new Error(`SVG refers to ids it does not define: ${dangling.join(', ')}`);
}

/**
 * The root <svg> scales to its box (the page sizes the box), says what it shows, and is one image
 * to assistive technology. The xlink namespace is kept only when used.
 */
function dressRoot(root, job) {
  const inherited = hoistTextAttributes(root);
  const uses = (prefix) => [...elements(root)].some((el) => [...el.attrs.keys()].some((k) => k.startsWith(prefix)));
  const attrs = new Map([
    ['xmlns', 'http://www.w3.org/2000/svg'],
    ...(uses('xlink:') ? [['xmlns:xlink', 'http://www.w3.org/1999/xlink']] : []),
    ['viewBox', `0 0 ${job.width} ${job.height}`],
    ['width', '100%'],
    ['height', '100%'],
    ['preserveAspectRatio', 'xMidYMid meet'],
    ['class', 'static-chart'],
    ['role', 'img'],
    ['aria-label', job.description ?? ''],
    ['focusable', 'false'],
    ...inherited,
  ]);
  root.attrs = attrs;
}

/// The font family and size, baseline and anchor most of the picture's texts have, said once on
/// the picture and left off those texts (they inherit them, in browsers and in resvg): zrender
/// writes each on every text.
function hoistTextAttributes(root) {
  const texts = [...elements(root)].filter((el) => el.name === 'text');
  const hoisted = [];
  for (const name of ['font-family', 'font-size', 'dominant-baseline', 'text-anchor']) {
    const counts = new Map();
    for (const t of texts) if (t.attrs.has(name)) counts.set(t.attrs.get(name), (counts.get(t.attrs.get(name)) ?? 0) + 1);
    const [common] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
    if (common === undefined) continue;
    // A text that says nothing would inherit it: only texts that all say one are left bare.
    if (texts.some((t) => !t.attrs.has(name))) continue;
    for (const t of texts) if (t.attrs.get(name) === common) t.attrs.delete(name);
    hoisted.push([name, common]);
  }
  return hoisted;
}

/// The last line of defence for the page's policy.
function assertCspSafe(svg, key) {
  if (/\sstyle\s*=|<style/i.test(svg)) throw new Error(`${key}: a style attribute or element is left in the picture`);
}

/// Ids per job: the key's slug, which must not collide with another job's.
function idPrefixes(jobs) {
  const prefixes = new Map();
  const owners = new Map();
  for (const { key } of jobs) {
    const prefix = slug(key);
    if (owners.has(prefix)) throw new Error(`jobs "${owners.get(prefix)}" and "${key}" have the same slug "${prefix}"`);
    owners.set(prefix, key);
    prefixes.set(key, prefix);
  }
  return prefixes;
}

/// A file-name and id-safe form of a job key ("exports-vs-peers/wide" -> "exports-vs-peers-wide").
/// Starts with a letter, as an XML id must.
function slug(key) {
  const s = String(key).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return /^[a-z]/.test(s) ? s : `chart-${s}`;
}

// ---------------------------------------------------------------------------------------------
// The dark theme

/**
 * Walks the light and dark pictures of one job together and records, per chart, which light
 * colour becomes which dark colour. The two must differ in colours only: any other difference
 * (an element, an attribute, a text, an opacity) cannot be expressed by recolouring and stops the
 * build, as does a light colour that would need two dark colours in one chart.
 */
function collectThemeRules(job, light, dark, rules) {
  if (!rules.has(job.chart)) rules.set(job.chart, new Map());
  const chartRules = rules.get(job.chart);
  const differ = (what) => new Error(`${job.key}: the light and dark options draw different pictures (${what})`);
  const walk = (l, d, path) => {
    if ('text' in l || 'text' in d) {
      if (l.text !== d.text) throw differ(`text "${l.text}" / "${d.text}" at ${path}`);
      return;
    }
    if (l.name !== d.name) throw differ(`<${l.name}> / <${d.name}> at ${path}`);
    const names = [...l.attrs.keys()];
    if (names.join() !== [...d.attrs.keys()].join()) throw differ(`attributes of <${l.name}> at ${path}`);
    for (const name of names) {
      const [lv, dv] = [l.attrs.get(name), d.attrs.get(name)];
      if (lv === dv) continue;
      if (!COLOUR_ATTRIBUTES.has(name) || !isColour(lv) || !isColour(dv)) {
        throw differ(`${name}="${lv}" / "${dv}" on <${l.name}> at ${path}`);
      }
      const key = `${name}=${lv}`;
      const known = chartRules.get(key);
      if (known && known.dark !== dv) {
        throw new Error(`chart "${job.chart}": light ${name} ${lv} would be dark ${known.dark} and ${dv}; give them different light colours`);
      }
      chartRules.set(key, { attribute: name, light: lv, dark: dv });
    }
    if (l.children.length !== d.children.length) {
      throw differ(`${l.children.length} / ${d.children.length} children of <${l.name}> at ${path}`);
    }
    l.children.forEach((child, i) => walk(child, d.children[i], `${path}/${child.name ?? '#text'}[${i}]`));
  };
  walk(light, dark, 'svg');
}

/// A colour an attribute selector and a CSS declaration can both carry safely.
function isColour(value) {
  return /^#[0-9a-f]{3,8}$/.test(value)
    || /^rgba?\(\s*[\d.]+%?\s*,\s*[\d.]+%?\s*,\s*[\d.]+%?\s*(,\s*[\d.]+%?\s*)?\)$/.test(value)
    || (/^[a-z]+$/.test(value) && !['none', 'transparent', 'currentcolor', 'inherit'].includes(value));
}

/**
 * The dark rules, for both ways the page can be dark: the reader's choice (data-theme="dark") and
 * the system's setting when the reader has not chosen. A light colour that every chart darkens
 * the same way gets one selector for all pictures; only one that charts darken differently is
 * said per chart. (Every selector is matched against every attribute of that name in the page's
 * pictures while the page loads, so fewer selectors make a shorter first style pass.) Selectors
 * that set the same property to the same colour share one rule.
 */
function themeCss(rules) {
  const darkOf = new Map();
  for (const chartRules of rules.values()) {
    for (const { attribute, light, dark } of chartRules.values()) {
      const key = `${attribute}=${light}`;
      if (!darkOf.has(key)) darkOf.set(key, new Set());
      darkOf.get(key).add(dark);
    }
  }
  const groups = new Map();
  const add = (declaration, selector) => {
    if (!groups.has(declaration)) groups.set(declaration, []);
    if (!groups.get(declaration).includes(selector)) groups.get(declaration).push(selector);
  };
  for (const [chart, chartRules] of rules) {
    for (const { attribute, light, dark } of chartRules.values()) {
      const everywhere = darkOf.get(`${attribute}=${light}`).size === 1;
      const scope = everywhere ? '' : `[data-chart="${cssString(chart)}"] `;
      add(`${attribute}:${dark}`, `${scope}.static-chart [${attribute}="${light}"]`);
    }
  }
  const block = (root) => [...groups]
    .map(([declaration, selectors]) => `${selectors.map((s) => `${root} ${s}`).join(',')}{${declaration}}`)
    .join('\n');
  if (groups.size === 0) return '';
  return `${block(':root[data-theme="dark"]')}\n@media (prefers-color-scheme:dark){\n${block(':root:not([data-theme="light"])')}\n}\n`;
}

export function cssString(value) {
  return String(value).replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\a ');
}

// ---------------------------------------------------------------------------------------------
// Into the page

/**
 * Puts each job's picture into its chart's canvas element: the empty
 * `<div class="chart-canvas" …></div>` inside `<figure … data-chart="ID" …>`, as
 * `<div class="static-picture static-<variant>">SVG</div>` (variant: the key after its last "/").
 * Charts without a job are left as they are.
 */
export function placeSvgs(html, svgs, jobs) {
  const byChart = new Map();
  for (const job of jobs) {
    if (!svgs.has(job.key)) throw new Error(`no picture for job "${job.key}"`);
    if (!byChart.has(job.chart)) byChart.set(job.chart, []);
    byChart.get(job.chart).push(job);
  }
  let out = html;
  for (const [chart, chartJobs] of byChart) out = fillCanvas(out, chart, pictureMarkup(svgs, chartJobs));
  return out;
}

/// A chart area's pictures: one per size, each classed by its size for the stylesheet to pick.
export function pictureMarkup(svgs, jobs) {
  return jobs.map((job) => `<div class="static-picture static-${variant(job)}">${svgs.get(job.key)}</div>`).join('');
}

/// The part of the job's key after its last "/", which names the picture's class.
function variant(job) {
  const name = job.key.slice(job.key.lastIndexOf('/') + 1);
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`job "${job.key}": "${name}" cannot be a class name`);
  return name;
}

/// The html with `content` inside the one empty canvas div of the chart's figure.
function fillCanvas(html, chart, content) {
  const attribute = `data-chart="${escapeRegExp(chart)}"`;
  const figures = [...html.matchAll(new RegExp(`<figure\\b[^>]*\\s${attribute}[^>]*>`, 'g'))];
  if (figures.length !== 1) throw new Error(`the page has ${figures.length} <figure ${attribute}>, not one`);
  const start = figures[0].index + figures[0][0].length;
  const end = html.indexOf('</figure>', start);
  const figure = html.slice(start, end < 0 ? html.length : end);
  const canvas = /<div\b[^>]*\sclass="(?:[^"]*\s)?chart-canvas(?:\s[^"]*)?"[^>]*>/.exec(figure);
  if (!canvas) throw new Error(`chart "${chart}" has no <div class="chart-canvas"> in the page`);
  const at = start + canvas.index + canvas[0].length;
  if (!html.startsWith('</div>', at)) throw new Error(`chart "${chart}": the canvas div is not empty`);
  return html.slice(0, at) + content + html.slice(at);
}

function escapeRegExp(text) {
  return String(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
