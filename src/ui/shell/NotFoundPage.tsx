// Any path no route knows: say so in the app's own frame, with the way back (issue 14: a bare
// unstyled "Not Found" before).
import { Link, useRouterState } from '@tanstack/react-router';
import { NAV_LINKS } from './navLinks';

export function NotFoundPage() {
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  return (
    <section className="panel not-found" aria-labelledby="not-found-heading" data-page="not-found">
      <h1 id="not-found-heading">No page at this address</h1>
      <p>
        samlscope has no page at <code>{pathname}</code>. The address may be mistyped, or come from a link to a page this version does not have.
      </p>
      <p>Where to go instead:</p>
      <ul className="not-found-links">
        {NAV_LINKS.filter((l) => l.to === '/' || l.to === '/mock-sp' || l.to === '/oidc').map((l) => (
          <li key={l.to}>
            <Link to={l.to as '/'}>{l.label}</Link>
            {l.to === '/' ? ': paste a SAML message, a URL, a HAR file or a SAML-tracer export and see what it says and why it fails.' : null}
            {l.to === '/mock-sp' ? ': send an AuthnRequest to your IdP and inspect its answer.' : null}
            {l.to === '/oidc' ? ': check an OpenID Connect ID token for Exoscale SSO.' : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
