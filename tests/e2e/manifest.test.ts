/**
 * The default build asks for no site access: no host permissions and no static content script. And the
 * content script, which starts cold on every page, does not carry the schema library (validation belongs
 * to the background).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './harness';

describe('default build manifest (npm run build)', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, '.output/chrome-mv3/manifest.json'), 'utf8')) as {
    host_permissions?: string[];
    content_scripts?: unknown[];
    optional_host_permissions?: string[];
  };

  it('requests no host permissions and registers no content script statically', () => {
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.content_scripts ?? []).toEqual([]);
    expect(manifest.optional_host_permissions).toEqual(expect.arrayContaining(['https://*/*']));
  });
});

describe('content script bundle', () => {
  it('does not include zod (each page would pay for loading it)', () => {
    const bundle = readFileSync(join(ROOT, '.output/chrome-mv3/content-scripts/content.js'), 'utf8');
    expect(bundle.includes('_zod'), 'zod found in content-scripts/content.js').toBe(false);
  });
});
