// Code-based routes (no file-router plugin): the inspect page is the start page, the mock SP
// lives at /mock-sp (CONTRACT §4).
import { createRootRoute, createRoute, createRouter, lazyRouteComponent } from '@tanstack/react-router';
import { AcsPage } from './shell/AcsPage';
import { AppShell } from './shell/AppShell';
import { NotFoundPage } from './shell/NotFoundPage';
import { InspectPage } from './features/inspect/InspectPage';
import { validateOidcSearch } from './features/oidc/oidcSearch';
import { validateRulesSearch } from './routes/rulesSearch';
import { validateInspectSearch } from './search';
import { validateMetadataSearch } from './features/metadata/metadataSearch';

// Unknown paths get a page in the app's frame (issue 14), not the router's bare "Not Found".
const rootRoute = createRootRoute({ component: AppShell, notFoundComponent: NotFoundPage });

export const inspectRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  // `symptom` (the pasted error text of the symptom search) rides along with the inspect search.
  validateSearch: (raw: Record<string, unknown>) => ({
    ...validateInspectSearch(raw),
    ...validateRulesSearch(raw),
  }),
  component: InspectPage,
});

export const mockSpRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/mock-sp',
  // Loaded on first visit: the start page (inspect) stays small.
  component: lazyRouteComponent(() => import('./features/mock-sp/MockSpPage'), 'MockSpPage'),
});

// The mock IdP (docs/mock-idp.md). Its SSO and SLO URLs are routes too: an SP's HTTP-Redirect
// request arrives in their query, which the page reads as received (raw, for the query signature).
const loadMockIdp = lazyRouteComponent(() => import('./features/mock-idp/MockIdpPage'), 'MockIdpPage');
export const mockIdpRoute = createRoute({ getParentRoute: () => rootRoute, path: '/mock-idp', component: loadMockIdp });
export const mockIdpSsoRoute = createRoute({ getParentRoute: () => rootRoute, path: '/mock-idp/sso', component: loadMockIdp });
export const mockIdpSloRoute = createRoute({ getParentRoute: () => rootRoute, path: '/mock-idp/slo', component: loadMockIdp });

// Exoscale SSO with OpenID Connect (docs/oidc.md); settings that are safe to share ride in the search.
export const oidcRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/oidc',
  validateSearch: validateOidcSearch,
  component: lazyRouteComponent(() => import('./features/oidc/OidcPage'), 'OidcPage'),
});

// Metadata tools: lint, diff, pair, rollover (docs/metadata.md); loaded on first visit.
export const metadataRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/metadata',
  validateSearch: validateMetadataSearch,
  component: lazyRouteComponent(() => import('./features/metadata/MetadataPage'), 'MetadataPage'),
});

export const rulesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/rules',
  validateSearch: validateRulesSearch,
  // Loaded on first visit, like every page but the start page (the rule catalogue is large).
  component: lazyRouteComponent(() => import('./routes/RulesPage'), 'RulesPage'),
});

export const profilesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/profiles',
  component: lazyRouteComponent(() => import('./routes/ProfilePage'), 'ProfilesPage'),
});

export const profileRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/profiles/$name',
  component: lazyRouteComponent(() => import('./routes/ProfilePage'), 'ProfilePage'),
});

// /acs and /slo without an answer to capture: what the address is for (docs/mock-sp.md "Capture").
export const acsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/acs',
  component: AcsPage,
});

export const sloRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/slo',
  component: AcsPage,
});

export const routeTree = rootRoute.addChildren([inspectRoute, mockSpRoute, mockIdpRoute, mockIdpSsoRoute, mockIdpSloRoute, oidcRoute, metadataRoute, rulesRoute, profilesRoute, profileRoute, acsRoute, sloRoute]);

export const router = createRouter({ routeTree });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
