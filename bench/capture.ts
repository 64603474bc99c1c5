// `npm run bench -- --capture`: the cost of reading capture evidence (issue 17). A HAR of N
// SP-initiated logins (3 exchanges with SAML each, 1 without) padded with non-SAML exchanges up to
// CAPTURE_MAX_EXCHANGES is decoded (extractFromHar: exchanges kept, cookies and Date read) and
// inspected whole (every rule, the four capture-evidence rules included). Options: --cycles N
// (default 150 = 450 messages, under CAPTURE_MAX_PAYLOADS), --runs N (default 5).
import { extractFromHar } from '../src/core/binding/har';
import { inspectInput } from '../src/core/inspect';
import { CAPTURE_MAX_EXCHANGES } from '../src/core/limits';
import { loginEntries, plus } from '../src/core/testing/har-login.testutil';
import { formatMs, summarizeTimings } from './stats';
import { captureSanitizedRule } from '../src/core/rules/capture-sanitized';
import { clockSkewObservedRule } from '../src/core/rules/clock-skew-observed';
import { cookieDroppedSameSiteRule } from '../src/core/rules/cookie-dropped-samesite';
import { redirectLoopRule } from '../src/core/rules/redirect-loop';

const arg = (name: string, d: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : d;
};
const cycles = arg('--cycles', 150);
const runs = arg('--runs', 5);
const T0 = '2026-03-01T10:00:00.000Z';
const logins = Array.from({ length: cycles }, (_, i) => loginEntries(plus(T0, i * 5), { id: `_req${i}`, acsStatus: 302, acsLocation: 'https://sp.example.com/login' })).flat();
const padding = Array.from({ length: Math.max(0, CAPTURE_MAX_EXCHANGES - logins.length) }, (_, i) => ({
  startedDateTime: plus(T0, cycles * 5 + i), request: { method: 'GET', url: `https://cdn.example.net/asset${i}.js`, headers: [{ name: 'Cookie', value: 'a=1; b=2' }], cookies: [] },
  response: { status: 200, headers: [{ name: 'Date', value: new Date(T0).toUTCString() }, { name: 'Set-Cookie', value: 'c=3; SameSite=Lax' }], content: { mimeType: 'application/javascript', text: 'x' } },
}));
const text = JSON.stringify({ log: { version: '1.2', entries: [...logins, ...padding] } });
const doc = JSON.parse(text);

const time = async (f: () => unknown) => {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    out.push(performance.now() - t);
  }
  return summarizeTimings(out);
};
const extract = await time(() => extractFromHar(doc));
const r = extractFromHar(doc);
let findings = 0;
const inspect = await time(async () => {
  const rep = await inspectInput(text, 'bench.har', { at: new Date(plus(T0, 10)) });
  findings = rep.messages.flatMap((m) => m.findings).filter((f) => ['cookie-dropped-samesite', 'clock-skew-observed', 'redirect-loop', 'capture-sanitized'].includes(f.code)).length;
});
// The same pipeline with the four capture-evidence rules silenced: their own cost is the difference.
const evidenceRules = [cookieDroppedSameSiteRule, clockSkewObservedRule, redirectLoopRule, captureSanitizedRule];
const checks = evidenceRules.map((rule) => rule.check);
for (const rule of evidenceRules) rule.check = () => [];
const without = await time(() => inspectInput(text, 'bench.har', { at: new Date(plus(T0, 10)) }));
evidenceRules.forEach((rule, i) => (rule.check = checks[i]));
console.log(`HAR: ${(text.length / 1e6).toFixed(1)} MB, ${doc.log.entries.length} entries, ${r.payloads.length} messages, ${r.evidence!.exchanges.length} exchanges kept`);
console.log(`extractFromHar (decode + evidence): median ${formatMs(extract.median)} ms over ${runs} runs`);
console.log(`inspectInput (whole pipeline, all rules): median ${formatMs(inspect.median)} ms; capture-evidence findings: ${findings}`);
console.log(`inspectInput without the four capture-evidence rules: median ${formatMs(without.median)} ms`);
