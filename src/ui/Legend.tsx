/**
 * The key to the marks on the extension's pages (popup, options, welcome): each kind's name drawn with the
 * very declarations its mark has on a page (./marks.ts), in the palette of the page's colour scheme and the
 * reader's mark style, with the line style in words for those who cannot see it.
 */
import { useEffect, useState } from 'preact/hooks';
import { kindLabel } from '../card/format';
import { t, type MessageKey } from '../i18n/t';
import { getReaderSettings, readerSettingsItem } from '../shared/storage';
import { ENTITY_KINDS, type EntityKind } from '../shared/vocabulary';
import { highlightDrawsLines, markDeclarations, type MarkLook } from './marks';
import { useStored } from './use-stored';

const LINE_KEYS: Record<EntityKind, MessageKey> = {
  initiative: 'legend_line_initiative',
  country: 'legend_line_country',
  person: 'legend_line_person',
  organization: 'legend_line_organization',
  'threat-actor': 'legend_line_threat_actor',
  incident: 'legend_line_incident',
};

/** Whether the page's colour scheme is dark, kept current. */
function useDarkScheme(): boolean {
  const query = '(prefers-color-scheme: dark)';
  const [dark, setDark] = useState(() => matchMedia(query).matches);
  useEffect(() => {
    const list = matchMedia(query);
    const onChange = (): void => setDark(list.matches);
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, []);
  return dark;
}

/** The look of the marks for this page's colour scheme and the reader's mark style. */
function useMarkLook(): MarkLook {
  const dark = useDarkScheme();
  const settings = useStored(getReaderSettings, (changed) => readerSettingsItem.watch(changed));
  return { dark, lines: highlightDrawsLines(navigator.userAgent), tint: settings?.underline === 'tint' };
}

/** One kind's name drawn with its mark, and its line style in words (`words: false`: for screen readers only). */
export function KindMark({
  kind,
  label,
  words = true,
}: {
  kind: EntityKind;
  label: string;
  words?: boolean;
}) {
  const look = useMarkLook();
  return (
    <>
      <span class="nl-legend-mark" style={markDeclarations(kind, look)}>
        {label}
      </span>
      {words ? (
        <span class="nl-legend-line">{t(LINE_KEYS[kind])}</span>
      ) : (
        <span class="nl-visually-hidden">{`: ${t(LINE_KEYS[kind])}`}</span>
      )}
    </>
  );
}

/** `compact`: the kinds' names only (the line style in words is each one's tooltip), for the popup. */
export function Legend({ compact = false }: { compact?: boolean }) {
  return (
    <ul class={compact ? 'nl-legend nl-legend-compact' : 'nl-legend'} aria-label={t('legend_label')}>
      {ENTITY_KINDS.map((kind) => (
        <li key={kind} data-kind={kind} title={compact ? t(LINE_KEYS[kind]) : undefined}>
          <KindMark kind={kind} label={kindLabel(kind)} words={!compact} />
        </li>
      ))}
    </ul>
  );
}
