// The diagnosis engine: what a rule sees (context), how it is run (evaluate), where expected
// values come from (expectations), the time conditions (timeline), the vocabularies rules explain
// (status codes, NameID formats), categories and how a fix is carried (fix). The rules themselves
// are the files of ../rules/, listed in its registry.
export type { Expectation, ExpectationSource, Expectations, ProfileName, Rule, RuleContext, RuleMessage } from './context';
export { evaluateRules, categoryOf } from './evaluate';
export { CATEGORIES, categoryTitle, VERIFIER_CODES, type CategoryId, type VerifierCode } from './categories';
export { resolveExpectations } from './expectations';
export { timelineOf, type TimePoint, type TimePointState } from './timeline';
export { STATUS_CODES, explainStatusCode, type StatusCodeExplanation } from './status-codes';
export { NAMEID_FORMATS, explainNameIdFormat, canonicalNameIdFormat, type NameIdFormatExplanation } from './nameid-formats';
export { fixText, type FixParts, type Surface } from '../findings/fix';
export { SOURCES } from './sources';
