// Cards: pictures of a chart with its words, as PNG, drawn from the jobs `prerender pages` wrote
// (prerender/src/share.rs):
// - share cards, 1200x630, per chart and language and one for the story, for the Open Graph and
//   Twitter card tags, over a line naming the story and how recent its figures are;
// - column pictures, 640x400 at twice the pixels, for the Embed dialog's image snippet, over the
//   same line (the image snippet's caption names the sources).
// Each is the chart's default view drawn by draw-charts.mjs at the card's size from the same
// options as the page, under its title and subtitle; @resvg/resvg-js turns that SVG into the PNG,
// with the card fonts only (CARD_FONT_FILES); a character they lack stops the build.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { Resvg } from '@resvg/resvg-js';
import opentype from 'opentype.js';

/// The type and spacing of a card `width` wide: a share card's, or a column picture's, smaller.
function measures(width) {
  const s = width >= 1000 ? 1 : 0.6;
  return { margin: 32 * s, title: 40 * s, subtitle: 24 * s, footer: 20 * s, footerRoom: 56 * s, chartWidth: width - 64 * s };
}

/// The fonts the cards are drawn with, and the only ones: files of the project's own npm packages
/// (package.json), so every machine draws the same cards whatever fonts it has. DejaVu for Latin,
/// Greek and Cyrillic text (the faces the pages are tested with), Noto Sans SC for Chinese.
const NODE_MODULES = new URL('../node_modules/', import.meta.url).pathname;
export const CARD_FONT_FILES = [
  'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  'dejavu-fonts-ttf/ttf/DejaVuSerif.ttf',
  'dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf',
  '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
].map((file) => join(NODE_MODULES, file));
/// The families the card's own words ask for: each first, then the Chinese face.
const SERIF = 'DejaVu Serif, Noto Sans SC, serif';
const SANS = 'DejaVu Sans, Noto Sans SC, sans-serif';

/// The card's jobs for draw-charts.mjs: each card's picture job, drawn at the card's chart size.
export function cardChartJobs(cards, pictureJobs) {
  return cards.map((card) => {
    const picture = pictureJobs.find((job) => job.key === card.picture);
    if (!picture) throw new Error(`card ${card.png}: no picture ${card.picture}`);
    // Cards are light: no dark picture to draw.
    return { ...picture, dark: null, key: `card-${card.png}`, width: measures(card.width).chartWidth, height: layout(card).chartHeight, description: card.title };
  });
}

/// Draws every card into `dir`; `svgs` are the chart pictures drawn from `cardChartJobs`.
/// `ink`: the light inks of the build manifest (src/ui/manifest.rs), the page's own.
export function drawCards(cards, svgs, dir, ink) {
  const missing = CARD_FONT_FILES.filter((file) => !existsSync(file));
  if (missing.length > 0) throw new Error(`the card fonts ${missing.join(', ')} are missing: \`npm ci\` installs them`);
  const covers = fontCoverage(CARD_FONT_FILES);
  for (const card of cards) {
    const svg = cardSvg(card, svgs.get(`card-${card.png}`), ink);
    const uncovered = uncoveredCharacters(svg, covers);
    if (uncovered.length > 0) throw new Error(`card ${card.png}: the card fonts have no glyph for ${uncovered.join('; ')}`);
    const png = new Resvg(svg, {
      fitTo: card.scale > 1 ? { mode: 'zoom', value: card.scale } : { mode: 'original' },
      font: {
        fontFiles: CARD_FONT_FILES,
        loadSystemFonts: false,
        defaultFontFamily: 'DejaVu Sans',
        sansSerifFamily: 'DejaVu Sans',
        serifFamily: 'DejaVu Serif',
      },
    }).render().asPng();
    const path = join(dir, card.png);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, png);
  }
  const sizes = [...new Set(cards.map((c) => `${c.width * c.scale}x${c.height * c.scale}`))];
  console.log(`prerender: ${cards.length} cards (${sizes.join(', ')} PNG)`);
}

