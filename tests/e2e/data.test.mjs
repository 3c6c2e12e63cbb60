// The whole data set (data/): linked from every story page, every file the descriptor names is
// served, and the CSV holds the figures a reader sees in the charts' tables.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { suite, waitForChart, tableOf } from './harness.mjs';

const ctx = suite({ before, after });

/**
 * A served CSV file's rows as objects (fields may be quoted, with commas and doubled quotes
 * inside); it must start with a byte-order mark, so that spreadsheets read it as UTF-8.
 */
async function fetchCsv(url) {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], `${url} starts with a byte-order mark`);
  return parseCsv(new TextDecoder().decode(bytes));
}

function parseCsv(body) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else if (c !== '\r') field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  const [header, ...records] = rows;
  return records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

test('every story page links the whole data set, and each file the descriptor names is there with its fields', async () => {
  for (const page of ['', 'de.html', 'nl.html', 'zh.html']) {
    const html = await (await fetch(`${ctx.server.origin}/${page}`)).text();
    for (const file of ['figures.csv', 'events.csv', 'series.csv', 'sources.csv', 'all.json', 'datapackage.json']) {
      assert.ok(html.includes(`href="data/${file}"`), `${page || 'index.html'} links data/${file}`);
    }
  }
  const descriptor = await (await fetch(`${ctx.server.origin}/data/datapackage.json`)).json();
  assert.equal(descriptor.licenses[0].name, 'CC-BY-4.0');
  for (const resource of descriptor.resources) {
    const [first] = await fetchCsv(`${ctx.server.origin}/data/${resource.path}`);
    assert.deepEqual(Object.keys(first), resource.schema.fields.map((f) => f.name), `${resource.path} has the fields its schema names`);
  }
});

test("the figures CSV has the numbers of chart 1's table, with their sources", async () => {
  const figures = await fetchCsv(`${ctx.server.origin}/data/figures.csv`);
  const page = await ctx.browser.newPage();
  await page.goto(`${ctx.server.origin}/`);
  await waitForChart(page, 'exports-vs-peers');
  const table = await tableOf(page, 'exports-vs-peers');
  const china = table.columns.indexOf('China (CAAM)');
  let checked = 0;
  for (const row of table.rows) {
    const value = row.values[china];
    if (value == null) continue;
    const figure = figures.find((f) => f.series === 'china-caam' && f.year === row.year && f.period === '');
    assert.ok(figure, `China (CAAM) ${row.year} is in the CSV`);
    assert.equal(Number(figure.value), value, `China (CAAM) ${row.year}`);
    assert.ok(figure.source_publisher, `${row.year} names its source`);
    checked += 1;
  }
  assert.ok(checked >= 7, `${checked} years checked`);
  await page.close();
});
