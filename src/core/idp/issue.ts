// The mock IdP's one entry point for a Response: fields → XML → (variant) → signatures →
// encryption → (variant) → text. The /mock-idp page and `samlscope idp response` both call it.
import { generateSpKeyPair, type SpSigningKey } from '../mocksp/keys';
import { serializeXml, signElementEnveloped, type SignError } from '../mocksp/sign';
import { AUTHN_CONTEXT_CLASSES, NAMEID_FORMATS, type SpSignatureAlgorithm } from '../mocksp/settings';
import { fail, ok, type Result } from '../types';
import { NS } from '../xml/dom';
import { parseXmlForEditing } from '../xml/parseForEditing';
import { encryptAssertionInPlace, type EncryptError, type EncryptionChoice } from './encrypt';
import { STATUS_SUCCESS, newResponseIds, responseXml, type IdpAttribute, type ResponseFields } from './response';
import { effectiveSignMode, variantNamed, type SignMode, type VariantDefinition } from './variants';

/** How long the assertion is valid by default: 5 minutes, what authentik and most IdPs use. */
export const DEFAULT_VALIDITY_SECONDS = 300;
/** Conditions NotBefore is back-dated by this much, for clocks slightly behind the IdP's. */
export const NOT_BEFORE_BACKDATE_SECONDS = 60;
/** The NameID the attacker's copy carries in wrapping, tampering and duplicate variants. */
export const DEFAULT_ATTACKER_NAME_ID = 'admin';

export interface IssueOptions {
  idpEntityId: string;
  spEntityId: string;
  acsUrl: string;
  /** The AuthnRequest's ID; null or absent for IdP-initiated login. */
  inResponseTo?: string | null;
  nameId: string;
  nameIdFormat?: string;
  attributes?: IdpAttribute[];
  /** The instant the Response is made for (default now). */
  at?: Date;
  validitySeconds?: number;
  authnContextClassRef?: string;
  sessionIndex?: string;
  sign?: SignMode;
  /** Required unless the effective signing is `none`. */
  key?: SpSigningKey | null;
  signatureAlgorithm?: SpSignatureAlgorithm;
  encrypt?: EncryptionChoice | null;
  variant?: string | null;
  attackerNameId?: string;
  /** The key the `untrusted-key` variant signs with (default: generated for this Response). */
  untrustedKey?: SpSigningKey | null;
}

export type IssueErrorCode = 'unknown-variant' | 'key-required' | 'variant-not-encryptable' | 'bad-option' | SignError['code'] | EncryptError['code'];
export interface IssueError {
  code: IssueErrorCode;
  message: string;
}

export interface IssuedResponse {
  xml: string;
  fields: ResponseFields;
  /** The signing actually applied (a variant may force it). */
  sign: SignMode;
  encrypted: boolean;
  variant: VariantDefinition | null;
}

/** The algorithm a key signs with by default: RSA keys are bound to one hash at import (WebCrypto). */
export function defaultAlgorithmFor(key: CryptoKey): SpSignatureAlgorithm {
  const a = key.algorithm as { name: string; hash?: { name: string }; namedCurve?: string };
  if (a.name === 'ECDSA') return a.namedCurve === 'P-384' ? 'ecdsa-sha384' : a.namedCurve === 'P-521' ? 'ecdsa-sha512' : 'ecdsa-sha256';
  const h = a.hash?.name ?? 'SHA-256';
  return h === 'SHA-384' ? 'rsa-sha384' : h === 'SHA-512' ? 'rsa-sha512' : 'rsa-sha256';
}

export function resolveFields(o: IssueOptions): ResponseFields {
  const at = o.at ?? new Date();
  const validity = (o.validitySeconds ?? DEFAULT_VALIDITY_SECONDS) * 1000;
  const ids = newResponseIds();
  return {
    responseId: ids.responseId,
    assertionId: ids.assertionId,
    issueInstant: at,
    issuer: o.idpEntityId,
    destination: o.acsUrl,
    recipient: o.acsUrl,
    inResponseTo: o.inResponseTo ?? null,
    audience: o.spEntityId,
    nameId: { value: o.nameId, format: o.nameIdFormat ?? NAMEID_FORMATS.unspecified },
    notBefore: new Date(at.getTime() - NOT_BEFORE_BACKDATE_SECONDS * 1000),
    notOnOrAfter: new Date(at.getTime() + validity),
    sessionNotOnOrAfter: new Date(at.getTime() + 8 * 3_600_000),
    sessionIndex: o.sessionIndex ?? ids.sessionIndex,
    authnContextClassRef: o.authnContextClassRef ?? AUTHN_CONTEXT_CLASSES.PasswordProtectedTransport,
    attributes: o.attributes ?? [],
    status: { code: STATUS_SUCCESS },
    withAssertion: true,
  };
}

function childAssertion(root: Element): Element | null {
  for (let c = root.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && (c as Element).namespaceURI === NS.assertion && (c as Element).localName === 'Assertion') return c as Element;
  }
  return null;
}

export async function issueResponse(o: IssueOptions): Promise<Result<IssuedResponse, IssueError>> {
  const variant = o.variant ? variantNamed(o.variant) : null;
  if (o.variant && !variant) return fail({ code: 'unknown-variant', message: `Unknown variant "${o.variant}".` });
  if (o.validitySeconds !== undefined && !(o.validitySeconds > 0)) return fail({ code: 'bad-option', message: 'The validity must be a positive number of seconds.' });
  const sign = effectiveSignMode(variant, o.sign ?? 'both');
  if (o.encrypt && variant && !variant.encryptable) {
    return fail({ code: 'variant-not-encryptable', message: `The "${variant.name}" variant restructures or changes the assertion after signing; it is sent unencrypted (leave encryption off).` });
  }
  let key = o.key ?? null;
  if (variant?.untrustedKey) key = o.untrustedKey ?? (await generateSpKeyPair('RSA-2048', 'samlscope test pack: untrusted key'));
  if (sign !== 'none' && !key) return fail({ code: 'key-required', message: 'Signing needs the IdP key and certificate (or choose signing "none").' });
  const algorithm = o.signatureAlgorithm && !variant?.untrustedKey ? o.signatureAlgorithm : key ? defaultAlgorithmFor(key.privateKey) : 'rsa-sha256';

  const ctx = { attackerNameId: o.attackerNameId ?? DEFAULT_ATTACKER_NAME_ID, at: o.at ?? new Date(), spEntityId: o.spEntityId };
  const fields = resolveFields(o);
  variant?.adjust?.(fields, ctx);

  const parsed = parseXmlForEditing(responseXml(fields));
  if (!parsed.ok) return fail({ code: 'not-xml', message: `Bug: the built Response does not parse: ${parsed.error.message}` });
  const doc = parsed.value;
  const root = doc.documentElement!;
  variant?.beforeSign?.(doc, ctx);

  const assertion = childAssertion(root);
  if (assertion && key && (sign === 'assertion' || sign === 'both')) {
    const s = await signElementEnveloped(assertion, key, algorithm);
    if (!s.ok) return s;
  }
  if (assertion && o.encrypt) {
    const e = await encryptAssertionInPlace(assertion, serializeXml(assertion as unknown as Document), o.encrypt);
    if (!e.ok) return e;
  }
  if (key && (sign === 'response' || sign === 'both')) {
    const s = await signElementEnveloped(root, key, algorithm);
    if (!s.ok) return s;
  }
  variant?.afterSign?.(doc, ctx);
  return ok({ xml: serializeXml(doc), fields, sign, encrypted: !!(assertion && o.encrypt), variant });
}
