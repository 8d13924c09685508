/**
 * Text folding shared by the annotator, the alias index and search: case and diacritics are ignored,
 * typographic variants (curly apostrophes, non-breaking spaces, soft hyphens, line-break hyphens) are
 * made plain. Folding keeps a map from every folded code unit back to the raw text, so a match in folded
 * text can be turned into a DOM range on the original text.
 */

const SKIP = -1;
const SPACE = 0x20;
const APOSTROPHE = 0x27;
const HYPHEN = 0x2d;

/** Per-code-unit cache for non-ASCII characters: 0 = not computed yet, else folded value + 2 (so SKIP fits). */
let cache: Int32Array | undefined;
/** Characters that fold to two code units (ß -> ss, æ -> ae, ...). */
const EXPANSIONS: Record<number, string> = {
  0xdf: 'ss',
  0x1e9e: 'ss',
  0xe6: 'ae',
  0xc6: 'ae',
  0x153: 'oe',
  0x152: 'oe',
};
const SPECIAL: Record<number, number> = {
  0xf8: 0x6f, // ø
  0xd8: 0x6f,
  0x142: 0x6c, // ł
  0x141: 0x6c,
  0x111: 0x64, // đ
  0x110: 0x64,
  0x131: 0x69, // dotless ı
  0x130: 0x69, // İ
  0xad: SKIP, // soft hyphen
  0x200b: SKIP, // zero-width space, joiners, word joiner, BOM
  0x200c: SKIP,
  0x200d: SKIP,
  0x2060: SKIP,
  0xfeff: SKIP,
  0x2018: APOSTROPHE,
  0x2019: APOSTROPHE,
  0x02bc: APOSTROPHE,
  0x2032: APOSTROPHE,
  0x2010: HYPHEN,
  0x2011: HYPHEN,
};

