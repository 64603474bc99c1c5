// Finding categories, in the order a person debugs a failed login: what did the IdP say, can the
// message be trusted, who sent it, who is it for, who is the user, how did it travel, when, and
// the metadata. A leaf: each finding carries its category (stamped in the worker from its rule or
// from the verifier's code table, core/diagnosis/categories.ts), so the page groups findings
// without loading the rules.

export type CategoryId = 'signature' | 'issuer' | 'audience' | 'nameid' | 'binding' | 'time' | 'status' | 'metadata' | 'other';

export const CATEGORIES: readonly { id: CategoryId; title: string }[] = [
  { id: 'status', title: 'Status' },
  { id: 'signature', title: 'Signature & trust' },
  { id: 'issuer', title: 'Issuer' },
  { id: 'audience', title: 'Audience, recipient & destination' },
  { id: 'nameid', title: 'NameID' },
  { id: 'binding', title: 'Binding' },
  { id: 'time', title: 'Time' },
  { id: 'metadata', title: 'Metadata' },
  { id: 'other', title: 'Other' },
];

export function categoryTitle(id: CategoryId): string {
  return CATEGORIES.find((c) => c.id === id)?.title ?? 'Other';
}
