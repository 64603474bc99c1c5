// The nameid-email-for-username rule (nameid-email-for-username.ts): its findings, severities, anchors and profile wording.
import { describe, expect, test } from 'vitest';
import { nameIdEmailForUsernameRule } from './nameid-email-for-username';
import { context, response, ruleMessage, runRule, onlyFinding, fineExchange } from '../diagnosis/diagnosis.testutil';

describe('nameid-email-for-username', () => {
  const emailRes = () => ruleMessage(response({}, { nameId: { value: 'user@example.com', format: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress' } }));
  test('Scaleway: email NameID is an error with the name_id_mapping fix', () => {
    const f = onlyFinding(nameIdEmailForUsernameRule, context(emailRes(), { profile: 'scaleway' }));
    expect(f.severity).toBe('error');
    expect(f.explanation).toContain('was not found inside the organization');
    expect(f.fix).toContain('name_id_mapping');
    expect(f.fix).toContain('IAM member');
  });
  test('generic: email as emailAddress is fine; as persistent is info', () => {
    expect(runRule(nameIdEmailForUsernameRule, context(emailRes()))).toEqual([]);
    const p = ruleMessage(response({}, { nameId: { value: 'user@example.com', format: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent' } }));
    expect(onlyFinding(nameIdEmailForUsernameRule, context(p)).severity).toBe('info');
  });
  test('Scaleway with a username is fine', () => expect(runRule(nameIdEmailForUsernameRule, fineExchange('scaleway'))).toEqual([]));
});
