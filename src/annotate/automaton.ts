/**
 * An Aho–Corasick automaton over folded UTF-16 code units: scanning costs one pass over the text whatever
 * the number of patterns. The trie lives in typed arrays (a dense table for the root, sorted edge lists
 * elsewhere), so it is compact and cache-friendly.
 *
 * Content scripts build it on every page load with cold code (perf-notes: every page starts a fresh
 * context), so the build does as little as it can: patterns are inserted in sorted order, which creates each
 * state's children in code order and lays the trie out as sorted edge lists directly (no Map, no per-state
 * object), and failure links are computed lazily, only for the states a page's text actually reaches
 * (a few thousand at most, of tens of thousands), then memoised.
 */

export interface AutomatonData {
  /** For each state, the index of its first edge in edgeCodes/edgeTargets; length states + 1. */
  edgeStart: Int32Array;
  edgeCodes: Uint16Array;
  edgeTargets: Int32Array;
  /** Parent state and the code unit on the edge from it (what a failure link is computed from). */
  parent: Int32Array;
  code: Uint16Array;
  /** Pattern ending exactly at this state, or -1. */
  output: Int32Array;
  depth: Int32Array;
}

const UNKNOWN = -2;

export class Automaton {
  // The scanning tables, made on the first scan: where the WebAssembly scanner runs (it reads only the trie
  // in `data`), this automaton never scans and they are never made.
  private root = new Int32Array(0);
  /** Failure link of each state, UNKNOWN until first needed. */
  private fail = new Int32Array(0);
  /** Nearest state along the failure chain that has an output (-1: none), UNKNOWN until first needed. */
  private outputLink = new Int32Array(0);

  constructor(readonly data: AutomatonData) {}

  private prepare(): void {
    if (this.root.length > 0) return;
    // The root sees most transitions; a dense table makes them a single array read.
    this.root = new Int32Array(0x10000);
    const { edgeStart, edgeCodes, edgeTargets } = this.data;
    for (let e = edgeStart[0]!; e < edgeStart[1]!; e++) this.root[edgeCodes[e]!] = edgeTargets[e]!;
    const count = this.data.output.length;
    this.fail = new Int32Array(count).fill(UNKNOWN);
    this.outputLink = new Int32Array(count).fill(UNKNOWN);
    this.fail[0] = 0;
    this.outputLink[0] = -1;
  }

  /**
   * Build from folded pattern strings; pattern i is reported as i. Duplicates must be merged by the caller.
   * `sorted`: the patterns are already in code-unit order (the sort, the costliest step cold, is skipped).
   */
  static build(patterns: readonly string[], sorted = false): Automaton {
    const order: number[] = [];
    for (let i = 0; i < patterns.length; i++) if (patterns[i]!.length > 0) order.push(i);
    if (!sorted) {
      order.sort((a, b) => (patterns[a]! < patterns[b]! ? -1 : patterns[a]! > patterns[b]! ? 1 : 0));
    }
    let capacity = 1;
    for (const i of order) capacity += patterns[i]!.length;

    // Sorted insertion: only the previous pattern's path can be shared, so a stack of its states replaces
    // child lookups.
    const parent = new Int32Array(capacity);
    const code = new Uint16Array(capacity);
    const depth = new Int32Array(capacity);
    const output = new Int32Array(capacity).fill(-1);
    const childCount = new Int32Array(capacity);
    const path = new Int32Array(capacity); // path[d]: state at depth d of the previous pattern
    let count = 1;
    let previous = '';
    for (const index of order) {
      const pattern = patterns[index]!;
      let shared = 0;
      const limit = Math.min(previous.length, pattern.length);
      while (shared < limit && previous.charCodeAt(shared) === pattern.charCodeAt(shared)) shared++;
      for (let d = shared; d < pattern.length; d++) {
        const state = count++;
        const from = path[d]!;
        parent[state] = from;
        code[state] = pattern.charCodeAt(d);
        depth[state] = d + 1;
        childCount[from]!++;
        path[d + 1] = state;
      }
      output[path[pattern.length]!] = index;
      previous = pattern;
    }

    // Edge lists: children were created in code order, in increasing state order within each parent.
    const edgeStart = new Int32Array(count + 1);
    for (let s = 0; s < count; s++) edgeStart[s + 1] = edgeStart[s]! + childCount[s]!;
    const edgeCodes = new Uint16Array(edgeStart[count]!);
    const edgeTargets = new Int32Array(edgeStart[count]!);
    const fill = edgeStart.slice(0, count);
    for (let s = 1; s < count; s++) {
      const e = fill[parent[s]!]!++;
      edgeCodes[e] = code[s]!;
      edgeTargets[e] = s;
    }
    return new Automaton({
      edgeStart,
      edgeCodes,
      edgeTargets,
      parent: parent.slice(0, count),
      code: code.slice(0, count),
      output: output.slice(0, count),
      depth: depth.slice(0, count),
    });
  }

