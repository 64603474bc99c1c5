// Lint on the real metadata of test/corpus at a fixed instant. The certificate codes are checked
// against openssl as an independent oracle (`openssl x509 -noout -enddate -text` of every
// certificate: Not After, key size, signature algorithm); the rest against values read from the
// files (noted per file). openssl missing fails the test.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintMetadata } from './lint';

const AT = new Date('2020-01-01T00:00:00Z');
const corpus = join(__dirname, '../../../../test/corpus');

/** Non-info codes other than the certificate ones, as read from each file. */
const GOLDEN: Record<string, string[]> = {
  // validUntil 2021-01-03: 368 days after AT, more than 28.
  'crewjam__google_idp_metadata.xml': ['md-validuntil-too-far'],
  // <EmailAddress> without mailto:
  'crewjam__idp_example_metadata.xml': ['md-contact-not-mailto'],
  'crewjam__okta_idp_metadata.xml': [],
  // support@onelogin.com and an empty EmailAddress
  'crewjam__onelogin_idp_metadata.xml': ['md-contact-not-mailto'],
  // validUntil 2100-01-01
  'crewjam__samltest_id_idp_metadata.xml': ['md-validuntil-too-far'],
  'crewjam__secureworks_idp_metadata.xml': [],
  // validUntil 2015-12-03
  'crewjam__sp_metadata_both_certs.xml': ['md-expired'],
  // ndk@internet2.edu
  'crewjam__testshib_idp_metadata.xml': ['md-contact-not-mailto'],
  'python3saml__idp_metadata_multi_certs.xml': [],
  // validUntil 2015-01-17, an rsa-sha1 metadata signature, a bare contact address
  'python3saml__signed_metadata_settings1.xml': ['md-expired', 'md-weak-signature', 'md-contact-not-mailto'],
  // validUntil 2014-09-25, http://pytoolkit.com:8000/?acs and ?sls, a bare contact address
  'python3saml__signed_metadata_settings2.xml': ['md-expired', 'md-http-endpoint', 'md-contact-not-mailto'],
};

function opensslCodes(xml: string): Set<string> {
  const out = new Set<string>();
  for (const m of xml.matchAll(/<(?:\w+:)?X509Certificate\b[^>]*>([^<]+)</g)) {
    const b64 = m[1]!.replace(/\s+/g, '');
    const pem = `-----BEGIN CERTIFICATE-----\n${b64.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
    const text = execFileSync('openssl', ['x509', '-noout', '-enddate', '-text'], { input: pem, encoding: 'utf8' });
    const end = Date.parse(/notAfter=(.+)/.exec(text)![1]!);
    if (end <= AT.getTime()) out.add('md-cert-expired');
    else if (end - AT.getTime() <= 30 * 86_400_000) out.add('md-cert-expiring');
    const bits = /Public-Key: \((\d+) bit\)/.exec(text);
    if (/rsaEncryption/.test(text) && bits && Number(bits[1]) < 2048) out.add('md-key-too-small');
    if (/Signature Algorithm: (sha1|md5)With/i.test(text)) out.add('md-weak-signature');
  }
  return out;
}

describe('lint on test/corpus metadata (at 2020-01-01)', () => {
  for (const [file, others] of Object.entries(GOLDEN)) {
    it(file, async () => {
      const xml = readFileSync(join(corpus, file), 'utf8');
      const r = await lintMetadata(xml, file, { at: AT, schema: false });
      expect(r.errors).toEqual([]);
      const got = new Set([...r.findings, ...r.entities.flatMap((e) => e.findings)].filter((f) => f.severity !== 'info').map((f) => f.code));
      const expected = new Set([...opensslCodes(xml), ...others]);
      expect([...got].sort()).toEqual([...expected].sort());
    });
  }
});
