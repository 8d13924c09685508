/** What a card shows, as the background sends it to a content script or a page. */
import type { Entity, Relation } from './model';
import type { EntityKind } from './vocabulary';

/** A relation as a card shows it: the other end's name and kind resolved. */
export interface CardRelation extends Relation {
  otherId: string;
  otherName: string;
  otherKind: EntityKind;
  /** True when the card's entity is the relation's subject. */
  outgoing: boolean;
}

export interface CardData {
  entity: Entity;
  relations: CardRelation[];
  dataset: { version: string; generatedAt: string };
}
