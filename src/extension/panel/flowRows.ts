// The rows of the panel's list: the exchanges that carried a sign-in message, each with the
// verdicts of the SAML messages it carried. Pure, so the list's content is tested without a DOM.
import type { RecordedExchange } from '../../core/capture/recorded';
import type { FlowVerdicts, MessageVerdict } from './flowVerdicts';

export interface FlowRow {
  index: number;
  time: string;
  method: string;
  url: string;
  protocol: 'saml' | 'oidc';
  status: string;
  messages: MessageVerdict[];
}

export function flowRows(flow: readonly RecordedExchange[], verdicts: FlowVerdicts | null): FlowRow[] {
  const rows: FlowRow[] = [];
  flow.forEach((x, index) => {
    if (!x.protocol) return;
    rows.push({
      index,
      time: x.time,
      method: x.method,
      url: x.url,
      protocol: x.protocol,
      status: x.error ?? (x.response ? `${x.response.status}${x.response.statusText ? ` ${x.response.statusText}` : ''}` : '…'),
      messages: verdicts?.messages.filter((m) => m.exchange === index) ?? [],
    });
  });
  return rows;
}

/** A long URL cut for the list (the full URL is in the row's title and in every export). */
export function shortUrl(url: string, max = 90): string {
  const noQuery = url.replace(/([?#]).*$/, '$1…');
  return noQuery.length > max ? `${noQuery.slice(0, max - 1)}…` : noQuery;
}
