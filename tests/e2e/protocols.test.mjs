// The scripts that run before the app read the address and the reader's first interaction as
// the app does: both take their rules from the app (the build manifest, src/ui/manifest.rs), so
// a rule changed on one side cannot drift from the other.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { suite, MANIFEST } from './harness.mjs';

const ctx = suite({ before, after });

async function open(query) {
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${ctx.server.origin}/${query}`);
  await page.waitForLoadState('load');
  return { page, context };
}

// `?lang=` takes a language's own values in any case (`Lang::from_param`, whose native test has
// the same cases); a regional tag is not one of them, so the page stays as it is, as the app does.
const CASES = [['de', 'de'], ['DE', 'de'], ['zh-hans', 'zh-Hans'], ['ZH', 'zh-Hans'], ['de-AT', 'en'], ['zh-TW', 'en'], ['fr', 'en']];

for (const [asked, lang] of CASES) {
  test(`?lang=${asked} opens the ${lang} page, as the app reads it`, async () => {
    const { page, context } = await open(`?lang=${asked}`);
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    await context.close();
  });
}

test('focus moved into the story before the app is live counts as the first interaction', async () => {
  assert.ok(MANIFEST.events.firstInteraction.includes('focusin'));
  const { page, context } = await open('');
  // The boot script listens from the moment it runs; nothing has touched the page yet.
  await page.waitForFunction(() => [...document.scripts].some((s) => /boot-/.test(s.src)));
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-interacted')), false);
  await page.evaluate(() => document.querySelector('section.chapter button, section.chapter input').focus());
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-interacted')), true);
  await context.close();
});
