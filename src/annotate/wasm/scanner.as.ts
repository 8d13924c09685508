/**
 * The page-text scanner, compiled to WebAssembly by AssemblyScript (see scripts/build-wasm.ts): folds a
 * whole root's text (UTF-8, from TextEncoder.encodeInto, fed a window at a time) and walks the alias trie
 * from every position a match can start at, as native code, so the per-character work never runs as cold
 * JavaScript. It mirrors, rule for rule, FoldBuffer.append (src/text/fold.ts) and the word-boundary checks of
 * the JavaScript scanner (src/annotate/scanner.ts); a property test holds the two to the same output.
 *
 * Plain ASCII text is folded and passed over sixteen bytes at a time with fixed-width SIMD instructions
 * (WebAssembly SIMD: Chromium 91+, Firefox 89+, Safari 16.4+). Where an engine lacks them the module does
 * not compile, and the JavaScript scanner runs instead.
 *
 * Memory is laid out by the JavaScript side (src/annotate/scanner.ts); every pointer comes from it.
 * Characters outside ASCII come folded and classified in a table (setChars); any other is asked of the
 * JavaScript functions (imports below) once per code unit per page, and remembered here.
 */

@external('env', 'foldUnit')
declare function foldUnitJs(c: i32): u32;
@external('env', 'isWord')
declare function isWordJs(c: i32): i32;

const SPACE: i32 = 0x20;
const HYPHEN: i32 = 0x2d;
const SKIP: u32 = 0xffffffff;
const SPACES: u64 = 0x2020202020202020; // eight ASCII spaces, as one little-endian load

let foldTab: usize = 0; // u32[65536]: 0 unknown, SKIP, a single unit, or two units (first | second << 16)
let wordTab: usize = 0; // u8[65536]: 0 unknown, 1 no, 2 yes
let rootTab: usize = 0; // i32[65536]: child of the root on a code unit, 0 for none
let edgeStart: usize = 0; // i32[states + 1]
let edgeCodes: usize = 0; // u16[edges]
let edgeTargets: usize = 0; // i32[edges]
let output: usize = 0; // i32[states]: pattern ending here or -1
let unspaced: usize = 0; // u8[patterns]: bit 0 starts, bit 1 ends with a character of an unspaced script
let maxDepth: i32 = 0;

// The working window: folded units, their UTF-16 origins and marks (NEW_NODE, WORD), `unitCap` units long.
// Text is fed a window at a time, so the memory a page touches stays small whatever its length.
let codesBuf: usize = 0;
let originBuf: usize = 0;
let marksBuf: usize = 0;
let unitCap: i32 = 0;

@inline function i32At(base: usize, i: i32): i32 {
  return load<i32>(base + (<usize>i << 2));
}

@inline function setI32(base: usize, i: i32, v: i32): void {
  store<i32>(base + (<usize>i << 2), v);
}

