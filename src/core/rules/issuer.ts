// issuer-mismatch / issuer-is-sp-entity-id: the Scaleway failure of 000_bbefa757859ef489.txt
// ("response Issuer does not match the IDP metadata (expected …)") — the IdP had been given the
// SP's own entity ID as its issuer.
import type { RawFinding } from '../types';
import { PROFILES } from '../profiles/registry';
import type { Profile } from '../profiles/profile';
import type { Rule, RuleContext } from '../diagnosis/context';
import { assertionElement, childrenNS, consumedAssertion, isOpaque, describeUriDifference, expectationText, messageIssuerElement, NS_ASSERTION, parts, quote } from '../diagnosis/helpers';
import { SOURCES } from '../diagnosis/sources';

const REFS = ['SAML core §2.2.5', 'SAML profiles §4.1.4.2', SOURCES.scalewayAuthentik];

/** A product's SP entity ID pattern this value matches (any registered profile), e.g. Scaleway's. */
function knownSpEntityId(value: string): NonNullable<Profile['spEntityId']> | null {
  for (const p of PROFILES as readonly Profile[]) if (p.spEntityId?.matches(value)) return p.spEntityId;
  return null;
}

interface IssuerSite { where: string; value: string | null; node: Element | null }

function responseIssuers(ctx: RuleContext): IssuerSite[] {
  const msg = ctx.message;
  const sites: IssuerSite[] = [];
  // SAML profiles §4.1.4.2: the Response Issuer MAY be omitted (unless signed); only compare it when present.
  if (msg.summary.issuer !== null) sites.push({ where: `${msg.summary.kind} Issuer`, value: msg.summary.issuer, node: messageIssuerElement(msg) });
  const consumed = consumedAssertion(msg);
  if (consumed && !isOpaque(consumed.assertion)) {
    const el = assertionElement(msg, consumed.index);
    sites.push({ where: 'Assertion Issuer', value: consumed.assertion.issuer, node: childrenNS(el, NS_ASSERTION, 'Issuer')[0] ?? el });
  }
  return sites;
}

export const issuerRule: Rule = {
  id: 'issuer',
  codes: ['issuer-mismatch', 'issuer-is-sp-entity-id'],
  severity: 'error',
  category: 'issuer',
  title: 'Issuer is the expected entity ID',
  checks: 'Response and Assertion Issuer equal the IdP entity ID (and each other), an AuthnRequest Issuer equals the SP entity ID; flags an IdP that uses the SP entity ID as its Issuer.',
  references: REFS,
  check(ctx) {
    const kind = ctx.message.summary.kind;
    const out: RawFinding[] = [];

    if (kind === 'AuthnRequest') {
      const exp = ctx.expectations.spEntityId;
      const issuer = ctx.message.summary.issuer;
      if (exp && exp.source !== 'request' && issuer !== null && issuer !== exp.value) {
        out.push({
          code: 'issuer-mismatch', severity: 'error', title: 'AuthnRequest Issuer is not the SP entity ID',
          explanation: `The AuthnRequest Issuer is ${quote(issuer)} but the SP entity ID is ${expectationText(exp)}.${describeUriDifference(issuer, exp.value)} The IdP looks the SP up by this value and will refuse a request from an unknown SP.`,
          fix: `Make the SP's entity ID (the Issuer it puts in requests) and the entity ID registered at the IdP identical: ${quote(exp.value)}.`,
          fixParts: parts('authn-request', { issuer, expected: exp.value }),
          references: REFS, node: messageIssuerElement(ctx.message),
        });
      }
      return out;
    }
    if (kind !== 'Response') return out;

    const sites = responseIssuers(ctx);
    const idp = ctx.expectations.idpEntityId;
    const sp = ctx.expectations.spEntityId;
    const audiences = consumedAssertion(ctx.message)?.assertion.audiences ?? [];

    // The IdP put the SP's entity ID in Issuer: by expectation, by Audience, or by the Scaleway pattern.
    const spLike = sites.filter((s) => s.value !== null && (s.value === sp?.value || audiences.includes(s.value) || knownSpEntityId(s.value) !== null) && s.value !== idp?.value);
    if (spLike.length > 0) {
      const v = spLike[0].value as string;
      const pattern = knownSpEntityId(v);
      const why = v === sp?.value ? `the SP entity ID ${expectationText(sp)}` : audiences.includes(v) ? 'the Audience of the assertion, i.e. the SP\'s own entity ID' : pattern!.description;
      // Only an Audience match is circumstantial (some IdPs legitimately share one URN for both):
      // without a known SP entity ID or a product's SP entity ID pattern it is a warning.
      const certain = v === sp?.value || pattern !== null;
      out.push({
        code: 'issuer-is-sp-entity-id', severity: certain ? 'error' : 'warning', title: 'The IdP uses the SP entity ID as its Issuer',
        explanation: `${spLike.map((s) => s.where).join(' and ')} is ${quote(v)}, which is ${why}. Issuer must identify the identity provider, not the service provider that receives the response; the SP compares it to the IdP entity ID it was configured with${idp ? ` (${expectationText(idp)})` : ''} and rejects it.`,
        fix: `Configure the IdP's issuer / entity ID for this SP to the IdP's own entity ID${idp ? ` ${quote(idp.value)}` : ''}, the value the SP has in its IdP settings — not the SP's entity ID ${quote(v)}.`,
        fixParts: parts(undefined, { issuer: v, idp: idp?.value }),
        references: REFS, node: spLike[0].node,
      });
    }

    if (idp) {
      const wrong = sites.filter((s) => s.value !== idp.value);
      if (wrong.length > 0) {
        const w = wrong[0];
        out.push({
          code: 'issuer-mismatch', severity: 'error', title: 'Issuer does not match the IdP entity ID',
          explanation: `${wrong.map((s) => `${s.where} is ${quote(s.value)}`).join('; ')}, but the expected IdP entity ID is ${expectationText(idp)}.${w.value ? describeUriDifference(w.value, idp.value) : ' A Response without Issuer cannot be matched to the IdP.'} The SP looks up the IdP (and its signing key) by this value.`,
          fix: `Make the IdP's issuer and the IdP entity ID configured at the SP identical (${quote(idp.value)}), or update the SP's IdP metadata.`,
          fixParts: parts('response', { issuer: w.value, expected: idp.value }),
          references: REFS, node: w.node,
        });
      }
    } else if (sites.length === 2 && sites[0].value !== null && sites[1].value !== null && sites[0].value !== sites[1].value) {
      // SAML profiles §4.1.4.2: a Response Issuer, when present, MUST equal the assertion Issuer.
      out.push({
        // No IdP entity ID is known to tell which one is right, and common SP libraries accept this: warning.
        code: 'issuer-mismatch', severity: 'warning', title: 'Response and Assertion Issuer differ',
        explanation: `The Response Issuer is ${quote(sites[0].value)} but the Assertion Issuer is ${quote(sites[1].value)}.${describeUriDifference(sites[0].value, sites[1].value)} SAML profiles §4.1.4.2 requires them to be the same entity.`,
        fix: 'Configure the IdP to use a single entity ID for both the Response and the Assertion Issuer.',
        fixParts: parts('response-vs-assertion', { responseIssuer: sites[0].value, assertionIssuer: sites[1].value }),
        references: REFS, node: sites[1].node,
      });
    }
    return out;
  },
};
