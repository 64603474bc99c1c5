// A federation aggregate made up for the worker's warm-up (protocol.ts 'warm-up'). A pasted
// 10 MB aggregate ran 1.5–2× slower on a fresh worker than on one that had read an aggregate
// before (618 ms against 272–283 ms in Chromium, the same text): partly V8 not yet having
// optimized the reader, exclusive canonicalization, the incremental SHA-256 and the entity
// summaries, partly a heap not yet grown, which no warm-up this small changes. This aggregate
// takes those paths — read in parts, canonicalized and digested for its enveloped signature,
// every entity summarized — while the page is idle: the first 10 MB run of a worker went from
// 393–462 to 368–398 ms (docs/performance.md).
// Its signature cannot verify (no digest, no value): the warm-up's report is thrown away.

/** Entities in the made-up aggregate: ~500 KB with the "valid" example's 2 KB IdP metadata. */
export const WARM_UP_AGGREGATE_ENTITIES = 240;

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DS = 'http://www.w3.org/2000/09/xmldsig#';

/**
 * An EntitiesDescriptor of `count` copies of `entity` (one EntityDescriptor, an XML declaration
 * allowed), each with its own entityID, under an enveloped signature over the root; null when
 * `entity` is not one EntityDescriptor with an entityID.
 */
export function aggregateWarmUpInput(entity: string, count = WARM_UP_AGGREGATE_ENTITIES): string | null {
  const body = entity.replace(/^\uFEFF?\s*<\?xml[^>]*\?>\s*/, '').trim();
  const entityId = /^<(?:md:)?EntityDescriptor\b[^>]*\sentityID="([^"]*)"/.exec(body);
  if (!entityId) return null;
  const certificate = /<(?:ds:)?X509Certificate>([^<]+)</.exec(body)?.[1] ?? '';
  const parts: string[] = [
    `<md:EntitiesDescriptor xmlns:md="${MD}" xmlns:ds="${DS}" ID="samlscope-warm-up" Name="urn:samlscope:warm-up">`,
    signature('samlscope-warm-up', certificate),
  ];
  const idAttribute = `entityID="${entityId[1]}"`;
  for (let i = 0; i < count; i++) parts.push(body.replace(idAttribute, `entityID="${entityId[1]}warm-up/${i}"`));
  parts.push('</md:EntitiesDescriptor>');
  return parts.join('\n');
}

function signature(id: string, certificate: string): string {
  return (
    `<ds:Signature><ds:SignedInfo>` +
    `<ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>` +
    `<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>` +
    `<ds:Reference URI="#${id}"><ds:Transforms>` +
    `<ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>` +
    `<ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>` +
    `</ds:Transforms><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>` +
    `<ds:DigestValue>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=</ds:DigestValue></ds:Reference></ds:SignedInfo>` +
    `<ds:SignatureValue>AAAA</ds:SignatureValue>` +
    `<ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certificate}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>` +
    `</ds:Signature>`
  );
}