@inline function child(state: i32, code: i32): i32 {
  if (state == 0) {
    const t = i32At(rootTab, code);
    return t == 0 ? -1 : t;
  }
  let lo = i32At(edgeStart, state);
  let hi = i32At(edgeStart, state + 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = <i32>load<u16>(edgeCodes + (<usize>mid << 1));
    if (c == code) return i32At(edgeTargets, mid);
    if (c < code) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Take the tables (written by the caller) and the working window; fill the root's dense table. */
export function setup(
  fold: usize,
  word: usize,
  root: usize,
  starts: usize,
  codes: usize,
  targets: usize,
  out: usize,
  dep: usize,
  unspacedFlags: usize,
  states: i32,
  workCodes: usize,
  workOrigin: usize,
  workMarks: usize,
  workUnits: i32,
): void {
  codesBuf = workCodes;
  originBuf = workOrigin;
  marksBuf = workMarks;
  unitCap = workUnits;
  maxDepth = 0;
  for (let s = 0; s < states; s++) maxDepth = max(maxDepth, i32At(dep, s));
  foldTab = fold;
  wordTab = word;
  rootTab = root;
  edgeStart = starts;
  edgeCodes = codes;
  edgeTargets = targets;
  output = out;
  unspaced = unspacedFlags;
  memory.fill(rootTab, 0, 0x10000 << 2);
  for (let e = i32At(edgeStart, 0); e < i32At(edgeStart, 1); e++) {
    setI32(rootTab, <i32>load<u16>(edgeCodes + (<usize>e << 1)), i32At(edgeTargets, e));
  }
}

/**
 * Fill the fold and word tables from triples computed ahead of time (src/annotate/char-table.ts):
 * [-(from + 1), to, isWord] for a run of characters folding to themselves, [code unit, packed fold, isWord]
 * for each other character.
 */
export function setChars(triples: usize, count: i32): void {
  for (let i = 0; i < count; i++) {
    const a = i32At(triples, i * 3);
    const b = i32At(triples, i * 3 + 1);
    const word: u8 = i32At(triples, i * 3 + 2) ? 2 : 1;
    if (a < 0) {
      for (let c = -a - 1; c <= b; c++) {
        store<u32>(foldTab + (<usize>c << 2), <u32>c);
        store<u8>(wordTab + <usize>c, word);
      }
    } else {
      store<u32>(foldTab + (<usize>a << 2), <u32>b);
      store<u8>(wordTab + <usize>a, word);
    }
  }
}

@inline function foldOf(c: i32): u32 {
  const at = foldTab + (<usize>c << 2);
  let v = load<u32>(at);
  if (v == 0) {
    v = isUnspaced(c) ? <u32>c : foldUnitJs(c);
    store<u32>(at, v);
  }
  return v;
}

@inline function isWord(c: i32): bool {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
  const at = wordTab + <usize>c;
  let v = load<u8>(at);
  if (v == 0) {
    v = <u8>(isUnspaced(c) || isWordJs(c) ? 2 : 1);
    store<u8>(at, v);
  }
  return v == 2;
}

function isSpaceCode(c: i32): bool {
  return (
    c == 0x20 ||
    c == 0x09 ||
    c == 0x0a ||
    c == 0x0d ||
    c == 0x0c ||
    c == 0xa0 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c == 0x202f ||
    c == 0x205f ||
    c == 0x3000
  );
}

// The decoder's cursor: the code point at byte `pos`, its length in bytes.
let cp: i32 = 0;
let cpBytes: i32 = 0;

@inline function decode(text: usize, pos: i32): void {
  const b0 = <i32>load<u8>(text + <usize>pos);
  if (b0 < 0x80) {
    cp = b0;
    cpBytes = 1;
  } else if (b0 < 0xe0) {
    cp = ((b0 & 0x1f) << 6) | (<i32>load<u8>(text + <usize>pos + 1) & 0x3f);
    cpBytes = 2;
  } else if (b0 < 0xf0) {
    cp =
      ((b0 & 0x0f) << 12) |
      ((<i32>load<u8>(text + <usize>pos + 1) & 0x3f) << 6) |
      (<i32>load<u8>(text + <usize>pos + 2) & 0x3f);
    cpBytes = 3;
  } else {
    cp =
      ((b0 & 0x07) << 18) |
      ((<i32>load<u8>(text + <usize>pos + 1) & 0x3f) << 12) |
      ((<i32>load<u8>(text + <usize>pos + 2) & 0x3f) << 6) |
      (<i32>load<u8>(text + <usize>pos + 3) & 0x3f);
    cpBytes = 4;
  }
}

/** The folded value of a raw code point as FoldBuffer's lookahead sees it (first unit only). */
function foldLookahead(c: i32): i32 {
  if (c < 0x80) {
    if (c >= 0x41 && c <= 0x5a) return c + 32;
    if (c == 0x09 || c == 0x0a || c == 0x0d || c == 0x0c) return SPACE;
    return c;
  }
  if (c >= 0x10000) return 0xd800; // a high surrogate: a word unit
  const v = foldOf(c);
  if (v == SKIP) return -1;
  return <i32>(v & 0xffff);
}

// The scan in progress (begin / feed / finish).
let bounds: usize = 0; // i32[nodes + 1]: UTF-16 start of each text node, then the total length
let nodes: i32 = 0;
let out: usize = 0; // the records
let cap: i32 = 0;
let count: i32 = 0;
let raw: i32 = 0; // UTF-16 offset of the next character to fold
let node: i32 = 0; // text node holding `raw`
let nextBound: i32 = 0;
let last: i32 = SPACE; // last folded unit (SPACE at the start: leading spaces are dropped)
let lastNode: i32 = -1; // text node of the last folded unit
let length: i32 = 0; // folded units in the window
let nextStart: i32 = 0; // next window position to try as a match start
let needMore: bool = false; // the fold stopped early: the hyphen rule needs bytes not fed yet

/** Start scanning a text of `nodeCount` text nodes (starts at `nodeBounds`); records go to `records`. */
export function begin(nodeBounds: usize, nodeCount: i32, records: usize, recordCap: i32): void {
  bounds = nodeBounds;
  nodes = nodeCount;
  out = records;
  cap = recordCap;
  count = 0;
  raw = 0;
  node = 0;
  nextBound = nodes > 0 ? i32At(bounds, 1) : 0x7fffffff;
  last = SPACE;
  lastNode = -1;
  length = 0;
  nextStart = 0;
}

@inline function advanceNode(to: i32): void {
  while (to >= nextBound && node < nodes - 1) {
    node++;
    nextBound = i32At(bounds, node + 1);
  }
}

/** A window unit's marks: the first unit of another text node than the unit before; a word unit. */
const NEW_NODE: u8 = 1;
const WORD: u8 = 2;

@inline function emit(f: i32, from: i32): void {
  store<u16>(codesBuf + (<usize>length << 1), <u16>f);
  setI32(originBuf, length, from);
  store<u8>(marksBuf + <usize>length, (node != lastNode ? NEW_NODE : 0) | (isWord(f) ? WORD : 0));
  lastNode = node;
  length++;
}

/**
 * Fold the UTF-8 bytes at `text` onto the window, mirroring FoldBuffer.append: case and accents folded,
 * whitespace runs collapsed, characters that vanish dropped, a hyphen at a line break inside a word removed.
 * Stops when the window is full, or (unless `final`) where the hyphen rule would need bytes not fed yet.
 * Returns how many bytes were consumed.
 */
function foldBytes(text: usize, bytes: i32, final: bool): i32 {
  let pos = 0;
  const room = unitCap - 2;
  while (pos < bytes && length < room) {
    pos = foldAscii(text, pos, bytes, room);
    if (pos >= bytes || length >= room) break;
    // Everything else, one character at a time.
    decode(text, pos);
    const c = cp;
    const width = cpBytes;
    advanceNode(raw);
    if (c >= 0x10000) {
      // Two surrogate units; FoldBuffer passes them through as word units. A node may end between them.
      const v = c - 0x10000;
      emit(0xd800 + (v >> 10), raw);
      advanceNode(raw + 1);
      emit(0xdc00 + (v & 0x3ff), raw + 1);
      last = 0xdc00 + (v & 0x3ff);
      raw += 2;
      pos += width;
      continue;
    }
    let f = c;
    if (f < 0x80) {
      if (f >= 0x41 && f <= 0x5a) f += 32;
      else if (f == 0x09 || f == 0x0a || f == 0x0d || f == 0x0c) f = SPACE;
    } else {
      const v = foldOf(f);
      if (v == SKIP) {
        raw++;
        pos += width;
        continue;
      }
      if (v > 0xffff) {
        // An expansion (ß -> ss): two units from one character.
        emit(<i32>(v & 0xffff), raw);
        emit(<i32>(v >> 16), raw);
        last = <i32>(v >> 16);
        raw++;
        pos += width;
        continue;
      }
      f = <i32>v;
    }
    if (f == SPACE) {
      if (last == SPACE) {
        raw++;
        pos += width;
        continue;
      }
      if (last == HYPHEN && length >= 2 && isWord(<i32>load<u16>(codesBuf + (<usize>(length - 2) << 1)))) {
        // A hyphen followed by a line break between letters joins the word back together.
        let q = pos;
        let j = raw;
        let newline = false;
        while (q < bytes) {
          decode(text, q);
          if (!isSpaceCode(cp)) break;
          if (cp == 0x0a || cp == 0x0d) newline = true;
          q += cpBytes;
          j++;
        }
        // The rule needs the character after the spaces: wait for more bytes if it is not here yet.
        if (q >= bytes && !final && pos > 0) {
          needMore = true;
          return pos;
        }
        if (newline && q < bytes) {
          decode(text, q);
          if (isWord(foldLookahead(cp))) {
            length--;
            last = <i32>load<u16>(codesBuf + (<usize>(length - 1) << 1));
            // The unit now last may come from an earlier node than the hyphen did.
            const before = i32At(originBuf, length - 1);
            lastNode = node;
            while (lastNode > 0 && i32At(bounds, lastNode) > before) lastNode--;
            pos = q;
            raw = j;
            continue;
          }
        }
      }
    }
    emit(f, raw);
    last = f;
    raw++;
    pos += width;
  }
  return pos;
}

/**
 * The common case, with the scan's state in locals (a baseline compiler keeps globals in memory): plain
 * ASCII inside one text node, apart from a space that may join a line-break hyphen, folded sixteen bytes at a
 * time (SIMD) where no byte of them needs a rule. Returns where it stopped.
 */
function foldAscii(text: usize, start: i32, bytes: i32, room: i32): i32 {
  let pos = start;
  let len = length;
  let r = raw;
  let prev = last;
  let fromNode = lastNode;
  const current = node;
  const bound = nextBound;
  const codes = codesBuf;
  const origin = originBuf;
  const marks = marksBuf;
  // Where the next sixteen-byte block may be tried (after a block that needed the loop below, that loop first
  // takes the block's bytes one at a time).
  let blockFrom = pos;
  while (pos < bytes && len < room && r < bound) {
    if (pos >= blockFrom && pos + 16 <= bytes && len + 16 <= room && r + 16 <= bound) {
      // Sixteen plain ASCII bytes at once, when none of them needs the rules below: no byte outside ASCII, no
      // whitespace that collapses into the one before it, no whitespace after a hyphen.
      const v = v128.load(text + <usize>pos);
      if (i8x16.bitmask(v) == 0) {
        const ws = v128.or(
          i8x16.eq(v, i8x16.splat(0x20)),
          v128.and(
            v128.and(i8x16.ge_u(v, i8x16.splat(0x09)), i8x16.le_u(v, i8x16.splat(0x0d))),
            i8x16.ne(v, i8x16.splat(0x0b)),
          ),
        );
        const wsBits = i8x16.bitmask(ws);
        const hyphenBits = i8x16.bitmask(i8x16.eq(v, i8x16.splat(<i8>HYPHEN)));
        const before = (wsBits << 1) | (hyphenBits << 1) | (prev == SPACE || prev == HYPHEN ? 1 : 0);
        if ((wsBits & before) == 0) {
          const upper = v128.and(i8x16.ge_u(v, i8x16.splat(0x41)), i8x16.le_u(v, i8x16.splat(0x5a)));
          let f = i8x16.add(v, v128.and(upper, i8x16.splat(0x20)));
          f = v128.bitselect(i8x16.splat(<i8>SPACE), f, ws);
          const word = v128.or(
            v128.and(i8x16.ge_u(f, i8x16.splat(0x61)), i8x16.le_u(f, i8x16.splat(0x7a))),
            v128.and(i8x16.ge_u(f, i8x16.splat(0x30)), i8x16.le_u(f, i8x16.splat(0x39))),
          );
          let m = v128.and(word, i8x16.splat(WORD));
          if (current != fromNode) m = i8x16.replace_lane(m, 0, i8x16.extract_lane_u(m, 0) | NEW_NODE);
          const c = codes + (<usize>len << 1);
          v128.store(c, i16x8.extend_low_i8x16_u(f));
          v128.store(c, i16x8.extend_high_i8x16_u(f), 16);
          const o = origin + (<usize>len << 2);
          const base = i32x4.add(i32x4.splat(r), i32x4(0, 1, 2, 3));
          v128.store(o, base);
          v128.store(o, i32x4.add(base, i32x4.splat(4)), 16);
          v128.store(o, i32x4.add(base, i32x4.splat(8)), 32);
          v128.store(o, i32x4.add(base, i32x4.splat(12)), 48);
          v128.store(marks + <usize>len, m);
          fromNode = current;
          prev = <i32>i8x16.extract_lane_u(f, 15);
          len += 16;
          r += 16;
          pos += 16;
          continue;
        }
      }
      blockFrom = pos + 16;
    }
    let f = <i32>load<u8>(text + <usize>pos);
    if (f >= 0x80) break;
    if (f >= 0x41 && f <= 0x5a) f += 32;
    else if (f == 0x09 || f == 0x0a || f == 0x0d || f == 0x0c) f = SPACE;
    if (f == SPACE) {
      if (prev == SPACE) {
        r++;
        pos++;
        // Markup indentation: a page's text is often mostly runs of spaces, skipped eight bytes at a time.
        while (pos + 8 <= bytes && r + 8 <= bound && load<u64>(text + <usize>pos) == SPACES) {
          r += 8;
          pos += 8;
        }
        continue;
      }
      if (prev == HYPHEN) break;
    }
    store<u16>(codes + (<usize>len << 1), <u16>f);
    store<i32>(origin + (<usize>len << 2), r);
    const word = (f >= 0x61 && f <= 0x7a) || (f >= 0x30 && f <= 0x39);
    store<u8>(marks + <usize>len, (current != fromNode ? NEW_NODE : 0) | (word ? WORD : 0));
    fromNode = current;
    len++;
    prev = f;
    r++;
    pos++;
  }
  length = len;
  raw = r;
  last = prev;
  lastNode = fromNode;
  return pos;
}

/** Candidate records: six i32 each. */
const RECORD = 6;
export const FLAG_SOFT_START: i32 = 1;
export const FLAG_SOFT_END: i32 = 2;

/**
 * Try every window position from nextStart up to `limit` as a match start. Only a few positions can start a
 * match that survives the boundary checks: after a character that is not part of a word, at the start of a
 * text node, and on characters of scripts written without spaces. From each, walk the trie as far as the
 * text follows it: no failure links, and the text inside words (most of it) is passed over sixteen
 * positions at a time with WebAssembly's SIMD instructions. A boundary between two text nodes with a letter
 * on each side is left to the caller (soft flags).
 */
function matchStarts(limit: i32): void {
  // Locals, not globals, in the loop: a baseline compiler keeps globals in memory.
  const codes = codesBuf;
  const marksAt = marksBuf;
  const high = i16x8.splat(0x0e00);
  let wasWord = nextStart > 0 && (load<u8>(marksAt + <usize>(nextStart - 1)) & WORD) != 0;
  // Where the next sixteen-position block may be tried (after one that needed the loop, the loop takes it).
  let blockFrom = nextStart;
  let k = nextStart;
  while (k < limit) {
    if (k >= blockFrom && k + 16 <= limit) {
      // Sixteen positions at once where none holds a unit at or above U+0E00, where the scripts written
      // without spaces begin (so all of a Latin, Cyrillic or Greek text): the starts are then the positions
      // after a unit that is not part of a word, and the first unit of a text node.
      const c = codes + (<usize>k << 1);
      if (!v128.any_true(v128.or(i16x8.ge_u(v128.load(c), high), i16x8.ge_u(v128.load(c, 16), high)))) {
        const m = v128.load(marksAt + <usize>k);
        const words = i8x16.bitmask(i8x16.shl(m, 6)); // WORD (bit 1) moved to each lane's top bit
        const fresh = i8x16.bitmask(i8x16.shl(m, 7)); // NEW_NODE (bit 0)
        const afterWord = ((words << 1) | (wasWord ? 1 : 0)) & 0xffff;
        let starts = (~afterWord & 0xffff) | fresh;
        while (starts != 0) {
          const b = ctz(starts);
          tryStart(k + b, load<u8>(marksAt + <usize>(k + b)), ((afterWord >> b) & 1) != 0);
          starts &= starts - 1;
        }
        wasWord = (words & 0x8000) != 0;
        k += 16;
        continue;
      }
      blockFrom = k + 16;
    }
    const marks = load<u8>(marksAt + <usize>k);
    const prevWord = wasWord;
    wasWord = (marks & WORD) != 0;
    // Inside a word only a script written without spaces can start a match.
    if (
      !prevWord ||
      (marks & NEW_NODE) != 0 ||
      (wasWord && isUnspaced(<i32>load<u16>(codes + (<usize>k << 1))))
    ) {
      tryStart(k, marks, prevWord);
    }
    k++;
  }
  nextStart = max(nextStart, limit);
}

/** Walk the trie from window position k, recording every alias that ends on a boundary. */
function tryStart(k: i32, marks: u8, wasWord: bool): void {
  {
    const first = <i32>load<u16>(codesBuf + (<usize>k << 1));
    let state = i32At(rootTab, first);
    let j = k;
    while (state > 0) {
      const pattern = i32At(output, state);
      if (pattern >= 0) {
        const end = j + 1;
        const flagsOf = <i32>load<u8>(unspaced + <usize>pattern);
        let flags = 0;
        let ok = true;
        if (wasWord && (flagsOf & 1) == 0) {
          if ((marks & NEW_NODE) == 0) ok = false;
          else flags |= FLAG_SOFT_START;
        }
        if (ok && (flagsOf & 2) == 0 && end < length) {
          const after = load<u8>(marksBuf + <usize>end);
          if ((after & WORD) != 0) {
            if ((after & NEW_NODE) == 0) ok = false;
            else flags |= FLAG_SOFT_END;
          }
        }
        if (ok) {
          if (count < cap) {
            const rec = out + (<usize>(count * RECORD) << 2);
            store<i32>(rec, pattern);
            store<i32>(rec, i32At(originBuf, k), 4);
            store<i32>(rec, i32At(originBuf, end - 1) + 1, 8);
            store<i32>(rec, k > 0 ? i32At(originBuf, k - 1) : -1, 12);
            store<i32>(rec, end < length ? i32At(originBuf, end) : -1, 16);
            store<i32>(rec, flags, 20);
          }
          count++;
        }
      }
      j++;
      if (j >= length) break;
      state = child(state, <i32>load<u16>(codesBuf + (<usize>j << 1)));
    }
  }
}

/**
 * Feed the next `bytes` bytes of UTF-8 text (`final` for the last piece). Returns how many UTF-16 units of
 * the text were consumed; the caller feeds the rest again.
 */
export function feed(text: usize, bytes: i32, final: bool): i32 {
  const rawBefore = raw;
  let pos = 0;
  for (;;) {
    needMore = false;
    const used = foldBytes(text + <usize>pos, bytes - pos, final);
    pos += used;
    const done = pos >= bytes;
    // A start is tried once the window holds all a match from it can read (the longest alias, the
    // character after it, and the unit a line-break hyphen may still remove).
    matchStarts(done && final ? length : length - maxDepth - 3);
    // Keep the unit before the next start and everything after it.
    const keepFrom = nextStart > 0 ? nextStart - 1 : 0;
    if (keepFrom > 0) {
      const keep = length - keepFrom;
      memory.copy(codesBuf, codesBuf + (<usize>keepFrom << 1), <usize>keep << 1);
      memory.copy(originBuf, originBuf + (<usize>keepFrom << 2), <usize>keep << 2);
      memory.copy(marksBuf, marksBuf + <usize>keepFrom, <usize>keep);
      length = keep;
      nextStart -= keepFrom;
    }
    if (done || needMore) break;
  }
  return raw - rawBefore;
}

/** End the scan: sort the records; returns their number (more than the room given: scan again with more). */
export function finish(): i32 {
  if (count <= cap) sortRecords(out, count);
  return count;
}

/** Han, kana, Hangul syllables, Thai: the scripts fold.ts calls unspaced. */
@inline function isUnspaced(c: i32): bool {
  return (
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xac00 && c <= 0xd7af) ||
    (c >= 0x0e00 && c <= 0x0e7f) ||
    (c >= 0xf900 && c <= 0xfaff)
  );
}

/** Insertion sort by start, then longest first: records arrive by end, so they are nearly in order. */
function sortRecords(out: usize, count: i32): void {
  for (let i = 1; i < count; i++) {
    const rec = out + (<usize>(i * RECORD) << 2);
    const start = load<i32>(rec, 4);
    const end = load<i32>(rec, 8);
    let j = i - 1;
    while (j >= 0) {
      const other = out + (<usize>(j * RECORD) << 2);
      const os = load<i32>(other, 4);
      const oe = load<i32>(other, 8);
      if (os < start || (os == start && oe >= end)) break;
      j--;
    }
    if (j == i - 1) continue;
    // Move record i to slot j + 1.
    const p0 = load<i32>(rec);
    const p3 = load<i32>(rec, 12);
    const p4 = load<i32>(rec, 16);
    const p5 = load<i32>(rec, 20);
    const dest = out + (<usize>((j + 1) * RECORD) << 2);
    memory.copy(dest + (RECORD << 2), dest, rec - dest);
    store<i32>(dest, p0);
    store<i32>(dest, start, 4);
    store<i32>(dest, end, 8);
    store<i32>(dest, p3, 12);
    store<i32>(dest, p4, 16);
    store<i32>(dest, p5, 20);
  }
}
