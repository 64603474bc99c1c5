// The panel's inspection runs here, off the panel's thread, so that a hostile or huge message in
// a captured flow cannot freeze the list; the panel stops a run that outlasts its budget.
import { flowVerdicts } from './flowVerdicts';
import type { RecordedExchange } from '../../core/capture/recorded';

self.onmessage = async (e: MessageEvent<{ id: number; flow: RecordedExchange[] }>) => {
  try {
    self.postMessage({ id: e.data.id, ok: true, value: await flowVerdicts(e.data.flow) });
  } catch (err) {
    self.postMessage({ id: e.data.id, ok: false, error: String((err as Error)?.message ?? err) });
  }
};
