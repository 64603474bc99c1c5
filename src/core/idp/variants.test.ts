// The SP test pack's promise, table-driven: every variant, inspected with the IdP's own metadata
// as trust and the SP's expectations set, gives the finding codes it declares. A variant that
// stops producing its code fails here. The valid Response gives none of them.
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectInput } from '../inspect';
import type { InspectedMessage } from '../types';
import { signatureCount, testKey, xmlsecVerifies, type TestKey } from './idp.testutil';
import { issueResponse } from './issue';
import { exportIdpMetadata } from './metadata';
import { VARIANTS, VARIANT_NAMES } from './variants';

const AT = new Date('2030-01-01T00:00:00Z');
const IDP = 'https://idp.samlscope.test/mock-idp';
const SP = 'https://sp.samlscope.test/metadata';
const ACS = 'https://sp.samlscope.test/acs';
let idp: TestKey;
let metadata: string;

beforeAll(async () => {
  idp = await testKey('variants-idp');
  const md = await exportIdpMetadata({ entityId: IDP, ssoUrl: `${IDP}/sso`, sloUrl: `${IDP}/slo`, wantAuthnRequestsSigned: false }, { certificate: idp.certPem });
  if (!md.ok) throw new Error(md.error.message);
  metadata = md.value;
});

async function issue(variant: string | null): Promise<string> {
  const r = await issueResponse({
    idpEntityId: IDP, spEntityId: SP, acsUrl: ACS, inResponseTo: '_request-1', nameId: 'jdoe',
    attributes: [{ name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress', values: ['jdoe@example.com'] }],
    at: AT, key: idp.pair, variant,
  });
  if (!r.ok) throw new Error(`${variant}: ${r.error.message}`);
  return r.value.xml;
}

async function inspectVariant(variant: string | null): Promise<InspectedMessage> {
  const xml = await issue(variant);
  const report = await inspectInput(xml, variant ?? 'valid', { trust: [metadata], at: AT, spEntityId: SP, acsUrl: ACS, idpEntityId: IDP, requestId: '_request-1' });
  expect(report.errors).toEqual([]);
  return report.messages[0]!;
}

const allCodes = [...new Set(VARIANTS.flatMap((v) => v.codes))];

describe('the test pack', () => {
  it('holds every variant CONTRACT §5 names', () => {
    const contract = ['expired', 'not-yet-valid', 'wrong-audience', 'wrong-destination', 'wrong-recipient', 'wrong-in-response-to', 'wrong-issuer', 'unsigned', 'tampered', 'untrusted-key', 'xsw1', 'xsw2', 'xsw3', 'xsw4', 'xsw5', 'xsw6', 'xsw7', 'xsw8', 'comment-injection', 'duplicate-assertion'];
    for (const name of contract) expect(VARIANT_NAMES).toContain(name);
    expect(new Set(VARIANT_NAMES).size).toBe(VARIANT_NAMES.length);
    for (const v of VARIANTS) expect(v.codes.length, v.name).toBeGreaterThan(0);
  });

  it('the valid Response: trusted, no error, none of the variants\' codes', async () => {
    const m = await inspectVariant(null);
    expect(m.trusted).toBe(true);
    expect(m.signatures.map((s) => s.verdict)).toEqual(['valid', 'valid']);
    expect(m.findings.filter((f) => f.severity === 'error')).toEqual([]);
    for (const code of allCodes) expect(m.findings.map((f) => f.code)).not.toContain(code);
  });

  for (const v of VARIANTS) {
    it(`${v.name} → ${v.codes.join(', ')}`, async () => {
      const m = await inspectVariant(v.name);
      const codes = m.findings.map((f) => f.code);
      for (const code of v.codes) expect(codes, `${v.name} must produce ${code}; it gave ${codes.join(', ')}`).toContain(code);
      // Attacks on the signature are never trusted: what the report shows is not what was signed.
      if (v.category === 'signature' || v.category === 'parsing' || (v.category === 'wrapping' && v.name !== 'duplicate-assertion')) expect(m.trusted, v.name).toBe(false);
    });
  }
});

describe('xmlsec1 on the variants\' signatures (IdP certificate only)', () => {
  // Variants that change no signed byte: every signature verifies; tampered and untrusted-key: none does.
  for (const v of VARIANTS.filter((x) => x.category !== 'wrapping' && x.name !== 'unsigned')) {
    it(v.name, async () => {
      const xml = await issue(v.name);
      const n = signatureCount(xml);
      expect(n).toBe(2);
      const shouldVerify = v.name !== 'tampered' && v.name !== 'untrusted-key';
      for (let i = 1; i <= n; i++) expect(xmlsecVerifies(xml, idp.cert, i).ok, `${v.name} signature ${i}`).toBe(shouldVerify);
    });
  }
});
