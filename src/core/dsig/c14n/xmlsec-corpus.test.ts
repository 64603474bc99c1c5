// Oracle on real signed messages: for every ds:Signature in the corpus, xmlsec1 prints the exact
// octets it digested for each Reference (a document subset: the referenced element minus the
// enveloped Signature, ancestors' namespaces pulled in as the spec says) and the canonical
// SignedInfo; ours must be identical. The key is irrelevant (the signature may not verify with
// it): xmlsec1 computes and stores the buffers before comparing anything.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DSIG_NS, XMLSEC1, elementsByNs, idAttrArgs, ourReferences, ourSignedInfo, parseXml, parseXmlWithXmldom, runXmlsec } from './oracle.testutil';

const CORPUS = join(__dirname, '../../../../test/corpus');
const ANY_CERT = join(CORPUS, 'python3saml__certificate1.pem');

const stats = { signedInfo: 0, references: 0, refusedAsRecorded: 0 };

interface RecordedSignature { result: 'OK' | 'FAIL'; after_decryption?: boolean }
interface ManifestEntry { file: string; decoded_file?: string; expected: { signature: string }; xmlsec1_result?: { signatures: RecordedSignature[] } }
const manifest = JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8')) as ManifestEntry[];
const entryOf = new Map<string, ManifestEntry>();
for (const e of manifest) entryOf.set(e.file, e);
// A decoded payload's own entry (it has one when it is a message of its own) wins over the encoded file's.
for (const e of manifest) if (e.decoded_file && !entryOf.has(e.decoded_file)) entryOf.set(e.decoded_file, e);
/** xmlsec1's recorded verdict (test/corpus/README.md) per ds:Signature in document order, outside encrypted content. */
const recordedVerdicts = (file: string): Array<'OK' | 'FAIL'> =>
  (entryOf.get(file)?.xmlsec1_result?.signatures ?? []).filter((s) => !s.after_decryption).map((s) => s.result);

describe('subset c14n vs xmlsec1 pre-digest buffers on the corpus', () => {
  it('has xmlsec1 installed', () => {
    expect(existsSync(XMLSEC1), `${XMLSEC1} is missing: apt-get install xmlsec1`).toBe(true);
  });

  // Files with a ds:Signature element outside encrypted content (the namespace alone is not enough:
  // metadata KeyInfo and EncryptedAssertion use it too) and without a DTD (refused before parsing).
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.xml')).sort().filter((f) => {
    const text = readFileSync(join(CORPUS, f), 'utf8');
    return /<(\w+:)?Signature[\s>]/.test(text.replace(/<(\w+:)?EncryptedAssertion[\s\S]*?<\/(\w+:)?EncryptedAssertion>/g, '')) && !/<!DOCTYPE/i.test(text);
  });
  it('finds the signed corpus messages', () => {
    expect(files.length).toBeGreaterThan(90);
  });

  for (const file of files) {
    const path = join(CORPUS, file);
    // Without a leading byte order mark, as decodeInput hands XML to the parser (xmldom refuses one).
    const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    it(file, () => {
      expect.hasAssertions();
      // Both DOMs: the core's reader (verification) and xmldom (what the mock SP signs).
      let xmldomDoc: Document;
      try {
        xmldomDoc = parseXmlWithXmldom(text);
      } catch {
        // Not well-formed: the two malformed corpus messages. The reader must refuse them too.
        expect(entryOf.get(file)?.expected.signature, `${file}: xmldom refuses a message the corpus does not call malformed`).toBe('malformed');
        expect(() => parseXml(text), `${file}: the reader accepts what xmldom refuses`).toThrow();
        return;
      }
      const xmlsecAccepts = runXmlsec(['--verify', ...idAttrArgs(xmldomDoc), '--enabled-key-data', 'key-name', '--pubkey-cert-pem', ANY_CERT, path]).preSigned.length > 0;
      let doc: Document;
      try {
        doc = parseXml(text);
      } catch (e) {
        // The reader may refuse only what libxml2 refuses too.
        expect(xmlsecAccepts, `${file}: the reader refuses a document xmlsec1 reads: ${(e as Error).message}`).toBe(false);
        return;
      }
      const signatures = elementsByNs(doc, DSIG_NS, 'Signature');
      const xmldomSignatures = elementsByNs(xmldomDoc, DSIG_NS, 'Signature');
      const recorded = recordedVerdicts(file);
      expect(signatures.length, `${file}: signatures outside encrypted content`).toBeGreaterThan(0);
      expect(recorded, `${file}: one recorded xmlsec1 verdict per signature`).toHaveLength(signatures.length);
      signatures.forEach((signature, index) => {
        const label = `${file} signature ${index + 1}`;
        const xpath = `(//*[local-name()='Signature' and namespace-uri()='${DSIG_NS}'])[${index + 1}]`;
        const got = runXmlsec(['--verify', ...idAttrArgs(doc), '--enabled-key-data', 'key-name', '--pubkey-cert-pem', ANY_CERT, '--node-xpath', xpath, path]);
        const mineRefs = ourReferences(doc, signature);
        const xmldomRefs = ourReferences(xmldomDoc, xmldomSignatures[index]!);
        if (got.preDigest.length === mineRefs.length) {
          mineRefs.forEach((mine, i) => {
            expect(mine, `${label} reference ${i + 1}: xmlsec1 digested it, we could not`).not.toBeNull();
            expect(mine, `${label} reference ${i + 1}`).toBe(got.preDigest[i]);
            expect(xmldomRefs[i], `${label} reference ${i + 1} (xmldom)`).toBe(got.preDigest[i]);
            stats.references++;
          });
        } else {
          // xmlsec1 could not resolve the reference (a duplicated or missing ID, an algorithm URI it
          // does not know): nothing to compare, and the corpus records that xmlsec1 fails it.
          expect(got.preDigest, `${label}: xmlsec1 digested ${got.preDigest.length} of ${mineRefs.length} references`).toEqual([]);
          expect(recorded[index], `${label}: xmlsec1 resolves no reference but the corpus records it verifying`).toBe('FAIL');
        }
        if (got.preSigned.length === 1) {
          const mineSignedInfo = ourSignedInfo(signature);
          expect(mineSignedInfo, `${label} SignedInfo`).toBe(got.preSigned[0]);
          expect(ourSignedInfo(xmldomSignatures[index]!), `${label} SignedInfo (xmldom)`).toBe(got.preSigned[0]);
          stats.signedInfo++;
        } else {
          // xmlsec1 canonicalizes SignedInfo only once every reference digest matches: a signature
          // over changed content stops earlier. The corpus records xmlsec1 failing it with the right key.
          expect(got.status, `${label}: xmlsec1 wrote no SignedInfo yet succeeded`).not.toBe(0);
          expect(recorded[index], `${label}: no SignedInfo from xmlsec1 but the corpus records it verifying`).toBe('FAIL');
          stats.refusedAsRecorded++;
        }
      });
    });
  }

  it('compared a meaningful number of buffers', () => {
    console.log(`xmlsec1 corpus oracle: ${stats.signedInfo} SignedInfo and ${stats.references} reference buffers compared; ${stats.refusedAsRecorded} signatures refused by xmlsec1 as recorded`);
    expect(stats.signedInfo).toBeGreaterThan(50);
    expect(stats.references).toBeGreaterThan(50);
  });
});
