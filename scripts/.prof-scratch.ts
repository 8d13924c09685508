import { readdirSync } from 'node:fs';
import { launch, serveFolder } from '../tests/e2e/harness';
const dir = '/work/shared/corpus/pages';
const server = await serveFolder(dir, (html) => html.replace(/<script\b[\s\S]*?<\/script>/gi, ''));
const browser = await launch();
const self = new Map<string, number>();
let total = 0, annotate = 0, floor = 0;
for (const f of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await page.goto(`${server.url}/${f}`, { waitUntil: 'load' });
  await page.waitForFunction(() => performance.getEntriesByName('normlens:ready').length > 0, null, { timeout: 20000 }).catch(() => {});
  let last = -1;
  for (;;) { await page.waitForTimeout(300); const n = await page.evaluate(() => performance.getEntriesByName('normlens:annotate').length); if (n === last) break; last = n; }
  const { profile } = await cdp.send('Profiler.stop');
  const a = await page.evaluate(() => performance.getEntriesByName('normlens:annotate').reduce((s, e) => s + e.duration, 0));
  const fl = await page.evaluate(() => { const t0 = performance.now(); const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); let n = 0; for (let x = w.nextNode(); x; x = w.nextNode()) n += (x.nodeValue ?? '').toLowerCase().length; return performance.now() - t0 + n * 0; });
  annotate += a; floor += fl;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    const n = byId.get(id)!; const cf = n.callFrame;
    if (!cf.url.startsWith('chrome-extension')) { if (cf.functionName === '(program)' || cf.functionName === '(idle)') return; }
    const key = `${cf.functionName || '(anon)'} ${cf.url.split('/').pop()}:${cf.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000); total += (dt[i] ?? 0) / 1000;
  });
  await page.close();
}
console.log('annotate', annotate.toFixed(0), 'floor', floor.toFixed(0));
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(v.toFixed(1).padStart(8), k);
await browser.close(); await server.close();
