// Recognising the profile from the messages themselves: every entity ID and endpoint URL of the
// input is a clue, each profile says which clues are its own (its `recognises`), the highest
// priority profile with a clue wins, else generic.
import type { CapturedPayload, MessageSummary } from '../types';
import type { Profile, ProfileClue } from './profile';
import { DEFAULT_PROFILE, PROFILES, type ProfileName } from './registry';

/** The minimal view of a message profile detection needs. */
export interface ProfileDetectionInput {
  summary: MessageSummary;
  payload?: Pick<CapturedPayload, 'url' | 'method'>;
}

/** Every value of the input that can reveal a profile, named by where it was read. */
export function profileClues(messages: readonly ProfileDetectionInput[]): ProfileClue[] {
  const out: ProfileClue[] = [];
  const url = (what: string, value: string | null | undefined) => { if (value) out.push({ kind: 'url', what, value }); };
  const entity = (what: string, value: string | null | undefined) => { if (value) out.push({ kind: 'entity-id', what, value }); };
  for (const m of messages) {
    const s = m.summary;
    url(`${m.payload?.method ?? 'sent'} to`, m.payload?.url);
    url('Destination', s.destination);
    entity('Issuer', s.issuer);
    url('AssertionConsumerServiceURL', s.authnRequest?.assertionConsumerServiceURL);
    for (const a of s.assertions) {
      for (const aud of a.audiences) entity('Audience', aud);
      url('Recipient', a.recipient);
    }
    for (const e of s.metadata?.entities ?? []) {
      entity('entityID', e.entityId);
      for (const r of e.roles) for (const ep of [...r.singleSignOnServices, ...r.assertionConsumerServices]) url('metadata endpoint', ep.location);
    }
  }
  return out;
}

const byPriority = [...PROFILES].sort((a, b) => ((b as Profile).priority ?? 0) - ((a as Profile).priority ?? 0));

export function detectProfile(messages: readonly ProfileDetectionInput[]): ProfileName {
  const clues = profileClues(messages);
  for (const p of byPriority) {
    const recognises = (p as Profile).recognises;
    if (recognises && clues.some((c) => recognises(c))) return p.name;
  }
  return DEFAULT_PROFILE;
}

/**
 * Which value made detection pick this profile, for "detected: … — Audience https://…". The
 * Audience is preferred: it is the value a reader recognises first.
 */
export function profileEvidence(messages: readonly ProfileDetectionInput[], name: ProfileName): string | null {
  const recognises = (PROFILES.find((p) => p.name === name) as Profile | undefined)?.recognises;
  if (!recognises) return null;
  const hits = profileClues(messages).filter((c) => recognises(c));
  const best = hits.find((h) => h.what === 'Audience') ?? hits[0];
  return best ? `${best.what} ${best.value}` : null;
}
