import { describe, expect, test } from 'vitest';
import { searchSymptoms, SYMPTOMS } from './index';

const top = (q: string) => searchSymptoms(q)[0];

describe('searchSymptoms', () => {
  test.each([
    ['403 CSRF', 'authentik-csrf', 'binding-mismatch'],
    ['Forbidden (403) CSRF verification failed. Request aborted.', 'authentik-csrf', 'binding-mismatch'],
    ['response Issuer does not match the IDP metadata (expected https://authentik.apps.example.com/)', 'scaleway-issuer', 'issuer-is-sp-entity-id'],
    ['The user user@example.com was not found inside the organization', 'scaleway-user-not-found', 'nameid-email-for-username'],
    ['Your request included an invalid SAML response. To logout, click here.', 'aws-invalid-response', 'issuer-mismatch'],
    ['app_not_configured_for_user', 'google-app-not-configured', 'issuer-mismatch'],
    ['AADSTS50011', 'aadsts50011', 'acs-not-in-metadata'],
    ['aadsts75005', 'aadsts75005', 'input-bad-deflate'],
    ['AADSTS750054: SAMLRequest or SAMLResponse must be present as query string parameters', 'aadsts750054', 'binding-mismatch'],
    ['Invalid issuer', 'okta-invalid-issuer', 'issuer-mismatch'],
    ['Message was signed, but signature could not be verified.', 'shib-signature', 'signature-invalid'],
    ['Unable to validate Signature', 'ssp-signature', 'signature-invalid'],
    ['No valid audience', 'audience', 'audience-mismatch'],
    ['InResponseTo', 'in-response-to', 'in-response-to-mismatch'],
    ['Recipient', 'recipient', 'recipient-mismatch'],
    ['NotBefore', 'clock-not-yet-valid', 'not-yet-valid'],
    ['saml assertion EXPIRED', 'clock-expired', 'expired'],
  ])('%s → %s', (q, id, code) => {
    const m = top(q);
    expect(m?.id).toBe(id);
    expect(m?.codes).toContain(code);
    expect(m?.explanation.length).toBeGreaterThan(10);
    expect(m?.whatToCheck.length).toBeGreaterThan(0);
  });

  test('typo tolerant and case-insensitive', () => {
    expect(top('RESPONSE ISSUER DOES NOT MATCH THE IDP METADTA')?.id).toBe('scaleway-issuer');
  });

  test('a finding code typed directly finds its symptoms', () => {
    expect(searchSymptoms('audience-mismatch').some((m) => m.id === 'audience')).toBe(true);
  });

  test('unrelated text finds nothing', () => {
    expect(searchSymptoms('hello world')).toEqual([]);
    expect(searchSymptoms('')).toEqual([]);
  });

  test('catalogue entries are complete and ids unique', () => {
    expect(new Set(SYMPTOMS.map((s) => s.id)).size).toBe(SYMPTOMS.length);
    for (const s of SYMPTOMS) {
      expect(s.symptom && s.explanation).toBeTruthy();
      expect(s.whatToCheck.length).toBeGreaterThan(0);
    }
  });
});
