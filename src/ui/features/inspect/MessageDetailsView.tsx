// The shown message's details below its verdict card: findings, decryption, signatures, and the
// sections the user opens (summary, fields and time, diagnosis profile). Its own chunk, loaded
// apart from the first screen (issue 15: first-screen JavaScript ≤ 150 kB): the inspect page
// renders it after the verdict card and fetches it when the page is idle (InspectPage.tsx).
import { lazy, Suspense, type ReactNode } from 'react';
import type { ClaimDisagreement, ReportedVerdicts, ShareRedaction } from '../../../core/share';
import type { Finding, InspectedMessage, InspectReport, SignatureReport } from '../../../core/types';
import type { ProfileName } from '../../search';
import type { ShownMessage } from '../../worker/reportOverview';
import { ClaimDisagreements, SharerClaims } from '../sharing/ShareNotices';
import { CapturePairNote } from './CapturePairNote';
import { DiagnosisProfilePanel } from './DiagnosisProfile';
import { ErrorList } from './ErrorList';
import { FindingsList } from './FindingsList';
import { MessageDetails, SummaryPanel, TrustedBadge } from './MessageSummaryView';
import { SignaturesPanel } from './SignaturesPanel';

// Only a message is shown with it (and it brings the XML pretty-printer): loaded with the first one.
const DecryptionPanel = lazy(() => import('./DecryptionPanel').then((m) => ({ default: m.DecryptionPanel })));

export interface MessageDetailsViewProps {
  message: InspectedMessage;
  /** Every message of the report as the page holds it (overviews; the shown one in full). */
  messages: ShownMessage[];
  /** The same, as the diagnosis profile's evidence reads them. */
  shownMessages: ShownMessage[];
  selected: number;
  onSelect: (index: number) => void;
  anchorCount: number;
  report: Pick<InspectReport, 'profile'> | null;
  /** A shared state's redaction record, when the shown input was opened from one. */
  redaction: ShareRedaction | undefined;
  claim: ReportedVerdicts | undefined;
  disagreements: ClaimDisagreement[];
  highlightCodes: ReadonlySet<string>;
  onReveal: (f: Finding) => void;
  onShowCovered: (sig: SignatureReport) => void;
  evaluatedAt: Date;
  skewSeconds: number;
  chosenProfile: ProfileName | undefined;
  onChooseProfile: (profile: ProfileName | undefined) => void;
}

export function MessageDetailsView(props: MessageDetailsViewProps) {
  const { message, messages, selected, report, redaction } = props;
  return (
    <div className="message-details" data-message-kind={message.kind}>
      <header className="message-head">
        <h2>
          {message.kind}
          {messages.length > 1 ? <span className="muted"> (message {selected + 1} of {messages.length})</span> : null}
        </h2>
        {message.binding && <span className="pill">{message.binding}</span>}
        <TrustedBadge message={message} anchorCount={props.anchorCount} />
      </header>
      {message.error && <ErrorList errors={[message.error]} context={`Message ${selected + 1} could not be parsed`} />}
      <CapturePairNote messages={messages} selected={selected} onSelect={props.onSelect} />
      {redaction && <ClaimDisagreements disagreements={props.disagreements} />}
      <FindingsList findings={message.findings} onReveal={props.onReveal} message={message} messages={messages} highlightCodes={props.highlightCodes} />
      <Suspense fallback={null}>
        <DecryptionPanel message={message} />
      </Suspense>
      <SignaturesPanel message={message} onShowCovered={props.onShowCovered} />
      {redaction && <SharerClaims redaction={redaction} claim={props.claim} />}
      <Section id="summary" title="Summary: issuer, destination, IDs, status, encoding">
        <SummaryPanel message={message} />
      </Section>
      <Section id="details" title={detailsTitle(message.kind, message.assertions.length)}>
        <MessageDetails message={message} at={props.evaluatedAt} skewSeconds={props.skewSeconds} />
      </Section>
      {report && (
        <Section id="profile" title={`Diagnosis profile: ${report.profile?.name ?? 'generic'}${report.profile?.detected ? ' (detected)' : ''}`}>
          <DiagnosisProfilePanel report={report} message={message} messages={props.shownMessages} chosen={props.chosenProfile} onChoose={props.onChooseProfile} />
        </Section>
      )}
    </div>
  );
}

function detailsTitle(kind: string, assertions: number): string {
  if (assertions > 0) return `Assertion${assertions === 1 ? '' : 's'}: subject, attributes, conditions and time; certificates`;
  if (kind === 'EntityDescriptor' || kind === 'EntitiesDescriptor') return 'Metadata: entities, keys, endpoints; certificates';
  return `${kind}: fields, time and certificates`;
}

/** A section the user opens (issue 14: "not one endless column"); its content stays in the DOM. */
function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <details className="result-section" data-section={id}>
      <summary>
        <h2 className="result-section-title">{title}</h2>
      </summary>
      {children}
    </details>
  );
}
