// Validity against the SAML metadata schema (saml-schema-metadata-2.0.xsd and the extension
// schemas of ./xsd), checked by libxml2 — the validator of xmllint, xmlsec1, Shibboleth's C++ SP
// and SimpleSAMLphp — compiled to WebAssembly (xmllint-wasm). Writing a schema engine would be a
// second, untested opinion; this is the one most SAML software already holds.
//
// Both the engine (~780 KB of wasm) and the schemas are imported on first use only: the page
// loads them when a schema check runs, in its worker. libxml2 never fetches anything here: every
// schemaLocation is satisfied from the preloaded files.
import { METADATA_LIMITS } from '../../limits';

export interface SchemaError {
  line: number | null;
  message: string;
}

export type SchemaOutcome =
  | { checked: true; valid: boolean; errors: SchemaError[]; omitted: number; ms: number }
  | { checked: false; reason: string; ms: number };

const DOCUMENT_NAME = 'metadata.xml';

/** Validate one metadata document. Never throws: an engine failure is `checked: false` with the reason. */
export async function validateMetadataSchema(xml: string): Promise<SchemaOutcome> {
  const started = Date.now();
  try {
    const [{ validateXML }, { ENTRY_SCHEMA, SCHEMA_FILES }] = await Promise.all([import('xmllint-wasm'), import('./files')]);
    const result = await validateXML({
      xml: [{ fileName: DOCUMENT_NAME, contents: xml }],
      schema: [{ fileName: 'samlscope-metadata.xsd', contents: ENTRY_SCHEMA }],
      preload: [...SCHEMA_FILES],
      // Pages grow on demand up to the maximum: a small document costs the initial 16 MiB only.
      initialMemoryPages: 256,
      maxMemoryPages: METADATA_LIMITS.schemaMaxMemoryPages,
    });
    const errors = readErrors(result.rawOutput ?? '');
    const kept = errors.slice(0, METADATA_LIMITS.schemaErrorsKept);
    return { checked: true, valid: result.valid, errors: kept, omitted: errors.length - kept.length, ms: Date.now() - started };
  } catch (e) {
    return { checked: false, reason: describeFailure(e), ms: Date.now() - started };
  }
}

/**
 * xmllint's stderr: "metadata.xml:12: Schemas validity error : Element '…': …" per problem, plus
 * schema parser warnings about the schemas themselves (not the document's fault: dropped) and the
 * final "metadata.xml fails to validate".
 */
export function readErrors(raw: string): SchemaError[] {
  const out: SchemaError[] = [];
  for (const line of raw.split('\n')) {
    if (!line.startsWith(`${DOCUMENT_NAME}:`)) continue;
    const m = /^metadata\.xml:(\d+): (?:element [^:]+: )?(.*)$/.exec(line);
    if (!m) continue;
    const message = m[2]!.replace(/^Schemas validity error : /, '').replace(/^parser error : /, 'Not well-formed: ');
    out.push({ line: Number(m[1]), message });
  }
  return out;
}

function describeFailure(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  if (/memory|OOM|Cannot enlarge/i.test(text)) return `libxml2 ran out of its ${Math.round((METADATA_LIMITS.schemaMaxMemoryPages * 64) / 1024)} MiB of WebAssembly memory (METADATA_LIMITS.schemaMaxMemoryPages).`;
  return `the schema validator (libxml2 in WebAssembly) failed: ${text.slice(0, 300)}`;
}
