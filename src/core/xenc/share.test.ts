// The SP key is a secret and decrypted content is shared only like the rest of the message
// (docs/decryption.md, docs/sharing.md).
import { describe, expect, it } from 'vitest';
import { readCorpus, trustOf, corpusManifest } from '../corpus/corpus.testutil';
import { inspectInput } from '../inspect';
import { exportFormatNamed, reportToMarkdown } from '../exports';
import { createShareState, encodeShareFragment, inspectOptionsOf, redactShareState } from '../share';

const FILE = 'python3saml__signed_message_response2.xml'; // EncryptedAssertion with an EncryptedID inside
const entry = corpusManifest().find((e) => e.file === FILE)!;
const KEY = readCorpus(entry.decryption_key!);
const keyChunks = KEY.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '').match(/.{1,40}/g)!;
const AT = new Date('2020-01-01T00:00:00Z');

async function decryptedReport() {
  const options = { trust: trustOf(entry), at: AT, decryptionKeys: [KEY] };
  return { options, report: await inspectInput(readCorpus(FILE), FILE, options) };
}

const noKey = (text: string) => {
  expect(text).not.toContain('PRIVATE KEY');
  for (const c of keyChunks) expect(text).not.toContain(c);
};

describe('the SP key and decrypted content in shares and exports', () => {
  it('decrypts the fixture: NameID and attributes come from the plaintext', async () => {
    const { report } = await decryptedReport();
    const a = report.messages[0]!.assertions[0]!;
    expect(a.decrypted).toBe(true);
    expect(a.nameId?.value).toBe('25ddd7d34a7d79db69167625cda56a320adf2876'); // from the EncryptedID
    expect(a.attributes.mail).toEqual(['smartin@yaco.es']);
  });

  it('a share link never carries the key, even if the options held it', async () => {
    const { options, report } = await decryptedReport();
    const state = createShareState({ input: readCorpus(FILE), trust: options.trust, options, selected: 0, source: FILE });
    const json = JSON.stringify(state);
    noKey(json);
    expect(json).not.toContain('smartin@yaco.es'); // the link holds the encrypted message only
    expect(encodeShareFragment(state)).not.toContain('PRIVATE');
    expect(inspectOptionsOf(state)).not.toHaveProperty('decryptionKeys');
    // Exports of the unredacted report describe the decrypted message, never the key.
    noKey(exportFormatNamed('json')!.render([report]));
    noKey(reportToMarkdown(report));
    expect(reportToMarkdown(report)).toContain('smartin@yaco.es');
  });

  it('redaction masks decrypted values and the ciphertext, and the redacted copy is re-inspected without a key', async () => {
    const { options, report } = await decryptedReport();
    const state = createShareState({ input: readCorpus(FILE), trust: options.trust, options, selected: 0, source: FILE });
    const original = readCorpus(FILE);
    const cipherValues = [...original.matchAll(/<xenc:CipherValue>([^<]+)</g)].map((m) => m[1]!.replace(/\s+/g, '').slice(0, 40));
    const r = await redactShareState(state, ['emails'], report, { salt: 'test' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const json = JSON.stringify(r.value.state);
    noKey(json);
    expect(json).not.toContain('smartin@yaco.es');
    // Whoever holds the SP key could read the hidden e-mail from the ciphertext: masked too.
    for (const c of cipherValues) expect(json).not.toContain(c);
    const again = await inspectInput(r.value.state.input, 'redacted', inspectOptionsOf(r.value.state));
    expect(again.messages[0]!.decryption).toBeUndefined();
    const md = reportToMarkdown(again, { reportedVerdicts: r.value.state.redacted!.reportedVerdicts });
    expect(md).not.toContain('smartin@yaco.es');
    noKey(md);
  });

  it('without redaction fields the ciphertext is left as received', async () => {
    const { options, report } = await decryptedReport();
    const state = createShareState({ input: readCorpus(FILE), trust: options.trust, options, selected: 0 });
    const r = await redactShareState(state, [], report, { salt: 'test' });
    expect(r.ok && r.value.state.input).toBe(readCorpus(FILE));
  });
});
