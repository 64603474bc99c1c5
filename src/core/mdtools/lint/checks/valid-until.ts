// validUntil (SAML metadata §2.3.1, §2.3.2): metadata past it must not be used; the earliest
// validUntil of the entity and its enclosing EntitiesDescriptors governs. eduGAIN's Metadata
// Profile (§3.3) lets an aggregate be valid at most 28 days ahead, so that a stolen or
// withdrawn aggregate cannot be replayed for months.
import { DAY_MS, describeDuration } from '../../durations';
import { findingOf, type CodeSpec, type LintCheck } from '../check';

export const VALID_UNTIL_MAX_DAYS = 28;

const EXPIRED: CodeSpec = { code: 'md-expired', severity: 'error', title: 'Metadata has expired (validUntil is past)' };
const TOO_FAR: CodeSpec = { code: 'md-validuntil-too-far', severity: 'warning', title: `validUntil is more than ${VALID_UNTIL_MAX_DAYS} days ahead` };
const NONE: CodeSpec = { code: 'md-no-validuntil', severity: 'info', title: 'No validUntil: the metadata never expires' };

export const validUntilCheck: LintCheck = {
  name: 'valid-until',
  codes: [EXPIRED, TOO_FAR, NONE],
  check({ entity, at, profile, inAggregate }) {
    const v = entity.validUntil;
    if (!v) {
      // An aggregate's root without validUntil is reported once, on the document (metadata-signature.ts).
      if (inAggregate) return [];
      return [findingOf(NONE, 'Neither the EntityDescriptor nor an enclosing EntitiesDescriptor has validUntil. Consumers keep trusting this metadata, and the keys in it, until someone replaces it by hand (SAML metadata §2.3.2).', 'Publish the metadata with a validUntil a few days ahead and refresh it before then (a signed aggregate: at most 28 days, eduGAIN Metadata Profile §3.3).', profile)];
    }
    const left = v.time - at.getTime();
    if (left <= 0) {
      return [findingOf(EXPIRED, `validUntil="${v.value}" on the ${v.on} ended ${describeDuration(left)} before ${at.toISOString()}. SAML metadata §2.3.1: a consumer must not use metadata past its validUntil; Shibboleth, SimpleSAMLphp and authentik's sources refuse it and every login with this entity fails.`, 'Download the current metadata from the entity (or the federation) and load it again; if the publisher still serves this document, ask them to re-sign it with a later validUntil.', profile)];
    }
    // An aggregate's own validUntil too far ahead is one finding on the document (metadata-signature.ts).
    if (left > VALID_UNTIL_MAX_DAYS * DAY_MS && v.on === 'EntityDescriptor') {
      return [findingOf(TOO_FAR, `validUntil="${v.value}" on the ${v.on} is ${describeDuration(left)} after ${at.toISOString()}. eduGAIN's Metadata Profile (§3.3) and most federations cap it at ${VALID_UNTIL_MAX_DAYS} days so that withdrawn or compromised metadata stops being accepted soon.`, `Sign the metadata with a validUntil at most ${VALID_UNTIL_MAX_DAYS} days ahead and re-sign it on a schedule.`, profile)];
    }
    return [];
  },
};
