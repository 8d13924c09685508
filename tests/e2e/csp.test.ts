/**
 * Pages with a Content Security Policy, in Chromium with the built test extension. Chromium checks a content
 * script's WebAssembly against the page's policy, and reports a refusal to the site. NormLens must annotate
 * every such page all the same, and never set off a report or a violation event the page can see: not with
 * its scanner, nor with its hover card, nor under Trusted Types.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { highlightTexts, launch, pointOf, waitForReady, type ExtensionBrowser } from './harness';

const ARTICLE = `<main><article><h1>Cyber norms</h1>
  <p>The Paris Call for Trust and Security in Cyberspace was launched in 2018, and the Budapest Convention
  is older still. Microsoft and France spoke for both.</p></article></main>`;

/** Each page: its policy headers, and whether its markup declares one. */
const PAGES: Record<string, { headers: Record<string, string>; meta?: string }> = {
  open: { headers: {} },
  strict: {
    headers: { 'content-security-policy': "default-src 'self'; script-src 'self'; report-uri /report" },
  },
  'report-only': {
    headers: { 'content-security-policy-report-only': "script-src 'self'; report-uri /report" },
  },
  allowed: {
    headers: { 'content-security-policy': "script-src 'self' 'wasm-unsafe-eval'; report-uri /report" },
  },
  meta: { headers: {}, meta: "script-src 'self'" },
  'trusted-types': {
    headers: {
      'content-security-policy':
        "require-trusted-types-for 'script'; trusted-types 'none'; report-uri /report",
    },
  },
};

/** Same-origin script (allowed by every policy above) counting the violation events the page sees. */
const LISTENER = `window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.blockedURI));`;

let server: Server;
let origin: string;
const reports: string[] = [];
let browser: ExtensionBrowser;

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => resolve(text));
  });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const name = (req.url ?? '/').slice(1).split('?')[0]!;
    if (name === 'report') {
      void body(req).then((text) => reports.push(text));
      res.writeHead(204).end();
    } else if (name === 'listener.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(LISTENER);
    } else if (PAGES[name]) {
      const { headers, meta } = PAGES[name];
      const head = `${meta ? `<meta http-equiv="Content-Security-Policy" content="${meta}">` : ''}
        <script src="/listener.js"></script>`;
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers })
        .end(`<!doctype html><html><head>${head}</head><body>${ARTICLE}</body></html>`);
    } else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

async function open(name: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${origin}/${name}`);
  await waitForReady(page);
  return page;
}

/** The scanner engine the content script chose (from its normlens:index mark). */
function engineOf(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      (performance.getEntriesByName('normlens:index')[0] as PerformanceMark | undefined)?.detail
        ?.engine as string,
  );
}

describe('pages with a Content Security Policy', () => {
  it('are annotated as any page, with no report to the site and no violation the page can see', async () => {
    const found: Record<string, Record<string, string[]>> = {};
    const engines: Record<string, string> = {};
    const violations: Record<string, string[]> = {};
    for (const name of Object.keys(PAGES)) {
      const page = await open(name);
      found[name] = await highlightTexts(page);
      engines[name] = await engineOf(page);
      if (name === 'strict' || name === 'trusted-types') {
        // The hover card too: its host element and shadow-root styles must pass the page's policy quietly.
        const point = await pointOf(page, 'article', 'Microsoft');
        await page.mouse.move(point.x, point.y);
        await page.waitForFunction(
          () => !!document.querySelector('normlens-ui')?.shadowRoot?.querySelector('.nl-card'),
        );
      }
      violations[name] = await page.evaluate(
        () => (window as { __violations?: string[] }).__violations ?? [],
      );
      await page.close();
    }
    // Reports travel in the background. A canary the page itself sets off (a script from a host its policy
    // refuses) shows the report path works and that reports had time to arrive: after the canary's, none other.
    const canary = await open('strict');
    await canary.evaluate(() => {
      const s = document.createElement('script');
      s.src = 'https://canary.invalid/canary.js';
      document.head.append(s);
    });
    await expect
      .poll(() => reports.some((r) => r.includes('canary.invalid')), { timeout: 15_000 })
      .toBe(true);
    await canary.close();
    expect(reports.filter((r) => !r.includes('canary.invalid'))).toEqual([]);
    expect(violations).toEqual(Object.fromEntries(Object.keys(PAGES).map((n) => [n, []])));
    // WebAssembly where the policy allows it; the JavaScript scanner, quietly, where it does not.
    expect(engines).toEqual({
      open: 'wasm',
      strict: 'js',
      'report-only': 'js',
      allowed: 'wasm',
      meta: 'js',
      'trusted-types': 'wasm',
    });
    // The same mentions everywhere.
    expect(found.open!['normlens-initiative']).toEqual([
      'Paris Call for Trust and Security in Cyberspace',
      'Budapest Convention',
    ]);
    for (const name of Object.keys(PAGES)) expect(found[name], name).toEqual(found.open);
  });
});
