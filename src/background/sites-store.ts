/** Enabled sites, stored in the extension's database. */
import type { NormLensDB } from '../db/database';
import { siteForUrl } from '../settings/sites';

export async function enabledPatterns(db: NormLensDB): Promise<string[]> {
  return (await db.sites.toArray()).map((s) => s.pattern);
}

export async function setSite(
  db: NormLensDB,
  pattern: string,
  enabled: boolean,
  now = new Date(),
): Promise<void> {
  if (enabled) {
    const hostname = siteForUrl(pattern.replace(/\*$/, ''))?.hostname ?? pattern;
    await db.sites.put({ pattern, hostname, addedAt: now.toISOString() });
  } else {
    await db.sites.delete(pattern);
  }
}
