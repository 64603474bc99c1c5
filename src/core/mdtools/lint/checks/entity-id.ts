// entityID (SAML metadata §2.3.2, SAML core §8.3.6): a URI of at most 1024 characters. Absolute
// URLs are the norm (and required by eduGAIN); an empty or relative one breaks Issuer matching.
import { findingOf, type CodeSpec, type LintCheck } from '../check';

const TOO_LONG: CodeSpec = { code: 'md-entity-id-too-long', severity: 'error', title: 'entityID longer than 1024 characters' };
const NOT_URI: CodeSpec = { code: 'md-entity-id-not-absolute', severity: 'warning', title: 'entityID is not an absolute URI' };

export const entityIdCheck: LintCheck = {
  name: 'entity-id',
  codes: [TOO_LONG, NOT_URI],
  check({ entity, profile }) {
    const id = entity.entityID;
    const out = [];
    if (id.length > 1024) out.push(findingOf(TOO_LONG, `The entityID has ${id.length} characters; SAML core §8.3.6 limits entity identifiers to 1024, and partners truncate or reject longer ones.`, 'Choose a shorter entityID (a URL on your own domain).', profile));
    if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(id)) out.push(findingOf(NOT_URI, `entityID="${id}" is not an absolute URI (SAML core §8.3.6): it is compared byte for byte with the Issuer, and federations (eduGAIN) require a URL or URN.`, 'Use an absolute URL you control, e.g. https://idp.example.org/idp/shibboleth.', profile));
    return out;
  },
};
