/**
 * A stand-in for the CSS Custom Highlight API, which DOM emulations (happy-dom) lack: a Highlight is a set of
 * ranges and CSS.highlights a map by name, which is all the annotator uses. Real Chromium covers the rest
 * in tests/e2e.
 */
export function installHighlightApi(): void {
  const g = globalThis as unknown as { Highlight?: unknown; CSS?: { highlights?: unknown } };
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