/// Where the words and the chart go: the title on up to two lines, the subtitle on up to two,
/// the chart in the rest above the footer. Lines are broken by an estimate of the characters
/// that fit (Chinese characters are about twice as wide as Latin letters).
function layout(card) {
  const m = measures(card.width);
  const perChar = card.lang === 'zh' ? 1.15 : 0.6;
  const fit = (size) => Math.floor(m.chartWidth / (size * perChar));
  const title = wrap(card.title, fit(m.title)).slice(0, 2);
  const subtitle = wrap(card.subtitle, fit(m.subtitle)).slice(0, 2);
  const first = m.title * 1.8;
  const footer = wrap(card.footer, Math.floor(m.chartWidth / (m.footer * (card.lang === 'zh' ? 1.1 : 0.55)))).slice(0, 3);
  const footerRoom = m.footerRoom + m.footer * 1.25 * (footer.length - 1);
  const chartTop = first + m.title * 1.2 * (title.length - 1) + m.subtitle * 1.33 * subtitle.length + m.subtitle;
  return { m, title, subtitle, footer, first, chartTop, chartHeight: Math.round(card.height - footerRoom - chartTop) };
}

/// The card as one SVG: words, the chart, the footer.
function cardSvg(card, chartSvg, INK) {
  const { m, title, subtitle, footer: footerLines, first, chartTop, chartHeight } = layout(card);
  const { width: W, height: H } = card;
  const lines = [];
  let y = first;
  for (const line of title) {
    lines.push(text(line, m.margin, y, m.title, INK.text, 'bold', SERIF));
    y += m.title * 1.2;
  }
  y += m.subtitle * 1.33 - m.title * 1.2 + m.subtitle * 0.4;
  for (const line of subtitle) {
    lines.push(text(line, m.margin, y, m.subtitle, INK.muted, 'normal', SANS));
    y += m.subtitle * 1.33;
  }
  const chart = nested(chartSvg, m.margin, chartTop, m.chartWidth, chartHeight);
  const footer = footerLines
    .map((line, i) => text(line, m.margin, H - m.footer * 1.2 - m.footer * 1.25 * (footerLines.length - 1 - i), m.footer, INK.muted, 'normal', SANS))
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">`
    + `<rect width="${W}" height="${H}" fill="${INK.background}"/><rect width="${W}" height="${m.margin / 4}" fill="${INK.accent}"/>`
    + `${lines.join('')}${chart}${footer}</svg>`;
}

/// The chart's own SVG placed at (x, y) at its drawn size.
function nested(svg, x, y, width, height) {
  return svg.replace(/^<svg\b[^>]*>/, (open) => {
    // The namespaces, and what its texts inherit (draw-charts.mjs, `hoistTextAttributes`).
    const keep = [...open.matchAll(/\s(xmlns(?::xlink)?|font-family|font-size|dominant-baseline|text-anchor)="([^"]*)"/g)].map((m) => ` ${m[1]}="${m[2]}"`).join('');
    // Overflow shows: a label ECharts places a little outside its own box is drawn, not cut.
    return `<svg${keep} x="${x}" y="${y}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" overflow="visible">`;
  });
}

function text(content, x, y, size, fill, weight, family) {
  return `<text x="${x}" y="${y}" font-size="${size}" font-weight="${weight}" font-family="${family}" fill="${fill}">${escapeXml(content)}</text>`;
}

/// Lines of at most `width` characters, broken at spaces (anywhere in Chinese, which has none).
function wrap(words, width) {
  if (!/\s/.test(words)) {
    const lines = [];
    for (let i = 0; i < words.length; i += width) lines.push(words.slice(i, i + width));
    return lines;
  }
  const lines = [];
  let line = '';
  for (const word of words.split(/\s+/)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function escapeXml(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/// Whether a character has a glyph in any of `files` (what resvg falls back across).
export function fontCoverage(files) {
  const fonts = files.map((file) => {
    const bytes = readFileSync(file);
    return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  });
  return (character) => fonts.some((font) => font.charToGlyphIndex(character) > 0);
}

/// The characters of the texts an SVG draws that no card font covers, each with its code point
/// and the text it is in; empty when every one has a glyph.
export function uncoveredCharacters(svg, covers) {
  const found = new Map();
  for (const [, inner] of svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)) {
    const words = unescapeXml(inner.replace(/<[^>]*>/g, ''));
    for (const character of words) {
      if (/\s/.test(character) || found.has(character) || covers(character)) continue;
      found.set(character, `"${character}" (U+${character.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}) in "${words.trim()}"`);
    }
  }
  return [...found.values()];
}

function unescapeXml(text) {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
