// Which tab the panel works on. `panel.html?tab=<id>` names it. Without it (the toolbar popup),
// the active tab of the panel's window — unless the panel is itself that tab (panel.html opened
// as a page), where capturing its own page would record nothing: then the tab of that window the
// user was on just before, by `lastAccessed` (Chromium 121+, Firefox; the manifest's minimum).
// Only ids, `active` and `lastAccessed` are read: none needs the `tabs` permission.

export interface TabChoice {
  id?: number;
  active: boolean;
  lastAccessed?: number;
}

/** The tab to capture, or -1 when there is none. `selfId`: the panel's own tab, if it is one. */
export function chooseTargetTab(tabQuery: string | null, windowTabs: readonly TabChoice[], selfId: number | undefined): number {
  const named = Number(tabQuery);
  if (tabQuery !== null && Number.isInteger(named) && named > 0) return named;
  const others = windowTabs.filter((t): t is TabChoice & { id: number } => t.id !== undefined && t.id > 0 && t.id !== selfId);
  const active = others.find((t) => t.active);
  if (active) return active.id;
  const recent = [...others].sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  return recent?.id ?? -1;
}
