// The frame of every page: skip link, brand, main navigation and the privacy note. The nav is
// one list (navLinks.ts): inline from 900 px, behind a "Menu" disclosure button below, so eight
// links never wrap at 390 px (issue 14).
import { useEffect, useId, useRef, useState } from 'react';
import { Link, Outlet, useRouter, useRouterState } from '@tanstack/react-router';
import { currentNavLink, NAV_LINKS } from './navLinks';
import './shell.css';

export function AppShell() {
  const router = useRouter();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const [open, setOpen] = useState(false);
  const listId = useId();
  const navRef = useRef<HTMLElement>(null);
  // Only pages whose route exists (a page another branch adds appears once it lands).
  const links = NAV_LINKS.filter((l) => l.to in router.routesByPath);
  const current = currentNavLink(pathname, links);

  // The menu closes on navigation, on Escape and on a click elsewhere.
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    const onClick = (e: MouseEvent) => {
      if (navRef.current && !navRef.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('click', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onClick);
    };
  }, [open]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          samlscope
        </Link>
        <nav aria-label="Main" ref={navRef} className={open ? 'nav-open' : undefined}>
          <button type="button" className="nav-toggle" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((o) => !o)}>
            <span aria-hidden="true" className="nav-toggle-icon">
              ☰
            </span>{' '}
            Menu
            {current ? <span className="nav-toggle-current">· {current.label}</span> : null}
          </button>
          <ul id={listId} className="nav-list">
            {links.map((l) => (
              <li key={l.to}>
                <Link
                  to={l.to as '/'}
                  activeOptions={{ exact: !!l.exact, includeSearch: false }}
                  activeProps={{ 'aria-current': 'page' }}
                >
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <span className="privacy-note">Everything runs in your browser; nothing you paste leaves this page.</span>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
