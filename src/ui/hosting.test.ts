// The meta CSP of index.html and the header CSP the preview server sends must not drift apart
// (docs/hosting.md): the header is the meta policy plus frame-ancestors.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY, securityHeaders, withDevScripts } from '../../vite-plugins/securityHeaders';

const root = resolve(__dirname, '../..');

describe('hosting headers', () => {
  it('index.html carries exactly the meta policy', () => {
    const html = readFileSync(resolve(root, 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
    expect(meta).toBe(META_CONTENT_SECURITY_POLICY);
  });

  it('the header policy forbids framing and allows the worker', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toMatch(/worker-src 'self'/);
    // 'wasm-unsafe-eval' (WebAssembly compilation for the metadata schema check) is allowed; JavaScript eval is not.
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
  });

  it('docs/hosting.md shows the same policy as the server sends', () => {
    const doc = readFileSync(resolve(root, 'docs/hosting.md'), 'utf8');
    expect(doc).toContain(CONTENT_SECURITY_POLICY);
    for (const [name, value] of Object.entries(securityHeaders('preview'))) {
      expect(doc, name).toContain(name);
      expect(doc, name).toContain(value);
    }
  });

  it('only the dev server relaxes script-src', () => {
    expect(securityHeaders('preview')['Content-Security-Policy']).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(securityHeaders('dev')['Content-Security-Policy']).toContain("script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval';");
    expect(withDevScripts(withDevScripts(CONTENT_SECURITY_POLICY))).toBe(withDevScripts(CONTENT_SECURITY_POLICY));
  });
});
