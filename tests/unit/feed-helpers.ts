/** Shared by the feed unit tests: small datasets, a feed built in a temp folder, a fetch that serves it. */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dataset, Entity } from '../../src/shared/model';

export function entity(id: string, name: string): Entity {
  return {
    id,
    kind: 'initiative',
    type: 'declaration',
    name,
    aliases: [],
    summary: `${name}, a test entity.`,
    source: 'https://example.org/source',
    asOf: '2026-01-01',
    dates: [],
  };
}

export function dataset(version: string, names: string[]): Dataset {
  return {
    format: 1,
    version,
    generatedAt: '2026-11-27T00:00:00.000Z',
    entities: names.map((n) => entity(n.toLowerCase().replace(/\s+/g, '-'), n)),
    relations:
      names.length >= 2
        ? [
            {
              id: 'rel-1',
              subject: names[0]!.toLowerCase().replace(/\s+/g, '-'),
              type: 'supports',
              object: names[1]!.toLowerCase().replace(/\s+/g, '-'),
              source: 'https://example.org/source',
              asOf: '2026-01-01',
            },
          ]
        : [],
  };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'normlens-feed-'));
}

/** A fetch over a folder; `tweak` may replace any response (status, truncation...). */
export function folderFetch(
  dir: string,
  tweak?: (path: string, body: Uint8Array) => Response | undefined,
): typeof fetch & { requests: { path: string; headers: Headers }[] } {
  const requests: { path: string; headers: Headers }[] = [];
  const fn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const path = new URL(String(input)).pathname.replace(/^\/feed\//, '');
    const headers = new Headers(init?.headers);
    requests.push({ path, headers });
    const file = join(dir, path);
    if (!existsSync(file)) return new Response('not found', { status: 404 });
    const body = readFileSync(file);
    const replaced = tweak?.(path, body);
    if (replaced) return replaced;
    const etag = `"${body.length}-${body[body.length - 3] ?? 0}"`;
    if (headers.get('if-none-match') === etag) return new Response(null, { status: 304 });
    return new Response(body, { headers: { etag, 'content-length': String(body.length) } });
  };
  return Object.assign(fn, { requests });
}

export function rewrite(file: string, change: (text: string) => string): void {
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}
