// The inspect page's URL search params (STYLE: state in the URL), read in one place: src/ui/search.ts
// re-exports the settings module's validation and converters (src/core/settings/); this hook
// reads the params for the page and patches them.
import { useCallback } from 'react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { InspectSearch } from '../../search';
import type { RulesSearch } from '../../routes/RulesPage';

export type PageSearch = InspectSearch & RulesSearch;

export function useInspectSearch() {
  const search = useSearch({ from: '/' }) as PageSearch;
  const navigate = useNavigate({ from: '/' });

  /** Merge a patch into the search params; empty and undefined values are dropped. Replaces history. */
  const setSearch = useCallback(
    (patch: Partial<PageSearch>) => {
      void navigate({
        search: (prev: PageSearch) => {
          const next: Record<string, unknown> = { ...prev, ...patch };
          for (const k of Object.keys(next)) if (next[k] === undefined || next[k] === '') delete next[k];
          return next as PageSearch;
        },
        replace: true,
      });
    },
    [navigate],
  );

  /** Replace every search param (a shared state, an example). */
  const replaceSearch = useCallback((next: PageSearch) => void navigate({ search: next as never, replace: true }), [navigate]);

  return { search, setSearch, replaceSearch };
}
