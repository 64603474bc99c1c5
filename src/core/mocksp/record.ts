// The record the mock SP keeps of a request it sent (correlate.ts compares answers with it).
// Apart from correlate.ts because it parses XML: the inspect page correlates a captured answer
// on its first screen without loading an XML parser (the parsing runs in the worker).
import { parseXmlSafely } from '../xml/parse';
import type { BuiltMessage } from './authnRequest';
import type { SentRequestRecord } from './correlate';
import type { PreparedSend } from './send';
import type { MockSpSettings } from './settings';

/**
 * The record of a request just sent. ID and IssueInstant are read from the XML actually sent
 * (the user may have edited them in the editor), falling back to `built`.
 */
export function recordSentRequest(built: BuiltMessage, sent: PreparedSend, settings: MockSpSettings, now: Date = new Date()): SentRequestRecord {
  const doc = parseXmlSafely(sent.xml);
  const root = doc.ok ? doc.value.documentElement : null;
  const relayState = sent.binding === 'HTTP-POST' ? (sent.fields.RelayState ?? null) : (sent.parameters.RelayState ?? null);
  return {
    kind: (root ? root.localName === 'LogoutRequest' : /^\s*<(?:[\w.-]+:)?LogoutRequest[\s>]/.test(built.xml)) ? 'LogoutRequest' : 'AuthnRequest',
    id: root?.getAttribute('ID') || built.id,
    issueInstant: root?.getAttribute('IssueInstant') || built.issueInstant,
    relayState,
    binding: sent.binding,
    endpoint: sent.binding === 'HTTP-POST' ? sent.action : sent.endpoint,
    sentAt: now.toISOString(),
    spEntityId: settings.spEntityId,
    acsUrl: settings.acsUrl,
    idpEntityId: settings.idpEntityId,
    xml: sent.xml,
  };
}
