// What an aggregate's entity rows need of the inspect page (entityDetail.tsx): the worker that
// keeps the run, and a way to inspect the input again. Its own module so that the first screen,
// which provides it, does not load the rows' code.
import { createContext } from 'react';
import type { WorkerRunner } from '../../worker/runner';

export interface EntityDetailSource {
  runner: () => WorkerRunner;
  rerun: () => void;
}

export const EntityDetailContext = createContext<EntityDetailSource | null>(null);
