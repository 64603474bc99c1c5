// The cookie and clock evidence of one capture step (issue 17): the names of the cookies the
// request sent and the response set (with the SameSite/Secure attributes that decide whether they
// come back on a cross-site POST), and the server's Date header. Values are never kept by the core.
import { CAPTURE_MAX_EXCHANGES } from '../../../core/limits';
import type { CapturedExchange, CapturedHttpResponse } from '../../../core/types';
import type { ShownMessage } from '../../worker/reportOverview';

/** The exchange a message travelled in: from the full message's capture link or the overview's copy. */
export function exchangeOf(message: ShownMessage): CapturedExchange | undefined {
  const p = message.payload as { capture?: { evidence: { exchanges: CapturedExchange[] }; exchange: number }; exchange?: CapturedExchange };
  return p.capture ? p.capture.evidence.exchanges[p.capture.exchange] : p.exchange;
}

export function StepCookies({ message, answer }: { message: ShownMessage; answer: CapturedHttpResponse | undefined }) {
  const exchange = exchangeOf(message);
  const sent = exchange?.cookiesSent ?? [];
  const set = answer?.setCookies ?? [];
  if (!exchange && !answer?.date) return null;
  return (
    <section className="step-evidence step-cookies" aria-label="Cookies and server clock">
      <h3>Cookies and server clock</h3>
      {exchange && exchange.url !== message.payload.url && (
        <p className="small break-anywhere">
          Of the exchange that carried it: {exchange.method} {exchange.url}
        </p>
      )}
      {!exchange && (
        // A step past CAPTURE_MAX_EXCHANGES has its HTTP answer but no exchange: "none" would read as "no cookie was sent".
        <p className="small muted" data-evidence-not-kept="">
          Cookies not kept: this step comes after the first {CAPTURE_MAX_EXCHANGES.toLocaleString('en-US')} HTTP exchanges of the capture, which are all that is kept as evidence.
        </p>
      )}
      <dl className="kv small">
        {exchange && (
          <>
            <dt>Cookies sent</dt>
            <dd className="break-anywhere" data-cookies-sent={sent.join(' ')}>
              {sent.length ? sent.map((n) => <code key={n}>{n} </code>) : <span className="muted">none</span>}
            </dd>
            <dt>Cookies set</dt>
            <dd className="break-anywhere" data-cookies-set={set.map((c) => c.name).join(' ')}>
              {set.length ? (
                set.map((c) => (
                  <span key={c.name}>
                    <code>{c.name}</code> ({c.deletes ? 'deleted' : `SameSite=${c.sameSite ?? 'unspecified (Lax)'}${c.secure ? ', Secure' : ''}`}){' '}
                  </span>
                ))
              ) : (
                <span className="muted">none</span>
              )}
            </dd>
          </>
        )}
        {answer?.date && (
          <>
            <dt>Server Date</dt>
            <dd data-http-date={answer.date}>{answer.date}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
