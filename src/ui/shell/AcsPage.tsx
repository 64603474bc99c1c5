// /acs (and /slo) reached without an answer to capture (issue 14: a bare "Not Found" before).
// The IdP's answer normally never shows this page: a POST (or a GET carrying SAMLResponse) to
// /acs is turned into `/#capture=…` by the service worker or the server (docs/mock-sp.md
// "Capture"). Reaching it means the address was opened by hand, or the answer came by GET to
// a static host without the worker: then the query is handed over here, the same way.
import { useEffect } from 'react';
import { Link, useRouterState } from '@tanstack/react-router';
import { textToBase64Url } from '../features/mock-sp/capture';

/** A SAML message in the query string (HTTP-Redirect binding, SAML bindings §3.4.4). */
function samlQueryOf(search: string): string | null {
  const q = search.startsWith('?') ? search.slice(1) : search;
  return /(^|&)(SAMLResponse|SAMLRequest)=/.test(q) ? q : null;
}

export function AcsPage() {
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const path = pathname.replace(/\/+$/, '') || '/acs';
  const query = typeof window === 'undefined' ? null : samlQueryOf(window.location.search);

  useEffect(() => {
    // The raw query, octet for octet: a Redirect-binding signature covers it (§3.4.4.1).
    if (query) window.location.replace(`/#capture=${textToBase64Url(query)}&via=page&path=${encodeURIComponent(path)}&method=GET`);
  }, [query, path]);

  if (query) return <p className="status">Opening the captured answer in the inspect view…</p>;
  const slo = path === '/slo';
  return (
    <section className="panel acs-page" aria-labelledby="acs-heading" data-page="acs">
      <h1 id="acs-heading">{slo ? 'Logout endpoint (/slo)' : 'Assertion Consumer Service (/acs)'}: no answer to show</h1>
      <p>
        <code>{path}</code> is where an identity provider sends its {slo ? 'LogoutResponse (or LogoutRequest)' : 'SAML Response'} when samlscope’s{' '}
        <Link to="/mock-sp">Mock SP</Link> plays the service provider. The answer arrives as a form POST (HTTP-POST binding) or with{' '}
        <code>SAMLResponse</code> in the query (HTTP-Redirect binding); samlscope captures it in this browser and opens it in the inspect view, checked against the
        request the mock SP sent.
      </p>
      <p>This address was opened without such an answer, so there is nothing to inspect. To get one:</p>
      <ol>
        <li>
          On the <Link to="/mock-sp">Mock SP</Link> page, paste your IdP’s metadata (or its SSO URL) and give the IdP the SP metadata or Terraform it exports,
          with ACS URL <code>{typeof window === 'undefined' ? '/acs' : `${window.location.origin}/acs`}</code>.
        </li>
        <li>Send the AuthnRequest and log in at the IdP: its answer comes back here and opens in the inspect view.</li>
      </ol>
      <p>
        Already have a message? Paste it on the <Link to="/">Inspect</Link> page.
      </p>
    </section>
  );
}
