/**
 * Whether a page's Content Security Policy lets the content script compile its WebAssembly scanner quietly.
 *
 * Chromium checks a content script's WebAssembly compilation against the page's own policy. Where the policy
 * does not allow it (a `script-src`, or failing that a `default-src`, without `'wasm-unsafe-eval'` or
 * `'unsafe-eval'`), the compilation fails and the browser reports the violation: a console error, a
 * `securitypolicyviolation` event the page's scripts can see, and a report sent to the site's reporting
 * endpoint. That would tell every such site that the reader runs an extension. A report-only policy does not
 * block, but reports all the same. So on those pages the scanner starts in JavaScript, without trying.
 */

/** The sources allowed by the directive that governs WebAssembly in one policy, or undefined: no limit. */
function scriptSources(policy: string): string[] | undefined {
  let fallback: string[] | undefined;
  for (const directive of policy.split(';')) {
    const [name, ...sources] = directive
      .trim()
      .toLowerCase()
      .split(/[\t\n\f\r ]+/);
    // A directive named twice: the first one counts.
    if (name === 'script-src') return sources;
    if (name === 'default-src') fallback ??= sources;
  }
  return fallback;
}

/**
 * True when any of these policies (header values: one header may carry several policies, comma-separated;
 * enforced and report-only alike, as both report) would object to compiling WebAssembly.
 */
export function policiesObjectToWasm(headerValues: readonly string[]): boolean {
  for (const value of headerValues) {
    for (const policy of value.split(',')) {
      const sources = scriptSources(policy);
      if (sources && !sources.includes("'wasm-unsafe-eval'") && !sources.includes("'unsafe-eval'"))
        return true;
    }
  }
  return false;
}

/** Response header names that carry a policy (lower case). */
export const CSP_HEADERS = ['content-security-policy', 'content-security-policy-report-only'];

/** The policies a document declares in its own markup (`<meta http-equiv>`; such policies are enforced). */
export function metaPolicies(doc: Document): string[] {
  const values: string[] = [];
  for (const meta of doc.querySelectorAll('meta[http-equiv]')) {
    if (meta.getAttribute('http-equiv')?.trim().toLowerCase() !== 'content-security-policy') continue;
    const content = meta.getAttribute('content');
    if (content) values.push(content);
  }
  return values;
}
