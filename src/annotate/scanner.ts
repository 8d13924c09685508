/**
 * Text scanners: fold a root's whole text and report every alias occurrence that sits on word boundaries,
 * as flat records the annotator turns into mentions. Two implementations with one contract:
 *
 * - the WebAssembly scanner (wasm/scanner.as.ts), used wherever WebAssembly runs: the per-character work
 *   of a page (folding, walking the alias trie, boundary checks) runs as compiled code from the first character,
 *   where the same loops in JavaScript start cold on every page load and cost many times the text walk;
 * - the JavaScript scanner (FoldBuffer + Automaton), the fallback where WebAssembly is unavailable and the
 *   reference the WebAssembly one is property-tested against.
 *
 * A record is six numbers: [pattern, start, end, before, after, flags] in UTF-16 offsets of the text (end
 * exclusive); `before` / `after` are the offsets of the folded characters just outside the match (-1 at the
 * text's edges). Records come sorted by start, longest first. A word boundary that falls between two text
 * nodes with a letter on each side is left to the caller (the nodes may be in different blocks): the record
 * then carries FLAG_SOFT_START or FLAG_SOFT_END.
 */
import { FoldBuffer, foldUnitPacked, isWordCode } from '../text/fold';
import type { Automaton } from './automaton';
import { SCANNER_WASM_BASE64 } from './wasm/scanner.wasm';

export const RECORD = 6;
export const FLAG_SOFT_START = 1;
export const FLAG_SOFT_END = 2;

export interface TextScanner {
  readonly engine: 'wasm' | 'js';
  /**
   * Scan `text`, whose text nodes start at the UTF-16 offsets `starts` (ascending, the first 0). Returns the
   * records; the array is only valid until the next call.
   */
  scan(text: string, starts: readonly number[]): Int32Array;
  /** Bytes held for the dictionary (tables), not counting the working memory of the last scan. */
  byteSize(): number;
}

/** The reference scanner, in JavaScript. */
export class JsScanner implements TextScanner {
  readonly engine = 'js';
  private readonly folded = new FoldBuffer(4096);
  private records = new Int32Array(RECORD * 64);

  constructor(
    private readonly automaton: Automaton,
    private readonly unspaced: Uint8Array,
  ) {}

  scan(text: string, starts: readonly number[]): Int32Array {
    const folded = this.folded;
    folded.reset();
    folded.append(text, 0);
    const { codes, origin, length } = folded;
    // Which text node each folded unit came from, by walking the node starts alongside.
    const node = new Int32Array(length);
    for (let k = 0, n = 0; k < length; k++) {
      while (n + 1 < starts.length && starts[n + 1]! <= origin[k]!) n++;
      node[k] = n;
    }
    let count = 0;
    const found: number[] = [];
    this.automaton.scan(codes, length, (pattern, start, end) => {
      const flagsOf = this.unspaced[pattern]!;
      let flags = 0;
      if (!(flagsOf & 1) && start > 0 && isWordCode(codes[start - 1]!)) {
        if (node[start - 1] === node[start]) return;
        flags |= FLAG_SOFT_START;
      }
      if (!(flagsOf & 2) && end < length && isWordCode(codes[end]!)) {
        if (node[end - 1] === node[end]) return;
        flags |= FLAG_SOFT_END;
      }
      found.push(
        pattern,
        origin[start]!,
        origin[end - 1]! + 1,
        start > 0 ? origin[start - 1]! : -1,
        end < length ? origin[end]! : -1,
        flags,
      );
      count++;
    });
    const order = Array.from({ length: count }, (_, i) => i);
    order.sort(
      (a, b) =>
        found[a * RECORD + 1]! - found[b * RECORD + 1]! || found[b * RECORD + 2]! - found[a * RECORD + 2]!,
    );
    if (this.records.length < count * RECORD) this.records = new Int32Array(count * RECORD * 2);
    for (let i = 0; i < count; i++) {
      for (let f = 0; f < RECORD; f++) this.records[i * RECORD + f] = found[order[i]! * RECORD + f]!;
    }
    return this.records.subarray(0, count * RECORD);
  }

  byteSize(): number {
    return this.unspaced.byteLength;
  }
}

interface ScannerExports {
  memory: WebAssembly.Memory;
  setup(...args: number[]): void;
  setChars(triples: number, count: number): void;
  begin(bounds: number, nodes: number, records: number, cap: number): void;
  feed(text: number, bytes: number, final: number): number;
  finish(): number;
}

const PAGE = 65536;
/** Where the tables start: the module's own static data sits below. */
const HEAP_START = PAGE;
/** UTF-8 bytes fed per call, and the folded window (room for the bytes plus the longest alias kept over). */
const INPUT_BYTES = 8192;
const WINDOW_UNITS = INPUT_BYTES + 4096;

let compiled: WebAssembly.Module | null | undefined;

/** The scanner module, compiled once per content-script context; null where WebAssembly is unavailable. */
function scannerModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  try {
    const binary = atob(SCANNER_WASM_BASE64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    compiled = new WebAssembly.Module(bytes);
  } catch {
    compiled = null;
  }
  return compiled;
}

const align = (n: number, to: number): number => Math.ceil(n / to) * to;

