// cacheDuration (SAML metadata §2.2.1, xs:duration): how long a consumer may keep its copy
// before fetching again. It must parse, and a cache that outlives validUntil serves expired
// metadata unless the consumer also honours validUntil.
import { attr } from '../../../xml/dom';
import { describeDuration, parseXsDuration } from '../../durations';
import { findingOf, type CodeSpec, type LintCheck } from '../check';

const INVALID: CodeSpec = { code: 'md-cache-duration-invalid', severity: 'error', title: 'cacheDuration is not an xs:duration' };
const TOO_LONG: CodeSpec = { code: 'md-cache-duration-too-long', severity: 'warning', title: 'cacheDuration outlasts validUntil' };

export const cacheDurationCheck: LintCheck = {
  name: 'cache-duration',
  codes: [INVALID, TOO_LONG],
  check({ entity, at, profile }) {
    const out = [];
    for (let el: Node | null = entity.element; el && el.nodeType === 1; el = el.parentNode) {
      const e = el as Element;
      const text = attr(e, 'cacheDuration');
      if (text === null) continue;
      const ms = parseXsDuration(text);
      if (ms === null || ms < 0) {
        out.push(findingOf(INVALID, `cacheDuration="${text}" on the ${e.localName} is not a non-negative xs:duration such as PT6H or P1D (XML Schema Part 2 §3.2.6). Consumers either reject the document (schema validation) or ignore the hint.`, 'Write it as an ISO 8601 duration: PT6H, P1D, P7D.', profile));
        continue;
      }
      const v = entity.validUntil;
      if (v && v.time > at.getTime() && at.getTime() + ms > v.time) {
        out.push(findingOf(TOO_LONG, `cacheDuration="${text}" on the ${e.localName} (${describeDuration(ms)}) lets a consumer keep this copy beyond validUntil="${v.value}" (in ${describeDuration(v.time - at.getTime())}): one that trusts the cache more than validUntil keeps using expired metadata.`, 'Make cacheDuration shorter than the time left before validUntil (a few hours is usual: PT6H).', profile));
      }
    }
    return out;
  },
};
