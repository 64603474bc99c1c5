// The document as a whole: an aggregate's own validUntil (reported once, not per entity), and
// the XML signature of the metadata. Federations sign their aggregates (eduGAIN Metadata Profile
// §3.4) with RSA-SHA256 or better; SHA-1 (xmldsig#rsa-sha1, xmldsig#sha1) is refused by current
// Shibboleth and pyFF defaults.
import { NS, attr, childElements, descendants } from '../../../xml/dom';
import { DAY_MS, describeDuration } from '../../durations';
import { findingOf, type CodeSpec, type DocumentCheck } from '../check';
import type { MdFinding } from '../../types';
import { VALID_UNTIL_MAX_DAYS } from './valid-until';

const WEAK: CodeSpec = { code: 'md-weak-signature', severity: 'warning', title: 'SHA-1 signature' };
const UNSIGNED: CodeSpec = { code: 'md-aggregate-unsigned', severity: 'warning', title: 'The aggregate is not signed' };
const EXPIRED: CodeSpec = { code: 'md-expired', severity: 'error', title: 'Metadata has expired (validUntil is past)' };
const TOO_FAR: CodeSpec = { code: 'md-validuntil-too-far', severity: 'warning', title: `validUntil is more than ${VALID_UNTIL_MAX_DAYS} days ahead` };
const NONE: CodeSpec = { code: 'md-no-validuntil', severity: 'warning', title: 'No validUntil: the metadata never expires' };

const SHA1 = /#(rsa-|dsa-|ecdsa-|hmac-)?sha1$/;

export const metadataSignatureCheck: DocumentCheck = {
  name: 'metadata-signature',
  codes: [WEAK, UNSIGNED, EXPIRED, TOO_FAR, NONE],
  check(doc, at) {
    const document: MdFinding[] = [];
    const signature = childElements(doc.root, NS.dsig, 'Signature')[0];
    if (signature) {
      const algs = [...descendants(signature, NS.dsig, 'SignatureMethod'), ...descendants(signature, NS.dsig, 'DigestMethod')].map((m) => attr(m, 'Algorithm') ?? '');
      const weak = algs.filter((a) => SHA1.test(a));
      if (weak.length) document.push(findingOf(WEAK, `The metadata's XML signature uses ${[...new Set(weak)].join(' and ')}. SHA-1 collisions are practical (SHAttered, 2017); Shibboleth, pyFF and eduGAIN refuse SHA-1 metadata signatures.`, 'Re-sign the metadata with http://www.w3.org/2001/04/xmldsig-more#rsa-sha256 and http://www.w3.org/2001/04/xmlenc#sha256 (xmlsec1 --sign with a SHA-256 template).'));
    } else if (doc.kind === 'EntitiesDescriptor') {
      document.push(findingOf(UNSIGNED, 'The EntitiesDescriptor has no ds:Signature. An aggregate is only trustworthy when its consumers verify the federation\'s signature on it (eduGAIN Metadata Profile §3.4); unsigned, anybody on the download path can add an IdP.', 'Sign the aggregate (xmlsec1, pyFF\'s sign pipe, or the Shibboleth MDA) and have consumers verify it with the federation\'s certificate.'));
    }
    if (doc.kind === 'EntitiesDescriptor') {
      const v = attr(doc.root, 'validUntil');
      const time = v === null ? NaN : Date.parse(v);
      if (v === null) {
        document.push(findingOf(NONE, 'The EntitiesDescriptor has no validUntil: a copy of this aggregate can be replayed forever, including entities and keys the federation has since withdrawn (eduGAIN Metadata Profile §3.3).', `Sign the aggregate with a validUntil at most ${VALID_UNTIL_MAX_DAYS} days ahead.`));
      } else if (!Number.isNaN(time) && time <= at.getTime()) {
        document.push(findingOf(EXPIRED, `The aggregate's validUntil="${v}" ended ${describeDuration(at.getTime() - time)} before ${at.toISOString()}: consumers must not use any entity in it (SAML metadata §2.3.1).`, 'Fetch the current aggregate from the federation; if it is still this one, tell the federation operator.'));
      } else if (!Number.isNaN(time) && time - at.getTime() > VALID_UNTIL_MAX_DAYS * DAY_MS) {
        document.push(findingOf(TOO_FAR, `The aggregate's validUntil="${v}" is ${describeDuration(time - at.getTime())} ahead; eduGAIN's Metadata Profile (§3.3) allows at most ${VALID_UNTIL_MAX_DAYS} days.`, `Sign the aggregate with a validUntil at most ${VALID_UNTIL_MAX_DAYS} days ahead.`));
      }
    }
    return { document, byEntity: new Map() };
  },
};
