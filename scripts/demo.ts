/**
 * npm run demo: opens the bundled demo article in Chromium with NormLens loaded (the test build, so no
 * permission prompt is needed for 127.0.0.1), hovers a mention, and saves a screenshot of the card.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launch, pointOf, serveFolder, waitForReady, highlightTexts } from '../tests/e2e/harness';

const out = join(ROOT, '.output/demo');
mkdirSync(out, { recursive: true });
const server = await serveFolder(join(ROOT, 'tests/fixtures/site'));
const browser = await launch();
try {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/article.html`);
  await waitForReady(page);
  const found = Object.values(await highlightTexts(page)).flat().length;
  const p = await pointOf(page, '#p2', 'Emmanuel Macron');
  await page.mouse.move(p.x, p.y);
  await page.waitForFunction(
    () => !!document.querySelector('normlens-ui')?.shadowRoot?.querySelector('.nl-card'),
  );
  await page.waitForTimeout(200);
  const shot = join(out, 'card.png');
  await page.screenshot({ path: shot });
  console.log(`\nNormLens found ${found} mentions on the demo article; hovered "Emmanuel Macron".`);
  console.log(`Screenshot of the card: ${shot}`);
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
