// The profile names without the profiles. What only validates or lists a name — the URL's
// ?profile= (core/settings), share links, the CLI's --profile, the page's profile menu — imports
// this, not the registry: the registry brings every profile's detection and wording, 6 kB gzip
// the inspect page's first screen does not need (issue 15: first-screen JavaScript ≤ 150 kB).
// registry.ts checks at compile time, and profiles.test.ts in order, that this list is exactly
// the registered profiles: a profile added there and not here does not typecheck.
import type { ProfileName } from '../types';

export type { ProfileName };

/** In the order the page lists them (registry.ts PROFILES). */
export const PROFILE_NAMES = ['generic', 'scaleway', 'authentik-provider', 'authentik-source'] as const satisfies readonly ProfileName[];

export const DEFAULT_PROFILE: ProfileName = 'generic';

export function isProfileName(v: unknown): v is ProfileName {
  return typeof v === 'string' && (PROFILE_NAMES as readonly string[]).includes(v);
}
