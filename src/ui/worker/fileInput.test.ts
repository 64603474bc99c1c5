import { describe, expect, it } from 'vitest';
import { INPUT_MAX_CHARS, XML_DOCUMENT_MAX_CHARS } from '../../core/limits';
import { WORKER_HANDLERS } from './handlers';
import { fileLimitFor, readInputFile } from './fileInput';
import { runBudgetMs } from './runBudget';
import { AGGREGATE_IN_PARTS_MIN_CHARS, METADATA_RUN_TIME_BUDGET_MS, RUN_TIME_BUDGET_MS } from '../../core/limits';

const METADATA = `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.edu/"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.edu/sso"/></md:IDPSSODescriptor></md:EntityDescriptor>`;

/** A Blob that claims `size` bytes and starts with `head`, without holding them (the limit is checked on the size). */
function claimedBlob(head: string, size: number): Blob {
  class Claimed extends Blob {
    override get size() {
      return size;
    }
    override text(): Promise<string> {
      return Promise.reject(new Error('read past the size check'));
    }
  }
  return new Claimed([head]);
}

describe('a file inspected as a file (the worker reads it)', () => {
  it('the limit is the CLI’s: XML documents XML_DOCUMENT_MAX_CHARS bytes, anything else INPUT_MAX_CHARS', () => {
    expect(fileLimitFor('\uFEFF  <?xml version="1.0"?>')).toEqual({ name: 'XML_DOCUMENT_MAX_CHARS', limit: XML_DOCUMENT_MAX_CHARS });
    expect(fileLimitFor('{"log":')).toEqual({ name: 'INPUT_MAX_CHARS', limit: INPUT_MAX_CHARS });
  });

  it('reads a file within its limit as UTF-8', async () => {
    expect(await readInputFile(new Blob([METADATA]), 'idp.xml')).toEqual({ ok: true, text: METADATA });
  });

  it('refuses a file over its limit on its size, before reading it', async () => {
    const xml = await readInputFile(claimedBlob('<md:EntitiesDescriptor', XML_DOCUMENT_MAX_CHARS + 1), 'big.xml');
    expect(xml.ok).toBe(false);
    if (!xml.ok) {
      expect(xml.error.code).toBe('input-too-large');
      expect(xml.error.limit).toEqual({ name: 'XML_DOCUMENT_MAX_CHARS', limit: XML_DOCUMENT_MAX_CHARS, seen: XML_DOCUMENT_MAX_CHARS + 1, unit: 'bytes' });
      expect(xml.error.message).toContain('big.xml');
    }
    const har = await readInputFile(claimedBlob('{"log": {}}', INPUT_MAX_CHARS + 1), 'big.har');
    expect(!har.ok && har.error.limit?.name).toBe('INPUT_MAX_CHARS');
  });

  it('an unreadable file is an error value, not an exception', async () => {
    const r = await readInputFile(claimedBlob('<md:EntityDescriptor', 100), 'gone.xml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/could not be read.*open it again/);
  });

  it('the inspect handler reads the file and ignores `input`; a refused file is a report with its error', async () => {
    const run = await WORKER_HANDLERS.inspect({ input: '', file: new Blob([METADATA]), source: 'idp.xml', options: { at: new Date('2026-01-01T00:00:00Z') } });
    expect(run.report.detected).not.toBeNull();
    expect(run.report.messages[0]?.kind).toBe('EntityDescriptor');
    expect(run.report.source).toBe('idp.xml');
    const refused = await WORKER_HANDLERS.inspect({ input: METADATA, file: claimedBlob('<x', XML_DOCUMENT_MAX_CHARS + 1), source: 'big.xml', options: {} });
    expect(refused.report.messages).toEqual([]);
    expect(refused.report.errors.map((e) => e.code)).toEqual(['input-too-large']);
    expect(refused.selected).toBeNull();
  });

  it('a large file gets the metadata run budget, as a large text does', () => {
    expect(runBudgetMs('inspect', { input: '', file: claimedBlob('<x', AGGREGATE_IN_PARTS_MIN_CHARS) })).toBe(METADATA_RUN_TIME_BUDGET_MS);
    expect(runBudgetMs('inspect', { input: '', file: new Blob(['<x/>']) })).toBe(RUN_TIME_BUDGET_MS);
  });
});
