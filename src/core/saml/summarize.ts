import { summarizeMetadata } from '../metadata/summarize';
import type { AssertionSummary, AttributeDetail, MessageKind, MessageSummary, NameIdSummary, StatusSummary } from '../types';
import { NS, attr, boolAttr, childElements, descendants, firstChild, trimmedText } from '../xml/dom';

const PROTOCOL_KINDS: Record<string, MessageKind> = {
  AuthnRequest: 'AuthnRequest',
  Response: 'Response',
  LogoutRequest: 'LogoutRequest',
  LogoutResponse: 'LogoutResponse',
  ArtifactResponse: 'ArtifactResponse',
};

/** Find the SAML element inside a SOAP envelope (artifact resolution, ECP), else the root itself. */
export function samlRootOf(doc: Document): Element {
  const root = doc.documentElement!;
  if (root.localName === 'Envelope') {
    const body = childElements(root).find((c) => c.localName === 'Body');
    const inner = childElements(body)[0];
    if (inner) return inner;
  }
  return root;
}

export function messageKindOf(root: Element): MessageKind {
  if (root.namespaceURI === NS.protocol) return PROTOCOL_KINDS[root.localName ?? ''] ?? 'Unknown';
  if (root.namespaceURI === NS.metadata && (root.localName === 'EntityDescriptor' || root.localName === 'EntitiesDescriptor')) return root.localName;
  return 'Unknown';
}

export function nameIdOf(el: Element | null): NameIdSummary | null {
  if (!el) return null;
  return {
    value: (el.textContent ?? '').trim(),
    format: attr(el, 'Format'),
    nameQualifier: attr(el, 'NameQualifier'),
    spNameQualifier: attr(el, 'SPNameQualifier'),
  };
}

function statusOf(root: Element): StatusSummary | null {
  const status = firstChild(root, NS.protocol, 'Status');
  if (!status) return null;
  const code = firstChild(status, NS.protocol, 'StatusCode');
  const sub = firstChild(code, NS.protocol, 'StatusCode');
  return { code: attr(code, 'Value'), subcode: attr(sub, 'Value'), message: trimmedText(firstChild(status, NS.protocol, 'StatusMessage')) };
}

function attributesOf(assertion: Element): AttributeDetail[] {
  const out: AttributeDetail[] = [];
  for (const stmt of childElements(assertion, NS.assertion, 'AttributeStatement')) {
    for (const a of childElements(stmt, NS.assertion, 'Attribute')) {
      out.push({
        name: attr(a, 'Name') ?? '',
        friendlyName: attr(a, 'FriendlyName'),
        nameFormat: attr(a, 'NameFormat'),
        values: childElements(a, NS.assertion, 'AttributeValue').map((v) => v.textContent ?? ''),
      });
    }
  }
  return out;
}

export function summarizeAssertion(a: Element): AssertionSummary {
  const subject = firstChild(a, NS.assertion, 'Subject');
  const confirmations = childElements(subject, NS.assertion, 'SubjectConfirmation');
  const bearer = confirmations.find((c) => attr(c, 'Method') === 'urn:oasis:names:tc:SAML:2.0:cm:bearer') ?? confirmations[0] ?? null;
  const scd = firstChild(bearer, NS.assertion, 'SubjectConfirmationData');
  const conditions = firstChild(a, NS.assertion, 'Conditions');
  const authn = firstChild(a, NS.assertion, 'AuthnStatement');
  const details = attributesOf(a);
  const attributes: Record<string, string[]> = {};
  for (const d of details) (attributes[d.name] ??= []).push(...d.values);
  return {
    id: attr(a, 'ID'),
    issuer: trimmedText(firstChild(a, NS.assertion, 'Issuer')),
    issueInstant: attr(a, 'IssueInstant'),
    nameId: nameIdOf(firstChild(subject, NS.assertion, 'NameID')),
    audiences: descendants(conditions, NS.assertion, 'Audience').map((e) => (e.textContent ?? '').trim()),
    recipient: attr(scd, 'Recipient'),
    inResponseTo: attr(scd, 'InResponseTo'),
    subjectNotOnOrAfter: attr(scd, 'NotOnOrAfter'),
    notBefore: attr(conditions, 'NotBefore'),
    notOnOrAfter: attr(conditions, 'NotOnOrAfter'),
    sessionNotOnOrAfter: attr(authn, 'SessionNotOnOrAfter'),
    authnInstant: attr(authn, 'AuthnInstant'),
    authnContextClassRef: trimmedText(descendants(authn, NS.assertion, 'AuthnContextClassRef')[0]),
    attributes,
    attributeDetails: details,
    encrypted: false,
  };
}

