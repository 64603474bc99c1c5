// Algorithms each side announces (SAML V2.0 Metadata Profile for Algorithm Support v1.0,
// alg:SigningMethod / alg:DigestMethod in Extensions): when both announce signing methods and
// none is shared, the signer uses one the verifier refuses.
import { NS, attr, childElements } from '../../../xml/dom';
import { findingOf, type CodeSpec } from '../../lint/check';
import type { MdEntity } from '../../model';
import { MDNS } from '../../namespaces';
import type { PairCheck } from '../check';

const NO_COMMON: CodeSpec = { code: 'pair-no-common-signing-algorithm', severity: 'warning', title: 'No signing algorithm both sides announce' };

function signingMethods(e: MdEntity): string[] {
  const places = [e.element, ...childElements(e.element, NS.metadata).filter((r) => r.localName?.endsWith('Descriptor'))];
  return places.flatMap((p) => childElements(childElements(p, NS.metadata, 'Extensions')[0], MDNS.alg, 'SigningMethod').map((m) => attr(m, 'Algorithm') ?? ''));
}

export const algorithmsCheck: PairCheck = {
  name: 'algorithms',
  codes: [NO_COMMON],
  check({ idp, sp }) {
    const a = signingMethods(idp);
    const b = signingMethods(sp);
    if (a.length === 0 || b.length === 0 || a.some((x) => b.includes(x))) return [];
    return [findingOf(NO_COMMON, `The IdP announces signing methods ${a.join(', ')}; the SP ${b.join(', ')}. With none in common, one side signs with an algorithm the other does not accept.`, 'Configure both to use http://www.w3.org/2001/04/xmldsig-more#rsa-sha256 and announce it.')];
  },
};
