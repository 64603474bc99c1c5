// Code-based routes (no file-router plugin): the inspect page is the start page, the mock SP
// lives at /mock-sp (CONTRACT §4).
import { createRootRoute, createRoute, createRouter, lazyRouteComponent, Link, Outlet } from '@tanstack/react-router';
import { InspectPage } from './features/inspect/InspectPage';
import { validateOidcSearch } from './oidcSearch';
import { ProfilePage, ProfilesPage } from './routes/ProfilePage';
import { RulesPage, validateRulesSearch } from './routes/RulesPage';
import { validateInspectSearch } from './search';

function AppShell() {
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          samlscope
        </Link>
        <nav aria-label="Main">
          <Link to="/" activeOptions={{ exact: true, includeSearch: false }} activeProps={{ 'aria-current': 'page' }}>
            Inspect
          </Link>
          <Link to="/mock-sp" activeProps={{ 'aria-current': 'page' }}>
            Mock SP
          </Link>
          <Link to="/oidc" activeOptions={{ includeSearch: false }} activeProps={{ 'aria-current': 'page' }}>
            OIDC
          </Link>
          <Link to="/rules" activeProps={{ 'aria-current': 'page' }}>
            Rules
          </Link>
          <Link to="/profiles" activeProps={{ 'aria-current': 'page' }}>
            Profiles
          </Link>
        </nav>
        <span className="privacy-note">Everything runs in your browser; nothing you paste leaves this page.</span>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}

const rootRoute = createRootRoute({ component: AppShell });

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
  component: lazyRouteComponent(() => import('./routes/MockSpPage'), 'MockSpPage'),
});

// Exoscale SSO with OpenID Connect (docs/oidc.md); settings that are safe to share ride in the search.
export const oidcRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/oidc',
  validateSearch: validateOidcSearch,
  component: lazyRouteComponent(() => import('./routes/OidcPage'), 'OidcPage'),
});

export const rulesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/rules',
  validateSearch: validateRulesSearch,
  component: RulesPage,
});

export const profilesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/profiles',
  component: ProfilesPage,
});

export const profileRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/profiles/$name',
  component: ProfilePage,
});

const routeTree = rootRoute.addChildren([inspectRoute, mockSpRoute, oidcRoute, rulesRoute, profilesRoute, profileRoute]);

export const router = createRouter({ routeTree });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
