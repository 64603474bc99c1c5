// Search params of the inspect page (STYLE: state in the URL). Only what a person would share
// or bookmark goes here: expectations, evaluation time, profile, selected message. The pasted
// message and trust material never do (privacy, and they can be megabytes).

export const PROFILES = ['generic', 'scaleway', 'authentik-provider', 'authentik-source'] as const;
export type ProfileName = (typeof PROFILES)[number];

export interface InspectSearch {
  sp?: string;
  acs?: string;
  idp?: string;
  req?: string;
  /** ISO-8601 evaluation instant; absent = now */
  at?: string;
  skew?: number;
  profile?: ProfileName;
  /** index of the selected message in a HAR / SAML-tracer capture */
  msg?: number;
}

const nonEmptyString = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : undefined;

const nonNegativeInt = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : undefined;
};

/** Tolerant: a hand-edited URL never breaks the page, unknown values are dropped. */
export function validateInspectSearch(raw: Record<string, unknown>): InspectSearch {
  const out: InspectSearch = {};
  const sp = nonEmptyString(raw.sp);
  if (sp) out.sp = sp;
  const acs = nonEmptyString(raw.acs);
  if (acs) out.acs = acs;
  const idp = nonEmptyString(raw.idp);
  if (idp) out.idp = idp;
  const req = nonEmptyString(raw.req);
  if (req) out.req = req;
  const at = nonEmptyString(raw.at);
  if (at && !Number.isNaN(Date.parse(at))) out.at = at;
  const skew = nonNegativeInt(raw.skew);
  if (skew !== undefined) out.skew = skew;
  if (typeof raw.profile === 'string' && (PROFILES as readonly string[]).includes(raw.profile)) {
    out.profile = raw.profile as ProfileName;
  }
  const msg = nonNegativeInt(raw.msg);
  if (msg !== undefined) out.msg = msg;
  return out;
}
