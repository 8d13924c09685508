import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { NormLensDB } from '../../src/db/database';
import { getReaderSettings, setReaderSettings } from '../../src/settings/options';
import { DEFAULT_READER_SETTINGS, enabledKinds, withDefaults } from '../../src/settings/reader';
import { backgroundSchemas } from '../../src/messaging/validate';

describe('reader settings', () => {
  it('fills settings added later with their defaults', () => {
    const s = withDefaults({ demonyms: false, kinds: { person: false } as never });
    expect(s.demonyms).toBe(false);
    expect(s.scope).toBe(DEFAULT_READER_SETTINGS.scope);
    expect(enabledKinds(s)).toEqual(['initiative', 'country', 'organization', 'threat-actor', 'incident']);
  });

  it('merges a change into what is stored, kinds included', async () => {
    const db = new NormLensDB(`settings-${Math.random()}`);
    expect(await getReaderSettings(db)).toEqual(DEFAULT_READER_SETTINGS);
    await setReaderSettings(db, { kinds: { country: false } as never });
    const after = await setReaderSettings(db, { firstMentionOnly: true });
    expect(after.kinds).toEqual({
      ...DEFAULT_READER_SETTINGS.kinds,
      country: false,
    });
    expect(Object.values(after.kinds).filter((on) => !on)).toHaveLength(1);
    expect(after.firstMentionOnly).toBe(true);
    expect(await getReaderSettings(db)).toEqual(after);
    db.close();
  });

  it('reads a damaged stored row field by field: bad fields get their default, good ones are kept', async () => {
    const db = new NormLensDB(`settings-${Math.random()}`);
    await db.settings.put({
      key: 'reader',
      value: {
        demonyms: 'yes',
        firstMentionOnly: true,
        scope: 'everywhere',
        underline: 'wavy',
        hoverDelayMs: -5,
        kinds: { person: false, country: 'no' },
      } as never,
    });
    expect(await getReaderSettings(db)).toEqual({
      ...DEFAULT_READER_SETTINGS,
      firstMentionOnly: true,
      underline: 'wavy',
      kinds: { ...DEFAULT_READER_SETTINGS.kinds, person: false },
    });
    await db.settings.put({ key: 'reader', value: 'garbage' as never });
    expect(await getReaderSettings(db)).toEqual(DEFAULT_READER_SETTINGS);
    db.close();
  });

  it('rejects settings the background does not know or cannot take', () => {
    const schema = backgroundSchemas['settings:set'];
    expect(schema.safeParse({ hoverDelayMs: 300, kinds: { person: false } }).success).toBe(true);
    expect(schema.safeParse({ hoverDelayMs: -1 }).success).toBe(false);
    expect(schema.safeParse({ scope: 'everywhere' }).success).toBe(false);
    expect(schema.safeParse({ kinds: { planet: true } }).success).toBe(false);
    expect(schema.safeParse({ colour: 'red' }).success).toBe(false);
  });
});
