/**
 * npm test: everything CI runs, in order, stopping at the first failure: the WebAssembly scanner, typecheck, lint,
 * the layer and unused-export checks, unit tests, the
 * dataset check, the Chrome and Firefox builds (Firefox through web-ext lint), the test build, end to end, and
 * the demo.
 */
import { spawnSync } from 'node:child_process';

const steps: [string, string][] = [
  ['WebAssembly scanner', 'npm run wasm'],
  ['typecheck', 'npx tsc --noEmit'],
  ['lint', 'npm run lint'],
  // Import cycles, layer boundaries, Dexie in a page bundle, unused exports (.dependency-cruiser.cjs, knip.json).
  ['layers and unused exports', 'npm run lint:deps'],
  ['unit tests', 'npx vitest run'],
  ['dataset', 'npm run dataset -- --stats'],
  ['build (chrome)', 'npm run build'],
  ['build (firefox) + web-ext lint', 'npm run lint:firefox'],
  ['build (test hosts)', 'npm run build:test'],
  ['end-to-end tests (chromium; firefox where installed)', 'npx vitest run --config vitest.e2e.config.ts'],
  // The README's product command, on the builds above: it must keep working for a new user.
  ['demo (npm run demo, builds already made)', 'npx tsx scripts/demo.ts'],
];

let passed = 0;
for (const [name, command] of steps) {
  console.log(`\n=== ${name}: ${command}`);
  const started = Date.now();
  const result = spawnSync(command, { shell: true, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n=== ${name} FAILED after ${seconds}s`);
    console.log(`${passed} passed, 1 failed`);
    process.exit(1);
  }
  passed++;
  console.log(`=== ${name} ok (${seconds}s)`);
}
console.log(`\n${passed} passed, 0 failed`);
