// The settings of a SAML inspection — expectations, evaluation instant, clock skew, profile and
// the selected message — and the one converter each way between their three carriers:
//
//   URL search params  ⇄  InspectOptions (what inspectInput takes)  ⇄  share state
//
// The page (`?sp=&acs=&at=&skew=&profile=&msg=`), share links and files (ShareState) and the CLI
// (its flags, FIELD.flag) all go through here, the way CyberChef's UI serialises into the URL the
// same recipe its Node API `bake()` takes. Only what a person would share or bookmark is a
// setting: the pasted message and trust material never ride in the URL.
import { isProfileName, type ProfileName } from '../profiles/names';
import type { InspectOptions } from '../types';
import { DEFAULT_SKEW_SECONDS } from './defaults';

export type ExpectationKey = 'spEntityId' | 'acsUrl' | 'idpEntityId' | 'requestId';

/** Each explicit expectation, named once for every carrier. */
export interface ExpectationField {
  key: ExpectationKey;
  /** URL search param. */
  param: 'sp' | 'acs' | 'idp' | 'req';
  /** CLI flag (CONTRACT §1). */
  flag: `--${string}`;
  /** Label of the page's field; also how an explanation names a value the user gave. */
  label: string;
}

export const EXPECTATION_FIELDS: readonly ExpectationField[] = [
  { key: 'spEntityId', param: 'sp', flag: '--sp-entity-id', label: 'SP entity ID' },
  { key: 'acsUrl', param: 'acs', flag: '--acs-url', label: 'ACS URL' },
  { key: 'idpEntityId', param: 'idp', flag: '--idp-entity-id', label: 'IdP entity ID' },
  { key: 'requestId', param: 'req', flag: '--request-id', label: 'Request ID' },
];

export type Expectations = Partial<Record<ExpectationKey, string>>;

/** The inspect page's search params. */
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

/** The settings a share link or file records (ShareState without input, trust and redaction). */
export interface SharedSettings {
  expectations: Expectations;
  /** Always recorded: a link opened a week later evaluates at the instant the sharer saw. */
  at: string;
  skewSeconds: number;
  profile: ProfileName;
  selected: number;
}

// ---- reading values, tolerant: a hand-edited URL never breaks the page ----

const nonEmptyString = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : undefined);

/** A non-negative whole number of seconds (or index), from a number or a numeric string. */
export function parseNonNegativeInt(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : undefined;
}

/** An instant Date can read (ISO-8601 expected), kept as typed. */
export function parseInstantText(v: unknown): string | undefined {
  const s = nonEmptyString(v);
  return s !== undefined && !Number.isNaN(Date.parse(s)) ? s : undefined;
}

/** Unknown values are dropped rather than refused. */
export function validateInspectSearch(raw: Record<string, unknown>): InspectSearch {
  const out: InspectSearch = {};
  for (const f of EXPECTATION_FIELDS) {
    const v = nonEmptyString(raw[f.param]);
    if (v) out[f.param] = v;
  }
  const at = parseInstantText(raw.at);
  if (at) out.at = at;
  const skew = parseNonNegativeInt(raw.skew);
  if (skew !== undefined) out.skew = skew;
  if (isProfileName(raw.profile)) out.profile = raw.profile;
  const msg = parseNonNegativeInt(raw.msg);
  if (msg !== undefined) out.msg = msg;
  return out;
}

// ---- search params ⇄ options ----

/** The options an inspection of this search runs with; `at` absent = evaluate at now. */
export function searchToOptions(search: InspectSearch): Omit<InspectOptions, 'trust' | 'decryptionKeys'> {
  const o: Omit<InspectOptions, 'trust' | 'decryptionKeys'> = { skewSeconds: search.skew ?? DEFAULT_SKEW_SECONDS };
  if (search.at) o.at = new Date(search.at);
  for (const f of EXPECTATION_FIELDS) {
    const v = search[f.param];
    if (v) o[f.key] = v;
  }
  if (search.profile) o.profile = search.profile;
  return o;
}

/** The search that reproduces these options; defaults are left out to keep links short. */
export function optionsToSearch(options: Omit<InspectOptions, 'trust' | 'decryptionKeys'>, selected = 0): InspectSearch {
  const s: InspectSearch = {};
  if (options.at) s.at = options.at.toISOString();
  for (const f of EXPECTATION_FIELDS) {
    const v = options[f.key];
    if (v) s[f.param] = v;
  }
  if (options.skewSeconds !== undefined && options.skewSeconds !== DEFAULT_SKEW_SECONDS) s.skew = options.skewSeconds;
  if (options.profile) s.profile = options.profile;
  if (selected > 0) s.msg = selected;
  return s;
}

// ---- options ⇄ share state ----

/** What a share records of these options; the instant defaults to now and is always recorded. */
export function optionsToShared(options: Omit<InspectOptions, 'trust' | 'decryptionKeys'>, selected = 0, now: () => Date = () => new Date()): SharedSettings {
  const expectations: Expectations = {};
  for (const f of EXPECTATION_FIELDS) {
    const v = options[f.key];
    if (typeof v === 'string' && v !== '') expectations[f.key] = v;
  }
  return {
    expectations,
    at: (options.at ?? now()).toISOString(),
    skewSeconds: options.skewSeconds ?? DEFAULT_SKEW_SECONDS,
    profile: options.profile ?? 'generic',
    selected,
  };
}

/** The options to re-run a shared inspection with, evaluating at the recorded instant. */
export function sharedToOptions(shared: Omit<SharedSettings, 'selected'>): Omit<InspectOptions, 'trust' | 'decryptionKeys'> {
  return { at: new Date(shared.at), skewSeconds: shared.skewSeconds, profile: shared.profile, ...shared.expectations };
}

/**
 * The search params opening a share implies. The recorded instant is always kept (as given, not
 * re-serialised); a recorded `generic` is left out, so the page detects the profile as the
 * sharer's page did when nothing was chosen.
 */
export function sharedToSearch(shared: SharedSettings): InspectSearch {
  const { profile, ...rest } = sharedToOptions(shared);
  const s = optionsToSearch(profile === 'generic' ? rest : { ...rest, profile }, shared.selected);
  s.at = shared.at;
  return s;
}
