/**
 * The reader's experience end to end, in Chromium with the built test extension: time-aware
 * cards on articles dated 2018 and 2022, citations copied to the clipboard, the keyboard walk (through the
 * background's real command handler) with Esc and Tab, the popup digest, options applied to open tabs
 * without reload, wrong-match reports, axe-core on card, popup and options, dark mode and layout at every
 * edge of the screen, with screenshots saved under .output/test-artifacts/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  ROOT,
  highlightTexts,
  launch,
  overlaps,
  pageCardBox,
  pageCardLayout,
  pageCardName,
  pageTextRect,
  pointOf,
  serveFolder,
  waitForReady,
  type Box,
  type ExtensionBrowser,
  type StaticServer,
  getSettings,
  runCommand,
  toTab,
} from './harness';

const ARTIFACTS = join(ROOT, '.output/test-artifacts');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: StaticServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await serveFolder(`${ROOT}/tests/fixtures/site`);
  browser = await launch();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/${path}`);
  await waitForReady(page);
  return page;
}

async function waitForCard(page: Page, shown: boolean): Promise<void> {
  await page.waitForFunction(
    (want) => !!document.querySelector('normlens-ui')?.shadowRoot?.querySelector('.nl-card') === want,
    shown,
  );
}

/** Hover the first occurrence of text inside selector, wait for that entity's card and check its layout. */
async function hoverCard(page: Page, selector: string, text: string, name: string): Promise<void> {
  const p = await pointOf(page, selector, text);
  await page.mouse.move(p.x, p.y);
  await expect.poll(() => page.evaluate(pageCardName), { timeout: 10_000 }).toBe(name);
  // No card's head scrolls, and nothing beyond it is outside the disclosure (tests/e2e/harness.ts).
  const layout = await page.evaluate(pageCardLayout);
  expect(layout.problems, `${name}: ${layout.problems.join('; ')}`).toEqual([]);
}

/** The texts of the facts under a selector in the card, without their note numbers. */
const facts = (page: Page, selector: string): Promise<string[]> =>
  page.evaluate(
    (sel) =>
      [...(document.querySelector('normlens-ui')?.shadowRoot?.querySelectorAll(`${sel} .nl-fact`) ?? [])].map(
        (e) => e.textContent?.trim() ?? '',
      ),
    selector,
  );

const shadowText = (page: Page, selector: string): Promise<string | null> =>
  page.evaluate(
    (sel) => document.querySelector('normlens-ui')?.shadowRoot?.querySelector(sel)?.textContent ?? null,
    selector,
  );

const cardBox = (page: Page): Promise<Box & { w: number; h: number }> => page.evaluate(pageCardBox);

async function tabIdOf(page: Page): Promise<number> {
  const id = await browser.worker.evaluate(
    async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id,
    page.url(),
  );
  expect(id).toBeTypeOf('number');
  return id!;
}

