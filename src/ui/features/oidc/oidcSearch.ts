// Search params of the OIDC page (STYLE: state in the URL): defined with the other settings in
// the core settings module.
export { validateOidcSearch, type OidcSearch } from '../../../core/settings';
