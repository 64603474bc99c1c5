// Dates that stop the pair working: either metadata past validUntil (SAML metadata §2.3.1), the
// IdP's signing certificates expired (checked by many SPs), or the two sides sharing an entityID
// (the SP would accept its own AuthnRequest's Issuer as the IdP's).
import { DAY_MS, describeDuration } from '../../durations';
import { findingOf, type CodeSpec } from '../../lint/check';
import { CERT_EXPIRING_DAYS } from '../../lint/checks/certificates';
import type { PairCheck } from '../check';

const EXPIRED_MD: CodeSpec = { code: 'pair-metadata-expired', severity: 'error', title: 'One side\'s metadata has expired' };
const CERT_EXPIRED: CodeSpec = { code: 'pair-idp-cert-expired', severity: 'error', title: 'The IdP\'s signing certificates have expired' };
const CERT_EXPIRING: CodeSpec = { code: 'pair-idp-cert-expiring', severity: 'warning', title: 'The IdP\'s signing certificate expires soon' };
const SAME_ID: CodeSpec = { code: 'pair-same-entity-id', severity: 'error', title: 'IdP and SP have the same entityID' };

export const validityCheck: PairCheck = {
  name: 'validity',
  codes: [EXPIRED_MD, CERT_EXPIRED, CERT_EXPIRING, SAME_ID],
  check({ idp, sp, at, idpProfile }) {
    const out = [];
    for (const [who, e] of [['IdP', idp], ['SP', sp]] as const) {
      if (e.validUntil && e.validUntil.time <= at.getTime()) out.push(findingOf(EXPIRED_MD, `The ${who}'s metadata expired at ${e.validUntil.value}: the other side must not use it (SAML metadata §2.3.1) and products that honour validUntil refuse the login.`, `Load current metadata of the ${who}.`));
    }
    const signing = idp.keys.filter((k) => k.role === 'IDPSSODescriptor' && k.use !== 'encryption' && k.facts);
    if (signing.length > 0) {
      const latest = Math.max(...signing.map((k) => Date.parse(k.facts!.notAfter)));
      if (latest <= at.getTime()) out.push(findingOf(CERT_EXPIRED, `Every signing certificate of the IdP has expired (the last on ${new Date(latest).toISOString()}). SPs that check certificate dates — Scaleway's among them when it validates the certificate you upload — refuse its Responses.`, 'Roll the IdP\'s signing key over (Rollover tab) and give the SP the new metadata.', idpProfile));
      else if (latest - at.getTime() <= CERT_EXPIRING_DAYS * DAY_MS) out.push(findingOf(CERT_EXPIRING, `The IdP's last valid signing certificate expires in ${describeDuration(latest - at.getTime())}: plan the rollover with this SP now.`, 'Publish the new certificate beside the old one, have the SP load it, then switch (Rollover tab).', idpProfile));
    }
    if (idp.entityID === sp.entityID) out.push(findingOf(SAME_ID, `Both documents describe entityID "${idp.entityID}". The IdP's Issuer and the SP's entityID must differ (the Audience is the SP's; an Issuer equal to it is the misconfiguration behind issuer-is-sp-entity-id).`, 'Give each side its own entityID: the IdP its issuer URL, the SP its own.'));
    return out;
  },
};
