/** A minimal compiled entity for matcher tests: only what matching reads is meaningful. */
import type { Entity } from '../../../src/shared/model';

export function entity(
  id: string,
  kind: Entity['kind'],
  name: string,
  aliases: Entity['aliases'] = [],
): Entity {
  return {
    id,
    kind,
    type: 'x',
    name,
    aliases,
    summary: '',
    source: 'https://x.org',
    asOf: '2026-01-01',
    dates: [],
  };
}
