// SAML's use of XML signatures: dsig/verify.ts checks each ds:Signature; this decides what they
// protect in a SAML message — which element a relying party consumes (SAML core §3.3.3, profiles
// §4.1.4.2), whether a valid signature covers it (CONTRACT §2 `trusted`), and the SAML-shaped
// attacks around it: signature wrapping, extra assertions, comment injection.
import { coveringReference, coversItsParent, depthOf, isAncestorOrSelf, verifySignatures, type DerivedDocument } from '../dsig/verify';
import { consumableAssertions, messageKindOf, samlRootOf } from '../saml/summarize';
import type { RawFinding, SignatureReport, TrustAnchor } from '../types';
import { NS, attr, descendants } from '../xml/dom';
import { SAML_SIGNER_POLICY } from './signer-policy';
// Fix wording is profile-neutral here; profiles word their product, surfaces add where the key goes (../findings/fix.ts).
import { GIVE_SP_KEY } from '../findings/fix';

export interface DocumentVerification {
  signatures: SignatureReport[];
  findings: RawFinding[];
  /** CONTRACT §2: what the report shows of the message is covered by a valid signature. */
  trusted: boolean;
  /** Index (in MessageSummary.assertions) of the assertion a relying party would consume. */
  consumedAssertionIndex: number | null;
}

/**
 * Verify every ds:Signature of a parsed document and decide what is actually protected.
 * Verdicts follow CONTRACT §2. `trusted` is decided only by whether the element a relying party
 * consumes lies inside an element covered by a `valid` signature whose reference is its parent.
 * With `derivation`, `doc` is a decrypted message: coverage and trust are decided on it (it is what
 * a relying party consumes), each signature is checked where it was made (DerivedDocument).
 */
