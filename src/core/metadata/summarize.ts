import type { EndpointSummary, EntitySummary, KeyDescriptorSummary, MetadataSummary, RoleDescriptorSummary } from '../types';
import { NS, attr, boolAttr, childElements, descendants, firstChild, trimmedText } from '../xml/dom';

function endpoints(role: Element, localName: string): EndpointSummary[] {
  return childElements(role, NS.metadata, localName).map((e) => {
    const index = attr(e, 'index');
    return {
      binding: attr(e, 'Binding') ?? '',
      location: attr(e, 'Location') ?? '',
      responseLocation: attr(e, 'ResponseLocation'),
      index: index === null ? null : Number(index),
      isDefault: boolAttr(e, 'isDefault'),
    };
  });
}

/**
 * Each X509Certificate's text as written, line breaks included: a slice of the input, where a
 * compacted copy was a new string per certificate that the summary kept. In a 10 MB aggregate
 * those were 3,272 strings, ~4 MB the collector copied twice before they reached the old
 * generation — 58 ms of the CLI's process CPU (docs/performance.md "CLI start"). Readers compact
 * the text only where they need it: certificate parsing ignores white space, the overview
 * compacts a text it has not seen, and the JSON report compacts what it prints.
 */
function keyDescriptors(role: Element): KeyDescriptorSummary[] {
  return childElements(role, NS.metadata, 'KeyDescriptor').map((kd) => {
    const use = attr(kd, 'use');
    return {
      use: use === 'signing' || use === 'encryption' ? use : null,
      certificates: descendants(kd, NS.dsig, 'X509Certificate').map((c) => c.textContent ?? ''),
    };
  });
}

function summarizeRole(role: Element): RoleDescriptorSummary {
  return {
    role: role.localName ?? '',
    protocolSupportEnumeration: attr(role, 'protocolSupportEnumeration'),
    wantAuthnRequestsSigned: boolAttr(role, 'WantAuthnRequestsSigned'),
    authnRequestsSigned: boolAttr(role, 'AuthnRequestsSigned'),
    wantAssertionsSigned: boolAttr(role, 'WantAssertionsSigned'),
    singleSignOnServices: endpoints(role, 'SingleSignOnService'),
    singleLogoutServices: endpoints(role, 'SingleLogoutService'),
    assertionConsumerServices: endpoints(role, 'AssertionConsumerService'),
    nameIdFormats: childElements(role, NS.metadata, 'NameIDFormat').map((n) => trimmedText(n) ?? ''),
    keyDescriptors: keyDescriptors(role),
  };
}

const MDUI = 'urn:oasis:names:tc:SAML:metadata:ui';

/** mdui:DisplayName (English first), else md:OrganizationDisplayName: what a discovery service shows. */
function displayNameOf(entity: Element): string | null {
  const names = descendants(entity, MDUI, 'DisplayName');
  const chosen = names.find((n) => attr(n, 'xml:lang') === 'en') ?? names[0] ?? firstChild(firstChild(entity, NS.metadata, 'Organization'), NS.metadata, 'OrganizationDisplayName');
  return chosen ? trimmedText(chosen) : null;
}

export function summarizeEntity(entity: Element): EntitySummary {
  const displayName = displayNameOf(entity);
  return {
    entityId: attr(entity, 'entityID') ?? '',
    validUntil: attr(entity, 'validUntil'),
    cacheDuration: attr(entity, 'cacheDuration'),
    roles: childElements(entity, NS.metadata).filter((r) => r.localName?.endsWith('Descriptor') && r.localName !== 'Extensions').map(summarizeRole),
    ...(displayName ? { displayName } : {}),
  };
}

/** SAML metadata §2.3–2.4: an EntityDescriptor, or an EntitiesDescriptor aggregate of them (nested). */
export function summarizeMetadata(root: Element): MetadataSummary | null {
  if (root.namespaceURI !== NS.metadata) return null;
  if (root.localName === 'EntityDescriptor') return { validUntil: attr(root, 'validUntil'), entities: [summarizeEntity(root)] };
  if (root.localName === 'EntitiesDescriptor') {
    return { validUntil: attr(root, 'validUntil'), entities: descendants(root, NS.metadata, 'EntityDescriptor').map(summarizeEntity) };
  }
  return null;
}

/** Signing certificates of a metadata document: KeyDescriptor use="signing" or without use (SAML metadata §2.4.1.1). */
export function signingCertificatesOf(meta: MetadataSummary): { entityId: string; role: string; der: string }[] {
  const out: { entityId: string; role: string; der: string }[] = [];
  for (const e of meta.entities) for (const r of e.roles) for (const kd of r.keyDescriptors) {
    if (kd.use === 'encryption') continue;
    for (const der of kd.certificates) out.push({ entityId: e.entityId, role: r.role, der });
  }
  return out;
}