/** The WebAssembly scanner. */
export class WasmScanner implements TextScanner {
  readonly engine = 'wasm';
  private readonly exports: ScannerExports;
  private readonly encoder = new TextEncoder();
  private readonly tableBytes: number;
  private readonly input: number;
  /** First byte after the fixed areas: node bounds, then records, grow from here. */
  private readonly dynamicStart: number;
  /** Room for records: enough for long pages from the start (a scan that overflows it runs again). */
  private recordCap = 16384;

  private constructor(
    module: WebAssembly.Module,
    automaton: Automaton,
    unspaced: Uint8Array,
    charTable: readonly number[] | undefined,
  ) {
    const instance = new WebAssembly.Instance(module, {
      env: {
        foldUnit: foldUnitPacked,
        isWord: (c: number) => (isWordCode(c) ? 1 : 0),
      },
    });
    this.exports = instance.exports as unknown as ScannerExports;
    const { edgeStart, edgeCodes, edgeTargets, output, depth } = automaton.data;
    const states = output.length;
    let at = HEAP_START;
    const reserve = (bytes: number): number => {
      const start = at;
      at = align(at + bytes, 8);
      return start;
    };
    const fold = reserve(0x10000 * 4);
    const word = reserve(0x10000);
    const root = reserve(0x10000 * 4);
    const starts = reserve(edgeStart.byteLength);
    const codes = reserve(edgeCodes.byteLength);
    const targets = reserve(edgeTargets.byteLength);
    const out = reserve(output.byteLength);
    const dep = reserve(depth.byteLength);
    const flags = reserve(unspaced.byteLength);
    this.tableBytes = at - HEAP_START;
    const windowCodes = reserve(WINDOW_UNITS * 2);
    const windowOrigin = reserve(WINDOW_UNITS * 4);
    const windowMarks = reserve(WINDOW_UNITS);
    this.input = reserve(INPUT_BYTES + 8);
    this.dynamicStart = at;
    // The character table passes through the start of the dynamic area; growing memory later costs a copy,
    // so room for a long page's node bounds and records is made now.
    const chars = charTable ?? [];
    this.ensure(at + Math.max(chars.length * 4, 32768 * 4 + this.recordCap * RECORD * 4));
    const buffer = this.exports.memory.buffer;
    new Int32Array(buffer, starts, edgeStart.length).set(edgeStart);
    new Uint16Array(buffer, codes, edgeCodes.length).set(edgeCodes);
    new Int32Array(buffer, targets, edgeTargets.length).set(edgeTargets);
    new Int32Array(buffer, out, output.length).set(output);
    new Int32Array(buffer, dep, depth.length).set(depth);
    new Uint8Array(buffer, flags, unspaced.length).set(unspaced);
    this.exports.setup(
      fold,
      word,
      root,
      starts,
      codes,
      targets,
      out,
      dep,
      flags,
      states,
      windowCodes,
      windowOrigin,
      windowMarks,
      WINDOW_UNITS,
    );
    if (chars.length > 0) {
      new Int32Array(this.exports.memory.buffer, this.dynamicStart, chars.length).set(chars);
      this.exports.setChars(this.dynamicStart, chars.length / 3);
    }
    // Compile now, not on the page's first scan: the engine compiles a module's functions on their first call,
    // and a short text goes through every one of them (as a compiler flag for eager compilation would).
    this.scan('Aa ss-\n a', [0, 2]);
  }

  /**
   * A scanner over the automaton, or undefined where WebAssembly cannot run (a page policy, an old engine).
   * `charTable`: buildCharTable()'s output, when the caller has it.
   */
  static create(
    automaton: Automaton,
    unspaced: Uint8Array,
    charTable?: readonly number[],
  ): WasmScanner | undefined {
    const module = typeof WebAssembly === 'object' ? scannerModule() : null;
    if (!module) return undefined;
    try {
      return new WasmScanner(module, automaton, unspaced, charTable);
    } catch {
      return undefined;
    }
  }

  private ensure(bytes: number): void {
    const { memory } = this.exports;
    if (memory.buffer.byteLength < bytes) memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE));
  }

  scan(text: string, starts: readonly number[]): Int32Array {
    const n = text.length;
    const nodes = starts.length;
    const { exports } = this;
    const bounds = this.dynamicStart;
    const records = align(bounds + (nodes + 1) * 4, 8);
    for (;;) {
      this.ensure(records + this.recordCap * RECORD * 4);
      const boundsView = new Int32Array(exports.memory.buffer, bounds, nodes + 1);
      boundsView.set(starts);
      boundsView[nodes] = n;
      exports.begin(bounds, nodes, records, this.recordCap);
      const input = new Uint8Array(exports.memory.buffer, this.input, INPUT_BYTES);
      // The text goes in a window at a time: the memory touched stays small (and warm) on any page.
      for (let offset = 0; offset < n;) {
        const { read, written } = this.encoder.encodeInto(text.slice(offset, offset + INPUT_BYTES), input);
        const consumed = exports.feed(this.input, written, offset + read >= n ? 1 : 0);
        if (consumed <= 0) break; // cannot happen: the scanner always takes something
        offset += consumed;
      }
      const count = exports.finish();
      if (count <= this.recordCap) return new Int32Array(exports.memory.buffer, records, count * RECORD);
      this.recordCap = count * 2;
    }
  }

  byteSize(): number {
    return this.tableBytes;
  }
}
