// Symptom search: a person pastes the error text their SP/IdP showed and is taken to the finding
// codes that explain it. Matching is deliberately forgiving (case, punctuation, pasted URLs and
// emails, word order): token overlap both ways, plus a bonus for a contained phrase.
import { SYMPTOMS, type SymptomEntry } from './catalogue';

export { SYMPTOMS, type SymptomEntry } from './catalogue';

export interface SymptomMatch {
  id: string;
  symptom: string;
  product: string;
  codes: string[];
  explanation: string;
  whatToCheck: string[];
  /** 0..~1.5, higher is better. */
  score: number;
}

const STOPWORDS = new Set(['the', 'a', 'an', 'of', 'to', 'in', 'is', 'was', 'for', 'and', 'or', 'on', 'by', 'be', 'this', 'that', 'with', 'at', 'as', 'it', 'not', 'no', 'error', 'saml']);

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/https?:\/\/\S+/g, ' ') // pasted URLs and emails are the user's values, not the symptom
    .replace(/\S+@\S+/g, ' ')
    .replace(/[^a-z0-9_]+/g, ' ')
    .trim();
}

function tokens(text: string): string[] {
  return normalize(text).split(' ').filter((t) => t.length > 1 && !STOPWORDS.has(t));
}

/** Equal, or close enough for typos and inflections (expired/expire, signature/signatures). */
function similar(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length >= 5 && b.length >= 5 && (a.startsWith(b) || b.startsWith(a))) return true;
  if (a.length >= 6 && b.length >= 6 && Math.abs(a.length - b.length) <= 1) return editDistanceAtMostOne(a, b);
  return false;
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { i++; j++; continue; }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else { i++; j++; }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

function scorePhrase(queryNorm: string, queryTokens: string[], phrase: string): number {
  const pTokens = tokens(phrase);
  if (pTokens.length === 0 || queryTokens.length === 0) return 0;
  const pHit = pTokens.filter((p) => queryTokens.some((q) => similar(p, q))).length / pTokens.length;
  const qHit = queryTokens.filter((q) => pTokens.some((p) => similar(p, q))).length / queryTokens.length;
  const pNorm = pTokens.join(' ');
  const qNorm = queryTokens.join(' ');
  const contained = qNorm.includes(pNorm) || (pNorm.includes(qNorm) && qNorm.length >= 4) || queryNorm.includes(normalize(phrase)) ? 0.5 : 0;
  return 0.65 * pHit + 0.35 * qHit + contained;
}

/**
 * Rank catalogue entries for a pasted error text. Also matches finding codes typed directly
 * ("audience-mismatch"). Returns best first; empty when nothing is reasonably close.
 */
export function searchSymptoms(text: string, limit = 5): SymptomMatch[] {
  const queryNorm = normalize(text);
  const queryTokens = tokens(text);
  const typedCodes = (text.toLowerCase().match(/[a-z]+(?:-[a-z]+)+/g) ?? []);
  if (queryTokens.length === 0 && typedCodes.length === 0) return [];
  const scored = SYMPTOMS.map((e: SymptomEntry) => {
    let score = Math.max(...[e.symptom, ...e.patterns].map((p) => scorePhrase(queryNorm, queryTokens, p)));
    if (typedCodes.some((c) => e.codes.includes(c))) score = Math.max(score, 0.9);
    return { e, score };
  });
  return scored
    .filter((s) => s.score >= 0.45)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ e, score }) => ({ id: e.id, symptom: e.symptom, product: e.product, codes: [...e.codes], explanation: e.explanation, whatToCheck: [...e.whatToCheck], score: Math.round(score * 1000) / 1000 }));
}
