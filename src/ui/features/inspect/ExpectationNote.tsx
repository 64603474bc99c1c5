// What an expectation field's value was used as, shown beside the field in the options panel.
// Apart from the diagnosis profile panel (DiagnosisProfile.tsx), which loads with a message's
// details: the options panel is on the first screen (issue 15: first-screen JavaScript).
import type { InspectedMessage } from '../../../core/types';

export type ExpectationKey = 'spEntityId' | 'acsUrl' | 'idpEntityId' | 'requestId';
type ExpectationValue = NonNullable<NonNullable<InspectedMessage['expectations']>[ExpectationKey]>;

const SOURCE_LABELS: Record<string, string> = {
  explicit: 'typed',
  metadata: 'from metadata',
  request: 'from the AuthnRequest in the same input',
  profile: "from the profile's URL pattern",
};

export function expectationSourceLabel(source: string): string {
  return SOURCE_LABELS[source] ?? source;
}

/** Shown next to an expectation input: what the rules actually used and from where. */
export function ExpectationNote({ expectation, typed }: { expectation: ExpectationValue | undefined; typed: string | undefined }) {
  if (!expectation) return <span className="expectation-note muted small">not known for this message</span>;
  if (expectation.source === 'explicit' && typed === expectation.value) {
    return (
      <span className="expectation-note small" data-expectation-source="explicit">
        used (typed)
      </span>
    );
  }
  return (
    <span className="expectation-note small" data-expectation-source={expectation.source}>
      used: <code>{expectation.value}</code> — {expectationSourceLabel(expectation.source)}
      {expectation.detail ? ` (${expectation.detail})` : ''}
    </span>
  );
}
