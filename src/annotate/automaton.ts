/**
 * An Aho–Corasick automaton over folded UTF-16 code units: scanning costs one pass over the text whatever
 * the number of patterns. The trie is built with maps, then flattened into typed arrays (a dense table for
 * the root, sorted edge lists elsewhere) so it is compact, cache-friendly and can be serialised.
 */

export interface AutomatonData {
  /** For each state, the index of its first edge in edgeCodes/edgeTargets; length states + 1. */
  edgeStart: Int32Array;
  edgeCodes: Uint16Array;
  edgeTargets: Int32Array;
  fail: Int32Array;
  /** Pattern ending exactly at this state, or -1. */
  output: Int32Array;
  /** Nearest state along the failure chain that has an output, or -1. */
  outputLink: Int32Array;
  depth: Int32Array;
}

export class Automaton {
  private readonly root: Int32Array;

  constructor(readonly data: AutomatonData) {
    // The root sees most transitions; a dense table makes them a single array read.
    this.root = new Int32Array(0x10000);
    const { edgeStart, edgeCodes, edgeTargets } = data;
    for (let e = edgeStart[0]!; e < edgeStart[1]!; e++) this.root[edgeCodes[e]!] = edgeTargets[e]!;
  }

  /** Build from folded pattern strings; pattern i is reported as i. Duplicates must be merged by the caller. */
  static build(patterns: readonly string[]): Automaton {
    const children: Map<number, number>[] = [new Map()];
    const output: number[] = [-1];
    const depth: number[] = [0];
    patterns.forEach((pattern, index) => {
      let state = 0;
      for (let i = 0; i < pattern.length; i++) {
        const code = pattern.charCodeAt(i);
        let next = children[state]!.get(code);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          output.push(-1);
          depth.push(depth[state]! + 1);
          children[state]!.set(code, next);
        }
        state = next;
      }
      if (pattern.length > 0) output[state] = index;
    });

    const count = children.length;
    const fail = new Int32Array(count);
    const outputLink = new Int32Array(count).fill(-1);
    const queue: number[] = [];
    for (const child of children[0]!.values()) queue.push(child);
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const [code, child] of children[state]!) {
        let f = fail[state]!;
        while (f !== 0 && !children[f]!.has(code)) f = fail[f]!;
        const target = children[f]!.get(code);
        fail[child] = target !== undefined && target !== child ? target : 0;
        const fc = fail[child]!;
        outputLink[child] = output[fc]! >= 0 ? fc : outputLink[fc]!;
        queue.push(child);
      }
    }

    let edges = 0;
    for (const map of children) edges += map.size;
    const edgeStart = new Int32Array(count + 1);
    const edgeCodes = new Uint16Array(edges);
    const edgeTargets = new Int32Array(edges);
    let e = 0;
    for (let s = 0; s < count; s++) {
      edgeStart[s] = e;
      const sorted = [...children[s]!.entries()].sort((a, b) => a[0] - b[0]);
      for (const [code, target] of sorted) {
        edgeCodes[e] = code;
        edgeTargets[e] = target;
        e++;
      }
    }
    edgeStart[count] = e;
    return new Automaton({
      edgeStart,
      edgeCodes,
      edgeTargets,
      fail,
      output: Int32Array.from(output),
      outputLink,
      depth: Int32Array.from(depth),
    });
  }

  private next(state: number, code: number): number {
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

  /**
   * Report every pattern occurrence in codes[0..length): onMatch(pattern, start, end), end exclusive,
   * in order of end position.
   */
  scan(
    codes: Uint16Array,
    length: number,
    onMatch: (pattern: number, start: number, end: number) => void,
  ): void {
    const { fail, output, outputLink, depth } = this.data;
    const root = this.root;
    let state = 0;
    for (let i = 0; i < length; i++) {
      const code = codes[i]!;
      let next = -1;
      while (state !== 0) {
        next = this.next(state, code);
        if (next >= 0) break;
        state = fail[state]!;
      }
      state = state === 0 ? root[code]! : next;
      for (let s = output[state]! >= 0 ? state : outputLink[state]!; s > 0; s = outputLink[s]!) {
        onMatch(output[s]!, i + 1 - depth[s]!, i + 1);
      }
    }
  }

  get stateCount(): number {
    return this.data.fail.length;
  }
}