function encryptedPlaceholder(e: Element): AssertionSummary {
  return {
    id: null, issuer: null, issueInstant: null, nameId: null, audiences: [], recipient: null, inResponseTo: null,
    subjectNotOnOrAfter: null, notBefore: null, notOnOrAfter: null, sessionNotOnOrAfter: null, authnInstant: null,
    authnContextClassRef: null, attributes: {}, attributeDetails: [], encrypted: e.localName === 'EncryptedAssertion',
  };
}

/**
 * The assertions a relying party reads: the direct children of the Response (SAML core §3.3.3).
 * Assertions anywhere else (Extensions, ds:Object, nested) are never consumed; they are the
 * raw material of signature wrapping and are reported by the verifier, not summarised here.
 */
export function consumableAssertions(root: Element): Element[] {
  return childElements(root).filter((c) => c.namespaceURI === NS.assertion && (c.localName === 'Assertion' || c.localName === 'EncryptedAssertion'));
}

export function summarizeMessage(doc: Document): MessageSummary {
  const root = samlRootOf(doc);
  const kind = messageKindOf(root);
  const summary: MessageSummary = {
    kind,
    rootName: `{${root.namespaceURI ?? ''}}${root.localName}`,
    id: attr(root, 'ID'),
    issuer: trimmedText(firstChild(root, NS.assertion, 'Issuer')),
    destination: attr(root, 'Destination'),
    inResponseTo: attr(root, 'InResponseTo'),
    issueInstant: attr(root, 'IssueInstant'),
    version: attr(root, 'Version'),
    status: kind === 'Response' || kind === 'LogoutResponse' || kind === 'ArtifactResponse' ? statusOf(root) : null,
    assertions: [],
  };
  if (kind === 'Response') {
    summary.assertions = consumableAssertions(root).map((a) => (a.localName === 'Assertion' ? summarizeAssertion(a) : encryptedPlaceholder(a)));
  }
  if (kind === 'Unknown' && root.namespaceURI === NS.assertion && root.localName === 'Assertion') {
    summary.assertions = [summarizeAssertion(root)];
    summary.issuer = trimmedText(firstChild(root, NS.assertion, 'Issuer'));
  }
  if (kind === 'AuthnRequest') {
    const policy = firstChild(root, NS.protocol, 'NameIDPolicy');
    const rac = firstChild(root, NS.protocol, 'RequestedAuthnContext');
    summary.authnRequest = {
      assertionConsumerServiceURL: attr(root, 'AssertionConsumerServiceURL'),
      assertionConsumerServiceIndex: attr(root, 'AssertionConsumerServiceIndex'),
      protocolBinding: attr(root, 'ProtocolBinding'),
      nameIdPolicyFormat: attr(policy, 'Format'),
      allowCreate: boolAttr(policy, 'AllowCreate'),
      forceAuthn: boolAttr(root, 'ForceAuthn'),
      isPassive: boolAttr(root, 'IsPassive'),
      requestedAuthnContext: rac ? { comparison: attr(rac, 'Comparison'), classRefs: childElements(rac, NS.assertion, 'AuthnContextClassRef').map((e) => (e.textContent ?? '').trim()) } : null,
    };
  }
  if (kind === 'LogoutRequest') {
    summary.logoutRequest = {
      nameId: nameIdOf(firstChild(root, NS.assertion, 'NameID')),
      sessionIndexes: childElements(root, NS.protocol, 'SessionIndex').map((e) => (e.textContent ?? '').trim()),
      reason: attr(root, 'Reason'),
      notOnOrAfter: attr(root, 'NotOnOrAfter'),
    };
  }
  if (kind === 'EntityDescriptor' || kind === 'EntitiesDescriptor') {
    const meta = summarizeMetadata(root);
    if (meta) summary.metadata = meta;
    summary.id = attr(root, 'ID');
    summary.issuer = kind === 'EntityDescriptor' ? attr(root, 'entityID') : attr(root, 'Name');
  }
  return summary;
}

/**
 * authentik SAML source (001_2b1aa7e2892a19c8.txt): each Attribute becomes a key of the
 * `properties` dictionary under its Name; one value is unwrapped, several stay a list.
 */
export function authentikPropertiesOf(a: AssertionSummary | undefined): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (!a) return out;
  for (const [name, values] of Object.entries(a.attributes)) out[name] = values.length === 1 ? values[0]! : values;
  return out;
}
