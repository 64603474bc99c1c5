// The inspection worker: runs the core off the page's thread, so nothing pasted or opened from a
// link can freeze the page (issue 10 point 4). It only routes requests to handlers.ts; the page
// side (runner.ts) owns the watchdog.
import { WORKER_HANDLERS } from './handlers';
import type { WorkerEnvelope, WorkerInbound, WorkerMessage, WorkerReply } from './protocol';
import { joinInput } from './inputSlices';
import { sliceReply } from './sliceTransfer';

const scope = self as unknown as { postMessage(m: WorkerMessage): void; onmessage: ((e: MessageEvent<WorkerInbound>) => void) | null };

/** Requests whose input is still arriving in slices (inputSlices.ts), by id. */
const assembling = new Map<number, { envelope: WorkerEnvelope; parts: string[] }>();

scope.onmessage = (event) => {
  const data = event.data;
  if ('inputPart' in data) {
    const waiting = assembling.get(data.id);
    if (!waiting) return;
    waiting.parts.push(data.inputPart);
    if (waiting.parts.length < (waiting.envelope.inputParts ?? 0)) return;
    assembling.delete(data.id);
    const { envelope } = waiting;
    handle({ ...envelope, request: joinInput(envelope.request as { input: string }, waiting.parts) } as WorkerEnvelope);
  } else if (data.inputParts) {
    // A newer request means the page gave up on any earlier one still assembling.
    assembling.clear();
    assembling.set(data.id, { envelope: data, parts: [] });
  } else {
    handle(data);
  }
};

function handle(envelope: WorkerEnvelope): void {
  const { id, kind, request } = envelope;
  const handler = WORKER_HANDLERS[kind] as (r: typeof request) => Promise<unknown>;
  void (async () => {
    let reply: WorkerReply;
    try {
      reply = { id, ok: true, value: await handler(request) };
    } catch (e) {
      // Errors are values in the core: an exception is a bug, reported rather than hidden.
      reply = { id, ok: false, error: { code: 'run-internal-error', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) } };
    }
    try {
      // Long arrays follow in parts, each its own task on the page (sliceTransfer.ts).
      const { head, parts } = reply.ok ? sliceReply(reply.value) : { head: undefined, parts: [] };
      scope.postMessage(reply.ok ? { ...reply, value: head, ...(parts.length > 0 ? { parts: parts.length } : {}) } : reply);
      for (const part of parts) scope.postMessage({ id, part });
    } catch (e) {
      // DataCloneError: the value held something structured clone refuses (a bug in the core's types).
      scope.postMessage({ id, ok: false, error: { code: 'run-worker-failed', message: `The result could not be sent to the page: ${e instanceof Error ? e.message : String(e)}` } });
    }
  })();
}
