// Certificates in KeyDescriptors (SAML metadata §2.4.1.1). Their validity dates are not part
// of SAML trust (the key is trusted because the metadata is), but many SPs and IdPs check them
// anyway (ADFS, Azure AD, Okta refuse an expired signing certificate; node-saml does not), so
// expiry is the most common metadata outage. Keys below 2048-bit RSA and SHA-1 signatures are
// refused by eduGAIN's profile and by NIST SP 800-131A since 2014.
import { DAY_MS, describeDuration } from '../../durations';
import { findingOf, type CodeSpec, type LintCheck } from '../check';

export const CERT_EXPIRING_DAYS = 30;
export const RSA_MIN_BITS = 2048;

const EXPIRED: CodeSpec = { code: 'md-cert-expired', severity: 'error', title: 'A certificate in the metadata has expired' };
const EXPIRING: CodeSpec = { code: 'md-cert-expiring', severity: 'warning', title: `A certificate expires within ${CERT_EXPIRING_DAYS} days` };
const NOT_YET: CodeSpec = { code: 'md-cert-not-yet-valid', severity: 'warning', title: 'A certificate is not valid yet' };
const UNREADABLE: CodeSpec = { code: 'md-cert-unreadable', severity: 'error', title: 'A certificate cannot be read' };
const SMALL: CodeSpec = { code: 'md-key-too-small', severity: 'error', title: `RSA key shorter than ${RSA_MIN_BITS} bits` };
const WEAK: CodeSpec = { code: 'md-weak-signature', severity: 'warning', title: 'SHA-1 (or MD5) signature' };

export const certificatesCheck: LintCheck = {
  name: 'certificates',
  codes: [EXPIRED, EXPIRING, NOT_YET, UNREADABLE, SMALL, WEAK],
  check({ entity, at, profile }) {
    const out = [];
    const now = at.getTime();
    const seen = new Set<string>();
    for (const k of entity.keys) {
      const key = `${k.role}|${k.use}|${k.der}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const where = `The ${k.use ?? 'signing and encryption'} certificate of the ${k.role}`;
      if (!k.facts) {
        out.push(findingOf(UNREADABLE, `${where}: ${k.problem}. Consumers that read it fail to load the whole metadata.`, 'Paste the certificate again as base64 DER (the lines between BEGIN/END CERTIFICATE, without them).', profile));
        continue;
      }
      const f = k.facts;
      const end = Date.parse(f.notAfter);
      const label = `${where} (${f.subject}, valid ${f.notBefore.slice(0, 10)} to ${f.notAfter.slice(0, 10)})`;
      if (end <= now) {
        out.push(findingOf(EXPIRED, `${label} expired ${describeDuration(now - end)} before ${at.toISOString()}. SAML trust does not depend on certificate dates, but ADFS, Azure AD, Okta and Shibboleth's PKIX trust engine refuse an expired certificate${k.use === 'encryption' ? ', and encrypting to it fails in those SPs' : ''}.`, 'Generate a new key pair and certificate, publish it beside the old one, switch signing to it, then remove the old one (the Rollover tab plans the dates).', profile));
      } else if (end - now <= CERT_EXPIRING_DAYS * DAY_MS) {
        out.push(findingOf(EXPIRING, `${label} expires in ${describeDuration(end - now)} (by ${f.notAfter}). Every partner has to load the new certificate before then; a safe rollover publishes it at least a metadata refresh interval ahead.`, 'Start the rollover now: publish the new certificate beside the old one, wait for partners to refresh, then switch signing (the Rollover tab gives the dates).', profile));
      }
      if (Date.parse(f.notBefore) > now) {
        out.push(findingOf(NOT_YET, `${label} is only valid from ${f.notBefore}; consumers that check dates refuse it until then.`, 'Check the issuing machine\'s clock, or publish this certificate beside the current one until it becomes valid.', profile));
      }
      if (f.keyAlgorithm === 'RSA' && f.keyBits !== null && f.keyBits < RSA_MIN_BITS) {
        out.push(findingOf(SMALL, `${label} has a ${f.keyBits}-bit RSA key. NIST SP 800-131A disallows RSA below 2048 bits since 2014, eduGAIN requires at least 2048, and current xmlsec/Java/.NET defaults refuse 1024-bit keys.`, `Generate a new key of at least ${RSA_MIN_BITS} bits (openssl req -x509 -newkey rsa:3072 -days 1095 -nodes …) and roll it over.`, profile));
      }
      if (f.signatureHash === 'SHA-1' || f.signatureHash === 'MD5') {
        out.push(findingOf(WEAK, `${label} is signed with ${f.signatureHash}. Self-signed metadata certificates are not validated by SAML, but PKIX-checking consumers refuse it (SHA-1: SHAttered, 2017; MD5: forged CA certificates, 2008) and federation validators flag it.`, 'Re-issue the certificate with SHA-256 (openssl req -x509 -sha256 …); keeping the same key avoids a rollover.', profile));
      }
    }
    return out;
  },
};
