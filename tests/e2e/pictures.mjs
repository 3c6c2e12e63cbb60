// What the tests read off the build's pictures and pages: meta tags, a PNG's size, and whether a
// picture shows a chart (how much of it is inked, and in which of the chart's colours).
import assert from 'node:assert/strict';

/** The content of each `<meta property|name="...">` of a page. */
export function metaOf(html) {
  const out = {};
  for (const [, key, content] of html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)"/g)) out[key] = content;
  return out;
}

/** Width and height from a PNG's header. */
export function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/**
 * How much of a PNG is inked, and how many of its pixels have the hue of each of `colours`
 * (below the card's accent bar): an image that shows the chart is drawn in the chart's colours.
 */
export async function inkOf(page, src, colours) {
  return page.evaluate(async ({ src, colours }) => {
    const image = new Image();
    image.src = src;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    // Hue and saturation: a mark drawn with some transparency over white keeps its hue.
    const hueOf = (r, g, b) => {
      const max = Math.max(r, g, b);
      const min = Math.min(r, g, b);
      if (max === min) return [0, 0];
      const d = max - min;
      const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
      return [(h * 60 + 360) % 360, d / max];
    };
    const wanted = colours.map((hex) => hueOf(...[0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)))[0]);
    const near = wanted.map(() => 0);
    let inked = 0;
    for (let i = canvas.width * 4 * 12; i < data.length; i += 4) {
      const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
      if (r + g + b < 720) inked += 1;
      const [hue, saturation] = hueOf(r, g, b);
      if (saturation < 0.25) continue;
      wanted.forEach((w, k) => {
        if (Math.min(Math.abs(hue - w), 360 - Math.abs(hue - w)) < 10) near[k] += 1;
      });
    }
    return { inked: inked / (data.length / 4), near };
  }, { src, colours });
}

/** The saturated colours the chart's prerendered picture is drawn in, as hex. */
export function pictureColours(html, chart) {
  const start = html.indexOf(`data-chart="${chart}"`);
  const frame = html.slice(start, html.indexOf('</figure>', start));
  const colours = new Set();
  for (const [, hex] of frame.matchAll(/(?:fill|stroke)="#([0-9a-f]{6})"/g)) {
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
    if (Math.max(r, g, b) - Math.min(r, g, b) >= 60) colours.add(hex);
  }
  return [...colours];
}
