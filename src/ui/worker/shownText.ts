// A message's XML as the page receives it (issue 15: aggregates up to 256 MB in the page). The
// XML view is the only reader of a message's whole text on the page, and past
// PAGE_LIMITS.editorHugeChars it would not show it anyway (a Monaco model of 10 MB is a task of
// seconds). Sending a 256 MB text would cost the page that much memory and hundreds of reply
// parts, so the worker sends its start and says how long the whole is; the worker keeps the whole
// (resultStore.ts). Line numbers of findings stay right: the start is cut at a line end.
// An aggregate's entities travel as the entity table's columns (entityColumns.ts), whatever its
// size: their summaries stay in the worker.
import { PAGE_LIMITS } from '../../core/limits';
import type { InspectedMessage } from '../../core/types';
import { entityColumnsOf, type EntityColumns } from './entityColumns';

/** Set on a message whose texts were cut to their start: the whole lengths, in characters. */
export interface XmlCut {
  xmlChars: number;
  prettyChars: number;
  /** Characters of prettyXml the page received. */
  shownChars: number;
}

/**
 * A message as the page receives it: InspectedMessage, with `xmlCut` when its texts are starts
 * only, and `entityTable` when it is metadata of more than one entity: then `metadata.entities`
 * is empty, and an entity's summary is asked of the worker (protocol.ts `entity-detail`).
 */
export type ReceivedMessage = InspectedMessage & { xmlCut?: XmlCut; entityTable?: EntityTableView };

/**
 * An entity table and where its entities are kept: message `message` of run `runId` in the
 * worker. The page asks for an entity's detail with these, so a detail can only ever be of the
 * table's own run (a newer run answers null, never another input's entity).
 */
export interface EntityTableView extends EntityColumns {
  runId: number;
  message: number;
}

/** The message as the page receives it: its long texts cut (withShownText), its entities as columns (withEntityTable). */
export function receivedMessageOf(message: InspectedMessage, kept: { runId: number; message: number }): ReceivedMessage {
  return withEntityTable(withShownText(message), kept);
}

/** Metadata of more than one entity with its entities as the table's columns; else the message itself. */
export function withEntityTable(message: ReceivedMessage, kept: { runId: number; message: number }): ReceivedMessage {
  const metadata = message.metadata;
  if (!metadata || metadata.entities.length <= 1) return message;
  return { ...message, metadata: { ...metadata, entities: [] }, entityTable: { ...entityColumnsOf(metadata.entities), ...kept } };
}

export function entityTableOf(message: InspectedMessage | undefined | null): EntityTableView | undefined {
  return (message as ReceivedMessage | undefined | null)?.entityTable;
}

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
  return { ...message, prettyXml: pretty, payload: { ...payload, xml }, xmlCut: { xmlChars: payload.xml.length, prettyChars: prettyXml.length, shownChars: pretty.length } };
}

export function xmlCutOf(message: InspectedMessage | undefined | null): XmlCut | undefined {
  return (message as ReceivedMessage | undefined | null)?.xmlCut;
}
