/**
 * A stand-in for the CSS Custom Highlight API and StaticRange, which DOM emulations (happy-dom) lack: a
 * Highlight is a set of ranges, CSS.highlights a map by name, and a StaticRange its four boundary fields,
 * which is all the annotator uses. Real Chromium covers the rest in tests/e2e.
 */
export function installHighlightApi(): void {
  const g = globalThis as unknown as {
    Highlight?: unknown;
    StaticRange?: unknown;
    CSS?: { highlights?: unknown };
  };
  g.StaticRange ??= class StaticRange {
    readonly startContainer: Node;
    readonly startOffset: number;
    readonly endContainer: Node;
    readonly endOffset: number;
    constructor(init: StaticRangeInit) {
      this.startContainer = init.startContainer;
      this.startOffset = init.startOffset;
      this.endContainer = init.endContainer;
      this.endOffset = init.endOffset;
    }
    get collapsed(): boolean {
      return this.startContainer === this.endContainer && this.startOffset === this.endOffset;
    }
  };
  g.Highlight ??= class Highlight extends Set<AbstractRange> {
    priority = 0;
    type = 'highlight';
  };
  // happy-dom's CSS is a getter that returns a new object each time: replace it with one stable object.
  if (!g.CSS?.highlights) {
    Object.defineProperty(globalThis, 'CSS', {
      value: { highlights: new Map<string, unknown>() },
      configurable: true,
      writable: true,
    });
  }
}
