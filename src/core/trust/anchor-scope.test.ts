// The decision table of CONTRACT §2's last paragraph, one row per case, on the pure judge.
import { describe, expect, it } from 'vitest';
import type { AnchorBinding, TrustAnchor } from '../types';
import { judgeAnchor, rolesThatSign, type SignerClaim } from './anchor-scope';

const IDP = 'https://idp.example.org';
const SP = 'https://sp.example.org';
const anchor = (bindings: AnchorBinding[], scope: TrustAnchor['scope'] = 'entity'): TrustAnchor => ({ certificateDer: null, spkiDer: 'x', sha256Fingerprint: null, subject: null, source: scope === 'entity' ? 'metadata' : 'cert', description: 'the anchor', scope, bindings });
const claim = (element: string, issuer: string | null): SignerClaim => ({ element, issuer, issuerFrom: 'test', roles: rolesThatSign(element) });
const idpKey = anchor([{ entityId: IDP, role: 'IDPSSODescriptor' }]);
const spKey = anchor([{ entityId: SP, role: 'SPSSODescriptor' }]);
const bothRoles = anchor([{ entityId: IDP, role: 'IDPSSODescriptor' }, { entityId: IDP, role: 'SPSSODescriptor' }]);
const publisher = anchor([{ entityId: 'urn:fed', role: 'metadata-publisher' }]);

describe('judgeAnchor', () => {
  const rows: [string, TrustAnchor, SignerClaim, string | null][] = [
    ['IdP key, Response of that IdP', idpKey, claim('Response', IDP), null],
    ['IdP key, Assertion of that IdP', idpKey, claim('Assertion', IDP), null],
    ['IdP key, Response of another IdP', idpKey, claim('Response', 'https://other.example.org'), 'signature-key-wrong-entity'],
    ['IdP key, Response naming no Issuer', idpKey, claim('Response', null), 'signature-key-wrong-entity'],
    ['IdP key, AuthnRequest of the same entity', idpKey, claim('AuthnRequest', IDP), 'signature-key-wrong-role'],
    ['SP key, Response claiming the SP as issuer', spKey, claim('Response', SP), 'signature-key-wrong-role'],
    ['SP key, Response of the IdP', spKey, claim('Response', IDP), 'signature-key-wrong-entity'],
    ['SP key, AuthnRequest of that SP', spKey, claim('AuthnRequest', SP), null],
    ['SP key, LogoutRequest of that SP', spKey, claim('LogoutRequest', SP), null],
    ['IdP key, LogoutResponse of that IdP', idpKey, claim('LogoutResponse', IDP), null],
    ['SP key, LogoutRequest claiming the IdP', spKey, claim('LogoutRequest', IDP), 'signature-key-wrong-entity'],
    ['key in both roles, AuthnRequest of that entity', bothRoles, claim('AuthnRequest', IDP), null],
    ['entity key, its own EntityDescriptor', spKey, claim('EntityDescriptor', SP), null],
    ['entity key, another EntityDescriptor', spKey, claim('EntityDescriptor', IDP), 'signature-key-wrong-entity'],
    ['member key, the aggregate', idpKey, claim('EntitiesDescriptor', 'urn:fed'), 'signature-key-wrong-entity'],
    ['publisher key, the aggregate', publisher, claim('EntitiesDescriptor', 'urn:fed'), null],
    ['publisher key, a member EntityDescriptor', publisher, claim('EntityDescriptor', IDP), null],
    ['publisher key, a member Response', publisher, claim('Response', IDP), 'signature-key-wrong-entity'],
    ['bare certificate, anything', anchor([], 'any-issuer'), claim('Response', 'https://anyone.example.org'), null],
  ];
  for (const [name, a, c, code] of rows) {
    it(name, () => {
      const d = judgeAnchor(a, c);
      expect(d.accepted).toBe(code === null);
      expect(d.code).toBe(code);
      expect(d.anchor).toBe('the anchor');
      if (code) {
        // The reason names the anchor, its entity and the Issuer claimed.
        expect(d.reason).toContain('the anchor');
        for (const b of a.bindings) expect(d.reason).toContain(b.entityId);
        expect(d.reason).toContain(c.issuer === null ? 'names no Issuer' : `claims Issuer ${c.issuer}`);
      }
    });
  }
  it('says a bare certificate is trusted for any issuer', () => {
    expect(judgeAnchor(anchor([], 'any-issuer'), claim('Response', IDP)).reason).toContain('trusted for any issuer (a certificate given without metadata)');
  });
});
