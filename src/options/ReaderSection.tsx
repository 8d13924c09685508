/**
 * What NormLens marks and how: kinds (each drawn with its mark: the key to the marks), demonyms, first
 * mention only, mark style, hover delay, article or whole page. Every change is written to the settings
 * storage item; the background pushes it to open tabs, which follow without a reload.
 */
import { useEffect, useState } from 'preact/hooks';
import { ENTITY_KINDS } from '../shared/vocabulary';
import { kindPluralLabel } from '../card/format';
import { t, type MessageKey } from '../i18n/t';
import {
  HOVER_DELAY_RANGE,
  SCAN_SCOPES,
  UNDERLINE_STYLES,
  applySettingsChange,
  type ReaderSettings,
  type ReaderSettingsChange,
  type ScanScope,
  type UnderlineStyle,
} from '../shared/settings';
import { getReaderSettings, readerSettingsItem } from '../shared/storage';
import { KindMark } from '../ui/Legend';

const UNDERLINE_KEYS: Record<UnderlineStyle, MessageKey> = {
  lines: 'options_underline_lines',
  tint: 'options_underline_tint',
};

const SCOPE_KEYS: Record<ScanScope, MessageKey> = {
  article: 'options_scope_article',
  page: 'options_scope_page',
};

/** A hover delay typed by the reader, or undefined when it is not a whole number in range. */
export function parseHoverDelay(text: string): number | undefined {
  if (!/^\s*\d+\s*$/.test(text)) return undefined;
  const ms = Number(text);
  return ms >= HOVER_DELAY_RANGE.min && ms <= HOVER_DELAY_RANGE.max ? ms : undefined;
}

export function ReaderSection() {
  const [settings, setSettings] = useState<ReaderSettings>();
  const [delayText, setDelayText] = useState('');
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState('');

  useEffect(() => {
    void getReaderSettings().then((s) => {
      setSettings(s);
      setDelayText(String(s.hoverDelayMs));
    });
  }, []);

  async function change(patch: ReaderSettingsChange): Promise<void> {
    setError(undefined);
    const next = await getReaderSettings()
      .then(async (current) => {
        const value = applySettingsChange(current, patch);
        await readerSettingsItem.setValue(value);
        return value;
      })
      .catch(() => undefined);
    if (!next) {
      setError(t('options_save_failed'));
      return;
    }
    setSettings(next);
    setSaved(t('options_saved'));
  }

  if (!settings) return null;
  return (
    <section aria-labelledby="reader-h">
      <h2 id="reader-h">{t('options_reader_heading')}</h2>
      <fieldset class="nl-kinds" aria-describedby="kinds-note">
        <legend>{t('options_kinds_legend')}</legend>
        <p class="nl-empty" id="kinds-note">
          {t('options_kinds_note')}
        </p>
        {ENTITY_KINDS.map((kind) => (
          <label key={kind} class="nl-option nl-kind-option" data-kind={kind}>
            <input
              type="checkbox"
              name={`kind-${kind}`}
              checked={settings.kinds[kind]}
              onChange={(e) =>
                void change({ kinds: { ...settings.kinds, [kind]: (e.target as HTMLInputElement).checked } })
              }
            />{' '}
            <KindMark kind={kind} label={kindPluralLabel(kind)} />
          </label>
        ))}
      </fieldset>
      <label class="nl-option">
        <input
          type="checkbox"
          name="demonyms"
          checked={settings.demonyms}
          onChange={(e) => void change({ demonyms: (e.target as HTMLInputElement).checked })}
        />{' '}
        {t('options_demonyms')}
      </label>
      <label class="nl-option">
        <input
          type="checkbox"
          name="firstMentionOnly"
          checked={settings.firstMentionOnly}
          onChange={(e) => void change({ firstMentionOnly: (e.target as HTMLInputElement).checked })}
        />{' '}
        {t('options_first_mention')}
      </label>
      <fieldset>
        <legend>{t('options_scope_legend')}</legend>
        {SCAN_SCOPES.map((scope) => (
          <label key={scope} class="nl-option">
            <input
              type="radio"
              name="scope"
              value={scope}
              checked={settings.scope === scope}
              onChange={() => void change({ scope })}
            />{' '}
            {t(SCOPE_KEYS[scope])}
          </label>
        ))}
      </fieldset>
      <label class="nl-option">
        {t('options_underline_label')}{' '}
        <select
          name="underline"
          value={settings.underline}
          onChange={(e) =>
            void change({ underline: (e.target as HTMLSelectElement).value as UnderlineStyle })
          }
        >
          {UNDERLINE_STYLES.map((style) => (
            <option key={style} value={style}>
              {t(UNDERLINE_KEYS[style])}
            </option>
          ))}
        </select>
      </label>
      <label class="nl-option">
        {t('options_hover_delay', [String(HOVER_DELAY_RANGE.min), String(HOVER_DELAY_RANGE.max)])}{' '}
        <input
          type="number"
          name="hoverDelayMs"
          min={HOVER_DELAY_RANGE.min}
          max={HOVER_DELAY_RANGE.max}
          step={50}
          value={delayText}
          aria-invalid={error !== undefined}
          onInput={(e) => setDelayText((e.target as HTMLInputElement).value)}
          onChange={(e) => {
            const ms = parseHoverDelay((e.target as HTMLInputElement).value);
            if (ms === undefined) setError(t('options_hover_delay_invalid'));
            else void change({ hoverDelayMs: ms });
          }}
        />
      </label>
      {error && (
        <p class="nl-error" role="alert">
          {error}
        </p>
      )}
      <p class="nl-status" role="status">
        {saved}
      </p>
    </section>
  );
}
