// Opening a shared state (link, share file, history entry) in the inspect view: the search
// params it implies. The evaluation instant always goes into `at`, so the view evaluates time
// conditions at the instant recorded in the state, not at "now" (docs/sharing.md "Links").
import type { ShareState } from '../../../core/share';
import type { InspectSearch } from '../../search';

const DEFAULT_SKEW = 180;

export function searchOfShareState(state: ShareState): InspectSearch {
  const s: InspectSearch = { at: state.at };
  if (state.expectations.spEntityId) s.sp = state.expectations.spEntityId;
  if (state.expectations.acsUrl) s.acs = state.expectations.acsUrl;
  if (state.expectations.idpEntityId) s.idp = state.expectations.idpEntityId;
  if (state.expectations.requestId) s.req = state.expectations.requestId;
  if (state.skewSeconds !== DEFAULT_SKEW) s.skew = state.skewSeconds;
  if (state.profile !== 'generic') s.profile = state.profile;
  if (state.selected > 0) s.msg = state.selected;
  return s;
}
