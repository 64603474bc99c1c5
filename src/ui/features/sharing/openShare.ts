// Opening a shared state (link, share file, history entry) in the inspect view: the search
// params it implies. The evaluation instant always goes into `at`, so the view evaluates time
// conditions at the instant recorded in the state, not at "now" (docs/sharing.md "Links").
import type { ShareState } from '../../../core/share';
import { sharedToSearch, type InspectSearch } from '../../../core/settings';

export function searchOfShareState(state: ShareState): InspectSearch {
  return sharedToSearch(state);
}
