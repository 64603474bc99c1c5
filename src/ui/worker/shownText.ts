// A message's XML as the page receives it (issue 15: aggregates up to 256 MB in the page). The
// XML view is the only reader of a message's whole text on the page, and past
// PAGE_LIMITS.editorHugeChars it would not show it anyway (a Monaco model of 10 MB is a task of
// seconds). Sending a 256 MB text would cost the page that much memory and hundreds of reply
// parts, so the worker sends its start and says how long the whole is; the worker keeps the whole
// (resultStore.ts). Line numbers of findings stay right: the start is cut at a line end.
// Such a message is an aggregate, and its entity summaries are the rest of its weight: their
// KeyDescriptors' certificates (base64 DER, ~1 KB each, two or more per entity) are sent empty,
// as the page shows only how many there are (MessageSummaryView RoleView); `certificatesOmitted`
// says so. A 100 MB aggregate's 15,700 summaries were 58 MB of objects on the page.
import { PAGE_LIMITS } from '../../core/limits';
import type { InspectedMessage } from '../../core/types';

/** Set on a message whose texts were cut to their start: the whole lengths, in characters. */
export interface XmlCut {
  xmlChars: number;
  prettyChars: number;
  /** Characters of prettyXml the page received. */
  shownChars: number;
}

/**
 * A message as the page receives it: InspectedMessage, with `xmlCut` when its texts are starts
 * only, and `certificatesOmitted` when its entities' KeyDescriptor certificates are empty strings.
 */
export type ReceivedMessage = InspectedMessage & { xmlCut?: XmlCut; certificatesOmitted?: number };

/** The first `max` characters of `text`, cut after the last line end within them (whole lines only, unless one line is longer). */
export function startOf(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = text.lastIndexOf('\n', max - 1);
  return end > 0 ? text.slice(0, end + 1) : text.slice(0, max);
}

/** The message with its XML texts cut to their start when either is longer than editorHugeChars; else the message itself. */
export function withShownText(message: InspectedMessage, hugeChars: number = PAGE_LIMITS.editorHugeChars, startChars: number = PAGE_LIMITS.xmlStartChars): ReceivedMessage {
  const { prettyXml, payload } = message;
  if (prettyXml.length <= hugeChars && payload.xml.length <= hugeChars) return message;
  const pretty = startOf(prettyXml, startChars);
  // The aggregate read in parts shows the text as received (prettyXml === payload.xml): one start, sent once.
  const xml = payload.xml === prettyXml ? pretty : startOf(payload.xml, startChars);
  const shown: ReceivedMessage = { ...message, prettyXml: pretty, payload: { ...payload, xml }, xmlCut: { xmlChars: payload.xml.length, prettyChars: prettyXml.length, shownChars: pretty.length } };
  if (message.metadata) {
    let omitted = 0;
    const entities = message.metadata.entities.map((e) => ({
      ...e,
      roles: e.roles.map((r) => ({
        ...r,
        keyDescriptors: r.keyDescriptors.map((k) => {
          omitted += k.certificates.length;
          return { ...k, certificates: k.certificates.map(() => '') };
        }),
      })),
    }));
    shown.metadata = { ...message.metadata, entities };
    if (omitted > 0) shown.certificatesOmitted = omitted;
  }
  return shown;
}

export function xmlCutOf(message: InspectedMessage | undefined | null): XmlCut | undefined {
  return (message as ReceivedMessage | undefined | null)?.xmlCut;
}
