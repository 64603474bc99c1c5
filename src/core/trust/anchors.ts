// Trust anchors from what the user trusts (metadata, certificates): each signing key with the
// entities and roles it is bound to (CONTRACT §2). Above x509 (certificates) and metadata (which
// keys an entity publishes), below the SAML signature layer that asks which anchor vouches.
import { signingCertificatesOf, summarizeMetadata } from '../metadata/summarize';
import type { AnchorBinding, CertificateSummary, InputError, MetadataSummary, TrustAnchor } from '../types';
import { MAX_CERTIFICATES_PER_KEYINFO } from '../limits';
import { NS, attr, descendants, firstChild } from '../xml/dom';
import { describeBinding } from './anchor-scope';
import { parseXmlSafely } from '../xml/parse';
import { samlRootOf } from '../saml/summarize';
import { parseCertificate, sha256Fingerprint, spkiOf, summarizeCertificate } from '../x509/certificate';
import { decodeBase64Lenient } from '../encoding/base64';

export interface TrustMaterial {
  anchors: TrustAnchor[];
  /** Every pasted metadata document, summarised: expectations (entity IDs, endpoints) come from it. */
  metadata: MetadataSummary[];
  certificates: CertificateSummary[];
  errors: InputError[];
}

/**
 * Add the key of a certificate to the anchors. One anchor per public key: the same certificate
 * published by several entities (or roles, or also given as --cert) is one anchor that knows all
 * its (entity, role) bindings; given once without metadata it is trusted for any issuer.
 */
async function anchorFromDer(derB64: string, source: TrustAnchor['source'], description: string, binding: AnchorBinding | null, into: TrustMaterial): Promise<void> {
  const parsed = parseCertificate(derB64);
  if (!parsed.ok) {
    into.errors.push({ code: 'input-bad-base64', message: `${description}: ${parsed.message}` });
    return;
  }
  const spkiDer = spkiOf(parsed.cert);
  const existing = into.anchors.find((a) => a.spkiDer === spkiDer);
  if (existing) {
    if (binding === null) {
      existing.scope = 'any-issuer';
      existing.source = 'cert';
      if (!existing.description.includes(description)) existing.description = `${description}, also ${existing.description}`;
    } else if (!existing.bindings.some((b) => b.entityId === binding.entityId && b.role === binding.role)) {
      existing.bindings.push(binding);
      existing.description = `${existing.description}; also ${describeBinding(binding)}`;
    }
    return;
  }
  const summary = await summarizeCertificate(parsed.der, description);
  if (summary) into.certificates.push(summary);
  into.anchors.push({
    certificateDer: summary?.der ?? derB64,
    spkiDer,
    sha256Fingerprint: summary?.sha256Fingerprint ?? (await sha256Fingerprint(parsed.der)),
    subject: parsed.cert.subject,
    source,
    description,
    scope: binding === null ? 'any-issuer' : 'entity',
    bindings: binding === null ? [] : [binding],
  });
}

/**
 * The certificates in the KeyInfo of a pasted metadata document's own signature: the key of its
 * publisher (a federation operator for an aggregate). The user vouched for the document, so the
 * key is trusted — but only to sign metadata (CONTRACT §2: it never anchors member messages).
 */
function publisherCertificatesOf(root: Element): string[] {
  const signature = firstChild(root, NS.dsig, 'Signature');
  return descendants(firstChild(signature, NS.dsig, 'KeyInfo'), NS.dsig, 'X509Certificate').map((c) => c.textContent ?? '');
}

/**
 * Turn what the user pasted as trusted into trust anchors. Only this ever becomes trusted
 * (never a certificate found inside a message's KeyInfo). Metadata contributes every signing
 * KeyDescriptor, not just the first: IdPs publish two during a key rollover.
 */
export async function parseTrustInputs(texts: string[]): Promise<TrustMaterial> {
  const out: TrustMaterial = { anchors: [], metadata: [], certificates: [], errors: [] };
  for (const [i, raw] of texts.entries()) {
    const text = raw.replace(/^\uFEFF/, '').trim();
    if (!text) continue;
    const label = texts.length > 1 ? `trust input ${i + 1}` : 'trust input';
    if (text.startsWith('<') && !/^<(?:[\w.-]+:)?X509Certificate\b/.test(text)) {
      const parsed = parseXmlSafely(text);
      if (!parsed.ok) {
        out.errors.push({ ...parsed.error, message: `${label}: ${parsed.error.message}` });
        continue;
      }
      const root = samlRootOf(parsed.value);
      const meta = summarizeMetadata(root);
      if (!meta) {
        out.errors.push({ code: 'input-unrecognized', message: `${label}: this XML is not SAML metadata (EntityDescriptor or EntitiesDescriptor).` });
        continue;
      }
      out.metadata.push(meta);
      const certs = signingCertificatesOf(meta);
      if (certs.length === 0) out.errors.push({ code: 'input-unrecognized', message: `${label}: the metadata has no signing certificate (no KeyDescriptor with use="signing" or without use).` });
      const perEntity = new Map<string, number>();
      for (const c of certs) {
        const n = (perEntity.get(c.entityId) ?? 0) + 1;
        perEntity.set(c.entityId, n);
        await anchorFromDer(c.der, 'metadata', `signing key ${n} of ${c.entityId} (${c.role}, metadata)`, { entityId: c.entityId, role: c.role }, out);
      }
      const publisher = attr(root, 'Name') ?? attr(root, 'entityID') ?? '';
      for (const [j, der] of publisherCertificatesOf(root).slice(0, MAX_CERTIFICATES_PER_KEYINFO).entries()) {
        await anchorFromDer(der, 'metadata', `publisher key ${j + 1} of the ${root.localName}${publisher ? ` ${publisher}` : ''} (the key its metadata signature names)`, { entityId: publisher, role: 'metadata-publisher' }, out);
      }
      continue;
    }
    const blocks = [...text.matchAll(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g)].map((m) => m[0]);
    const elements = [...text.matchAll(/<(?:[\w.-]+:)?X509Certificate\b[^>]*>[\s\S]*?<\/(?:[\w.-]+:)?X509Certificate>/g)].map((m) => m[0]);
    const candidates = blocks.length ? blocks : elements.length ? elements : [text];
    for (const [j, c] of candidates.entries()) {
      if (candidates === blocks || candidates === elements || decodeBase64Lenient(c).ok) {
        await anchorFromDer(c, 'cert', candidates.length > 1 ? `pasted certificate ${j + 1}` : 'pasted certificate', null, out);
      } else {
        out.errors.push({ code: 'input-unrecognized', message: `${label}: expected SAML metadata, a PEM certificate, base64 DER or an <X509Certificate> element.` });
      }
    }
  }
  return out;
}
