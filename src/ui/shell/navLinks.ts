// The main navigation, in one list: the shell renders it inline on wide screens and behind a
// menu button on narrow ones (issue 14: eight links at 390 px without wrapping). A feature adds
// its page here; a link shows only once its route is registered in router.tsx, so a page being
// built on another branch can be listed before it lands.

export interface NavLink {
  to: string;
  label: string;
  /** Active only on this exact path (the start page would otherwise match every path). */
  exact?: boolean;
}

export const NAV_LINKS: readonly NavLink[] = [
  { to: '/', label: 'Inspect', exact: true },
  { to: '/mock-sp', label: 'Mock SP' },
  { to: '/mock-idp', label: 'Mock IdP' },
  { to: '/metadata', label: 'Metadata' },
  { to: '/oidc', label: 'OIDC' },
  { to: '/rules', label: 'Rules' },
  { to: '/profiles', label: 'Profiles' },
];

/** The link a path belongs to (the longest matching prefix), for the menu button's label. */
export function currentNavLink(pathname: string, links: readonly NavLink[] = NAV_LINKS): NavLink | null {
  let best: NavLink | null = null;
  for (const l of links) {
    const match = l.exact ? pathname === l.to : pathname === l.to || pathname.startsWith(`${l.to}/`);
    if (match && (!best || l.to.length > best.to.length)) best = l;
  }
  return best;
}
