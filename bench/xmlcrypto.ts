// The in-process reference: xml-crypto (node-saml's verifier, Node crypto) verifying the same
// document, used the way its README shows: parse, pick the ds:Signature, loadSignature, then
// checkSignature(xml) — which parses the document once more itself.
import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';

const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';

/** True when the document's first signature verifies with `certPem` (KeyInfo is ignored). */
export function verifyWithXmlCrypto(xml: string, certPem: string): boolean {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const signature = doc.getElementsByTagNameNS(DSIG_NS, 'Signature')[0];
  if (!signature) return false;
  // getCertFromKeyInfo → null: trust only the given certificate, as samlscope does.
  const verifier = new SignedXml({ publicCert: certPem, getCertFromKeyInfo: () => null });
  verifier.loadSignature(signature as unknown as Node);
  try {
    return verifier.checkSignature(xml);
  } catch {
    return false;
  }
}
