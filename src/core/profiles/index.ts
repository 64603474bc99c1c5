// Provider profiles: one file each (./<name>.ts), listed once in ./registry.ts. What a profile
// is: ./profile.ts. How one is recognised: ./detect.ts. How its words reach a finding: ./wording.ts.
export type { CodeWording, DerivedExpectations, Profile, ProfileClue, ProfileExpectations, Wording, WordingValues } from './profile';
export { DEFAULT_PROFILE, isProfileName, PROFILE_NAMES, PROFILES, profileByName, type ProfileName } from './registry';
export { detectProfile, profileClues, profileEvidence, type ClueSource, type ProfileDetectionInput } from './detect';
export { wordFinding, wordingFor } from './wording';
export { authentikProviderEndpoint } from './authentik-provider';
export { isAuthentikSourceAcs } from './authentik-source';
export { isScalewayAcsUrl, isScalewaySpEntityId, scalewayAcsUrl, scalewayProviderId, scalewaySpEntityId } from './scaleway';
