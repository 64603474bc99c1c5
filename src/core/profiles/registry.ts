// The profile registry: the only list of profiles, in the order the page lists them (detection
// order is each profile's `priority`). Adding a profile = one new file + one line here; the
// ProfileName union, the CLI's --profile, the URL's ?profile= and share links follow.
import { authentikProviderProfile } from './authentik-provider';
import { authentikSourceProfile } from './authentik-source';
import { genericProfile } from './generic';
import type { ProfileName } from '../types';
import type { Profile } from './profile';
import { scalewayProfile } from './scaleway';

export const PROFILES = [genericProfile, scalewayProfile, authentikProviderProfile, authentikSourceProfile] as const;

export type { ProfileName };

// Compile-time check: the registered profiles are exactly the names the profile files declare
// (types.ts ProfileNames) — a profile file left out of PROFILES, or listed without its
// declaration, does not typecheck.
type Registered = (typeof PROFILES)[number]['name'];
const sameNames: [Registered] extends [ProfileName] ? ([ProfileName] extends [Registered] ? true : never) : never = true;
void sameNames;

export const PROFILE_NAMES: readonly ProfileName[] = PROFILES.map((p) => p.name);

export const DEFAULT_PROFILE: ProfileName = genericProfile.name;

export function isProfileName(v: unknown): v is ProfileName {
  return typeof v === 'string' && (PROFILE_NAMES as readonly string[]).includes(v);
}

export function profileByName(name: ProfileName | string): Profile<ProfileName> {
  return PROFILES.find((p) => p.name === name) ?? genericProfile;
}
