import { describe, expect, it } from 'vitest';
import { summarizeMessage } from '../saml/summarize';
import { parseXmlSafely } from '../xml/parse';
import { buildAuthnRequest, buildLogoutRequest, expectedAuthnRequestFields, newMessageId, parseAuthnRequestFields } from './authnRequest';
import { AUTHN_CONTEXT_CLASSES, NAMEID_FORMATS, defaultSettings, type MockSpSettings } from './settings';

const base: MockSpSettings = { ...defaultSettings('https://samlscope.test'), destination: 'https://idp.example.com/sso?tenant=a&x=<1>' };

/** Every combination of the request options (3·3·2·2·4·4·2 = 1152 requests). */
function* combinations(): Generator<MockSpSettings> {
  for (const nameIdPolicyFormat of [null, NAMEID_FORMATS.emailAddress, NAMEID_FORMATS.persistent])
    for (const allowCreate of [null, true, false])
      for (const forceAuthn of [false, true])
        for (const isPassive of [false, true])
          for (const requestedAuthnContext of [
            null,
            { classRefs: [AUTHN_CONTEXT_CLASSES.PasswordProtectedTransport], comparison: 'exact' as const },
            { classRefs: [AUTHN_CONTEXT_CLASSES.Password, AUTHN_CONTEXT_CLASSES.X509], comparison: 'minimum' as const },
            { classRefs: [AUTHN_CONTEXT_CLASSES.Kerberos], comparison: 'better' as const },
          ])
            for (const protocolBinding of [null, 'HTTP-POST' as const, 'HTTP-Artifact' as const, 'HTTP-Redirect' as const])
              for (const useAcsIndex of [false, true])
                yield { ...base, nameIdPolicyFormat, allowCreate, forceAuthn, isPassive, requestedAuthnContext, protocolBinding, useAcsIndex, acsIndex: 3 };
}

describe('buildAuthnRequest', () => {
  it('decodes back to the same fields for every option combination', () => {
    let count = 0;
    for (const s of combinations()) {
      const built = buildAuthnRequest(s, { id: `_c${count}`, now: new Date('2030-01-01T00:00:00.123Z') });
      const parsed = parseAuthnRequestFields(built.xml);
      expect(parsed.ok, built.xml).toBe(true);
      if (!parsed.ok) continue;
      const { id, issueInstant, signed, ...fields } = parsed.value;
      expect(fields).toEqual(expectedAuthnRequestFields(s));
      expect(id).toBe(`_c${count}`);
      expect(issueInstant).toBe('2030-01-01T00:00:00Z');
      expect(signed).toBe(false);
      count++;
    }
    expect(count).toBe(1152);
  });

  it('keeps the schema order Issuer, NameIDPolicy, RequestedAuthnContext and the index/URL exclusivity', () => {
    const s = { ...base, requestedAuthnContext: { classRefs: [AUTHN_CONTEXT_CLASSES.Password], comparison: 'exact' as const } };
    const doc = parseXmlSafely(buildAuthnRequest(s).xml);
    if (!doc.ok) throw new Error(doc.error.message);
    const root = doc.value.documentElement!;
    const children: string[] = [];
    for (let c = root.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) children.push((c as Element).localName!);
    expect(children).toEqual(['Issuer', 'NameIDPolicy', 'RequestedAuthnContext']);
    const withIndex = buildAuthnRequest({ ...s, useAcsIndex: true, acsIndex: 7 }).xml;
    expect(withIndex).toContain('AssertionConsumerServiceIndex="7"');
    expect(withIndex).not.toContain('AssertionConsumerServiceURL');
    expect(withIndex).not.toContain('ProtocolBinding');
  });

  it('escapes entity IDs and URLs', () => {
    const s = { ...base, spEntityId: 'urn:x:"a"&<b>\'c\'', acsUrl: 'https://sp.test/acs?a=1&b="2"' };
    const r = parseAuthnRequestFields(buildAuthnRequest(s).xml);
    expect(r.ok && r.value.issuer).toBe(s.spEntityId);
    expect(r.ok && r.value.acsUrl).toBe(s.acsUrl);
    expect(r.ok && r.value.destination).toBe(base.destination);
  });

  it('makes 160-bit IDs that are NCNames', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newMessageId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^_[0-9a-f]{40}$/);
    expect(buildAuthnRequest(base).id).toMatch(/^_[0-9a-f]{40}$/);
  });

  it('reports a non-AuthnRequest as input-unrecognized and bad XML as the core error', () => {
    const r = parseAuthnRequestFields('<x/>');
    expect(!r.ok && r.error.code).toBe('input-unrecognized');
    const bad = parseAuthnRequestFields('<a><b></a>');
    expect(!bad.ok && bad.error.code).toBe('input-not-xml');
  });
});

describe('buildLogoutRequest', () => {
  it('carries NameID, SessionIndex and Destination', () => {
    const s = { ...base, sloUrl: 'https://idp.example.com/slo' };
    const built = buildLogoutRequest(s, { nameId: { value: 'alice & bob', format: NAMEID_FORMATS.persistent, spNameQualifier: s.spEntityId }, sessionIndexes: ['_s1', '_s2'], reason: 'urn:oasis:names:tc:SAML:2.0:logout:user', notOnOrAfter: new Date('2030-01-01T00:05:00Z') }, { id: '_lr1', now: new Date('2030-01-01T00:00:00Z') });
    const doc = parseXmlSafely(built.xml);
    if (!doc.ok) throw new Error(doc.error.message);
    const m = summarizeMessage(doc.value);
    expect(m.kind).toBe('LogoutRequest');
    expect(m.id).toBe('_lr1');
    expect(m.issuer).toBe(s.spEntityId);
    expect(m.destination).toBe('https://idp.example.com/slo');
    expect(m.logoutRequest).toEqual({
      nameId: { value: 'alice & bob', format: NAMEID_FORMATS.persistent, nameQualifier: null, spNameQualifier: s.spEntityId },
      sessionIndexes: ['_s1', '_s2'],
      reason: 'urn:oasis:names:tc:SAML:2.0:logout:user',
      notOnOrAfter: '2030-01-01T00:05:00Z',
    });
  });
});
