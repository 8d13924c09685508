// @vitest-environment happy-dom
/**
 * When a page's Content Security Policy objects to the content script compiling WebAssembly (and so would
 * report it to the site), from its headers (background) and its markup (content script).
 */
import { describe, expect, it } from 'vitest';
import { metaPolicies, policiesObjectToWasm } from '../../src/annotate/wasm-policy';
import { PagePolicies } from '../../src/background/page-policies';

describe('policiesObjectToWasm', () => {
  it('lets pages without a script limit be', () => {
    expect(policiesObjectToWasm([])).toBe(false);
    expect(policiesObjectToWasm(['upgrade-insecure-requests'])).toBe(false);
    expect(policiesObjectToWasm(["frame-ancestors 'self'; img-src *"])).toBe(false);
  });

  it('objects when script-src, or failing it default-src, allows no eval of either kind', () => {
    expect(policiesObjectToWasm(["script-src 'self'"])).toBe(true);
    expect(policiesObjectToWasm(["default-src 'self'"])).toBe(true);
    expect(policiesObjectToWasm(["default-src 'self'; script-src 'self' 'wasm-unsafe-eval'"])).toBe(false);
    expect(policiesObjectToWasm(["script-src 'self' 'unsafe-eval'"])).toBe(false);
    // script-src governs even when default-src would allow it.
    expect(policiesObjectToWasm(["default-src * 'unsafe-eval'; script-src 'self'"])).toBe(true);
  });

  it('reads directive names and keywords in any case and spacing, the first of a repeated directive winning', () => {
    expect(policiesObjectToWasm(["  SCRIPT-SRC\t'self'   'WASM-UNSAFE-EVAL' ;"])).toBe(false);
    expect(policiesObjectToWasm(["script-src 'self'; script-src 'unsafe-eval'"])).toBe(true);
    expect(policiesObjectToWasm(["script-src 'unsafe-eval'; script-src 'self'"])).toBe(false);
  });

  it('objects when any one of several policies does (a header may carry several, comma-separated)', () => {
    expect(policiesObjectToWasm(["script-src 'unsafe-eval', script-src 'self'"])).toBe(true);
    expect(policiesObjectToWasm(["script-src 'unsafe-eval'", "default-src 'none'"])).toBe(true);
    expect(policiesObjectToWasm(["script-src 'unsafe-eval'", "img-src 'none'"])).toBe(false);
  });
});

describe('metaPolicies', () => {
  it('collects the policies a document declares in <meta http-equiv>, whatever the case', () => {
    const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');
    const document = parse(
      `<head><meta http-equiv="Content-Security-Policy" content="script-src 'self'">
       <meta http-equiv="content-security-policy" content="img-src *">
       <meta http-equiv="refresh" content="30"><meta name="description" content="script-src"></head>`,
    );
    expect(metaPolicies(document)).toEqual(["script-src 'self'", 'img-src *']);
    expect(policiesObjectToWasm(metaPolicies(document))).toBe(true);
    expect(metaPolicies(parse('<p>no policy</p>'))).toEqual([]);
  });
});

describe('PagePolicies', () => {
  const strict = [{ name: 'Content-Security-Policy', value: "default-src 'self'" }];
  const reportOnly = [{ name: 'content-security-policy-report-only', value: "script-src 'self'" }];
  const open = [{ name: 'content-type', value: 'text/html' }];

  it("answers from the latest top-level response of the tab, for that response's origin only", () => {
    const policies = new PagePolicies();
    policies.record(1, 'https://a.example/x', open);
    policies.record(2, 'https://b.example/y', strict);
    policies.record(3, 'https://c.example/z', reportOnly);
    expect(policies.wasmAllowed(1, 'https://a.example/x#top')).toBe(true);
    expect(policies.wasmAllowed(2, 'https://b.example/y')).toBe(false);
    expect(policies.wasmAllowed(3, 'https://c.example/z')).toBe(false);
    // Another origin in the same tab, or headers never seen: not allowed (no report can follow).
    expect(policies.wasmAllowed(1, 'https://other.example/')).toBe(false);
    expect(policies.wasmAllowed(9, 'https://a.example/x')).toBe(false);
    expect(policies.wasmAllowed(undefined, 'https://a.example/x')).toBe(false);
    policies.record(2, 'https://b.example/next', open);
    expect(policies.wasmAllowed(2, 'https://b.example/next')).toBe(true);
    policies.forget(1);
    expect(policies.wasmAllowed(1, 'https://a.example/x')).toBe(false);
  });
});
