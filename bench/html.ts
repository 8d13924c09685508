/**
 * What the benchmark server does to a corpus page before serving it: the page's own scripts are removed so
 * that only NormLens and the baselines run, and nothing (a meta refresh) can navigate away mid-measure.
 */

const SCRIPT_ELEMENT = /<script\b[^>]*>[\s\S]*?<\/script\s*>/gi;
/** A `<script ... />` or an unclosed opening tag left after the pass above. */
const SCRIPT_TAG = /<script\b[^>]*>/gi;
const META_REFRESH = /<meta\b[^>]*http-equiv\s*=\s*["']?refresh["']?[^>]*>/gi;

export function stripScripts(html: string): string {
  return html.replace(SCRIPT_ELEMENT, '').replace(SCRIPT_TAG, '').replace(META_REFRESH, '');
}