function isSpaceCode(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0x0a ||
    c === 0x0d ||
    c === 0x0c ||
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** A base character followed only by combining marks (the accents NFD splits off). */
const COMBINING_TAIL = /^.\p{M}*$/su;

function foldNonAscii(c: number): number {
  cache ??= new Int32Array(0x10000);
  const hit = cache[c]!;
  if (hit !== 0) return hit - 2;
  let out: number;
  const special = SPECIAL[c];
  if (special !== undefined) out = special;
  else if (isSpaceCode(c)) out = SPACE;
  else if (c >= 0x300 && c <= 0x36f)
    out = SKIP; // combining diacritical marks
  else if ((c >= 0xd800 && c <= 0xdfff) || isUnspacedScript(c))
    out = c; // surrogate halves pass through; CJK, Hangul and Thai have no case and no accents to drop
  else {
    // Drop what decomposition adds after the base letter only when it is combining marks: Hangul
    // syllables, for one, decompose into jamo that are letters, and must stay whole.
    const decomposed = String.fromCharCode(c).normalize('NFD');
    const base = COMBINING_TAIL.test(decomposed) ? decomposed.charAt(0) : String.fromCharCode(c);
    const lower = base.toLowerCase();
    // Lowercasing can change length (İ -> i̇); only accept a single-unit result.
    out = lower.length === 1 ? lower.charCodeAt(0) : base.charCodeAt(0);
  }
  cache[c] = out + 2;
  return out;
}

/**
 * A non-ASCII code unit folded for the WebAssembly scanner, in one number: -1 when it vanishes, the folded
 * unit, or for a character that folds to two units (ß -> ss) the first unit plus the second shifted by 16.
 */
export function foldUnitPacked(c: number): number {
  const expansion = EXPANSIONS[c];
  if (expansion !== undefined) return expansion.charCodeAt(0) | (expansion.charCodeAt(1) << 16);
  return foldNonAscii(c);
}

/** Fold one code unit that is not part of an expansion. Returns -1 for characters that vanish. */
function foldCode(c: number): number {
  if (c < 0x80) {
    if (c >= 0x41 && c <= 0x5a) return c + 32;
    if (c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c) return SPACE;
    return c;
  }
  return foldNonAscii(c);
}

/** Growable output of a folding pass: folded code units and, for each, the raw index it came from. */
export class FoldBuffer {
  codes: Uint16Array;
  origin: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.codes = new Uint16Array(capacity);
    this.origin = new Int32Array(capacity);
  }

  reset(): void {
    this.length = 0;
  }

  private grow(min: number): void {
    let size = this.codes.length * 2;
    while (size < min) size *= 2;
    const codes = new Uint16Array(size);
    codes.set(this.codes.subarray(0, this.length));
    const origin = new Int32Array(size);
    origin.set(this.origin.subarray(0, this.length));
    this.codes = codes;
    this.origin = origin;
  }

  /**
   * Append raw text that starts at `rawStart` in the block's raw coordinates. Whitespace runs collapse
   * to one space, and a hyphen at a line break inside a word ("cyber-\nsecurity") disappears.
   *
   * This loop sees every character of every page, with cold code on each page load: ASCII is folded inline
   * and the buffer is written directly, without a function call per character.
   */
  append(text: string, rawStart: number): void {
    const n = text.length;
    // An expansion writes two units for one character: room for the worst case up front.
    if (this.length + n * 2 > this.codes.length) this.grow(this.length + n * 2);
    const codes = this.codes;
    const origin = this.origin;
    let length = this.length;
    let last = length > 0 ? codes[length - 1]! : SPACE;
    for (let i = 0; i < n; i++) {
      let f = text.charCodeAt(i);
      if (f < 0x80) {
        if (f >= 0x41 && f <= 0x5a) f += 32;
        else if (f === 0x09 || f === 0x0a || f === 0x0d || f === 0x0c) f = SPACE;
      } else {
        const expansion = EXPANSIONS[f];
        if (expansion !== undefined) {
          for (let k = 0; k < expansion.length; k++) {
            codes[length] = expansion.charCodeAt(k);
            origin[length++] = rawStart + i;
          }
          last = codes[length - 1]!;
          continue;
        }
        f = foldNonAscii(f);
        if (f === SKIP) continue;
      }
      if (f === SPACE) {
        if (last === SPACE) continue;
        if (last === HYPHEN && length >= 2 && isWordCode(codes[length - 2]!)) {
          // A hyphen followed by a line break between letters joins the word back together.
          const j = skipSpaces(text, i);
          if (hasNewline(text, i, j) && j < n && isWordCode(foldCode(text.charCodeAt(j)))) {
            length--;
            last = codes[length - 1]!;
            i = j - 1;
            continue;
          }
        }
      }
      codes[length] = f;
      origin[length++] = rawStart + i;
      last = f;
    }
    this.length = length;
  }

  toString(): string {
    let s = '';
    for (let i = 0; i < this.length; i += 4096) {
      s += String.fromCharCode(...this.codes.subarray(i, Math.min(this.length, i + 4096)));
    }
    return s;
  }
}

function skipSpaces(text: string, i: number): number {
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return true;
  }
  return false;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;
let wordTable: Uint8Array | undefined;

/** True when the (folded) code unit is part of a word: letters and digits of any script. */
export function isWordCode(c: number): boolean {
  if (c < 0x80) {
    return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
  }
  wordTable ??= new Uint8Array(0x10000);
  const hit = wordTable[c]!;
  if (hit !== 0) return hit === 2;
  // Surrogate halves, and whole blocks of scripts written without spaces (unassigned points included, so the
  // WebAssembly scanner can decide them without asking), count as word characters.
  const word =
    (c >= 0xd800 && c <= 0xdfff) || isUnspacedScript(c) || LETTER_OR_DIGIT.test(String.fromCharCode(c));
  wordTable[c] = word ? 2 : 1;
  return word;
}

/**
 * Scripts written without spaces between words: a match there needs no word boundary.
 * Han, Hiragana, Katakana, Hangul syllables, Thai.
 */
export function isUnspacedScript(c: number): boolean {
  return (
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xac00 && c <= 0xd7af) ||
    (c >= 0x0e00 && c <= 0x0e7f) ||
    (c >= 0xf900 && c <= 0xfaff)
  );
}

const shared = new FoldBuffer(256);

/** Fold a whole string (aliases, search queries). */
export function fold(text: string): string {
  shared.reset();
  shared.append(text, 0);
  let s = shared.toString();
  if (s.startsWith(' ')) s = s.slice(1);
  if (s.endsWith(' ')) s = s.slice(0, -1);
  return s;
}
