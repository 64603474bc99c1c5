// The ordered registry of input decoders: its order is the detection order, and the `detected`
// values its decoders declare are exactly those docs/contract.md documents.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../detect';
import { INPUT_DECODERS } from './index';

const contractDoc = readFileSync(new URL('../../../../docs/contract.md', import.meta.url), 'utf8');
const documented = [...contractDoc.slice(contractDoc.indexOf('| `detected` | input |')).split('\n\n')[0]!.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]!).filter((v) => v !== 'detected');

describe('INPUT_DECODERS', () => {
  it('tries structured containers first, then parameter strings, then bare base64', () => {
    expect(INPUT_DECODERS.map((d) => d.name)).toEqual(['har', 'saml-tracer', 'json-parameters', 'other-json', 'html-form', 'xml', 'query', 'base64', 'malformed-base64']);
  });

  it('declares exactly the detected values of the contract', () => {
    expect(documented).toEqual(['redirect-url', 'post-body', 'base64', 'xml', 'har', 'saml-tracer']);
    expect(new Set(INPUT_DECODERS.flatMap((d) => d.detects))).toEqual(new Set(documented));
  });

  it('names each decoder once', () => {
    expect(new Set(INPUT_DECODERS.map((d) => d.name)).size).toBe(INPUT_DECODERS.length);
  });

  it('reports only what the deciding decoder declares (one input per decoder)', () => {
    const form = '<html><body><form method="post" action="https://sp.example/acs"><input type="hidden" name="SAMLResponse" value="PHNhbWxwOlJlc3BvbnNlIHhtbG5zOnNhbWxwPSJ1cm46b2FzaXM6bmFtZXM6dGM6U0FNTDoyLjA6cHJvdG9jb2wiLz4="/></form></body></html>';
    const samples: Record<string, string> = {
      har: JSON.stringify({ log: { entries: [] } }),
      'saml-tracer': JSON.stringify({ requests: [] }),
      'json-parameters': JSON.stringify({ SAMLResponse: 'PHNhbWxwOlJlc3BvbnNlIHhtbG5zOnNhbWxwPSJ1cm46b2FzaXM6bmFtZXM6dGM6U0FNTDoyLjA6cHJvdG9jb2wiLz4=' }),
      'other-json': JSON.stringify({ hello: 'world' }),
      'html-form': form,
      xml: '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>',
      query: 'https://idp.example/sso?SAMLRequest=fZJNT8MwDIbvSPyHKHfWD9jEom5oYkJM4qNai4W4Xe4dI2fUoc6rQv%2BPrdAOSGhPcm%2FnfR75WSLzb7sxNrBy3V5h1WWvIVt16mR3cr05o1pnGSvQdOS4a0qh7bKfyaqbDfg%3D%3D',
      base64: 'PHNhbWxwOlJlc3BvbnNlIHhtbG5zOnNhbWxwPSJ1cm46b2FzaXM6bmFtZXM6dGM6U0FNTDoyLjA6cHJvdG9jb2wiLz4=',
      'malformed-base64': 'PHNhbWxw OlJlc3Bv bnNlIHhtb G5zOn=NhbWxw',
    };
    for (const decoder of INPUT_DECODERS) {
      const sample = samples[decoder.name]!;
      const decided = INPUT_DECODERS.find((d) => {
        const input = { raw: sample, text: sample.trim(), budget: { depth: 0, spent: { bytes: 0 } }, json: () => (/^[{[]/.test(sample) ? { ok: true as const, value: JSON.parse(sample) as unknown } : null), decodeNested: decodeInput as never };
        return d.detect(input) && d.decode(input) !== null;
      });
      expect(decided?.name, decoder.name).toBe(decoder.name);
      const r = decodeInput(sample);
      if (r.detected !== null) expect(decoder.detects, decoder.name).toContain(r.detected);
      else expect(decoder.detects, decoder.name).toEqual([]);
    }
  });
});
