/**
 * The character table the WebAssembly scanner starts from, built where the alias index is built (the
 * background) and shipped with it.
 */
import { foldUnitPacked, isWordCode } from '../text/fold';

/**
 * The characters pages use beyond ASCII, folded and classified ahead of time: computed once where the index
 * is built, so a page's scan never calls back into cold JavaScript (its Unicode regular expressions and the
 * normaliser cost milliseconds to start on every page) for them. Scripts written without spaces (CJK, Hangul,
 * Thai) and characters beyond the BMP need no table: the scanner knows them.
 */
export const CHAR_TABLE_RANGES: readonly (readonly [number, number])[] = [
  [0x80, 0x36f], // Latin-1, Latin Extended, IPA, spacing modifiers, combining marks
  [0x370, 0x6ff], // Greek, Cyrillic, Armenian, Hebrew, Arabic
  [0x900, 0x97f], // Devanagari
  [0x10a0, 0x10ff], // Georgian
  [0x1e00, 0x1fff], // Latin Extended Additional, Greek Extended
  [0x2000, 0x22ff], // punctuation, super/subscripts, currency, letterlike, number forms, arrows, maths
  [0x2500, 0x27bf], // box drawing, shapes, symbols, dingbats
  [0x2b00, 0x2bff], // arrows and symbols (emoji bases)
  [0x2e00, 0x2e7f], // supplemental punctuation
  [0x3000, 0x303f], // CJK punctuation
  [0x3100, 0x312f], // Bopomofo
  [0xfe00, 0xfe0f], // variation selectors (emoji)
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0xfeff, 0xffff], // byte order mark, full-width forms, specials (U+FFFD)
];

/**
 * The table as a flat list of triples: [-(from + 1), to, isWord] for a run of characters that fold to
 * themselves and are all words or all not, and [code unit, packed fold (see foldUnitPacked), isWord] for
 * each other character.
 */
export function buildCharTable(): number[] {
  const table: number[] = [];
  for (const [from, to] of CHAR_TABLE_RANGES) {
    let runStart = -1;
    let runWord = 0;
    const closeRun = (end: number): void => {
      if (runStart >= 0) table.push(-(runStart + 1), end, runWord);
      runStart = -1;
    };
    for (let c = from; c <= to; c++) {
      const packed = foldUnitPacked(c);
      const word = isWordCode(c) ? 1 : 0;
      if (packed === c) {
        if (runStart >= 0 && word !== runWord) closeRun(c - 1);
        if (runStart < 0) {
          runStart = c;
          runWord = word;
        }
      } else {
        closeRun(c - 1);
        table.push(c, packed, word);
      }
    }
    closeRun(to);
  }
  return table;
}
