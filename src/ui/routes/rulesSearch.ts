// The search of /rules (and of the inspect page, which carries the symptom search too). Apart
// from RulesPage.tsx so that the router and the inspect page can read it without loading the
// rules page and the whole rule catalogue (they load on visit).
export interface RulesSearch {
  symptom?: string;
}

export function validateRulesSearch(raw: Record<string, unknown>): RulesSearch {
  return typeof raw.symptom === 'string' && raw.symptom.trim() !== '' ? { symptom: raw.symptom } : {};
}
