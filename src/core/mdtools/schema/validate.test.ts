// The schema check against an independent oracle: the system's xmllint (libxml2 native, not the
// WebAssembly build) with the same schemas must give the same verdict, on built documents that
// are valid and invalid in known ways and on the real metadata of test/corpus. xmllint missing
// fails the test.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DAY, entityXml, iso } from '../testing/fixtures.testutil';
import { ENTRY_SCHEMA, SCHEMA_FILES } from './files';
import { readErrors, validateMetadataSchema } from './validate';
import { lintMetadata } from '../lint/lint';

const dir = mkdtempSync(join(tmpdir(), 'samlscope-xsd-'));
for (const f of SCHEMA_FILES) if (!f.fileName.includes(':')) writeFileSync(join(dir, f.fileName), f.contents);
writeFileSync(join(dir, 'entry.xsd'), ENTRY_SCHEMA);

function nativeVerdict(xml: string): boolean {
  const file = join(dir, `doc${Math.floor(Math.random() * 1e9)}.xml`);
  writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--nonet', '--noout', '--schema', join(dir, 'entry.xsd'), file], { stdio: 'pipe' });
    return true;
  } catch (e) {
    const status = (e as { status?: number }).status;
    if (status === 3 || status === 4) return false;
    throw e;
  }
}

const GOOD = entityXml({ validUntil: iso(Date.now() + 5 * DAY), roleExtensions: '<shibmd:Scope regexp="false">example.org</shibmd:Scope>' });
const BAD: Record<string, string> = {
  'an endpoint out of order': entityXml({ roleTail: '<md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:transient</md:NameIDFormat>' }),
  'a validUntil that is no dateTime': entityXml({ validUntil: 'tomorrow' }),
  'a KeyDescriptor use outside the enumeration': entityXml({}).replace('use="signing"', 'use="sign"'),
  'an mdui:DisplayName without xml:lang': entityXml({ displayName: 'X' }).replace(' xml:lang="en"', ''),
  'an unknown attribute on a role': entityXml({}).replace('<md:IDPSSODescriptor ', '<md:IDPSSODescriptor Name="x" '),
  'a shibmd:Scope regexp that is no boolean': entityXml({ roleExtensions: '<shibmd:Scope regexp="yes">example.org</shibmd:Scope>' }),
};

describe('metadata schema (libxml2 in WebAssembly) against native xmllint', () => {
  it('accepts a valid document, as xmllint does', async () => {
    expect(nativeVerdict(GOOD)).toBe(true);
    const r = await validateMetadataSchema(GOOD);
    expect(r).toMatchObject({ checked: true, valid: true, errors: [] });
  });
  for (const [what, xml] of Object.entries(BAD)) {
    it(`refuses ${what}, as xmllint does, with a line`, async () => {
      expect(nativeVerdict(xml)).toBe(false);
      const r = await validateMetadataSchema(xml);
      expect(r.checked && r.valid).toBe(false);
      if (r.checked) expect(r.errors[0]?.line).toBeGreaterThan(0);
    });
  }
  it('agrees with xmllint on every metadata file of test/corpus', async () => {
    const corpus = join(__dirname, '../../../../test/corpus');
    const files = readdirSync(corpus).filter((f) => /metadata.*\.xml$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(8);
    const verdicts: Record<string, boolean> = {};
    for (const f of files) {
      const xml = readFileSync(join(corpus, f), 'utf8');
      const r = await validateMetadataSchema(xml);
      expect(r.checked).toBe(true);
      expect(r.checked && r.valid, f).toBe(nativeVerdict(xml));
      verdicts[f] = r.checked && r.valid;
    }
    // Known verdicts: TestShib's old metadata has a Name attribute on EntityDescriptor and
    // SingleLogoutService after NameIDFormat; python3-saml's settings2 has an SLO after the ACS.
    expect(verdicts['crewjam__testshib_idp_metadata.xml']).toBe(false);
    expect(verdicts['python3saml__signed_metadata_settings2.xml']).toBe(false);
    expect(verdicts['crewjam__okta_idp_metadata.xml']).toBe(true);
  });
  it('md-schema findings land on the entity holding the line', async () => {
    const r = await lintMetadata(BAD['an endpoint out of order']!, 't', { schema: true });
    expect(r.schemaChecked).toBe(true);
    expect(r.entities[0]!.findings.find((f) => f.code === 'md-schema')?.line).toBe(1);
  });
  it('reads xmllint output: document errors kept, schema parser warnings dropped', () => {
    const raw = "saml-metadata-rpi-v1.0.xsd:36: element import: Schemas parser warning : Skipping import\nmetadata.xml:7: element SingleLogoutService: Schemas validity error : Element 'x': This element is not expected.\nmetadata.xml fails to validate\n";
    expect(readErrors(raw)).toEqual([{ line: 7, message: "Element 'x': This element is not expected." }]);
  });
});
