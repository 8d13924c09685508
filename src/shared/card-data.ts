/** What a card shows, as the background sends it to a content script or a page. */
import type { Entity, Relation } from './model';
import type { EntityKind } from './vocabulary';

/** Another entity as a card names it: enough to say what it is and whether it existed on a date. */
export interface CardEntityRef {
  id: string;
  name: string;
  /** A name short enough for a list or a grid (the name, or the first common alias of a long name). */
  short: string;
  kind: EntityKind;
  type: string;
  /** When it came into being: its earliest launch, adoption, signature, foundation or start date. */
  start?: string;
  /** When it ended (its `ended` date). */
  end?: string;
}

/** A relation as a card shows it: the other end's name and kind resolved. */
export interface CardRelation extends Relation {
  otherId: string;
  otherName: string;
  /** The other end's short name (see CardEntityRef.short). */
  otherShort: string;
  otherKind: EntityKind;
  otherType: string;
  /** When the other end came into being (see CardEntityRef.start). */
  otherStart?: string;
  otherEnd?: string;
  /** The whole the other end is part of (a unit's agency), by short name. */
  otherPartOf?: string;
  /** For a part of a series (incoming part-of): the part's own parts, such as its report. */
  otherParts?: CardEntityRef[];
  /** True when the card's entity is the relation's subject. */
  outgoing: boolean;
}

export interface CardData {
  entity: Entity;
  relations: CardRelation[];
  /**
   * Short names of the entities the card's facts name without a relation of their own: who made an
   * attribution (`by`), who uses a threat actor's alias (vendors).
   */
  names: Record<string, string>;
  /** Country cards: the main instruments (MAIN_INSTRUMENTS that exist in the dataset), joined or not. */
  instruments?: (CardEntityRef & { lists?: Entity['lists'] })[];
  /** Country cards: the state's own agencies (intelligence, cyber security, law enforcement, military). */
  agencies?: CardEntityRef[];
  dataset: { version: string; generatedAt: string };
}

/**
 * The instruments a country card places the state against (its stance grid), in this order: the Budapest
 * Convention and its protocols, the UN Convention against Cybercrime, then the voluntary ones.
 */
export const MAIN_INSTRUMENTS = [
  'budapest-convention',
  'budapest-first-protocol',
  'budapest-second-protocol',
  'un-cybercrime-convention',
  'paris-call',
  'counter-ransomware-initiative',
  'freedom-online-coalition',
  'declaration-future-internet',
  'pall-mall-code-of-practice',
  'nato-cyber-defence-pledge',
  'christchurch-call',
] as const;

const SHORT_NAME = 32;
const SHORT_ALIAS = 44;

/**
 * A name short enough for a list: the name itself when short, else the first alias the dataset gives in
 * English without a rule (the common name: "Budapest Convention", "GRU"), else the name.
 */
export function shortName(entity: Pick<Entity, 'name' | 'aliases'>): string {
  if (entity.name.length <= SHORT_NAME) return entity.name;
  const alias = entity.aliases.find(
    (a) =>
      (!a.lang || a.lang === 'en') &&
      !a.rule &&
      !a.demonym &&
      a.text.length <= SHORT_ALIAS &&
      !/^the\s/i.test(a.text),
  );
  return alias?.text ?? entity.name;
}

const START_TYPES: ReadonlySet<string> = new Set([
  'launched',
  'adopted',
  'opened-for-signature',
  'signed',
  'founded',
  'started',
  'published',
  'first-seen',
]);

/** An entity's earliest date of coming into being, and its end, as the card compares them. */
export function lifespan(entity: Pick<Entity, 'dates'>): { start?: string; end?: string } {
  let start: string | undefined;
  let end: string | undefined;
  for (const d of entity.dates) {
    if (START_TYPES.has(d.type) && (start === undefined || d.date < start)) start = d.date;
    if (d.type === 'ended' || d.type === 'died') end = d.date;
  }
  return { ...(start ? { start } : {}), ...(end ? { end } : {}) };
}
