import { it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DSIG_NS, elementsByNs, idAttrArgs, ourReferences, ourSignedInfo, parseXml, runXmlsec } from './oracle.testutil';
it('dbg', () => {
  const C = '/work/shared/corpus';
  for (const f of readdirSync(C).filter((x) => x.endsWith('.xml'))) {
    const text = readFileSync(join(C, f), 'utf8'); if (!text.includes(DSIG_NS)) continue;
    let doc: Document; try { doc = parseXml(text); } catch { console.log('PARSE', f); continue; }
    elementsByNs(doc, DSIG_NS, 'Signature').forEach((s, i) => {
      const got = runXmlsec(['--verify', ...idAttrArgs(doc), '--enabled-key-data', 'key-name', '--pubkey-cert-pem', join(C, 'python3saml__certificate1.pem'), '--node-xpath', `(//*[local-name()='Signature' and namespace-uri()='${DSIG_NS}'])[${i + 1}]`, join(C, f)]);
      const si = ourSignedInfo(s); const refs = ourReferences(doc, s);
      if (got.preSigned.length !== 1 || si === null || got.preDigest.length !== refs.length || refs.includes(null))
        console.log('SKIP', f, i + 1, got.preSigned.length, si === null, got.preDigest.length, refs.length, refs.map((r) => r === null), got.stderr.split('\n').find((l) => /error=/.test(l))?.replace(/.*subj=/, '').slice(0, 140));
    });
  }
});
