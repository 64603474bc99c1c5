// Runs flowVerdicts in verdict.worker.ts, one run at a time: a newer flow replaces a pending run,
// and a run over PANEL_RUN_BUDGET_MS is stopped (the worker is replaced), like the page's
// watchdog (src/ui/worker/) does for its inspections.
import type { RecordedExchange } from '../../core/capture/recorded';
import type { FlowVerdicts } from './flowVerdicts';

export const PANEL_RUN_BUDGET_MS = 20_000;

export type VerdictOutcome = { ok: true; value: FlowVerdicts } | { ok: false; code: 'run-timeout' | 'run-internal-error' | 'run-cancelled'; message: string };

export class VerdictRunner {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending: { id: number; resolve: (o: VerdictOutcome) => void; timer: ReturnType<typeof setTimeout> } | null = null;

  private spawn(): Worker {
    const w = new Worker(new URL('./verdict.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<{ id: number; ok: boolean; value?: FlowVerdicts; error?: string }>) => {
      if (!this.pending || e.data.id !== this.pending.id) return;
      const p = this.pending;
      this.pending = null;
      clearTimeout(p.timer);
      p.resolve(e.data.ok ? { ok: true, value: e.data.value! } : { ok: false, code: 'run-internal-error', message: e.data.error ?? 'the inspection failed' });
    };
    return w;
  }

  run(flow: RecordedExchange[]): Promise<VerdictOutcome> {
    if (this.pending) {
      clearTimeout(this.pending.timer);
      this.pending.resolve({ ok: false, code: 'run-cancelled', message: 'a newer flow replaced this run' });
      this.pending = null;
    }
    this.worker ??= this.spawn();
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.worker?.terminate();
        this.worker = null;
        this.pending = null;
        resolve({ ok: false, code: 'run-timeout', message: `the inspection took over ${PANEL_RUN_BUDGET_MS / 1000} s and was stopped` });
      }, PANEL_RUN_BUDGET_MS);
      this.pending = { id, resolve, timer };
      this.worker!.postMessage({ id, flow });
    });
  }
}
