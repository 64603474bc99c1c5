// Every valid message of test/corpus/, evaluated at the time its test pins, must produce no
// error finding from the diagnosis rules (issue 4: "a message that is fine produces no error findings").
import { describe, expect, test } from 'vitest';
import { corpusManifest, readCorpus, trustOf, type CorpusEntry } from '../corpus/corpus.testutil';
import { inspectInput } from '../inspect';
import { RULE_CODES } from '../rules';

interface Entry extends CorpusEntry { expected: CorpusEntry['expected'] & { accept?: boolean; library_error?: string } }

const entries = (corpusManifest() as Entry[]).filter(
  (e) => e.expected.signature === 'valid' && e.expected.accept !== false && !e.decryption_key && ['response', 'authnrequest', 'logoutrequest', 'logoutresponse', 'metadata', 'redirect-url', 'post-body'].includes(e.kind),
);

const TIME_CODES = ['expired', 'not-yet-valid', 'metadata-expired'];
/** Genuine findings in messages their library accepted because the test disabled the check. */
const KNOWN: Record<string, string[]> = {
  // Conditions NotOnOrAfter 2004-07-25 while the test pins 2017-04-04: gosaml2 skips that check there.
  'gosaml2__oktadev_11.xml': ['expired'],
};

describe('corpus: valid messages have no rule errors', () => {
  test.each(entries.map((e) => [e.file, e] as const))('%s', async (_f, e) => {
    expect.hasAssertions();
    const report = await inspectInput(readCorpus(e.file), e.file, { trust: trustOf(e), ...(e.at_time ? { at: new Date(e.at_time) } : {}) });
    const errors = report.messages
      .flatMap((m) => m.findings)
      .filter((f) => f.severity === 'error' && RULE_CODES.includes(f.code))
      // Without a pinned clock the message is evaluated now, years after it was issued.
      .filter((f) => !(TIME_CODES.includes(f.code) && !e.at_time))
      .filter((f) => !(KNOWN[e.file] ?? []).includes(f.code));
    expect(errors.map((f) => `${f.code}: ${f.explanation}`)).toEqual([]);
  });
});
