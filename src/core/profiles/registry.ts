// The profile registry: the only list of profiles, in the order the page lists them (detection
// order is each profile's `priority`). Adding a profile = one new file + one line here + its name
// in names.ts (checked below); the ProfileName union, the CLI's --profile, the URL's ?profile=
// and share links follow.
import { authentikProviderProfile } from './authentik-provider';
import { authentikSourceProfile } from './authentik-source';
import { genericProfile } from './generic';
import { DEFAULT_PROFILE, isProfileName, PROFILE_NAMES } from './names';
import type { ProfileName } from '../types';
import type { Profile } from './profile';
import { scalewayProfile } from './scaleway';

export const PROFILES = [genericProfile, scalewayProfile, authentikProviderProfile, authentikSourceProfile] as const;

export type { ProfileName };

// Compile-time check: the registered profiles are exactly the names the profile files declare
// (types.ts ProfileNames) — a profile file left out of PROFILES, or listed without its
// declaration, does not typecheck.
// The same for the light list of names (names.ts), which the first screen reads instead of this.
type Registered = (typeof PROFILES)[number]['name'];
type Listed = (typeof PROFILE_NAMES)[number];
const sameNames: [Registered] extends [ProfileName] ? ([ProfileName] extends [Registered] ? true : never) : never = true;
const sameList: [Registered] extends [Listed] ? ([Listed] extends [Registered] ? true : never) : never = true;
void sameNames;
void sameList;

export { DEFAULT_PROFILE, isProfileName, PROFILE_NAMES };

export function profileByName(name: ProfileName | string): Profile<ProfileName> {
  return PROFILES.find((p) => p.name === name) ?? genericProfile;
}