  /** The child of state on code, or -1. */
  private next(state: number, code: number): number {
    if (state === 0) return this.root[code]! || -1;
    const { edgeStart, edgeCodes, edgeTargets } = this.data;
    let lo = edgeStart[state]!;
    let hi = edgeStart[state + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = edgeCodes[mid]!;
      if (c === code) return edgeTargets[mid]!;
      if (c < code) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** The longest proper suffix of state's string that is also a trie state (memoised). */
  private failOf(state: number): number {
    const known = this.fail[state]!;
    if (known !== UNKNOWN) return known;
    const { parent, code } = this.data;
    const from = parent[state]!;
    let result = 0;
    if (from !== 0) {
      const c = code[state]!;
      // Depth is bounded by the longest pattern, so this recursion is shallow.
      for (let f = this.failOf(from); ; f = this.failOf(f)) {
        const target = this.next(f, c);
        if (target >= 0) {
          result = target;
          break;
        }
        if (f === 0) break;
      }
    }
    this.fail[state] = result;
    return result;
  }

  /** The nearest state with an output along the failure chain of state, or -1 (memoised). */
  private outputLinkOf(state: number): number {
    const known = this.outputLink[state]!;
    if (known !== UNKNOWN) return known;
    const f = this.failOf(state);
    const result = f === 0 ? -1 : this.data.output[f]! >= 0 ? f : this.outputLinkOf(f);
    this.outputLink[state] = result;
    return result;
  }

  /**
   * Report every pattern occurrence in codes[0..length): onMatch(pattern, start, end), end exclusive,
   * in order of end position.
   */
  scan(
    codes: Uint16Array,
    length: number,
    onMatch: (pattern: number, start: number, end: number) => void,
  ): void {
    const { output, depth } = this.data;
    this.prepare();
    const { root, fail, outputLink } = this;
    let state = 0;
    // Memoised links are read inline; the methods run only the first time a state needs them.
    for (let i = 0; i < length; i++) {
      const code = codes[i]!;
      let next = -1;
      while (state !== 0) {
        next = this.next(state, code);
        if (next >= 0) break;
        const f = fail[state]!;
        state = f === UNKNOWN ? this.failOf(state) : f;
      }
      state = state === 0 ? root[code]! : next;
      if (state === 0) continue;
      let s = output[state]! >= 0 ? state : outputLink[state]!;
      if (s === UNKNOWN) s = this.outputLinkOf(state);
      while (s > 0) {
        onMatch(output[s]!, i + 1 - depth[s]!, i + 1);
        const link = outputLink[s]!;
        s = link === UNKNOWN ? this.outputLinkOf(s) : link;
      }
    }
  }

  /** Bytes held by the automaton's tables, the dense root table and memo tables included once made. */
  byteSize(): number {
    let bytes = this.root.byteLength + this.fail.byteLength + this.outputLink.byteLength;
    for (const table of Object.values(this.data) as ArrayBufferView[]) bytes += table.byteLength;
    return bytes;
  }

  get stateCount(): number {
    return this.data.output.length;
  }
}
