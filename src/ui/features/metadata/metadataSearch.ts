// The /metadata route's search: which tab, and the evaluation instant. Documents never go in the
// URL (an aggregate is megabytes; metadata of a private SP is nobody else's business).
export const METADATA_TABS = ['lint', 'diff', 'pair', 'rollover'] as const;
export type MetadataTab = (typeof METADATA_TABS)[number];

export interface MetadataSearch {
  tab?: MetadataTab;
  /** ISO-8601 instant; absent = now. */
  at?: string;
}

export function validateMetadataSearch(raw: Record<string, unknown>): MetadataSearch {
  const out: MetadataSearch = {};
  if (typeof raw.tab === 'string' && (METADATA_TABS as readonly string[]).includes(raw.tab)) out.tab = raw.tab as MetadataTab;
  if (typeof raw.at === 'string' && !Number.isNaN(Date.parse(raw.at))) out.at = raw.at;
  return out;
}
