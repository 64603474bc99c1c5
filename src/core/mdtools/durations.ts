// xs:duration (XML Schema Part 2 §3.2.6), the type of md:cacheDuration (SAML metadata §2.2.1).
// A month is counted as 30 days and a year as 365: cacheDuration is a hint for a cache, so the
// approximation only matters against the validUntil window, which is compared in days.

const DURATION = /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Milliseconds of an xs:duration, or null when the text is not one. */
export function parseXsDuration(text: string): number | null {
  const t = text.trim();
  const m = DURATION.exec(t);
  // 'P' alone and a 'T' without any time part are not durations (§3.2.6.1).
  if (!m || t === 'P' || t === '-P' || t.endsWith('T')) return null;
  if (m.slice(2).every((x) => x === undefined)) return null;
  const n = (i: number): number => (m[i] === undefined ? 0 : Number(m[i]));
  const days = n(2) * 365 + n(3) * 30 + n(4);
  const ms = ((days * 24 + n(5)) * 60 + n(6)) * 60_000 + n(7) * 1000;
  return m[1] ? -ms : ms;
}

export const DAY_MS = 86_400_000;

/** "3 days", "5 hours": a duration for people. */
export function describeDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs >= DAY_MS) return `${Math.round(abs / DAY_MS)} day${Math.round(abs / DAY_MS) === 1 ? '' : 's'}`;
  if (abs >= 3_600_000) return `${Math.round(abs / 3_600_000)} hour${Math.round(abs / 3_600_000) === 1 ? '' : 's'}`;
  return `${Math.round(abs / 60_000)} minute${Math.round(abs / 60_000) === 1 ? '' : 's'}`;
}
