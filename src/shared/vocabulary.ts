/**
 * The dataset's vocabulary: kinds, types, alias rules, date and relation types. Plain constants, no schema
 * library, so every context (content scripts too) can use them; src/shared/model.ts builds the schemas on them.
 */
export const ENTITY_KINDS = [
  'initiative',
  'country',
  'person',
  'organization',
  'threat-actor',
  'incident',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const ALIAS_RULES = [
  'after-full-name',
  'capitalised',
  'capitalised-not-sentence-start',
  'never-alone',
  /** Counts only once one of the alias's `context` entities has been mentioned earlier on the page. */
  'in-context',
] as const;
export type AliasRule = (typeof ALIAS_RULES)[number];

export const ENTITY_TYPES = {
  initiative: [
    'declaration',
    'treaty',
    'protocol',
    'un-process',
    'report',
    'norms',
    'multistakeholder',
    'national-strategy',
    'coalition',
    'forum',
    'manual',
    'framework',
    'legislation',
    /** A law of the EU that applies directly (the Cyber Resilience Act). */
    'regulation',
    /** A law of the EU that states write into their own law (NIS2). */
    'directive',
    /** A bill before a legislature, not (yet) law. */
    'bill',
    /** A process in several parts over the years (the GGEs as one series). */
    'process',
    /** A summit, conference or recurring meeting. */
    'meeting',
    'programme',
    'sanctions-regime',
    /** A resolution of the UN General Assembly or another body (A/RES/75/240). */
    'resolution',
    /** A list kept by a government (the US Entity List). */
    'list',
    /** A head of government's order with the force of law (US executive orders, presidential directives). */
    'executive-order',
    /** A court's judgment (the Schrems rulings of the EU Court of Justice). */
    'ruling',
  ],
  organization: [
    'agency',
    'company',
    'think-tank',
    'ngo',
    'international-body',
    'industry-body',
    'academic',
    'ministry',
    'government-body',
    'legislature',
    'committee',
    'intelligence-service',
    'military',
    'law-enforcement',
    'court',
    'political-party',
  ],
  country: ['state', 'observer-state', 'bloc'],
  person: ['person'],
  'threat-actor': [
    /** Tied by governments or researchers to a state or one of its agencies. */
    'state-linked',
    'criminal',
    'ransomware',
    'hacktivist',
    /** A front or persona used to publish or claim (Guccifer 2.0, DCLeaks). */
    'persona',
    /** Tracked by researchers, not tied to a state or a criminal trade in the sources read. */
    'unattributed',
  ],
  incident: [
    'intrusion',
    'attack',
    'ransomware',
    'leak',
    'campaign',
    'supply-chain',
    'espionage',
    'influence-operation',
    /** A takedown, arrest or seizure by law enforcement (Operation Cronos). */
    'law-enforcement',
  ],
} as const satisfies Record<EntityKind, readonly string[]>;

export const DATE_TYPES = [
  'launched',
  'adopted',
  'signed',
  'opened-for-signature',
  'entered-into-force',
  'founded',
  'started',
  'ended',
  'published',
  'born',
  'un-admission',
  /** Threat actors: first and last activity the source reports. */
  'first-seen',
  'last-seen',
  /** Incidents: when the incident was made public. */
  'disclosed',
  'died',
  /** Laws: when their rules start to apply (later than entry into force, as for many EU regulations). */
  'applies-from',
] as const;

export const MEMBERSHIP_TYPES = ['supports', 'signed', 'ratified', 'party', 'member', 'withdrew'] as const;
/** Attribution and response: who did it, to whom, who said so, what was done about it. */
const ATTRIBUTION_TYPES = ['attributed-to', 'responded-to', 'targeted'] as const;
export const RELATION_TYPES = [
  ...MEMBERSHIP_TYPES,
  'runs',
  'hosts',
  'holds-role',
  ...ATTRIBUTION_TYPES,
  /** A part of a larger whole: one GGE of the series, one operation of a campaign, a unit of an agency. */
  'part-of',
  /** A threat actor and the agency, unit or company it is tied to; a person and a threat actor. */
  'affiliated-with',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** What a `responded-to` relation records the responder doing. */
export const RESPONSE_ACTIONS = [
  'sanctions',
  'indictment',
  'arrest',
  'expulsion',
  'takedown',
  'advisory',
  'statement',
  'reward',
] as const;

/**
 * Relations that describe a state of affairs that can end without a dated act the dataset would record (a
 * role, a membership of a group, an affiliation): while current, each needs a recent dated confirmation.
 * Treaty acts (signed, ratified, party) and endorsements (supports) are dated acts that end only by another
 * recorded act (withdrew).
 */
export const CURRENT_STATE_TYPES = ['holds-role', 'member', 'affiliated-with'] as const;
