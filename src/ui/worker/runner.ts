// The page side of the inspection worker: one run at a time, latest wins, a watchdog per run.
// The core is synchronous in long stretches (XML parsing, canonicalization, big-number maths),
// so a run cannot be interrupted from inside; the only sure stop is Worker.terminate(), after
// which a fresh worker is started for the next run (HTML Living Standard §10.2.6 "terminate a
// worker": the worker's event loop is discarded at once, whatever script it is running).
import type { RequestOf, ResponseOf, RunError, WorkerEnvelope, WorkerInbound, WorkerMessage, WorkerReplyPart, WorkerRequestKind } from './protocol';
import { sliceInput } from './inputSlices';
import { nextTask } from './nextTask';
import { appendReplyPart } from './sliceTransfer';

/** What the runner needs of a Worker (a fake in unit tests). */
export interface WorkerLike {
  postMessage(message: WorkerInbound): void;
  terminate(): void;
  onmessage: ((event: { data: WorkerMessage }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}

export type RunOutcome<T> = { ok: true; value: T } | { ok: false; error: RunError };

export interface RunHandle<T> {
  outcome: Promise<RunOutcome<T>>;
  /** Stop this run now (terminates the worker); its outcome is `run-cancelled`. No-op once settled. */
  cancel(): void;
}

interface InFlight {
  id: number;
  outcome: Promise<RunOutcome<unknown>>;
  settle: (o: RunOutcome<unknown>) => void;
  timer: ReturnType<typeof setTimeout> | null;
  /** Starts the watchdog; deferred while the worker's warm-up is still running (prepare()). */
  startWatchdog: () => void;
  /** A reply whose long arrays are still arriving in parts (sliceTransfer.ts). */
  assembling?: { value: unknown; remaining: number };
}

export interface RunnerOptions {
  /** Schedules work for a moment the page is idle; returns a cancel function (whenIdle.ts). */
  whenIdle?: (work: () => void) => () => void;
  /** The inspection a fresh worker runs when prepared (protocol.ts 'warm-up'). */
  warmUp?: () => RequestOf<'warm-up'> | undefined;
}

export function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

export class WorkerRunner {
  private worker: WorkerLike | null = null;
  private inFlight: InFlight | null = null;
  private nextId = 1;
  private disposed = false;
  private cancelIdle: (() => void) | null = null;
  /** Counts run() calls: a follow-up waiting in runWhenFree() gives way to a newer run. */
  private generation = 0;
  /** The id of the warm-up the current worker is running, until it answers. */
  private warmingId: number | null = null;

  /** `budgetMs` is read at the start of each run (a test may lower it, see runBudget.ts). */
  constructor(
    private readonly spawn: () => WorkerLike,
    private readonly budgetMs: (kind: WorkerRequestKind, request: unknown) => number,
    private readonly options: RunnerOptions = {},
  ) {}

  /**
   * Have a worker ready before a run needs one (issue 15: the first paste of a visit waited
   * 1–3 s at load 16–20 for the worker's script to load, compile and run its first inspection
   * cold): when the page is idle, start a worker and give it the warm-up inspection. Also
   * scheduled after a worker is thrown away (cancel, timeout, superseded), so the next run does
   * not start cold. A run posted meanwhile waits in the worker for the warm-up to end.
   */
  prepareWhenIdle(): void {
    if (this.disposed || this.worker || this.cancelIdle || !this.options.whenIdle) return;
    this.cancelIdle = this.options.whenIdle(() => {
      this.cancelIdle = null;
      this.prepare();
    });
  }

  private prepare(): void {
    if (this.disposed || this.worker) return;
    const worker = this.ensureWorker();
    const warmUp = this.options.warmUp?.();
    if (!warmUp) return;
    // Not in flight and not watched: its reply matches no run and is dropped (finish()).
    try {
      this.warmingId = this.nextId++;
      worker.postMessage({ id: this.warmingId, kind: 'warm-up', request: warmUp });
    } catch {
      // A warm-up that cannot be sent only loses the head start.
    }
  }

  /**
   * Start a run. A run still in flight is superseded: its worker is terminated (its result would
   * be thrown away anyway, and a slow run must not delay the newer one) and its outcome is
   * `run-cancelled`.
   */
  run<K extends WorkerRequestKind>(kind: K, request: RequestOf<K>): RunHandle<ResponseOf<K>> {
    this.generation++;
    return this.start(kind, request);
  }

  /**
   * A follow-up request about a kept result (an entity's detail): it never supersedes. It waits
   * for the run in flight to settle, then runs; superseding would terminate the worker and so
   * drop the very result it asks about. It ends `run-cancelled` without running when a newer
   * run() was started meanwhile (that run replaces the result), or when cancelled while waiting.
   * Once running, cancel() only drops its answer: stopping a short request would cost the worker.
   */
  runWhenFree<K extends WorkerRequestKind>(kind: K, request: RequestOf<K>): RunHandle<ResponseOf<K>> {
    const generation = this.generation;
    let cancelled = false;
    const dropped = (message: string): RunOutcome<ResponseOf<K>> => ({ ok: false, error: { code: 'run-cancelled', message } });
    const outcome = (async (): Promise<RunOutcome<ResponseOf<K>>> => {
      while (this.inFlight && !cancelled && this.generation === generation) await this.inFlight.outcome;
      if (cancelled) return dropped('Cancelled while waiting for the worker.');
      if (this.generation !== generation) return dropped('Superseded by a newer run.');
      const result = await this.start(kind, request).outcome;
      return cancelled ? dropped('Cancelled.') : result;
    })();
    return { outcome, cancel: () => void (cancelled = true) };
  }

  private start<K extends WorkerRequestKind>(kind: K, request: RequestOf<K>): RunHandle<ResponseOf<K>> {
    if (this.inFlight) this.stop({ code: 'run-cancelled', message: 'Superseded by a newer run.' });
    const id = this.nextId++;
    const budget = this.budgetMs(kind, request);
    let settle!: (o: RunOutcome<unknown>) => void;
    const outcome = new Promise<RunOutcome<unknown>>((resolve) => (settle = resolve));
    const startWatchdog = () => {
      if (this.inFlight?.id !== id || this.inFlight.timer !== null) return;
      this.inFlight.timer = setTimeout(() => {
        if (this.inFlight?.id === id) {
          this.stop({
            code: 'run-timeout',
            message: `Inspection stopped after ${formatSeconds(budget)}: it ran past the page's run-time budget, so the worker running it was stopped. The page is unaffected; trim the input (a HAR often carries far more than the SAML exchange) or use the command line, which has no time budget.`,
          });
        }
      }, budget);
    };
    this.inFlight = { id, outcome, settle, timer: null, startWatchdog };
    // A run posted while the worker warms up waits for it in the worker: its budget starts after
    // the warm-up answers (and at the latest after one budget, should it never answer).
    if (this.warmingId === null) startWatchdog();
    else setTimeout(startWatchdog, budget);
    try {
      // A long input follows in slices, one task each (inputSlices.ts).
      const { request: head, rest } = sliceInput(kind, request);
      const worker = this.ensureWorker();
      worker.postMessage({ id, kind, request: head, ...(rest.length > 0 ? { inputParts: rest.length } : {}) } as WorkerEnvelope);
      this.postInputParts(worker, id, rest);
    } catch (e) {
      // DataCloneError: the request holds something that cannot cross postMessage (a bug).
      this.finish(id, { ok: false, error: { code: 'run-worker-failed', message: `The request could not be sent to the worker: ${describe(e)}` } });
    }
    return {
      outcome: outcome as Promise<RunOutcome<ResponseOf<K>>>,
      cancel: () => {
        if (this.inFlight?.id === id) this.stop({ code: 'run-cancelled', message: 'Inspection cancelled.' });
      },
    };
  }

  /** Posts `parts` of run `id`'s input, each from its own task, while that run is still the one in flight on `worker`. */
  private postInputParts(worker: WorkerLike, id: number, parts: string[]): void {
    let next = 0;
    const post = () => {
      if (next >= parts.length || this.worker !== worker || this.inFlight?.id !== id) return;
      try {
        worker.postMessage({ id, inputPart: parts[next++]! });
      } catch (e) {
        this.finish(id, { ok: false, error: { code: 'run-worker-failed', message: `The request could not be sent to the worker: ${describe(e)}` } });
        return;
      }
      nextTask(post);
    };
    if (parts.length > 0) nextTask(post);
  }

  get busy(): boolean {
    return this.inFlight !== null;
  }

  /** Terminate the worker (page unmount); a run in flight ends as `run-cancelled`. */
  dispose(): void {
    this.disposed = true;
    this.cancelIdle?.();
    this.cancelIdle = null;
    if (this.inFlight) this.stop({ code: 'run-cancelled', message: 'The page was left.' });
    this.worker?.terminate();
    this.worker = null;
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const w = this.spawn();
    w.onmessage = (event) => {
      const reply = event.data;
      if ('part' in reply) this.receivePart(reply);
      else if (reply.ok && reply.parts && this.inFlight?.id === reply.id) this.inFlight.assembling = { value: reply.value, remaining: reply.parts };
      else if (reply.id === this.warmingId) {
        this.warmingId = null;
        this.inFlight?.startWatchdog();
      } else this.finish(reply.id, reply.ok ? { ok: true, value: reply.value } : { ok: false, error: reply.error });
    };
    w.onerror = (event) => {
      // A worker that failed to load or threw outside a handler: it is of no further use.
      const current = this.inFlight;
      this.dropWorker();
      if (current) this.finish(current.id, { ok: false, error: { code: 'run-worker-failed', message: `The inspection worker failed: ${event.message ?? 'unknown error'}` } });
    };
    this.worker = w;
    return w;
  }

  private dropWorker(): void {
    this.warmingId = null;
    if (!this.worker) return;
    this.worker.onmessage = null;
    this.worker.onerror = null;
    this.worker.terminate();
    this.worker = null;
  }

  private receivePart({ id, part }: WorkerReplyPart): void {
    const assembling = this.inFlight?.id === id ? this.inFlight.assembling : undefined;
    if (!assembling) return; // a part of a run already stopped
    if (!appendReplyPart(assembling.value, part)) {
      this.stop({ code: 'run-worker-failed', message: `A part of the worker's reply did not fit its value (at ${part.path.join('.')}).` });
      return;
    }
    if (--assembling.remaining === 0) this.finish(id, { ok: true, value: assembling.value });
  }

  /** End the run in flight with an error and throw its worker away; the next run starts a fresh one. */
  private stop(error: RunError): void {
    const current = this.inFlight;
    this.dropWorker();
    if (current) this.finish(current.id, { ok: false, error });
    // A superseding run starts its worker at once (then this does nothing); after a cancel or a timeout, a fresh one waits warm.
    this.prepareWhenIdle();
  }

  private finish(id: number, outcome: RunOutcome<unknown>): void {
    if (this.inFlight?.id !== id) return; // a late reply of a run already stopped
    if (this.inFlight.timer !== null) clearTimeout(this.inFlight.timer);
    const { settle } = this.inFlight;
    this.inFlight = null;
    settle(outcome);
  }
}

function describe(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}
