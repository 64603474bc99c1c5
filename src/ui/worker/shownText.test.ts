import { describe, expect, it } from 'vitest';
import { inspectInput } from '../../core/inspect';
import { entryOf } from './entityColumns';
import { entityTableOf, receivedMessageOf, startOf, withShownText, xmlCutOf } from './shownText';

const aggregate = (entities: number) =>
  `<?xml version="1.0"?>\n<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">\n${Array.from(
    { length: entities },
    (_, i) => `  <md:EntityDescriptor entityID="https://idp${i}.example.edu/"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>MIIBAAAA${i}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor><md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp${i}.example.edu/sso"/></md:IDPSSODescriptor></md:EntityDescriptor>\n`,
  ).join('')}</md:EntitiesDescriptor>\n`;

describe('the XML a message carries to the page', () => {
  it('startOf cuts after the last line end within the limit, or at the limit when one line is longer', () => {
    expect(startOf('ab\ncd\nef', 7)).toBe('ab\ncd\n');
    expect(startOf('ab\ncd\nef', 6)).toBe('ab\ncd\n');
    expect(startOf('ab\ncd\nef', 5)).toBe('ab\n');
    expect(startOf('abcdef', 4)).toBe('abcd');
    expect(startOf('short', 10)).toBe('short');
  });

  it('a message within the limit is sent as it is', async () => {
    const m = (await inspectInput(aggregate(3), 'test')).messages[0]!;
    expect(withShownText(m, 10_000, 100)).toBe(m);
    expect(xmlCutOf(m)).toBeUndefined();
  });

  it('a longer one is its start with the whole lengths; the rest of the message is unchanged', async () => {
    const xml = aggregate(200);
    const m = (await inspectInput(xml, 'test')).messages[0]!;
    expect(m.prettyXml.length).toBeGreaterThan(10_000);
    const shown = withShownText(m, 10_000, 1_000);
    const cut = xmlCutOf(shown)!;
    expect(cut).toEqual({ xmlChars: m.payload.xml.length, prettyChars: m.prettyXml.length, shownChars: shown.prettyXml.length });
    expect(shown.prettyXml.length).toBeLessThanOrEqual(1_000);
    expect(m.prettyXml.startsWith(shown.prettyXml)).toBe(true);
    expect(shown.prettyXml.endsWith('\n')).toBe(true);
    expect(m.payload.xml.startsWith(shown.payload.xml)).toBe(true);
    expect(shown.metadata?.entities).toHaveLength(200);
    expect(shown.findings).toBe(m.findings);
    // The worker's kept message is not changed.
    expect(m.prettyXml.length).toBe(cut.prettyChars);
    expect(structuredClone(shown)).toStrictEqual(shown);
  });

  it('an aggregate of more than one entity reaches the page as the table\'s columns, with the run that keeps its entities', async () => {
    const m = (await inspectInput(aggregate(3), 'test')).messages[0]!;
    const received = receivedMessageOf(m, { runId: 7, message: 0 });
    const table = entityTableOf(received)!;
    expect(table.runId).toBe(7);
    expect(table.message).toBe(0);
    expect(table.count).toBe(3);
    expect(entryOf(table.entityIds, 2)).toBe('https://idp2.example.edu/');
    expect(received.metadata?.entities).toEqual([]);
    expect(received.metadata?.validUntil).toBe(m.metadata?.validUntil);
    // The worker keeps its summaries: the kept message is unchanged.
    expect(m.metadata?.entities).toHaveLength(3);
    expect(structuredClone(received)).toStrictEqual(received);
  });

  it('metadata of one entity is sent whole (its detail shows at once, without a table)', async () => {
    const m = (await inspectInput(aggregate(1), 'test')).messages[0]!;
    const received = receivedMessageOf(m, { runId: 1, message: 0 });
    expect(entityTableOf(received)).toBeUndefined();
    expect(received.metadata?.entities).toHaveLength(1);
  });
});
