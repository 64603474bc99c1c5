// The active diagnosis profile (detected or chosen) and the expectations the rules compared the
// message with, each with where it came from (docs/rules.md "Expectations").
import { Link } from '@tanstack/react-router';
import { EXPECTATION_FIELDS } from '../../../core/settings';
import { PROFILE_NAMES as PROFILES, profileByName, profileEvidence, type ClueSource, type ProfileName } from '../../../core/profiles';
import type { InspectedMessage, InspectReport } from '../../../core/types';
import { expectationSourceLabel, type ExpectationKey } from './ExpectationNote';

export const EXPECTATION_LABELS = Object.fromEntries(EXPECTATION_FIELDS.map((f) => [f.key, f.label])) as Record<ExpectationKey, string>;

/** What the evidence reads of a message: the full message, or its overview (no metadata entities); core/profiles names the value. */
export type EvidenceSource = ClueSource;

export function DiagnosisProfilePanel({
  report,
  message,
  messages,
  chosen,
  onChoose,
}: {
  report: Pick<InspectReport, 'profile'>;
  message: InspectedMessage;
  /** Every message of the input (overviews, the shown one in full): where a detected profile's evidence is looked for. */
  messages: readonly EvidenceSource[];
  chosen: ProfileName | undefined;
  onChoose: (p: ProfileName | undefined) => void;
}) {
  const name = (report.profile?.name ?? chosen ?? 'generic') as ProfileName;
  const detected = report.profile ? report.profile.detected : !chosen;
  const def = profileByName(name);
  const evidence = detected ? profileEvidence(messages, name) : null;
  const expectations = message.expectations ?? {};
  const keys = (Object.keys(EXPECTATION_LABELS) as ExpectationKey[]).filter((k) => expectations[k]);
  return (
    <section className="panel diagnosis-profile" aria-labelledby="diagnosis-profile-heading" data-profile={name} data-profile-detected={detected ? 'true' : 'false'}>
      <div className="panel-head">
        <h2 id="diagnosis-profile-heading">Diagnosis</h2>
        <div className="panel-actions">
          <label htmlFor="diagnosis-profile-select" className="small">
            Diagnose as
          </label>
          <select id="diagnosis-profile-select" value={chosen ?? ''} onChange={(e) => onChoose(e.target.value ? (e.target.value as ProfileName) : undefined)}>
            <option value="">Detect automatically</option>
            {PROFILES.map((p) => (
              <option key={p} value={p}>
                {profileByName(p).title}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="profile-line">
        Profile:{' '}
        <Link to="/profiles/$name" params={{ name }} className="profile-name">
          {def.title}
        </Link>{' '}
        <span className="profile-how" data-field="profile-how">
          {detected
            ? name === 'generic'
              ? '(detected: nothing more specific recognised in the message)'
              : `(detected: ${def.title}${evidence ? ` — ${evidence}` : ''})`
            : '(chosen by you)'}
        </span>
      </p>
      <h3 className="small">Expectations the rules used</h3>
      {keys.length === 0 ? (
        <p className="muted small">
          None known for this message: type them in the expectation fields above, paste metadata into Trust, or load a capture (HAR) holding the
          AuthnRequest the response answers.
        </p>
      ) : (
        <dl className="expectations-used">
          {keys.map((k) => {
            const e = expectations[k]!;
            return (
              <div key={k} data-expectation={k} data-expectation-source={e.source}>
                <dt>{EXPECTATION_LABELS[k]}</dt>
                <dd>
                  <code>{e.value}</code> <span className="pill expectation-source">{expectationSourceLabel(e.source)}</span>
                  {e.detail && <span className="muted small"> {e.detail}</span>}
                </dd>
              </div>
            );
          })}
        </dl>
      )}
    </section>
  );
}
