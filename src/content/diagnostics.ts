/**
 * NormLens's marks on the page's performance timeline (`normlens:*`): what the benchmark and the end-to-end
 * tests read (index size, annotation tasks, readiness, idle, hover decisions). A page can read its timeline
 * too, so the marks are written only in test builds.
 */
const enabled = __NORMLENS_TEST_HOSTS__.length > 0;

export function mark(name: string, detail?: unknown): void {
  if (enabled) performance.mark(`normlens:${name}`, detail === undefined ? undefined : { detail });
}

export function measure(name: string, start: number, end: number): void {
  if (enabled) performance.measure(`normlens:${name}`, { start, end });
}