export async function verifyDocumentSignatures(doc: Document, anchors: TrustAnchor[], at: Date = new Date(), derivation?: DerivedDocument): Promise<DocumentVerification> {
  const root = samlRootOf(doc);
  const kind = messageKindOf(root);
  const { checks, findings, signatureCount, overLimit } = await verifySignatures(doc, anchors, at, SAML_SIGNER_POLICY, derivation);

  // Which element does a relying party consume? SAML core §3.3.3 / profiles §4.1.4.2: the
  // Response's (first) direct-child assertion; for every other message, the root element.
  const consumable = kind === 'Response' ? consumableAssertions(root) : [];
  const consumedEl = consumable[0] ?? null;
  // An enveloped SAML signature protects its parent only when what its References resolve to
  // contains the parent or an ancestor of it (SAML core §5.4.2, XML-DSig §4.3.3).
  const soundCovering = checks.filter((c) => c.mathematicallySound && coversItsParent(c));
  const consumedTarget = consumedEl ?? root;
  // The outermost signature over the consumed content decides: a valid Response signature
  // vouches for everything inside it as the IdP sent it (even a broken inner signature), while
  // a broken Response signature means the message changed after signing, whatever lies inside.
  const outermost = checks
    .filter((c) => coversItsParent(c) && coveringReference(c, consumedTarget) !== undefined)
    .sort((a, b) => depthOf(coveringReference(a, consumedTarget)!) - depthOf(coveringReference(b, consumedTarget)!))[0];
  // A message that made the verifier stop at a limit (docs/limits.md) is hostile: never trusted.
  const trusted = outermost !== undefined && outermost.report.verdict === 'valid' && !overLimit && !findings.some((f) => f.code === 'duplicate-id');

  for (const c of checks) {
    if (c.referenced.length && !coversItsParent(c)) {
      const resolved = c.referenced.map((r) => `${r.localName} ID="${attr(r, 'ID') ?? ''}"`).join(', ');
      findings.push({ code: 'signature-wrapping', severity: 'error', title: 'Signature covers another element than its parent', explanation: `Signature ${c.report.index} sits in ${c.report.target}${c.report.targetId ? ` ID="${c.report.targetId}"` : ''} but its reference${c.referenced.length > 1 ? 's resolve' : ' resolves'} to ${resolved}${c.referenced.length > 1 ? ' — together they cover neither it nor an ancestor' : ''}. An enveloped SAML signature must reference its own parent (SAML core §5.4.2); anything else is how XML signature wrapping smuggles unsigned content past a verifier.`, fix: 'Reject the message. Verify with a library that checks the signed element is the one consumed.', references: ['SAML core §5.4.2', 'On Breaking SAML (USENIX Security 2012)'], node: c.element });
    }
  }
  const consumedSound = soundCovering.some((c) => coveringReference(c, consumedTarget) !== undefined);
  const allAssertions = kind === 'Response' ? descendants(doc, NS.assertion, 'Assertion') : [];
  if (!consumedSound && checks.some((c) => c.mathematicallySound && c.referenced.length && coveringReference(c, consumedTarget) === undefined)) {
    const signed = checks.filter((c) => c.mathematicallySound).flatMap((c) => c.referenced).map((r) => `${r.localName} ID="${attr(r, 'ID') ?? ''}"`);
    findings.push({ code: 'signature-wrapping', severity: 'error', title: 'The signed element is not the one a relying party reads', explanation: `A relying party consumes ${consumedTarget.localName}${attr(consumedTarget, 'ID') ? ` ID="${attr(consumedTarget, 'ID')}"` : ''}, but the signature(s) that check out cover ${signed.join(', ')}. The consumed content is unsigned: this is the shape of an XML signature wrapping attack.`, fix: 'Reject the message. If your SP accepted it, upgrade its SAML library (XSW defences: verify, then consume only what was verified).', references: ['On Breaking SAML (USENIX Security 2012)', 'SAML core §5.4.2'], node: consumedTarget });
  }
  if (consumable.length > 1) {
    findings.push({ code: 'multiple-assertions', severity: 'error', title: 'More than one assertion', explanation: `The Response holds ${consumable.length} assertions. SAML allows it, but almost no SP expects it, and libraries differ on which one they read — a wrapping vector.`, fix: 'Configure the IdP to send exactly one assertion per Response.', references: ['SAML profiles §4.1.4.2'], node: consumable[1]! });
  } else {
    // SAML core §2.6.1: an Advice may carry other assertions; anywhere else they are hidden.
    const advice = descendants(doc, NS.assertion, 'Advice');
    const extra = allAssertions.filter((a) => a !== consumedEl && !advice.some((adv) => isAncestorOrSelf(adv, a)));
    if (extra.length) findings.push({ code: 'multiple-assertions', severity: 'warning', title: 'Assertion in an unexpected place', explanation: `Besides the assertion a relying party reads, the message contains ${extra.length} more ${extra.map((e) => `inside ${(e.parentNode as Element).localName}`).join(', ')}. Hidden assertions are the raw material of signature wrapping.`, fix: 'Reject messages with assertions outside the Response\'s direct children.', references: ['On Breaking SAML (USENIX Security 2012)'], node: extra[0]! });
  }
  const encrypted = consumedEl?.localName === 'EncryptedAssertion';
  if (signatureCount === 0 && encrypted) {
    findings.push({ code: 'assertion-encrypted', severity: 'info', title: 'Encrypted assertion: its signature cannot be checked here', explanation: 'The Response is unsigned and its assertion is encrypted (EncryptedAssertion). The assertion\'s own signature, if any, is inside the encrypted data; without the SP\'s private key nothing in this message can be authenticated here.', fix: 'Give the SP\'s private key to decrypt the assertion and check its signature, or have the IdP also sign the Response.', fixParts: { surface: GIVE_SP_KEY }, references: ['SAML core §2.3.4', 'XML Encryption'], node: consumedEl });
  } else if (signatureCount === 0) {
    // Only a Response must be signed (profiles §4.1.3.5); requests, logout messages and metadata may be unsigned.
    const severity = kind === 'Response' ? 'error' : 'info';
    findings.push({ code: 'signature-missing', severity, title: 'No XML signature', explanation: kind === 'Response' ? 'Neither the Response nor its assertion is signed: anyone could have written it. SAML profiles §4.1.3.5 require the assertion (or the Response) to be signed for the POST binding.' : `This ${kind} carries no XML signature${kind === 'AuthnRequest' || kind === 'LogoutRequest' || kind === 'LogoutResponse' ? ' (with the Redirect binding the signature travels in the query string instead)' : ''}.`, fix: kind === 'Response' ? 'Enable signing at the IdP for this SP: sign the assertion and the Response with the key its metadata publishes.' : 'Sign it if the receiving party requires signed messages (metadata: WantAuthnRequestsSigned / AuthnRequestsSigned).', fixParts: { variant: kind === 'Response' ? 'response' : 'request' }, references: ['SAML profiles §4.1.3.5'], node: root });
  }
  const injected = consumedEl && consumedEl.localName === 'Assertion' ? commentInjectionFindings(consumedEl) : [];
  findings.push(...injected);
  // Comments are outside what a signature covers: content split by one was altered after signing.
  return { signatures: checks.map((c) => c.report), findings, trusted: trusted && injected.length === 0, consumedAssertionIndex: consumedEl ? 0 : null };
}

/**
 * CVE-2017-11427 family: a comment splits a text value; exclusive C14N drops the comment so the
 * signature still verifies, but a library reading only the first text node sees a different
 * value ("admin@evil.com<!---->.example.com" reads as "admin@evil.com").
 */
function commentInjectionFindings(assertion: Element): RawFinding[] {
  const out: RawFinding[] = [];
  const targets = [...descendants(assertion, NS.assertion, 'NameID'), ...descendants(assertion, NS.assertion, 'AttributeValue')];
  for (const el of targets) {
    let texts = 0;
    let comments = 0;
    let firstText: string | null = null;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3 || c.nodeType === 4) {
        texts++;
        if (firstText === null) firstText = c.nodeValue ?? '';
      } else if (c.nodeType === 8) comments++;
    }
    if (comments > 0 || texts > 1) {
      const whole = el.textContent ?? '';
      out.push({ code: 'nameid-comment', severity: 'error', title: `Comment or split text inside ${el.localName}`, explanation: `The value of ${el.localName} is split by ${comments ? `${comments} comment(s)` : 'several text nodes'}. Read whole it is ${JSON.stringify(whole.trim())}; read as its first text node it is ${JSON.stringify((firstText ?? '').trim())}. The signature covers both readings (canonicalization drops comments), which is exactly the comment-injection attack (CVE-2017-11427/11428/11429, CVE-2018-7340).`, fix: 'Reject the message; make sure your SP library reads the full text content of NameID and attribute values.', references: ['CVE-2018-7340', 'CVE-2017-11427'], node: el });
    }
  }
  return out;
}
