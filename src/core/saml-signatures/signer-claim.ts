// Who a signed element says signed it: the input to judging trust anchors (trust/anchor-scope.ts).
// Each signature is judged against the Issuer of the element it signs (its parent, the enveloped
// element, SAML core §5.4.2), not the Issuer of the message around it: a Response issued by one
// entity may carry an assertion issued by another.
import { rolesThatSign, type SignerClaim } from '../trust/anchor-scope';
import { NS, attr, firstChild, trimmedText } from '../xml/dom';
import { consumableAssertions } from '../saml/summarize';

function issuerChild(el: Element): string | null {
  return trimmedText(firstChild(el, NS.assertion, 'Issuer'));
}

/** The claim of `signed`, the element a signature is enveloped in. */
export function signerClaimOf(signed: Element | null): SignerClaim {
  if (!signed) return { element: 'document', issuer: null, issuerFrom: 'the document has no root element', roles: [] };
  const element = signed.localName ?? '';
  const roles = rolesThatSign(element);
  if (signed.namespaceURI === NS.metadata && element === 'EntityDescriptor') {
    return { element, issuer: attr(signed, 'entityID'), issuerFrom: 'its entityID', roles };
  }
  if (signed.namespaceURI === NS.metadata && element === 'EntitiesDescriptor') {
    return { element, issuer: attr(signed, 'Name'), issuerFrom: 'its Name', roles };
  }
  const own = issuerChild(signed);
  if (own !== null) return { element, issuer: own, issuerFrom: `the ${element}'s Issuer`, roles };
  // SAML core §3.2.2: a Response's Issuer is optional; the IdP is then known from the assertion
  // it carries (SAML profiles §4.1.4.2 requires the assertion's Issuer). Profiles §4.1.4.2 also
  // requires the Response's Issuer when the Response is signed or its assertion encrypted, but
  // IdPs omit it in practice, so the assertion's is used; an EncryptedAssertion names none.
  if (element === 'Response') {
    for (const a of consumableAssertions(signed)) {
      const fromAssertion = a.localName === 'Assertion' ? issuerChild(a) : null;
      if (fromAssertion !== null) return { element, issuer: fromAssertion, issuerFrom: 'the assertion\'s Issuer (the Response has none)', roles };
    }
  }
  return { element, issuer: null, issuerFrom: `the ${element} has no Issuer`, roles };
}
