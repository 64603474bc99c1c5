// How a fix is carried and put into words (issue 14: the page speaks the product being
// configured; the CLI may add what only the CLI can do). A check states the situation once —
// a profile-neutral sentence plus the values it saw — and two things word it later: the active
// profile (its own wording per finding code, src/core/profiles/<name>.ts) and the surface that
// shows it (the page names its fields, the CLI its flags). A leaf module: it imports nothing.

/** Where a finding is shown. */
export type Surface = 'page' | 'cli';

export interface FixParts {
  /**
   * Which situation of the code, when a code is raised in several (`issuer-mismatch` for an
   * AuthnRequest, a Response, or Response vs Assertion). Profiles word `code/variant` first,
   * then `code`.
   */
  variant?: string;
  /** Values from the message the wording quotes: the actual Issuer, the ACS URL, the NameID… */
  values?: Readonly<Record<string, string>>;
  /** A sentence only one surface can act on: the page's field, the CLI's flag. */
  surface?: Readonly<Partial<Record<Surface, string>>>;
}

/** A finding as far as its wording goes (SAML and OIDC findings both have this shape). */
export interface Worded {
  fix: string;
  fixParts?: FixParts;
}

/** The fix as one surface shows it: the fix, then the sentence meant for that surface. */
export function fixText(f: Worded, surface: Surface): string {
  const extra = f.fixParts?.surface?.[surface];
  return extra ? `${f.fix} ${extra}` : f.fix;
}

/** The same "evaluate at the time of capture" advice, named for each surface. */
export const EVALUATE_AT_CAPTURE_TIME: Readonly<Record<Surface, string>> = {
  page: 'When inspecting an old capture, set "Evaluation time (UTC)" to when it was taken.',
  cli: 'When inspecting an old capture, evaluate it at the time it was taken (--at).',
};

/** Where trusted keys go, named for each surface. */
export const GIVE_TRUST: Readonly<Record<Surface, string>> = {
  page: 'Paste it into the trust field.',
  cli: 'Pass it with --metadata or --cert.',
};

/** Where the SP's private key goes, named for each surface. */
export const GIVE_SP_KEY: Readonly<Record<Surface, string>> = {
  page: 'Paste the key into the "SP private key" field.',
  cli: 'Pass it with --sp-key sp.key.',
};