async function openPopupFor(page: Page): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 420, height: 640 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${await tabIdOf(page)}`);
  return popup;
}

async function clipboard(page: Page): Promise<string> {
  await page.bringToFront();
  return page.evaluate(() => navigator.clipboard.readText());
}

/** axe-core violations of serious or critical impact, as "rule: target" strings. */
async function seriousViolations(page: Page, context: unknown): Promise<string[]> {
  // Evaluated rather than added as a <script>: extension pages' CSP forbids inline scripts.
  await page.evaluate(`${AXE_SOURCE};0`);
  return page.evaluate(async (ctx) => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            c: unknown,
            o: unknown,
          ): Promise<{ violations: { id: string; impact?: string; nodes: { target: unknown }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(ctx ?? document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  }, context);
}

/** The background's keyboard-command handler, called in the service worker (a headless browser cannot
 * receive a global shortcut; this is the function chrome.commands.onCommand calls). */
async function command(page: Page, name: 'next-mention' | 'previous-mention'): Promise<string | undefined> {
  await page.bringToFront();
  return runCommand(browser, name);
}

describe('time-aware cards', () => {
  it('on an article of Nov 2018: the United States was not yet a Paris Call supporter', async () => {
    const page = await open('reader-2018.html');
    await hoverCard(page, '#p1', 'United States', 'United States');
    const then = await shadowText(page, '.nl-then');
    expect(then).toContain('At the time of this article (20 Nov 2018)');
    expect(await facts(page, '.nl-then')).toContain(
      'Paris Call: not a supporter then · supporter since 10 Nov 2021',
    );
    // Every fact keeps its source, as a numbered note in the card's one list of sources.
    const refs = await page.evaluate(() => {
      const root = document.querySelector('normlens-ui')!.shadowRoot!;
      return {
        then: [...root.querySelectorAll('.nl-then li .nl-ref')].map((e) => Number(e.textContent)),
        notes: root.querySelectorAll('.nl-notes li .nl-source a').length,
      };
    });
    expect(refs.then.length).toBeGreaterThan(0);
    for (const n of refs.then) expect(n).toBeLessThanOrEqual(refs.notes);
    expect(await shadowText(page, '.nl-data-as-of')).toMatch(
      /^Data as of \d{1,2} \w{3} \d{4} \(version \d{4}\.\d{2}\.\d{2}\.\d+\)/,
    );

    // A person's card shows the role held on that date.
    await page.keyboard.press('Escape');
    await waitForCard(page, false);
    await hoverCard(page, '#p2', 'Olaf Scholz', 'Olaf Scholz');
    const scholz = await facts(page, '.nl-then');
    expect(scholz).toContain(
      'Federal Minister of Finance, Germany: in post then · no longer, since 8 Dec 2021',
    );
    // Chancellor from Dec 2021 to May 2025: not held then and not now, so nothing to say about it.
    expect(scholz.join('\n')).not.toContain('Chancellor');
    await page.close();
  });

  it('on an article of Mar 2022 (date from JSON-LD @graph): roles held then, and no line where nothing changed', async () => {
    const page = await open('reader-2022.html');
    await hoverCard(page, '#p1', 'Jen Easterly', 'Jen Easterly');
    const then = await shadowText(page, '.nl-then');
    expect(then).toContain('At the time of this article (1 Mar 2022)');
    expect(then).toContain('Director of the Cybersecurity and Infrastructure Security Agency');
    expect(then).toContain('in post then · no longer, since 20 Jan 2025');
    await page.keyboard.press('Escape');
    await waitForCard(page, false);
    // The United States supported the Paris Call both in 2022 and now: no then/now line for it.
    await hoverCard(page, '#p1', 'United States', 'United States');
    expect((await shadowText(page, '.nl-then')) ?? '').not.toContain('Paris Call');
    await page.close();
  });

  it('an article without a date gets no then/now section', async () => {
    const page = await open('reader-dark.html');
    await hoverCard(page, '#p1', 'Germany', 'Germany');
    expect(await shadowText(page, '.nl-then')).toBeNull();
    await page.close();
  });

  it('"Copy citation" copies the facts with their sources as text and as Markdown', async () => {
    const page = await open('reader-2018.html');
    await hoverCard(page, '#p1', 'United States', 'United States');
    await page.locator('normlens-ui .nl-copy').click();
    await expect.poll(() => shadowText(page, '.nl-status')).toBe('Citation copied.');
    const text = await clipboard(page);
    expect(text.split('\n')[0]).toBe('United States');
    expect(text).toContain(
      'At the time of this article (20 Nov 2018): Paris Call: not a supporter then · supporter since 10 Nov 2021 (https://pariscall.international/en/supporters, as of 25 Dec 2025)',
    );
    await page.locator('normlens-ui .nl-copy-md').click();
    await expect.poll(() => shadowText(page, '.nl-status')).toBe('Citation copied as Markdown.');
    const md = await clipboard(page);
    expect(md.split('\n')[0]).toBe('**United States**');
    expect(md).toContain(
      '([pariscall.international](https://pariscall.international/en/supporters), as of 25 Dec 2025)',
    );
    await page.close();
  });
});

describe('hover', () => {
  it('the card stays open while the pointer rests on it, past the close delay', async () => {
    const page = await open('reader-dark.html');
    await page.bringToFront();
    await hoverCard(page, '#p1', 'Germany', 'Germany');
    const card = await page.evaluate(() => {
      const r = document
        .querySelector('normlens-ui')!
        .shadowRoot!.querySelector('.nl-card')!
        .getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + Math.min(r.height / 2, 40) };
    });
    // Off the mention and onto the card in small steps, as a hand would. The hover machine says what it
    // decided (`normlens:hover`): over the card, the card stays and no close is pending, so no close delay
    // can end it (the delays themselves are timed with fake timers in tests/unit/hover-machine.test.ts).
    const decisions = (): Promise<{ shown: boolean; next: string }[]> =>
      page.evaluate(() =>
        performance
          .getEntriesByName('normlens:hover')
          .map((e) => (e as PerformanceMark).detail as { shown: boolean; next: string }),
      );
    const before = (await decisions()).length;
    await page.mouse.move(card.x, card.y, { steps: 8 });
    await page.mouse.move(card.x + 2, card.y + 1);
    await expect
      .poll(async () => (await decisions()).slice(before).at(-1))
      .toEqual({ shown: true, next: 'none' });
    expect(await shadowText(page, '.nl-name')).toBe('Germany');
    await page.close();
  });
});

describe('keyboard', () => {
  it('the next/previous commands walk the mentions in reading order; focus goes into the card; Tab stays inside; Esc closes', async () => {
    const page = await open('article.html');
    // Every mention is on the walk, the unmarked later ones too: as many as the page's summary counts.
    await expect
      .poll(
        async () => ((await toTab(browser, await tabIdOf(page), 'page:summary')) as { ready: boolean }).ready,
      )
      .toBe(true);
    const summary = (await toTab(browser, await tabIdOf(page), 'page:summary')) as {
      entities: { count: number }[];
    };
    const total = summary.entities.reduce((n, e) => n + e.count, 0);
    expect(total).toBeGreaterThan(
      Object.values(await highlightTexts(page)).reduce((n, l) => n + l.length, 0),
    );

    const seen: (string | undefined)[] = [];
    for (let i = 0; i < 4; i++) seen.push(await command(page, 'next-mention'));
    // h1 "Paris Call", then the paragraph's "Paris Call for Trust and Security in Cyberspace", France, Germany.
    expect(seen).toEqual(['paris-call', 'paris-call', 'country-fra', 'country-deu']);
    await waitForCard(page, true);
    expect(await shadowText(page, '.nl-name')).toBe('Germany');

    // Focus is in the card, and the mention is on screen.
    const focus = (): Promise<string> =>
      page.evaluate(() => {
        const root = document.querySelector('normlens-ui')?.shadowRoot;
        const el = root?.activeElement;
        if (!el) return 'outside';
        if (el.classList.contains('nl-card')) return 'card';
        return el.closest('.nl-card') ? `inside:${el.tagName}:${el.textContent}` : 'outside';
      });
    expect(await focus()).toBe('card');
    const box = await cardBox(page);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(box.h);

    // Tab cycles inside the card: as many presses as focusable elements bring focus back to the first. The
    // sources' links wait inside the closed Details: the head and the buttons are a handful of Tab stops.
    const focusables = await page.evaluate(
      () =>
        [
          ...document
            .querySelector('normlens-ui')!
            .shadowRoot!.querySelectorAll<HTMLElement>('.nl-card a[href], .nl-card button, .nl-card summary'),
        ].filter((e) => e.matches('summary') || !e.closest('details:not([open])')).length,
    );
    expect(focusables).toBeGreaterThan(2);
    expect(focusables).toBeLessThanOrEqual(6);
    await page.keyboard.press('Tab');
    const first = await focus();
    expect(first).toMatch(/^inside:/);
    for (let i = 0; i < focusables; i++) {
      await page.keyboard.press('Tab');
      expect(await focus()).toMatch(/^inside:/);
    }
    expect(await focus()).toBe(first);
    await page.keyboard.press('Shift+Tab');
    expect(await focus()).toMatch(
      /^inside:BUTTON:Copy citation|^inside:BUTTON:Copy as Markdown|^inside:BUTTON:Wrong match\?/,
    );

    await page.keyboard.press('Escape');
    await waitForCard(page, false);
    expect(await focus()).toBe('outside');

    // Previous goes back; after Esc the walk continues from where it was.
    expect(await command(page, 'previous-mention')).toBe('country-fra');
    // Walking on through every mention wraps around to the first one.
    let id: string | undefined;
    for (let i = 0; i < total - 2; i++) id = await command(page, 'next-mention');
    expect(id).toBe('paris-call');
    await page.close();
  });

  it('moves to a mention below the fold and scrolls it into view', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 900, height: 300 });
    await page.goto(`${server.url}/reader-2018.html`);
    await waitForReady(page);
    let id: string | undefined;
    for (let i = 0; i < 12 && id !== 'country-deu'; i++) id = await command(page, 'next-mention');
    expect(id).toBe('country-deu');
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0);
    const box = await cardBox(page);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(box.h);
    await page.close();
  });
});

describe('popup digest', () => {
  it('lists entities by kind with counts; a click reveals the mention on the page; "Copy digest" copies Markdown', async () => {
    const page = await open('article.html');
    const popup = await openPopupFor(page);
    await popup.locator('.nl-kind-group').first().waitFor();
    const headings = await popup.locator('.nl-kind-group h3').allTextContents();
    expect(headings.map((h) => h.replace(/\s*\d+$/, ''))).toEqual([
      'Initiatives',
      'Countries',
      'People',
      'Organisations',
    ]);
    const people = await popup.locator('.nl-kind-group').nth(2).locator('.nl-row').allTextContents();
    expect(people.some((r) => r.includes('Emmanuel Macron') && r.includes('×2'))).toBe(true);

    await popup.locator('.nl-row', { hasText: 'Brad Smith' }).click();
    await expect.poll(() => page.evaluate(pageCardName), { timeout: 10_000 }).toBe('Brad Smith');

    await popup.getByRole('button', { name: 'Copy digest' }).click();
    await expect
      .poll(() => popup.locator('.nl-digest-status').textContent())
      .toBe('Digest copied as Markdown.');
    const md = await clipboard(page);
    expect(md.split('\n')[0]).toBe('## Names in this article');
    expect(md).toContain(`<${page.url()}>`);
    expect(md).toMatch(/### Initiatives[\s\S]*### Countries[\s\S]*### People[\s\S]*### Organisations/);
    expect(md).toMatch(
      /- \*\*Emmanuel Macron\*\* \(mentioned 2×\): .+\(\[en\.wikipedia\.org\]\(https:\/\/en\.wikipedia\.org\/wiki\/Emmanuel_Macron\), as of \d/,
    );
    await popup.close();
    await page.close();
  });
});

describe('popup digest, partial lists', () => {
  it('a partial list reads "N of M listed" in the digest row and in the copied Markdown, as on the card', async () => {
    const page = await open('lists-2020.html');
    const popup = await openPopupFor(page);
    const row = popup.locator('.nl-digest-row', { hasText: 'Counter Ransomware Initiative' });
    await expect
      .poll(() => row.locator('.nl-row-count').textContent(), { timeout: 10_000 })
      .toMatch(/^67 of 74 members listed/);
    await popup.getByRole('button', { name: 'Copy digest' }).click();
    await expect
      .poll(() => popup.locator('.nl-digest-status').textContent())
      .toBe('Digest copied as Markdown.');
    expect(await clipboard(page)).toMatch(
      /- \*\*International Counter Ransomware Initiative\*\* .*67 of 74 members listed/,
    );
    await popup.close();
    await page.close();
  });
});

describe('options', () => {
  it('changes apply to open tabs without reload: first mention only, and the hover delay', async () => {
    const page = await open('article.html');
    const persons = async (): Promise<string[]> => (await highlightTexts(page))['normlens-person'] ?? [];
    // First mentions only, the default: "Macron" after "Emmanuel Macron" carries no mark.
    expect(await persons()).toContain('Emmanuel Macron');
    expect(await persons()).not.toContain('Macron');
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const firstOnly = options.locator('input[name="firstMentionOnly"]');
    await firstOnly.uncheck();
    await expect.poll(persons).toEqual(expect.arrayContaining(['Emmanuel Macron', 'Macron']));

    // Hover delay: the new value is stored and the open tab still opens cards with it (the delay itself
    // is timed with fake timers in tests/unit/hover-machine.test.ts, never with a clock here).
    const delay = options.locator('input[name="hoverDelayMs"]');
    await delay.fill('1500');
    await delay.press('Enter');
    // The unchecked box above left a "Saved" already: wait for the stored value, then for its message.
    await expect.poll(async () => (await getSettings(browser)).hoverDelayMs, { timeout: 10_000 }).toBe(1500);
    await expect.poll(() => options.locator('.nl-status').textContent()).toContain('Saved');
    const p = await pointOf(page, '#p1', 'Germany');
    await page.bringToFront();
    await page.mouse.move(p.x, p.y);
    await waitForCard(page, true);

    // Invalid input is refused with a message and nothing is saved.
    await delay.fill('99999');
    await delay.press('Enter');
    await expect.poll(() => options.getByRole('alert').textContent()).toContain('whole number');
    await options.reload();
    await expect.poll(() => delay.inputValue()).toBe('1500');

    // Put the defaults back for the other tests.
    await delay.fill('250');
    await delay.press('Enter');
    await firstOnly.check();
    await expect.poll(persons).not.toContain('Macron');
    await options.close();
    await page.close();
  });

  it('a wrong match reported from a card is listed, exported as JSON and deleted, all locally', async () => {
    const page = await open('reader-dark.html');
    await hoverCard(page, '#p1', 'Microsoft', 'Microsoft');
    await page.locator('normlens-ui .nl-wrong').click();
    await expect.poll(() => shadowText(page, '.nl-status')).toContain('Noted on this computer');
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const item = options.locator('.nl-reports li', { hasText: 'Microsoft' });
    await item.waitFor();
    expect(await item.textContent()).toContain(page.url());
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export as JSON' }).click(),
    ]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      reports: { entityId: string; matchedText: string; pageUrl: string; reportedAt: string }[];
    };
    expect(exported.reports).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ entityId: 'microsoft', matchedText: 'Microsoft', pageUrl: page.url() }),
      ]),
    );
    // The cap is stated, and "Delete all" asks first: cancelling keeps every report.
    expect(await options.locator('[data-wrong="cap"]').textContent()).toContain('500');
    await options.getByRole('button', { name: 'Delete all' }).click();
    const confirm = options.locator('[data-wrong="confirm-delete-all"]');
    expect(await confirm.textContent()).toContain('cannot be undone');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await item.count()).toBe(1);
    await item.getByRole('button', { name: /Delete/ }).click();
    await expect.poll(() => options.locator('.nl-reports li', { hasText: 'Microsoft' }).count()).toBe(0);
    await options.close();
    await page.close();
  });
});

describe('accessibility, dark mode and layout', () => {
  it('axe-core finds no serious or critical violation on the card (light and dark), the popup, the options and the welcome page', async () => {
    const page = await open('article.html');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await hoverCard(page, '#p2', 'Emmanuel Macron', 'Emmanuel Macron');
      expect(
        await seriousViolations(page, { include: [{ fromShadowDom: ['normlens-ui', '.nl-card'] }] }),
      ).toEqual([]);
      await page.keyboard.press('Escape');
      await waitForCard(page, false);
    }
    const popup = await openPopupFor(page);
    await popup.locator('.nl-kind-group').first().waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(popup, null)).toEqual([]);
    }
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('input[name="hoverDelayMs"]').waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(options, null)).toEqual([]);
    }
    const welcome = await browser.context.newPage();
    await welcome.goto(`chrome-extension://${browser.extensionId}/welcome.html`);
    await welcome.locator('.nl-legend li').first().waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await welcome.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(welcome, null)).toEqual([]);
    }
    await Promise.all([welcome.close(), options.close(), popup.close(), page.close()]);
  });

  it('every text in the card meets WCAG AA contrast as rendered, in light, dark and on a dark page', async () => {
    // axe-core leaves contrast "to review" for a fixed overlay in a shadow root; measure it directly.
    const lowContrast = (page: Page): Promise<string[]> =>
      page.evaluate(() => {
        const rgb = (v: string): number[] => (v.match(/[\d.]+/g) ?? []).map(Number);
        const lum = ([r, g, b]: number[]): number => {
          const c = (x: number): number => ((x /= 255) <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4);
          return 0.2126 * c(r!) + 0.7152 * c(g!) + 0.0722 * c(b!);
        };
        const backgroundOf = (el: Element | null): number[] => {
          for (let e = el; e; e = e.parentElement) {
            const c = rgb(getComputedStyle(e).backgroundColor);
            if (c.length === 3 || (c.length === 4 && c[3]! > 0.5)) return c.slice(0, 3);
          }
          return [255, 255, 255];
        };
        const bad: string[] = [];
        const card = document.querySelector('normlens-ui')!.shadowRoot!.querySelector('.nl-card')!;
        for (const el of card.querySelectorAll('*')) {
          const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim());
          if (!own) continue;
          const fg = lum(rgb(getComputedStyle(el).color));
          const bg = lum(backgroundOf(el));
          const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
          if (ratio < 4.5) bad.push(`${el.className || el.tagName}: ${ratio.toFixed(2)}`);
        }
        return bad;
      });
    const page = await open('reader-2018.html');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await hoverCard(page, '#p1', 'United States', 'United States');
      expect(await lowContrast(page), scheme).toEqual([]);
      await page.keyboard.press('Escape');
      await waitForCard(page, false);
    }
    await page.close();
    const dark = await open('reader-dark.html');
    await dark.emulateMedia({ colorScheme: 'light' });
    await hoverCard(dark, '#p1', 'Germany', 'Germany');
    expect(await lowContrast(dark)).toEqual([]);
    await dark.close();
  });

  it('follows prefers-color-scheme, turns dark on a dark page, and respects reduced motion', async () => {
    const bg = (page: Page): Promise<string> =>
      page.evaluate(
        () =>
          getComputedStyle(document.querySelector('normlens-ui')!.shadowRoot!.querySelector('.nl-card')!)
            .backgroundColor,
      );
    const page = await open('article.html');
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
    await hoverCard(page, '#p1', 'Germany', 'Germany');
    expect(await bg(page)).toBe('rgb(255, 255, 255)');
    expect(
      await page.evaluate(
        () =>
          getComputedStyle(document.querySelector('normlens-ui')!.shadowRoot!.querySelector('.nl-card')!)
            .animationName,
      ),
    ).toBe('nl-fade');
    await page.keyboard.press('Escape');
    await waitForCard(page, false);
    await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    await hoverCard(page, '#p1', 'Germany', 'Germany');
    expect(await bg(page)).toBe('rgb(31, 41, 55)');
    expect(
      await page.evaluate(
        () =>
          getComputedStyle(document.querySelector('normlens-ui')!.shadowRoot!.querySelector('.nl-card')!)
            .animationName,
      ),
    ).toBe('none');
    await page.close();

    // A dark page gets a dark card even when the reader prefers light.
    const dark = await open('reader-dark.html');
    await dark.emulateMedia({ colorScheme: 'light' });
    await hoverCard(dark, '#p1', 'Germany', 'Germany');
    expect(await bg(dark)).toBe('rgb(31, 41, 55)');
    await dark.close();
  });

  it('the card stays inside the viewport and never covers its mention, at each corner and mid-screen', async () => {
    const page = await open('reader-edges.html');
    const places: [string, string, string][] = [
      ['#tl', 'Germany', 'Germany'],
      ['#tr', 'France', 'France'],
      ['#bl', 'Microsoft', 'Microsoft'],
      ['#br', 'Brad Smith', 'Brad Smith'],
      // A long card on a short screen: room neither above nor below for all of it.
      [
        '#mid',
        'Paris Call for Trust and Security in Cyberspace',
        'Paris Call for Trust and Security in Cyberspace',
      ],
    ];
    for (const size of [
      { width: 1200, height: 800 },
      { width: 1000, height: 560 },
    ]) {
      await page.setViewportSize(size);
      for (const [selector, text, name] of places) {
        const label = `${name} at ${size.width}x${size.height}`;
        await hoverCard(page, selector, text, name);
        const box = await cardBox(page);
        expect(box.left, label).toBeGreaterThanOrEqual(0);
        expect(box.top, label).toBeGreaterThanOrEqual(0);
        expect(box.right, label).toBeLessThanOrEqual(box.w);
        expect(box.bottom, label).toBeLessThanOrEqual(box.h);
        // The reader can still see the name they pointed at: the card sits beside it, never over it.
        const mention = await page.evaluate(pageTextRect, [selector, text] as [string, string]);
        expect(overlaps(box, mention), label).toBe(false);
        // What does not fit scrolls inside the card.
        expect(box.bottom - box.top, label).toBeGreaterThan(100);
        await page.screenshot({
          path: join(ARTIFACTS, `card-edge-${selector.slice(1)}-${size.height}.png`),
        });
        await page.keyboard.press('Escape');
        await waitForCard(page, false);
      }
    }
    await page.close();
  });

  it('saves screenshots of the card and the popup in light and dark', async () => {
    const page = await open('reader-2018.html');
    const popup = await openPopupFor(page);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await hoverCard(page, '#p1', 'United States', 'United States');
      const box = await cardBox(page);
      expect(box.bottom).toBeLessThanOrEqual(box.h);
      await page.screenshot({ path: join(ARTIFACTS, `card-${scheme}.png`) });
      await page.keyboard.press('Escape');
      await waitForCard(page, false);

      await popup.emulateMedia({ colorScheme: scheme });
      await popup.locator('.nl-kind-group').first().waitFor();
      const width = await popup.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(420);
      await popup.screenshot({ path: join(ARTIFACTS, `popup-${scheme}.png`), fullPage: true });
    }
    await popup.close();
    await page.close();
  });
});
