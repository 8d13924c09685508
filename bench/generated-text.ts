/**
 * Deterministic test material for the dictionary-size benchmark: person-like names ("Firstname Lastname")
 * in any quantity, and paragraphs of plausible English prose with names sprinkled through it. Seeded, so
 * every run and every machine scans the same text.
 */

/** A small fast seeded PRNG (mulberry32): returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST_NAMES = (
  'Anna Ben Carla David Elena Farid Greta Hugo Ines Jonas Karim Lena Marco Nadia Omar Paula Quentin Rosa ' +
  'Samir Tara Umar Vera Walter Xenia Yusuf Zoe Adrian Bianca Cyril Dalia Emil Fatima Gustav Hana Igor ' +
  'Julia Kenji Lucia Mateo Nora Oskar Petra Rafael Sofia Tomas Ursula Viktor Wanda Yara Zeno Amira Bruno ' +
  'Chiara Dmitri Esther Felix Gloria Henrik Irene Jakob Katja Leon Mira Nils Olga Pavel Ruth Stefan Teresa'
).split(' ');

const SURNAME_SYLLABLES = (
  'ber bran cal dor fen gar hal kes lan mor nor pel quin ros sal tam ver wal zan ard bel cor dan el ' +
  'for gran hol ken lin mar nes ost pra rin ste tor ul vin wen yor lo ma ni ra sa ta vo ke mi du'
).split(' ');

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** `count` distinct person-like names, the same for the same seed. */
export function syntheticNames(count: number, seed = 1): string[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const names = new Set<string>();
  while (names.size < count) {
    const syllables = 2 + Math.floor(random() * 2);
    let surname = '';
    for (let i = 0; i < syllables; i++) surname += pick(SURNAME_SYLLABLES);
    names.add(`${pick(FIRST_NAMES)} ${capitalise(surname)}`);
  }
  return [...names];
}

const WORDS = (
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have ' +
  'an they you were her she there been one all we their has would when if so no more out up said what ' +
  'its about than into them only two other new some could these may first any like now my over such our ' +
  'man me even most made after also did many before must through back years where much your way well ' +
  'down should because each just those people how too little state good very make world still own see ' +
  'government minister agreement talks security network report officials week country council treaty ' +
  'cyber attack policy norms states group experts meeting statement rules international law support ' +
  'critical infrastructure election data privacy companies platform threat response delegation summit ' +
  'proposal draft vote resolution committee members national public sector digital services standards'
).split(' ');

export interface TextOptions {
  /** Total characters to produce (paragraphs are joined by one newline when counted). */
  chars: number;
  /** Names or aliases to weave in. */
  mentions: readonly string[];
  /** A mention every this many words, on average. */
  wordsPerMention: number;
  seed?: number;
}

/** Paragraphs of sentence-like prose, about 600–1,200 characters each, totalling `chars` characters. */
export function generateParagraphs(options: TextOptions): string[] {
  const random = seededRandom(options.seed ?? 7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const paragraphs: string[] = [];
  let total = 0;
  while (total < options.chars) {
    const target = Math.min(600 + Math.floor(random() * 600), options.chars - total);
    let paragraph = '';
    while (paragraph.length < target) {
      const words: string[] = [];
      const length = 8 + Math.floor(random() * 14);
      for (let i = 0; i < length; i++) {
        const mention = options.mentions.length > 0 && random() * options.wordsPerMention < 1;
        words.push(mention ? pick(options.mentions) : pick(WORDS));
      }
      words[0] = capitalise(words[0]!);
      const sentence = `${words.join(' ')}${random() < 0.15 ? ',' : '.'}`;
      paragraph += paragraph.length === 0 ? sentence : ` ${sentence}`;
    }
    paragraph = paragraph.slice(0, target);
    paragraphs.push(paragraph);
    total += paragraph.length + 1;
  }
  return paragraphs;
}
