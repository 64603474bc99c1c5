// What the trace (the page's signature steps, the JSON report's references) shows of each
// Reference and of the keys a signature carries, in the shapes real messages and hostile ones
// take: a DigestValue broken over lines, a Reference without URI, an element without ID, a
// canonical form at the size the trace stops keeping, KeyInfo keys of another type or past the
// limit. Issue 12: mutation testing showed these could change with every other test green.
// Messages are signed by xmlsec1 (the oracle) and then edited; an edit of SignedInfo leaves it
// unverified, and the first Reference is still digested for the diagnosis (DIGESTS_WITHOUT_VERIFIED_KEY).
import { createPublicKey } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectInput } from '../inspect';
import { MAX_CERTIFICATES_PER_KEYINFO } from '../limits';
import { SAML_SIGNER_POLICY } from '../saml-signatures/signer-policy';
import type { InspectedMessage, SignatureReport } from '../types';
import { NS, descendants } from '../xml/dom';
import { parseXmlSafely } from '../xml/parse';
import { C14N_URIS, canonicalizeToBytes } from './c14n/index';
import { certBase64 } from './testing/federation.testutil';
import { DSIG, type KeyPair, URI, makeKey, responseTemplate, xmlsecSign } from './testing/xmlsec.testutil';
import { CANONICAL_TRACE_MAX_BYTES, verifySignatures } from './verify';

const AT = new Date('2030-01-01T00:01:00Z');
let idp: KeyPair;
let other: KeyPair;
let ec: KeyPair;
/** A Response whose assertion is signed (exclusive C14N, RSA-SHA256, its certificate in KeyInfo). */
let signed: string;
let digest: string;

beforeAll(() => {
  idp = makeKey('verify-trace-idp', 'rsa2048');
  other = makeKey('verify-trace-other', 'rsa2048');
  ec = makeKey('verify-trace-ec', 'P-256');
  signed = xmlsecSign(responseTemplate({ c14n: URI.exc, sigAlg: URI.rsa('sha256'), digest: URI.sha256, style: 'prefixed', pretty: false, signResponse: false, signAssertion: true }), idp);
  digest = /<ds:DigestValue>([^<]*)</.exec(signed)![1]!;
});

async function inspect(xml: string, trust: string[] = [idp.certPem]): Promise<InspectedMessage> {
  const r = await inspectInput(xml, 'verify.trace', { trust, at: AT });
  expect(r.errors).toEqual([]);
  return r.messages[0]!;
}
const sig = (m: InspectedMessage): SignatureReport => m.signatures[0]!;
const x509Data = (xml: string) => /<ds:X509Data>[\s\S]*?<\/ds:X509Data>/.exec(xml)![0];

describe('the Reference in the trace', () => {
  it('a DigestValue broken over lines and indented reads as the value it holds, and matches', async () => {
    const broken = `${digest.slice(0, 10)}\n      ${digest.slice(10, 20)}\r\n\t${digest.slice(20)}\n`;
    const m = await inspect(signed.replace(`<ds:DigestValue>${digest}<`, `<ds:DigestValue>${broken}<`));
    const ref = sig(m).references[0]!;
    expect(ref.expectedDigest).toBe(digest);
    expect(ref.digestValid).toBe(true);
    // The whitespace is inside SignedInfo, which is signed: it no longer verifies, and the reason says the digests match.
    expect(m.findings.find((f) => f.code === 'signature-invalid')!.explanation).toContain('The digests checked match, so SignedInfo itself was modified');
  });

  it('no DigestValue, or one that is not base64: an empty or literal expected value that does not match', async () => {
    const none = await inspect(signed.replace(`<ds:DigestValue>${digest}</ds:DigestValue>`, ''));
    expect(sig(none).references[0]).toMatchObject({ expectedDigest: '', digestValid: false });
    expect(sig(none).references[0]!.computedDigest).toBe(digest);
    const junk = await inspect(signed.replace(`<ds:DigestValue>${digest}<`, '<ds:DigestValue>%%%not-base64%%%<'));
    expect(sig(junk).references[0]).toMatchObject({ expectedDigest: '%%%not-base64%%%', digestValid: false, computedDigest: digest });
    expect(sig(junk).verdict).toBe('invalid');
  });

  it('a Reference without URI is the whole document', async () => {
    const m = await inspect(signed.replace(' URI="#_assertion1"', ''));
    expect(sig(m).references[0]).toMatchObject({ uri: '', resolvedTo: { id: '_response1', localName: 'Response' } });
    expect(sig(m).verdict).toBe('invalid');
  });

  it('a Reference resolving to an element without ID shows an empty ID', async () => {
    const m = await inspect(signed.replace('URI="#_assertion1"', 'URI=""').replace(' ID="_response1"', ''));
    expect(sig(m).references[0]!.resolvedTo).toEqual({ id: '', localName: 'Response' });
  });

  it('a Transform without Algorithm is listed as an empty name', async () => {
    const m = await inspect(signed.replace(`<ds:Transform Algorithm="${URI.exc}"/>`, '<ds:Transform/>'));
    expect(sig(m).references[0]!.transforms).toEqual([`${DSIG}enveloped-signature`, '']);
    expect(sig(m).verdict).toBe('unsupported');
  });

  it('URIs that only contain a same-document reference are not followed', async () => {
    for (const uri of ['a#_assertion1', '#_assertion1)', "#xpointer(id('_assertion1'))x"]) {
      const m = await inspect(signed.replace('URI="#_assertion1"', `URI="${uri}"`));
      expect([sig(m).verdict, sig(m).reason], uri).toEqual(['unsupported', `Reference URI ${JSON.stringify(uri)} is not a same-document ID reference; external and XPointer references are not followed.`]);
    }
  });

  it('an XPointer ID reference to an empty ID resolves to nothing', async () => {
    const m = await inspect(signed.replace('URI="#_assertion1"', "URI=\"#xpointer(id(''))\""));
    expect(m.findings.find((f) => f.title === 'Signature reference does not resolve')!.explanation).toContain('no element has ID="".');
  });
});

