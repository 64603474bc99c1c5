// Vite bundles the worker as its own ES module chunk (vite.config.ts `worker.format: 'es'`); the
// CSP allows it with `worker-src 'self'` and the service worker precaches it (sw-assets.json).
import type { WorkerLike } from './runner';

export function spawnInspectionWorker(): WorkerLike {
  return new Worker(new URL('./inspection.worker.ts', import.meta.url), { type: 'module', name: 'samlscope-inspection' }) as unknown as WorkerLike;
}
