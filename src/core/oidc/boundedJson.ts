// JSON.parse with its nesting bounded first. JSON.parse itself copes with deep input, but every
// walker after it (JSON.stringify for display, structuredClone, the CEL conversion) recurses, and
// a 10,000-deep header overflowed the stack in JSON.stringify. RFC 8259 §9: "An implementation
// may set limits on the maximum depth of nesting" — ours is OIDC_LIMITS.jsonDepth.
import { OIDC_LIMITS } from '../limits';
import { fail, ok, type Result } from '../types';
import type { OidcError } from './findings';

/** Deepest nesting of arrays/objects in `text`, counted iteratively outside strings; stops once above `max`. */
export function jsonNestingDepth(text: string, max: number = OIDC_LIMITS.jsonDepth): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > max) return deepest;
      }
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return deepest;
}

/** Parse JSON whose nesting is within OIDC_LIMITS.jsonDepth. `what` names the part ("the JWS header"). */
export function parseBoundedJson(text: string, what: string, ref: string): Result<unknown, OidcError> {
  if (jsonNestingDepth(text) > OIDC_LIMITS.jsonDepth) {
    return fail({ code: 'oidc-json-too-deep', message: `${capitalize(what)} nests arrays/objects more than ${OIDC_LIMITS.jsonDepth} levels deep; samlscope stops there (no ID token nests more than a few levels).` });
  }
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (e) {
    return fail({ code: 'oidc-bad-json', message: `${capitalize(what)} is not JSON (${ref}): ${(e as Error).message}.` });
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
