// Encryption keys (SAML metadata §2.4.1.1): an IdP encrypts assertions with a key from the SP's
// metadata (use="encryption" or no use). Without one the IdP either sends assertions in clear or
// fails, depending on its configuration; with only an expired one, IdPs that check dates fail.
import { findingOf, type CodeSpec } from '../../lint/check';
import type { PairCheck } from '../check';

const MISSING: CodeSpec = { code: 'pair-encryption-key-missing', severity: 'warning', title: 'The SP publishes no encryption key' };
const EXPIRED: CodeSpec = { code: 'pair-encryption-key-expired', severity: 'warning', title: 'The SP\'s only encryption keys have expired' };

export const encryptionCheck: PairCheck = {
  name: 'encryption',
  codes: [MISSING, EXPIRED],
  check({ sp, at, idpProfile }) {
    const keys = sp.keys.filter((k) => k.role === 'SPSSODescriptor' && k.use !== 'signing');
    if (keys.length === 0) {
      return [findingOf(MISSING, 'The SP publishes no encryption key: an IdP configured to encrypt assertions for it fails to, and otherwise the assertion (name, attributes) crosses the browser readable.', idpProfile === 'authentik' ? 'Leave the authentik provider\'s "Encryption Certificate" empty for this SP, or have the SP publish an encryption certificate and select it there.' : 'Have the SP publish a KeyDescriptor use="encryption", or configure the IdP not to encrypt for this SP.')];
    }
    const live = keys.filter((k) => k.facts && Date.parse(k.facts.notAfter) > at.getTime());
    if (live.length === 0) {
      return [findingOf(EXPIRED, `Every encryption certificate the SP publishes has expired (latest ${keys.map((k) => k.facts?.notAfter ?? '?').sort().pop()}); IdPs that check certificate dates (ADFS, Azure AD, Okta) refuse to encrypt to it.`, 'Have the SP publish a new encryption certificate (and keep decrypting with the old key until the IdP has it).')];
    }
    return [];
  },
};
