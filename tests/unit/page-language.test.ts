// @vitest-environment happy-dom
/** Extension pages take their title and <html lang> from the reader's UI language. */
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/i18n/t', () => ({
  t: (key: string) => (key === 'options_title' ? 'Options de NormLens' : key),
  uiLanguage: () => 'fr',
}));
const { localizePage } = await import('../../src/ui/page-language');

describe('localizePage', () => {
  it('sets the title through t() and the language to the UI language', () => {
    document.documentElement.lang = 'en';
    document.title = 'NormLens options';
    localizePage(document, 'options_title');
    expect(document.title).toBe('Options de NormLens');
    expect(document.documentElement.lang).toBe('fr');
  });
});
