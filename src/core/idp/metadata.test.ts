// IdP metadata: xmlsec1 verifies the signed export; inspect reads it as an IdP of the right
// entity whose key then makes the mock IdP's Responses trusted.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectInput } from '../inspect';
import { testKey, XMLSEC1, type TestKey } from './idp.testutil';
import { issueResponse } from './issue';
import { withoutWhitespace } from '../encoding/whitespace';
import { exportIdpMetadata, type IdpIdentity } from './metadata';

const IDP: IdpIdentity = { entityId: 'https://app.samlscope.test/mock-idp', ssoUrl: 'https://app.samlscope.test/mock-idp/sso', sloUrl: 'https://app.samlscope.test/mock-idp/slo', wantAuthnRequestsSigned: true };
let key: TestKey;
beforeAll(async () => {
  key = await testKey('md-idp');
});

describe('exportIdpMetadata', () => {
  it('unsigned: entity, signing key, both bindings of SSO and SLO', async () => {
    const md = await exportIdpMetadata(IDP, { certificate: key.certPem });
    expect(md.ok).toBe(true);
    if (!md.ok) return;
    const r = await inspectInput(md.value, 'md', {});
    const meta = r.messages[0]!.metadata!;
    expect(meta.entities[0]!.entityId).toBe(IDP.entityId);
    const role = meta.entities[0]!.roles[0]!;
    expect(role.role).toBe('IDPSSODescriptor');
    expect(role.wantAuthnRequestsSigned).toBe(true);
    expect(role.singleSignOnServices.map((e) => e.location)).toEqual([IDP.ssoUrl, IDP.ssoUrl]);
    expect(role.singleLogoutServices.map((e) => e.location)).toEqual([IDP.sloUrl, IDP.sloUrl]);
    expect(withoutWhitespace(role.keyDescriptors[0]!.certificates[0]!)).toBe(key.pair.certificateDer);
  });

  it('signed: xmlsec1 verifies it with the IdP certificate alone', async () => {
    const md = await exportIdpMetadata(IDP, { certificate: key.certPem, signWith: key.pair, validUntil: new Date('2031-01-01T00:00:00Z') });
    expect(md.ok).toBe(true);
    if (!md.ok) return;
    const dir = mkdtempSync(join(tmpdir(), 'samlscope-idpmd-'));
    const f = join(dir, 'md.xml');
    writeFileSync(f, md.value);
    const r = spawnSync(XMLSEC1, ['--verify', '--enabled-key-data', 'key-name', '--pubkey-cert-pem', key.cert, '--id-attr:ID', 'urn:oasis:names:tc:SAML:2.0:metadata:EntityDescriptor', f]);
    if (r.error) throw r.error;
    expect(r.status, r.stderr.toString()).toBe(0);
    const rep = await inspectInput(md.value, 'md', { trust: [key.certPem], at: new Date('2030-01-01T00:00:00Z') });
    expect(rep.messages[0]!.signatures.map((s) => s.verdict)).toEqual(['valid']);
  });

  it('as trust, it makes a Response of that entity trusted and one of another entity not', async () => {
    const md = await exportIdpMetadata(IDP, { certificate: key.certPem });
    if (!md.ok) throw new Error(md.error.message);
    const at = new Date('2030-01-01T00:00:00Z');
    const base = { spEntityId: 'https://sp.test/', acsUrl: 'https://sp.test/acs', nameId: 'jdoe', at, key: key.pair };
    const good = await issueResponse({ ...base, idpEntityId: IDP.entityId });
    const other = await issueResponse({ ...base, idpEntityId: 'https://someone-else.test/' });
    if (!good.ok || !other.ok) throw new Error('issue');
    expect((await inspectInput(good.value.xml, 'r', { trust: [md.value], at })).messages[0]!.trusted).toBe(true);
    expect((await inspectInput(other.value.xml, 'r', { trust: [md.value], at })).messages[0]!.trusted).toBe(false);
  });
});
