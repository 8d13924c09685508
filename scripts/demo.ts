/**
 * npm run demo: opens the bundled demo article in Chromium with NormLens loaded (the test build, so no
 * permission prompt is needed for 127.0.0.1), hovers mentions on the fixture articles, and saves screenshots
 * of cards (an initiative in light, a country in dark with its details open, a threat actor) and of the popup. `npm run demo -- --assets` also copies them to assets/ for the README.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, launch, pointOf, serveFolder, waitForReady, highlightTexts } from '../tests/e2e/harness';

const out = join(ROOT, '.output/demo');
mkdirSync(out, { recursive: true });
const server = await serveFolder(join(ROOT, 'tests/fixtures/site'));
const browser = await launch();

/** Open the card's Details disclosure and scroll it to one of its sections. */
async function openDetails(page: Page, section: string): Promise<void> {
  await page.locator('normlens-ui .nl-details > summary').click();
  await page.waitForFunction(
    () => !!document.querySelector('normlens-ui')?.shadowRoot?.querySelector('details.nl-details[open]'),
  );
  await page.evaluate((sel) => {
    const root = document.querySelector('normlens-ui')!.shadowRoot!;
    const body = root.querySelector<HTMLElement>('.nl-body')!;
    const target = root.querySelector<HTMLElement>(sel);
    if (target) body.scrollTop = target.offsetTop - body.offsetTop - 4;
  }, section);
}

async function hover(page: Page, selector: string, text: string): Promise<void> {
  const p = await pointOf(page, selector, text);
  await page.mouse.move(p.x, p.y);
  await page.waitForFunction(
    (name) =>
      document.querySelector('normlens-ui')?.shadowRoot?.querySelector('.nl-name')?.textContent === name,
    text,
  );
}

try {
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await page.goto(`${server.url}/article.html`);
  await waitForReady(page);
  const found = Object.values(await highlightTexts(page)).flat().length;
  const shots = {
    card: join(out, 'card.png'),
    cardDark: join(out, 'card-dark.png'),
    cardActor: join(out, 'card-actor.png'),
    popup: join(out, 'popup.png'),
  };

  // The card at a glance on the article of 20 November 2018 about the US not signing the Paris Call.
  const dated = await browser.context.newPage();
  await dated.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await dated.goto(`${server.url}/paris-call-2018.html`);
  await waitForReady(dated);
  await hover(dated, '#p1', 'Paris Call for Trust and Security in Cyberspace');
  await dated.screenshot({ path: shots.card });
  await dated.keyboard.press('Escape');

  // A country card, dark, its details open: the stance grid then and now.
  await dated.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await dated.mouse.move(1, 1);
  await hover(dated, '#p1', 'United States');
  await openDetails(dated, '.nl-stance');
  await dated.screenshot({ path: shots.cardDark });

  // A threat actor's card on an article written before any government attributed it.
  const actor = await browser.context.newPage();
  await actor.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await actor.goto(`${server.url}/notpetya-2017.html`);
  await waitForReady(actor);
  await hover(actor, '#p2', 'Fancy Bear');
  await openDetails(actor, '.nl-names');
  await actor.screenshot({ path: shots.cardActor });

  // The popup on a rich article of November 2018, at Chrome's popup size: its digest with gists and badges.
  const rich = await browser.context.newPage();
  await rich.goto(`${server.url}/rich.html`);
  await waitForReady(rich);
  const tabId = await browser.worker.evaluate(
    async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id,
    rich.url(),
  );
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  await popup.locator('.nl-gist').first().waitFor();
  await popup.locator('[data-badge="changed"]').first().waitFor();
  await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await popup.screenshot({ path: shots.popup });

  if (process.argv.includes('--assets')) {
    copyFileSync(shots.card, join(ROOT, 'assets/screenshot-card.png'));
    copyFileSync(shots.cardDark, join(ROOT, 'assets/screenshot-card-dark.png'));
    copyFileSync(shots.cardActor, join(ROOT, 'assets/screenshot-card-actor.png'));
    copyFileSync(shots.popup, join(ROOT, 'assets/screenshot-popup.png'));
    console.log('README screenshots updated in assets/.');
  }
  console.log(
    `\nNormLens found ${found} mentions on the demo article; hovered the Paris Call, the United States and Fancy Bear on the dated fixture articles.`,
  );
  console.log(`Screenshots: ${Object.values(shots).join(', ')}`);
  console.log('\nThe unpacked extension, to load into your own browser:');
  console.log(
    `  Chromium-based (chrome://extensions > Developer mode > Load unpacked): ${join(ROOT, '.output/chrome-mv3')}`,
  );
  console.log(
    `  Firefox (about:debugging > This Firefox > Load Temporary Add-on, pick manifest.json): ${join(ROOT, '.output/firefox-mv2')}`,
  );
} finally {
  await browser.close();
  await server.close();
}
