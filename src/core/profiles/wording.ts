// Putting a finding into the words of the active profile. Every check words its finding
// profile-neutrally and records the situation (FixParts.variant) and the values it saw
// (FixParts.values); the profile's own file says how its product words that code. Applied once
// to every finding of a message — the rules', the verifier's and the decrypter's alike.
import type { FixParts } from '../findings/fix';
import type { CodeWording, Profile, Wording, WordingValues } from './profile';
import { profileByName, type ProfileName } from './registry';

interface WordableFinding {
  code: string;
  title: string;
  explanation: string;
  fix: string;
  fixParts?: FixParts;
}

const say = (w: Wording, v: WordingValues): string => (typeof w === 'string' ? w : w(v));

/** The profile's wording for this finding: `code/variant` first, then `code`. */
export function wordingFor(profile: Profile, code: string, variant: string | undefined): CodeWording | null {
  return (variant !== undefined ? profile.wording[`${code}/${variant}`] : undefined) ?? profile.wording[code] ?? null;
}

export function wordFinding<F extends WordableFinding>(profile: Profile | ProfileName, f: F): F {
  const p = typeof profile === 'string' ? profileByName(profile) : profile;
  const w = wordingFor(p, f.code, f.fixParts?.variant);
  if (!w) return f;
  const v = f.fixParts?.values ?? {};
  const explanation = w.explanation !== undefined ? say(w.explanation, v) : f.explanation;
  const note = w.note !== undefined ? say(w.note, v) : '';
  return {
    ...f,
    ...(w.title !== undefined ? { title: say(w.title, v) } : {}),
    explanation: note ? `${explanation} ${note}` : explanation,
    ...(w.fix !== undefined ? { fix: say(w.fix, v) } : {}),
  };
}
