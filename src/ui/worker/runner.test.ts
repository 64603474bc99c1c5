import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RUN_TIME_BUDGET_MS } from '../../core/limits';
import type { WorkerEnvelope, WorkerInbound, WorkerMessage } from './protocol';
import { sliceReply } from './sliceTransfer';
import { parseLoweredBudget } from './runBudget';
import { WorkerRunner, type WorkerLike } from './runner';
import { INPUT_INLINE_MAX_CHARS, INPUT_SLICE_CHARS } from './inputSlices';

/** A worker that answers only when the test says so, and records what happened to it. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: { data: WorkerMessage }) => void) | null = null;
  onerror: ((event: { message?: string }) => void) | null = null;
  posted: WorkerInbound[] = [];
  terminated = false;
  postMessage(message: WorkerInbound): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(value: unknown, id = this.posted[this.posted.length - 1]!.id): void {
    this.onmessage?.({ data: { id, ok: true, value } });
  }
}

const request = { fragment: 's1.x' };

describe('WorkerRunner', () => {
  let spawned: FakeWorker[];
  let runner: WorkerRunner;
  beforeEach(() => {
    vi.useFakeTimers();
    spawned = [];
    runner = new WorkerRunner(() => {
      const w = new FakeWorker();
      spawned.push(w);
      return w;
    }, () => 1000);
  });
  afterEach(() => vi.useRealTimers());

  it('pairs a reply with its request and reuses the worker', async () => {
    const a = runner.run('open-share', request);
    spawned[0]!.reply('first');
    expect(await a.outcome).toEqual({ ok: true, value: 'first' });
    const b = runner.run('open-share', request);
    spawned[0]!.reply('second');
    expect(await b.outcome).toEqual({ ok: true, value: 'second' });
    expect(spawned).toHaveLength(1);
    expect(spawned[0]!.posted.map((p) => ('kind' in p ? p.kind : 'part'))).toEqual(['open-share', 'open-share']);
  });

  it('a reply in parts settles once every part has arrived, whole and in order', async () => {
    const value = { entities: Array.from({ length: 250 }, (_, i) => ({ i })) };
    const a = runner.run('open-share', request);
    const { head, parts } = sliceReply(value, 100);
    const w = spawned[0]!;
    const id = w.posted[0]!.id;
    w.onmessage?.({ data: { id, ok: true, value: head, parts: parts.length } });
    let settled = false;
    void a.outcome.then(() => (settled = true));
    w.onmessage?.({ data: { id, part: parts[0]! } });
    await Promise.resolve();
    expect(settled).toBe(false);
    w.onmessage?.({ data: { id, part: parts[1]! } });
    expect(await a.outcome).toEqual({ ok: true, value });
  });

  it('stops a run over its budget: worker terminated, typed run-timeout, a fresh worker next time', async () => {
    const a = runner.run('open-share', request);
    vi.advanceTimersByTime(999);
    expect(spawned[0]!.terminated).toBe(false);
    vi.advanceTimersByTime(1);
    const o = await a.outcome;
    expect(o.ok).toBe(false);
    expect(!o.ok && o.error.code).toBe('run-timeout');
    expect(!o.ok && o.error.message).toMatch(/^Inspection stopped after 1 s/);
    expect(spawned[0]!.terminated).toBe(true);
    const b = runner.run('open-share', request);
    expect(spawned).toHaveLength(2);
    spawned[1]!.reply('ok');
    expect(await b.outcome).toEqual({ ok: true, value: 'ok' });
  });

  it('cancels: the worker is terminated and a late reply is ignored', async () => {
    const a = runner.run('open-share', request);
    a.cancel();
    const o = await a.outcome;
    expect(!o.ok && o.error.code).toBe('run-cancelled');
    expect(spawned[0]!.terminated).toBe(true);
    expect(runner.busy).toBe(false);
    spawned[0]!.reply('late', 1); // nothing listens any more: no throw, no effect
  });

  it('latest wins: a newer run supersedes a busy one', async () => {
    const a = runner.run('open-share', request);
    const b = runner.run('open-share', request);
    const oa = await a.outcome;
    expect(!oa.ok && oa.error.code).toBe('run-cancelled');
    expect(spawned[0]!.terminated).toBe(true);
    spawned[1]!.reply('b');
    expect(await b.outcome).toEqual({ ok: true, value: 'b' });
    // The superseded run's watchdog does not fire on the new one.
    vi.advanceTimersByTime(5000);
    expect(spawned[1]!.terminated).toBe(false);
  });

  it('runWhenFree waits for the run in flight instead of superseding it, then runs on the same worker', async () => {
    const a = runner.run('open-share', request);
    const detail = runner.runWhenFree('entity-detail', { runId: 1, message: 0, entity: 5 });
    await Promise.resolve();
    expect(spawned[0]!.posted.map((p) => ('kind' in p ? p.kind : 'part'))).toEqual(['open-share']);
    spawned[0]!.reply('a');
    expect(await a.outcome).toEqual({ ok: true, value: 'a' });
    await vi.waitFor(() => expect(spawned[0]!.posted.map((p) => ('kind' in p ? p.kind : 'part'))).toEqual(['open-share', 'entity-detail']));
    spawned[0]!.reply('entity');
    expect(await detail.outcome).toEqual({ ok: true, value: 'entity' });
    expect(spawned).toHaveLength(1);
    expect(spawned[0]!.terminated).toBe(false);
  });

  it('runWhenFree gives way to a newer run started while it waits, and to its own cancel', async () => {
    const a = runner.run('open-share', request);
    const first = runner.runWhenFree('entity-detail', { runId: 1, message: 0, entity: 5 });
    const second = runner.runWhenFree('entity-detail', { runId: 1, message: 0, entity: 6 });
    second.cancel();
    const b = runner.run('open-share', request);
    const oa = await a.outcome;
    expect(!oa.ok && oa.error.code).toBe('run-cancelled');
    const o1 = await first.outcome;
    expect(!o1.ok && o1.error.code).toBe('run-cancelled');
    const o2 = await second.outcome;
    expect(!o2.ok && o2.error.code).toBe('run-cancelled');
    spawned[1]!.reply('b');
    expect(await b.outcome).toEqual({ ok: true, value: 'b' });
    expect(spawned[1]!.posted.map((p) => ('kind' in p ? p.kind : 'part'))).toEqual(['open-share']);
  });

  it('two follow-ups run one after the other; neither stops the worker', async () => {
    const one = runner.runWhenFree('entity-detail', { runId: 1, message: 0, entity: 1 });
    const two = runner.runWhenFree('entity-detail', { runId: 1, message: 0, entity: 2 });
    await vi.waitFor(() => expect(spawned[0]?.posted).toHaveLength(1));
    spawned[0]!.reply('one');
    expect(await one.outcome).toEqual({ ok: true, value: 'one' });
    await vi.waitFor(() => expect(spawned[0]!.posted).toHaveLength(2));
    spawned[0]!.reply('two');
    expect(await two.outcome).toEqual({ ok: true, value: 'two' });
    expect(spawned).toHaveLength(1);
    expect(spawned[0]!.terminated).toBe(false);
  });

  it('posts a long input apart from its request, in slices, one task each, and stops sending them once the run is superseded', async () => {
    const input = 'x'.repeat(INPUT_SLICE_CHARS * 2 + 5);
    runner.run('inspect', { input, source: 's', options: {} });
    const w = spawned[0]!;
    const first = w.posted[0] as WorkerEnvelope & { kind: 'inspect' };
    expect(first.inputParts).toBe(3);
    expect(first.request.input).toBe('');
    expect(w.posted).toHaveLength(1);
    vi.advanceTimersByTime(0);
    expect(w.posted).toHaveLength(2);
    vi.runOnlyPendingTimers();
    vi.runOnlyPendingTimers();
    const parts = w.posted.slice(1).map((p) => (p as unknown as { inputPart: string }).inputPart);
    expect(parts.map((p) => p.length)).toEqual([INPUT_SLICE_CHARS, INPUT_SLICE_CHARS, 5]);
    expect(parts.join('')).toBe(input);

    runner.run('inspect', { input, source: 's', options: {} });
    runner.run('open-share', request);
    vi.runAllTimers();
    // The superseded run's slices stop; its worker was terminated.
    expect(spawned[1]!.posted.map((p) => ('kind' in p ? p.kind : 'part'))).toEqual(['inspect']);
  });

  it('posts an input up to INPUT_INLINE_MAX_CHARS inside its request, at once', () => {
    const input = 'x'.repeat(INPUT_INLINE_MAX_CHARS);
    runner.run('inspect', { input, source: 's', options: {} });
    const first = spawned[0]!.posted[0] as WorkerEnvelope & { kind: 'inspect' };
    expect(first.request.input).toBe(input);
    expect(first.inputParts).toBeUndefined();
  });

  it('passes errors from the worker through as values', async () => {
    const a = runner.run('open-share', request);
    spawned[0]!.onmessage?.({ data: { id: 1, ok: false, error: { code: 'run-internal-error', message: 'TypeError: x' } } });
    expect(await a.outcome).toEqual({ ok: false, error: { code: 'run-internal-error', message: 'TypeError: x' } });
    const b = runner.run('open-share', request);
    spawned[0]!.onerror?.({ message: 'failed to load' });
    const ob = await b.outcome;
    expect(!ob.ok && ob.error.code).toBe('run-worker-failed');
    expect(spawned[0]!.terminated).toBe(true);
  });
});

describe('WorkerRunner.prepareWhenIdle', () => {
  const warmUp = { input: '<x/>', source: 'warm-up', options: {} };
  let spawned: FakeWorker[];
  let idle: (() => void)[];
  let runner: WorkerRunner;
  const spawn = () => {
    const w = new FakeWorker();
    spawned.push(w);
    return w;
  };
  const runIdleWork = () => idle.splice(0).forEach((work) => work());
  beforeEach(() => {
    vi.useFakeTimers();
    spawned = [];
    idle = [];
    runner = new WorkerRunner(spawn, () => 1000, {
      whenIdle: (work) => {
        idle.push(work);
        return () => (idle = idle.filter((w) => w !== work));
      },
      warmUp: () => warmUp,
    });
  });
  afterEach(() => vi.useRealTimers());

  it('starts a worker only once the page is idle, warms it up, and the next run uses it', async () => {
    runner.prepareWhenIdle();
    runner.prepareWhenIdle(); // scheduled once
    expect(spawned).toHaveLength(0);
    expect(idle).toHaveLength(1);
    runIdleWork();
    expect(spawned).toHaveLength(1);
    expect(spawned[0]!.posted).toEqual([{ id: 1, kind: 'warm-up', request: warmUp }]);
    const a = runner.run('open-share', request);
    // The warm-up's reply settles nothing; the run's own reply does.
    spawned[0]!.reply(null, 1);
    let settled = false;
    void a.outcome.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    spawned[0]!.reply('answer', 2);
    expect(await a.outcome).toEqual({ ok: true, value: 'answer' });
    expect(spawned).toHaveLength(1);
  });

  it('after a cancel or a timeout a fresh worker waits warm; a superseding run is not given a second one', async () => {
    const a = runner.run('open-share', request);
    a.cancel();
    expect(spawned[0]!.terminated).toBe(true);
    runIdleWork();
    expect(spawned).toHaveLength(2);
    expect(spawned[1]!.posted.map((p) => ('kind' in p ? p.kind : 'part'))).toEqual(['warm-up']);
    spawned[1]!.reply(null, spawned[1]!.posted[0]!.id);
    const b = runner.run('open-share', request);
    vi.advanceTimersByTime(1000);
    expect((await b.outcome).ok).toBe(false);
    runIdleWork();
    expect(spawned).toHaveLength(3);
    runner.run('open-share', request);
    runner.run('open-share', request); // supersedes: its worker starts at once
    expect(spawned).toHaveLength(4);
    runIdleWork();
    expect(spawned).toHaveLength(4);
  });

  it('a run posted during the warm-up gets its whole budget after the warm-up answers', async () => {
    runner.prepareWhenIdle();
    runIdleWork();
    const a = runner.run('open-share', request);
    vi.advanceTimersByTime(900);
    spawned[0]!.reply(null, 1); // the warm-up ends
    vi.advanceTimersByTime(900); // 1,800 ms after posting, 900 ms of its own budget
    spawned[0]!.reply('answer', 2);
    expect(await a.outcome).toEqual({ ok: true, value: 'answer' });
    const b = runner.run('open-share', request);
    vi.advanceTimersByTime(1000);
    expect((await b.outcome).ok).toBe(false);
  });

  it('does nothing once disposed', () => {
    runner.prepareWhenIdle();
    runner.dispose();
    expect(idle).toHaveLength(0);
    runner.prepareWhenIdle();
    expect(idle).toHaveLength(0);
    expect(spawned).toHaveLength(0);
  });
});

describe('parseLoweredBudget', () => {
  it('only ever lowers the budget, within bounds', () => {
    expect(parseLoweredBudget(null)).toBeNull();
    expect(parseLoweredBudget('abc')).toBeNull();
    expect(parseLoweredBudget('-5')).toBeNull();
    expect(parseLoweredBudget(String(RUN_TIME_BUDGET_MS * 10))).toBeNull();
    expect(parseLoweredBudget('2000')).toBe(2000);
    expect(parseLoweredBudget('1')).toBe(50);
  });
});
