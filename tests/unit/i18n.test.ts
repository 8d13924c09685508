import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

type Messages = Record<string, { message: string; placeholders?: Record<string, unknown> }>;
const load = (lang: string): Messages =>
  JSON.parse(readFileSync(new URL(`../../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8'));

describe('UI messages', () => {
  const en = load('en');
  const fr = load('fr');

  it('has a French string for every English one and no extras', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('keeps the same $placeholders$ in both languages', () => {
    for (const key of Object.keys(en)) {
      const names = (m: Messages[string] | undefined) => Object.keys(m?.placeholders ?? {}).sort();
      expect(names(fr[key]), key).toEqual(names(en[key]));
    }
  });

  it('has no empty message', () => {
    for (const [lang, messages] of [
      ['en', en],
      ['fr', fr],
    ] as const) {
      for (const [key, m] of Object.entries(messages))
        expect(m.message.trim(), `${lang}:${key}`).not.toBe('');
    }
  });
});
