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

const stats = { signedInfo: 0, references: 0 };

describe('subset c14n vs xmlsec1 pre-digest buffers on the corpus', () => {
  it('has xmlsec1 installed', () => {
    expect(existsSync(XMLSEC1), `${XMLSEC1} is missing: apt-get install xmlsec1`).toBe(true);
  });

  const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.xml')).sort() : [];
  for (const file of files) {
    const path = join(CORPUS, file);
    const text = readFileSync(path, 'utf8');
    if (!text.includes(DSIG_NS) || /<!DOCTYPE/i.test(text)) continue;
    it(file, () => {
      // Both DOMs: the core's reader (verification) and xmldom (what the mock SP signs).
      let doc: Document;
      let xmldomDoc: Document;
      try {
        xmldomDoc = parseXmlWithXmldom(text);
      } catch {
        return; // not well-formed for xmldom either: the parser reports it
      }
      const xmlsecAccepts = runXmlsec(['--verify', ...idAttrArgs(xmldomDoc), '--enabled-key-data', 'key-name', '--pubkey-cert-pem', ANY_CERT, path]).preSigned.length > 0;
      try {
        doc = parseXml(text);
      } catch (e) {
        // The reader may refuse only what libxml2 refuses too.
        expect(xmlsecAccepts, `${file}: the reader refuses a document xmlsec1 reads: ${(e as Error).message}`).toBe(false);
        return;
      }
      const signatures = elementsByNs(doc, DSIG_NS, 'Signature');
      const xmldomSignatures = elementsByNs(xmldomDoc, DSIG_NS, 'Signature');
      signatures.forEach((signature, index) => {
        const xpath = `(//*[local-name()='Signature' and namespace-uri()='${DSIG_NS}'])[${index + 1}]`;
        const got = runXmlsec(['--verify', ...idAttrArgs(doc), '--enabled-key-data', 'key-name', '--pubkey-cert-pem', ANY_CERT, '--node-xpath', xpath, path]);
        const mineSignedInfo = ourSignedInfo(signature);
        if (got.preSigned.length === 1 && mineSignedInfo !== null) {
          expect(mineSignedInfo, `${file} signature ${index + 1} SignedInfo`).toBe(got.preSigned[0]);
          expect(ourSignedInfo(xmldomSignatures[index]!), `${file} signature ${index + 1} SignedInfo (xmldom)`).toBe(got.preSigned[0]);
          stats.signedInfo++;
        }
        const mineRefs = ourReferences(doc, signature);
        const xmldomRefs = ourReferences(xmldomDoc, xmldomSignatures[index]!);
        if (got.preDigest.length === mineRefs.length) {
          mineRefs.forEach((mine, i) => {
            if (mine === null) return;
            expect(mine, `${file} signature ${index + 1} reference ${i + 1}`).toBe(got.preDigest[i]);
            expect(xmldomRefs[i], `${file} signature ${index + 1} reference ${i + 1} (xmldom)`).toBe(got.preDigest[i]);
            stats.references++;
          });
        }
      });
    });
  }

  it('compared a meaningful number of buffers', () => {
    console.log(`xmlsec1 corpus oracle: ${stats.signedInfo} SignedInfo and ${stats.references} reference buffers compared`);
    expect(stats.signedInfo).toBeGreaterThan(50);
    expect(stats.references).toBeGreaterThan(50);
  });
});
