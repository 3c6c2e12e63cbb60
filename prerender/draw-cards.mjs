// Share cards: a 1200x630 PNG per chart and language, and one for the story, for the Open Graph
// and Twitter card tags that `prerender pages` wrote (prerender/src/share.rs). Each card is the
// chart's default view drawn by draw-charts.mjs at the card's size from the same options as the
// page, under its title and subtitle, over a line naming the story and how recent its figures
// are; @resvg/resvg-js turns that SVG into the PNG.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { Resvg } from '@resvg/resvg-js';

/// The chart's box on the card, left of and below the words.
const MARGIN = 32;
const CHART_WIDTH = 1200 - 2 * MARGIN;
/// Room below the chart for the footer line.
const FOOTER = 56;

/// Fonts the cards are drawn with: the page's DejaVu faces and a Chinese one, where the machine
/// has them (the test command installs them); otherwise whatever fonts the system has.
const FONT_FILES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
];

/// The card's jobs for draw-charts.mjs: each card's picture job, drawn at the card's chart size.
export function cardChartJobs(cards, pictureJobs) {
  return cards.map((card) => {
    const picture = pictureJobs.find((job) => job.key === card.picture);
    if (!picture) throw new Error(`card ${card.png}: no picture ${card.picture}`);
    return { ...picture, key: `card-${card.png}`, width: CHART_WIDTH, height: layout(card).chartHeight, description: card.title };
  });
}

/// Draws every card into `dir`; `svgs` are the chart pictures drawn from `cardChartJobs`.
/// `ink`: the light inks of the build manifest (src/ui/manifest.rs), the page's own.
export function drawCards(cards, svgs, dir, ink) {
  const fontFiles = FONT_FILES.filter((file) => existsSync(file));
  if (fontFiles.length < FONT_FILES.length) {
    console.log(`prerender: share cards drawn with the system's fonts (${FONT_FILES.length - fontFiles.length} of the page's fonts missing)`);
  }
  for (const card of cards) {
    const svg = cardSvg(card, svgs.get(`card-${card.png}`), ink);
    const png = new Resvg(svg, {
      fitTo: { mode: 'original' },
      font: {
        fontFiles,
        loadSystemFonts: fontFiles.length === 0,
        defaultFontFamily: 'DejaVu Sans',
        sansSerifFamily: 'DejaVu Sans',
        serifFamily: 'DejaVu Serif',
      },
    }).render().asPng();
    const path = join(dir, card.png);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, png);
  }
  console.log(`prerender: ${cards.length} share cards (${cards[0]?.width}x${cards[0]?.height} PNG) in cards/`);
}

/// Where the words and the chart go: the title on up to two lines, the subtitle on up to two,
/// the chart in the rest above the footer.
function layout(card) {
  const cjk = card.lang === 'zh';
  const title = wrap(card.title, cjk ? 24 : 46).slice(0, 2);
  const subtitle = wrap(card.subtitle, cjk ? 40 : 84).slice(0, 2);
  const chartTop = 72 + 48 * (title.length - 1) + 10 + 32 * subtitle.length + 16;
  return { title, subtitle, chartTop, chartHeight: 630 - FOOTER - chartTop };
}

/// The card as one SVG: words, the chart, the footer.
function cardSvg(card, chartSvg, INK) {
  const { title, subtitle, chartTop, chartHeight } = layout(card);
  const lines = [];
  let y = 72;
  for (const line of title) {
    lines.push(text(line, MARGIN, y, 40, INK.text, 'bold', 'DejaVu Serif, WenQuanYi Micro Hei, serif'));
    y += 48;
  }
  y += 10 - 48 + 32;
  for (const line of subtitle) {
    lines.push(text(line, MARGIN, y, 24, INK.muted, 'normal', 'DejaVu Sans, WenQuanYi Micro Hei, sans-serif'));
    y += 32;
  }
  const chart = nested(chartSvg, MARGIN, chartTop, chartHeight);
  const footer = text(card.footer, MARGIN, 630 - 24, 20, INK.muted, 'normal', 'DejaVu Sans, WenQuanYi Micro Hei, sans-serif');
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="1200" height="630" viewBox="0 0 1200 630">`
    + `<rect width="1200" height="630" fill="${INK.background}"/><rect width="1200" height="8" fill="${INK.accent}"/>`
    + `${lines.join('')}${chart}${footer}</svg>`;
}

/// The chart's own SVG placed at (x, y) at its drawn size.
function nested(svg, x, y, height) {
  return svg.replace(/^<svg\b[^>]*>/, (open) => {
    const keep = [...open.matchAll(/\s(xmlns(?::xlink)?)="([^"]*)"/g)].map((m) => ` ${m[1]}="${m[2]}"`).join('');
    // Overflow shows: a label ECharts places a little outside its own box is drawn, not cut.
    return `<svg${keep} x="${x}" y="${y}" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}" overflow="visible">`;
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
