/** Supporter counts on a card: each category in the reader's words, rows without a category left out. */
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/i18n/t', () => ({
  t: (key: string, subs?: string | string[]) => `${key}(${String(subs)})`,
  uiLanguage: () => 'en',
}));
const { countsText } = await import('../../src/card/format');

describe('countsText', () => {
  it('maps each category to its message and skips "undefined" and empty ones', () => {
    expect(
      countsText({ state: 81, 'public-authority': 37, international: 0, undefined: 5, 'civil-society': 2 }),
    ).toBe('card_count_state(81) · card_count_public_authority(37) · card_count_civil_society(2)');
  });

  it('shows a category that has no message yet as its key in words', () => {
    expect(countsText({ 'research-centre': 3 })).toBe('3 research centre');
  });
});
