/**
 * Per-site rules as pure functions of (url, sites): which site a page belongs to, its match pattern,
 * and whether NormLens is on there.
 */

export interface Site {
  pattern: string;
  hostname: string;
}

/** The site of a page: scheme + host, as a match pattern. Only http(s) pages can be annotated. */
export function siteForUrl(raw: string): Site | undefined {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
  if (!u.hostname) return undefined;
  return { pattern: `${u.protocol}//${u.hostname}/*`, hostname: u.hostname };
}

/** Does a match pattern (scheme://host/*, host may start with *.) cover this URL? Ports are ignored. */
export function patternMatches(pattern: string, raw: string): boolean {
  const m = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)\/(.*)$/.exec(pattern);
  if (!m) return false;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return false;
  }
  const [, scheme, host, path] = m;
  if (scheme === '*' ? !['http:', 'https:'].includes(u.protocol) : u.protocol !== `${scheme}:`) return false;
  if (host !== '*') {
    if (host!.startsWith('*.')) {
      const base = host!.slice(2);
      if (u.hostname !== base && !u.hostname.endsWith(`.${base}`)) return false;
    } else if (u.hostname !== host) return false;
  }
  const re = new RegExp(`^/${path!.split('*').map(escapeRegExp).join('.*')}$`);
  return re.test(u.pathname);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function isEnabled(raw: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => patternMatches(p, raw));
}
