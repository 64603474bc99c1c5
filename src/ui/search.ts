// Search params of the inspect page (STYLE: state in the URL). The names, their validation and
// the converters to inspect options and share state live in the core settings module, which the
// share code and the CLI use too.
export { DEFAULT_SKEW_SECONDS, PROFILE_NAMES as PROFILES, validateInspectSearch, searchToOptions, optionsToSearch, type InspectSearch, type ProfileName } from '../core/settings';