describe(`the canonical form in the trace: kept up to ${CANONICAL_TRACE_MAX_BYTES.toLocaleString('en')} octets`, () => {
  /** An unsigned document whose only Reference canonicalizes to exactly `size` octets. */
  function ofCanonicalSize(size: number): Document {
    const build = (padding: number) => `<r xmlns:ds="${DSIG}" ID="_r"><p>${'x'.repeat(padding)}</p><ds:Signature><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="${URI.exc}"/><ds:SignatureMethod Algorithm="${URI.rsa('sha256')}"/><ds:Reference URI="#_r"><ds:Transforms><ds:Transform Algorithm="${DSIG}enveloped-signature"/><ds:Transform Algorithm="${URI.exc}"/></ds:Transforms><ds:DigestMethod Algorithm="${URI.sha256}"/><ds:DigestValue>AAAA</ds:DigestValue></ds:Reference></ds:SignedInfo><ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature></r>`;
    const parse = (xml: string) => {
      const d = parseXmlSafely(xml);
      if (!d.ok) throw new Error(d.error.message);
      return d.value;
    };
    const lengthOf = (d: Document) => {
      const c = canonicalizeToBytes(d.documentElement!, { algorithm: C14N_URIS.exclusive, excludeElement: descendants(d, NS.dsig, 'Signature')[0]! });
      if (!c.ok) throw new Error(c.error.message);
      return c.value.length;
    };
    const doc = parse(build(size - lengthOf(parse(build(0)))));
    expect(lengthOf(doc)).toBe(size);
    return doc;
  }
  const canonicalFormOf = async (doc: Document) => (await verifySignatures(doc, [], AT, SAML_SIGNER_POLICY)).checks[0]!.report.references[0]!;

  it('at the limit: shown; one octet more: not shown, still digested', async () => {
    const at = await canonicalFormOf(ofCanonicalSize(CANONICAL_TRACE_MAX_BYTES));
    expect(at.canonicalForm).toHaveLength(CANONICAL_TRACE_MAX_BYTES);
    expect(at.canonicalForm!.startsWith('<r ID="_r"><p>xxx')).toBe(true);
    const over = await canonicalFormOf(ofCanonicalSize(CANONICAL_TRACE_MAX_BYTES + 1));
    expect(over.canonicalForm).toBeNull();
    expect(over.computedDigest).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });
});

describe('keys the signature carries', () => {
  it('a KeyInfo certificate of another key type than the SignatureMethod is no key for it', async () => {
    const m = await inspect(signed.replace(x509Data(signed), `<ds:X509Data><ds:X509Certificate>${certBase64(ec)}</ds:X509Certificate></ds:X509Data>`), []);
    expect([sig(m).verdict, sig(m).reason]).toEqual(['invalid', 'The SignatureValue does not verify with the trust you gave (none) nor with the certificate in KeyInfo.']);
    // Still listed: it is what the message carries.
    expect(sig(m).keyInfoCertificates.map((c) => c.subject)).toEqual(['CN=verify-trace-ec.samlscope.test']);
  });

  it(`RSAKeyValues: the first ${MAX_CERTIFICATES_PER_KEYINFO} are tried, no more`, async () => {
    const keyValue = (k: KeyPair) => {
      const jwk = createPublicKey(k.certPem).export({ format: 'jwk' });
      const b64 = (u: string) => Buffer.from(u, 'base64url').toString('base64');
      return `<ds:KeyValue><ds:RSAKeyValue><ds:Modulus>${b64(jwk.n!)}</ds:Modulus><ds:Exponent>${b64(jwk.e!)}</ds:Exponent></ds:RSAKeyValue></ds:KeyValue>`;
    };
    const withRightKeyAt = (n: number) => signed.replace(x509Data(signed), keyValue(other).repeat(n - 1) + keyValue(idp));
    const last = await inspect(withRightKeyAt(MAX_CERTIFICATES_PER_KEYINFO), []);
    expect([sig(last).verdict, sig(last).key.subject]).toEqual(['untrusted', 'RSAKeyValue in KeyInfo']);
    const past = await inspect(withRightKeyAt(MAX_CERTIFICATES_PER_KEYINFO + 1), []);
    expect([sig(past).verdict, sig(past).reason]).toEqual(['invalid', 'The SignatureValue does not verify with the trust you gave (none) nor with the RSAKeyValue in KeyInfo.']);
  });
});
