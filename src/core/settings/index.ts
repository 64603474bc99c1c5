// One settings module (issue 13): profiles, default skew, evaluation time, expectations, and the
// converters between URL search params, inspect options and share state; the tool's version.
export { DEFAULT_SKEW_SECONDS } from './defaults';
export { VERSION } from './version';
export { DEFAULT_PROFILE, isProfileName, PROFILE_NAMES, type ProfileName } from '../profiles/names';
export {
  EXPECTATION_FIELDS,
  optionsToSearch,
  optionsToShared,
  parseInstantText,
  parseNonNegativeInt,
  searchToOptions,
  sharedToOptions,
  sharedToSearch,
  validateInspectSearch,
  type ExpectationField,
  type ExpectationKey,
  type Expectations as ExpectedValues,
  type InspectSearch,
  type SharedSettings,
} from './inspect';
export { oidcSearchToSettings, oidcSettingsToSearch, validateOidcSearch, type OidcLocalSettings, type OidcSearch } from './oidc';
