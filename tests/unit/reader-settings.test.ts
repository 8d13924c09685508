// The reader's settings: the storage item read field by field over the defaults, changes merged in.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  DEFAULT_READER_SETTINGS,
  applySettingsChange,
  readerSettingsChange,
  settingsFromStored,
} from '../../src/shared/settings';
import { getReaderSettings, readerSettingsItem } from '../../src/shared/storage';
import { annotatorOptionsOf } from '../../src/annotate/annotator';

beforeEach(() => fakeBrowser.reset());

describe('reader settings', () => {
  it('fills settings added later with their defaults', () => {
    const s = settingsFromStored({ demonyms: true, kinds: { person: false } });
    expect(s.demonyms).toBe(true);
    expect(s.scope).toBe(DEFAULT_READER_SETTINGS.scope);
    expect([...annotatorOptionsOf(s).kinds]).toEqual([
      'initiative',
      'country',
      'organization',
      'threat-actor',
      'incident',
    ]);
  });

  it('merges a change into what is stored, kinds included', async () => {
    expect(await getReaderSettings()).toEqual(DEFAULT_READER_SETTINGS);
    await readerSettingsItem.setValue(
      applySettingsChange(await getReaderSettings(), { kinds: { country: false } }),
    );
    const after = applySettingsChange(await getReaderSettings(), { firstMentionOnly: false });
    await readerSettingsItem.setValue(after);
    expect(after.kinds).toEqual({ ...DEFAULT_READER_SETTINGS.kinds, country: false });
    expect(Object.values(after.kinds).filter((on) => !on)).toHaveLength(1);
    expect(after.firstMentionOnly).toBe(false);
    expect(await getReaderSettings()).toEqual(after);
  });

  it('reads a damaged stored value field by field: bad fields get their default, good ones are kept', async () => {
    await readerSettingsItem.setValue({
      demonyms: 'yes',
      firstMentionOnly: false,
      scope: 'everywhere',
      underline: 'tint',
      hoverDelayMs: -5,
      kinds: { person: false, country: 'no' },
    } as never);
    expect(await getReaderSettings()).toEqual({
      ...DEFAULT_READER_SETTINGS,
      firstMentionOnly: false,
      underline: 'tint',
      kinds: { ...DEFAULT_READER_SETTINGS.kinds, person: false },
    });
    await readerSettingsItem.setValue('garbage' as never);
    expect(await getReaderSettings()).toEqual(DEFAULT_READER_SETTINGS);
  });

  it('is quiet by default: first mentions only, no demonyms, the article only, a line style per kind', () => {
    expect(DEFAULT_READER_SETTINGS).toMatchObject({
      demonyms: false,
      firstMentionOnly: true,
      scope: 'article',
      underline: 'lines',
    });
    // A style of an earlier version (one line style for every kind) falls back to the default.
    expect(settingsFromStored({ underline: 'dotted' }).underline).toBe('lines');
  });

  it('rejects changes the options page cannot make', () => {
    expect(readerSettingsChange.safeParse({ hoverDelayMs: 300, kinds: { person: false } }).success).toBe(
      true,
    );
    expect(readerSettingsChange.safeParse({ hoverDelayMs: -1 }).success).toBe(false);
    expect(readerSettingsChange.safeParse({ scope: 'everywhere' }).success).toBe(false);
    expect(readerSettingsChange.safeParse({ kinds: { planet: true } }).success).toBe(false);
    expect(readerSettingsChange.safeParse({ colour: 'red' }).success).toBe(false);
  });
});
