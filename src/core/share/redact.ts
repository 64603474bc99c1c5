import { deflateRaw } from 'pako';
import { encodeBase64 } from '../encoding/base64';
import { decodeInput } from '../binding/detect';
import { fail, ok, type CapturedPayload, type DetectedFormat, type InputError, type InspectReport, type Result } from '../types';
import { NS } from '../xml/dom';
import { parseXmlForEditing } from '../xml/parseForEditing';
import { XMLSerializer } from '@xmldom/xmldom';
import type { RedactionField, ReportedVerdicts, ShareState } from './state';

/**
 * Redaction before sharing (issue 6 "Redaction"). Masking works on the decoded XML, by DOM,
 * never on the encoded input: a base64 or deflated payload would otherwise carry the
 * original values straight through. The redacted input is a fresh encoding of the redacted
 * XML (see `RedactedInput.format`).
 *
 * Masks are deterministic for one share (same value → same mask, so "the NameID equals the
 * mail attribute" survives) but keyed with a per-share random salt that never goes into the
 * link: without it, nobody can confirm a guess ("is it alice@example.com?") by hashing it.
 */

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const WHOLE_EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
/**
 * Values shorter than this are masked where they stand (in their NameID/AttributeValue) but
 * not searched for everywhere else: replacing "1" or "yes" across a document would rewrite
 * unrelated content without protecting anything.
 */
export const MIN_GLOBAL_MASK_LENGTH = 4;
/** Protocol vocabulary is never a secret, and replacing it globally would break namespaces and formats. */
const VOCABULARY = /^(urn:oasis:names:tc:SAML:|http:\/\/www\.w3\.org\/|urn:mace:|http:\/\/schemas\.)/;

/**
 * Attributes whose values are protocol enumerations, algorithm URIs or booleans (SAML core
 * §3.4.1, §2.7.3; XML-DSig §4): never personal data, and rewriting them would change the
 * diagnosis of the redacted copy. A masked value is still replaced everywhere else.
 */
const PROTOCOL_ATTRIBUTES = new Set(['Version', 'Format', 'NameFormat', 'AllowCreate', 'ForceAuthn', 'IsPassive', 'Algorithm', 'Binding', 'ProtocolBinding', 'Method', 'Comparison', 'Consent', 'Value', 'use', 'protocolSupportEnumeration', 'WantAuthnRequestsSigned', 'AuthnRequestsSigned', 'WantAssertionsSigned', 'isDefault', 'index', 'PrefixList', 'Namespace', 'xsi:type']);

const DSIG_CERT_ELEMENTS = ['X509Certificate', 'X509SubjectName', 'X509IssuerName', 'X509SerialNumber', 'X509SKI', 'X509CRL'];
const DSIG_VALUE_ELEMENTS = ['SignatureValue', 'DigestValue'];

export type MaskShape = 'email' | 'base64' | 'text';

export interface RedactedInput {
  /** The new input to inspect/share: it decodes with the core like any other input. */
  input: string;
  /**
   * How the redacted messages are re-encoded:
   * - `xml`: one message that came without a binding (pasted XML or bare base64);
   * - `post-body`: one HTTP-POST message without a known URL (`SAMLResponse=…&RelayState=…`);
   * - `html-form`: one HTTP-POST message with its URL, as an auto-submit form (keeps action and method);
   * - `redirect-url`: one HTTP-Redirect message, re-deflated, without SigAlg/Signature;
   * - `har`: several messages (or a HAR/SAML-tracer capture): a minimal HAR 1.2 with one entry
   *   per SAML message only (no headers, cookies or other requests).
   */
  format: 'xml' | 'post-body' | 'html-form' | 'redirect-url' | 'har';
  /** Number of distinct values masked. */
  maskedCount: number;
  /** What the redaction changed beyond the values (dropped signatures, dropped messages…). */
  notes: string[];
}

function hex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function randomSalt(): string {
  const b = new Uint8Array(16);
  globalThis.crypto.getRandomValues(b);
  return hex(b.buffer);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const normalizeBase64 = (s: string) => s.replace(/\s+/g, '');

interface ElementMask { kind: 'whole'; el: Element; value: string; shape: MaskShape }
interface NodeMask { kind: 'node'; node: CharacterData; value: string; shape: MaskShape }
interface CommentBlank { kind: 'blank'; node: CharacterData }
type PlannedEdit = ElementMask | NodeMask | CommentBlank;

/**
 * Two phases, because HMAC via WebCrypto is asynchronous: first `collect*` every value to
 * mask (from the input, the trust documents, the strings of the state), then `prepare()`
 * computes the masks, then `apply*`/`scrub` rewrite synchronously.
 */
export class Redactor {
  readonly fields: ReadonlySet<RedactionField>;
  private readonly salt: string;
  private readonly values = new Map<string, MaskShape>();
  private readonly masks = new Map<string, string>();
  private readonly edits = new Map<Document, PlannedEdit[]>();
  private global: RegExp | null = null;
  private prepared = false;
  /**
   * Mask every xenc:CipherValue whatever the fields: set when the sharer decrypted the message,
   * since whoever holds the SP key could read the very values the sharer chose to hide.
   */
  maskCiphertext = false;

  constructor(fields: Iterable<RedactionField>, salt: string = randomSalt()) {
    this.fields = new Set(fields);
    this.salt = salt;
  }

  get maskedCount(): number {
    return this.values.size;
  }

  /** Collect one value to mask (used for values found outside a DOM, such as a PEM certificate). */
  collectValue(value: string, shape: MaskShape): void {
    if (this.prepared) throw new Error('Redactor: value collected after prepare()'); // a bug, not an input problem
    if (value === '') return;
    const s: MaskShape = shape === 'text' && WHOLE_EMAIL.test(value) ? 'email' : shape;
    if (!this.values.has(value)) this.values.set(value, s);
  }

  /** Emails anywhere in a string (only when 'emails' is chosen). */
  collectFromString(s: string | null | undefined): void {
    if (!s || !this.fields.has('emails')) return;
    for (const m of s.matchAll(EMAIL)) this.collectValue(m[0], 'email');
  }

  /** Plan the edits of one parsed document and collect its values. */
  collectFromDocument(doc: Document): void {
    const edits: PlannedEdit[] = [];
    const maskTextOf = (el: Element, shape: MaskShape) => {
      let simple = true;
      for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType !== 3 && c.nodeType !== 4) simple = false;
      if (simple) {
        const value = shape === 'base64' ? normalizeBase64(el.textContent ?? '') : (el.textContent ?? '').trim();
        if (value === '') return;
        this.collectValue(value, shape);
        edits.push({ kind: 'whole', el, value, shape });
        return;
      }
      // Mixed content (a NameID split by a comment, CVE-2017-11427 style): mask each piece and
      // keep the structure, so the nameid-comment finding still shows on the redacted message.
      walk(el, (n) => {
        if (n.nodeType === 3 || n.nodeType === 4) {
          const value = (n as CharacterData).data.trim();
          if (value === '') return;
          this.collectValue(value, shape);
          edits.push({ kind: 'node', node: n as CharacterData, value, shape });
        } else if (n.nodeType === 8) edits.push({ kind: 'blank', node: n as CharacterData });
      });
    };
    const byName = (ns: string, names: string[]) => {
      const out: Element[] = [];
      walk(doc, (n) => {
        if (n.nodeType === 1 && (n as Element).namespaceURI === ns && names.includes((n as Element).localName)) out.push(n as Element);
      });
      return out;
    };
    if (this.fields.has('nameid')) for (const el of byName(NS.assertion, ['NameID'])) maskTextOf(el, 'text');
    if (this.fields.has('attributes')) for (const el of byName(NS.assertion, ['AttributeValue'])) maskTextOf(el, 'text');
    // Encrypted assertions and EncryptedIDs carry the same NameID and attributes, readable by
    // whoever holds the SP's private key, often the very vendor the link is shared with.
    if (this.fields.has('nameid') || this.fields.has('attributes') || this.maskCiphertext) for (const el of byName(NS.xenc, ['CipherValue'])) maskTextOf(el, 'base64');
    if (this.fields.has('certificates')) for (const el of byName(NS.dsig, DSIG_CERT_ELEMENTS)) maskTextOf(el, el.localName === 'X509Certificate' || el.localName === 'X509SKI' || el.localName === 'X509CRL' ? 'base64' : 'text');
    if (this.fields.has('signatures')) for (const el of byName(NS.dsig, DSIG_VALUE_ELEMENTS)) maskTextOf(el, 'base64');
    if (this.fields.has('emails')) {
      walk(doc, (n) => {
        if (n.nodeType === 3 || n.nodeType === 4 || n.nodeType === 8) this.collectFromString((n as CharacterData).data);
        else if (n.nodeType === 1) for (const a of attributesOf(n as Element)) this.collectFromString(a.value);
      });
    }
    this.edits.set(doc, [...(this.edits.get(doc) ?? []), ...edits]);
  }

  /** Compute every mask: HMAC-SHA-256(salt, value), first 8 hex digits, in the value's shape. */
  async prepare(): Promise<void> {
    if (this.prepared) return;
    this.prepared = true;
    const key = await globalThis.crypto.subtle.importKey('raw', new TextEncoder().encode(this.salt), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const enc = new TextEncoder();
    for (const [value, shape] of this.values) {
      const h = hex(await globalThis.crypto.subtle.sign('HMAC', key, enc.encode(value))).slice(0, 8);
      // Shapes keep the data plausible for the rules: an e-mail stays an e-mail (RFC 2606
      // reserves .invalid), and base64 stays base64 (16 characters, a whole number of quanta).
      this.masks.set(value, shape === 'email' ? `user-${h}@redacted.invalid` : shape === 'base64' ? `REDACTED${h.toUpperCase()}` : `redacted-${h}`);
    }
    const globals = [...this.values.keys()].filter((v) => v.length >= MIN_GLOBAL_MASK_LENGTH && !VOCABULARY.test(v)).sort((a, b) => b.length - a.length);
    this.global = globals.length ? new RegExp(globals.map(escapeRegExp).join('|'), 'g') : null;
  }

  maskOf(value: string): string | undefined {
    return this.masks.get(value);
  }

  /** Replace every known value (and, with 'emails', every e-mail) in a free string: URLs, RelayState, reasons. */
  scrub(s: string): string {
    if (!this.prepared) throw new Error('Redactor: scrub() before prepare()');
    let out = this.global ? s.replace(this.global, (m) => this.masks.get(m) ?? m) : s;
    if (this.fields.has('emails')) out = out.replace(EMAIL, (m) => (/@redacted\.invalid$/.test(m) ? m : this.masks.get(m) ?? 'user-00000000@redacted.invalid'));
    return out;
  }

  /** Apply the planned edits of a collected document, then replace known values everywhere in it. */
  applyToDocument(doc: Document): void {
    if (!this.prepared) throw new Error('Redactor: applyToDocument() before prepare()');
    // Global pass first, on the original text, so that no mask is ever rescanned.
    walk(doc, (n) => {
      if (n.nodeType === 3 || n.nodeType === 4 || n.nodeType === 8) {
        const c = n as CharacterData;
        const s = this.scrub(c.data);
        if (s !== c.data) c.data = s;
      } else if (n.nodeType === 1) {
        for (const a of attributesOf(n as Element)) {
          if (a.name === 'xmlns' || a.name.startsWith('xmlns:') || PROTOCOL_ATTRIBUTES.has(a.name)) continue;
          const s = this.scrub(a.value);
          if (s !== a.value) (n as Element).setAttribute(a.name, s);
        }
      }
    });
    for (const e of this.edits.get(doc) ?? []) {
      if (e.kind === 'blank') { e.node.data = ''; continue; }
      const mask = this.masks.get(e.value)!;
      if (e.kind === 'node') {
        const lead = /^\s*/.exec(e.node.data)?.[0] ?? '';
        e.node.data = `${lead}${mask}`;
        continue;
      }
      const text = e.el.textContent ?? '';
      const lead = /^\s*/.exec(text)?.[0] ?? '';
      const trail = /\s*$/.exec(text)?.[0] ?? '';
      while (e.el.firstChild) e.el.removeChild(e.el.firstChild);
      e.el.appendChild(doc.createTextNode(e.shape === 'base64' ? mask : `${lead}${mask}${trail}`));
    }
  }

  /** Every original value that was masked (for tests and the residual check; never put in a link). */
  originals(): string[] {
    return [...this.values.keys()];
  }
}

function walk(root: Node, visit: (n: Node) => void): void {
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n !== root) visit(n);
    for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
  }
}

function attributesOf(el: Element): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i);
    if (a) out.push({ name: a.name, value: a.value });
  }
  return out;
}

// ---- inputs ----

interface PlannedPayload { payload: CapturedPayload; doc: Document }
interface InputPlan { detected: DetectedFormat | null; payloads: PlannedPayload[]; notes: string[] }

function planInput(text: string, redactor: Redactor): Result<InputPlan> {
  const decoded = decodeInput(text);
  if (decoded.payloads.length === 0) {
    const e = decoded.errors[0] ?? { code: 'input-unrecognized', message: 'No SAML message found.' };
    return fail({ ...e, message: `Cannot redact: ${e.message}` });
  }
  const notes: string[] = [];
  if (decoded.errors.length) notes.push(`${decoded.errors.length} part(s) of the input could not be decoded and are left out of the redacted copy.`);
  const payloads: PlannedPayload[] = [];
  for (const p of decoded.payloads) {
    const doc = parseXmlForEditing(p.xml);
    if (!doc.ok) {
      if (decoded.payloads.length === 1) return fail({ ...doc.error, message: `Cannot redact a message that does not parse: ${doc.error.message}` });
      // Without a DOM the values cannot be located reliably; leaving the message out is the safe choice.
      notes.push(`A message that is not well-formed XML was left out of the redacted copy (${doc.error.code}).`);
      continue;
    }
    redactor.collectFromDocument(doc.value);
    redactor.collectFromString(p.relayState);
    redactor.collectFromString(p.url);
    payloads.push({ payload: p, doc: doc.value });
  }
  return ok({ detected: decoded.detected, payloads, notes });
}

const serializer = new XMLSerializer();
const utf8 = new TextEncoder();

const htmlAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const urlWithoutQuery = (u: string) => u.replace(/[?#].*$/, '');

function finishInput(plan: InputPlan, redactor: Redactor): RedactedInput {
  const notes = [...plan.notes];
  const messages = plan.payloads.map(({ payload, doc }) => {
    redactor.applyToDocument(doc);
    return {
      payload,
      xml: serializer.serializeToString(doc as never),
      relayState: payload.relayState !== undefined ? redactor.scrub(payload.relayState) : undefined,
      url: payload.url !== undefined ? redactor.scrub(payload.url) : undefined,
    };
  });
  if (messages.some((m) => m.payload.redirect?.signature)) {
    notes.push('HTTP-Redirect query signatures (SigAlg, Signature) were dropped: they sign the original encoded octets, which cannot be shared without the original values.');
  }
  const redirectQuery = (m: (typeof messages)[number]) => {
    // SAML bindings §3.4.4.1: DEFLATE, then base64, then URL-encode.
    const param = m.payload.parameter ?? 'SAMLRequest';
    let q = `${param}=${encodeURIComponent(encodeBase64(deflateRaw(utf8.encode(m.xml))))}`;
    if (m.relayState !== undefined) q += `&RelayState=${encodeURIComponent(m.relayState)}`;
    return q;
  };
  const postBody = (m: (typeof messages)[number]) => {
    // SAML bindings §3.5.4: base64 of the XML, no compression.
    const param = m.payload.parameter ?? 'SAMLResponse';
    let q = `${param}=${encodeURIComponent(encodeBase64(utf8.encode(m.xml)))}`;
    if (m.relayState !== undefined) q += `&RelayState=${encodeURIComponent(m.relayState)}`;
    return q;
  };
  const fromCapture = plan.detected === 'har' || plan.detected === 'saml-tracer';
  if (messages.length === 1 && !fromCapture) {
    const m = messages[0]!;
    if (m.payload.binding === 'HTTP-Redirect') {
      const q = redirectQuery(m);
      return { input: m.url ? `${urlWithoutQuery(m.url)}?${q}` : q, format: 'redirect-url', maskedCount: redactor.maskedCount, notes };
    }
    if (m.payload.binding === 'HTTP-POST') {
      if (m.url) {
        const param = m.payload.parameter ?? 'SAMLResponse';
        const fields = [`<input type="hidden" name="${param}" value="${htmlAttr(encodeBase64(utf8.encode(m.xml)))}"/>`];
        if (m.relayState !== undefined) fields.push(`<input type="hidden" name="RelayState" value="${htmlAttr(m.relayState)}"/>`);
        const html = `<html><body><form method="${htmlAttr(m.payload.method ?? 'POST')}" action="${htmlAttr(m.url)}">${fields.join('')}</form></body></html>`;
        return { input: html, format: 'html-form', maskedCount: redactor.maskedCount, notes };
      }
      return { input: postBody(m), format: 'post-body', maskedCount: redactor.maskedCount, notes };
    }
    return { input: m.xml, format: 'xml', maskedCount: redactor.maskedCount, notes };
  }
  // Several messages: a minimal HAR 1.2 (only what the core reads: time, method, URL, body).
  const entries = messages.map((m) => {
    const time = m.payload.time ? { startedDateTime: m.payload.time } : {};
    if (m.payload.binding === 'HTTP-Redirect') {
      return { ...time, request: { method: m.payload.method ?? 'GET', url: `${urlWithoutQuery(m.url ?? 'https://unknown.invalid/')}?${redirectQuery(m)}` } };
    }
    if (m.payload.binding === 'HTTP-POST') {
      return { ...time, request: { method: 'POST', url: m.url ?? 'https://unknown.invalid/', postData: { mimeType: 'application/x-www-form-urlencoded', text: postBody(m) } } };
    }
    // A message that came without a binding (SAML-tracer decoded view): post it as a form.
    return { ...time, request: { method: m.payload.method ?? 'POST', url: m.url ?? 'https://unknown.invalid/', postData: { mimeType: 'application/x-www-form-urlencoded', text: postBody(m) } } };
  });
  if (fromCapture) notes.push('Only the SAML messages of the capture are kept (no headers, cookies, responses or other requests).');
  const har = { log: { version: '1.2', creator: { name: 'samlscope redaction', version: '1' }, entries } };
  return { input: JSON.stringify(har, null, 1), format: 'har', maskedCount: redactor.maskedCount, notes };
}

/**
 * Mask the chosen fields in every SAML message of an input and re-encode it (see
 * RedactedInput.format). `detectedFormat` is accepted for callers that already know it; the
 * core's own detection decides. `salt` makes the masks reproducible (tests); by default a
 * fresh random salt is used for every call.
 */
export async function redactInput(
  text: string,
  fields: readonly RedactionField[],
  detectedFormat?: DetectedFormat | null,
  options: { salt?: string; redactor?: Redactor } = {},
): Promise<Result<RedactedInput, InputError>> {
  void detectedFormat;
  const redactor = options.redactor ?? new Redactor(fields, options.salt);
  const plan = planInput(text, redactor);
  if (!plan.ok) return plan;
  await redactor.prepare();
  return ok(finishInput(plan.value, redactor));
}

// ---- trust documents ----

const PEM_CERT = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;

type TrustPlan = { kind: 'xml'; doc: Document } | { kind: 'text'; text: string };

function planTrust(text: string, redactor: Redactor): TrustPlan {
  if (text.trim().startsWith('<')) {
    const doc = parseXmlForEditing(text);
    if (doc.ok) {
      redactor.collectFromDocument(doc.value);
      return { kind: 'xml', doc: doc.value };
    }
  }
  if (redactor.fields.has('certificates')) {
    for (const m of text.matchAll(PEM_CERT)) redactor.collectValue(normalizeBase64(m[1] ?? ''), 'base64');
    if (!text.includes('-----BEGIN') && /^[A-Za-z0-9+/=\s]+$/.test(text.trim())) redactor.collectValue(normalizeBase64(text), 'base64');
  }
  redactor.collectFromString(text);
  return { kind: 'text', text };
}

function finishTrust(plan: TrustPlan, redactor: Redactor): string {
  if (plan.kind === 'xml') {
    redactor.applyToDocument(plan.doc);
    return serializer.serializeToString(plan.doc as never);
  }
  let text = plan.text;
  if (redactor.fields.has('certificates')) {
    text = text.replace(PEM_CERT, (_m, body: string) => `-----BEGIN CERTIFICATE-----\n${redactor.maskOf(normalizeBase64(body)) ?? 'REDACTED'}\n-----END CERTIFICATE-----`);
    if (!text.includes('-----BEGIN') && /^[A-Za-z0-9+/=\s]+$/.test(text.trim())) text = redactor.maskOf(normalizeBase64(text)) ?? 'REDACTED';
  }
  return redactor.scrub(text);
}

// ---- verdicts and whole states ----

/** What the sharer saw, per message, before redaction made re-verification impossible. */
export function reportedVerdictsOf(report: InspectReport): ReportedVerdicts[] {
  return report.messages.map((m) => ({
    signatures: m.signatures.map((s) => ({ target: s.target, targetId: s.targetId, verdict: s.verdict, reason: s.reason })),
    trusted: m.trusted,
    findings: m.findings.map((f) => ({ code: f.code, severity: f.severity, title: f.title })),
  }));
}

export interface RedactedState {
  state: ShareState;
  maskedCount: number;
  notes: string[];
}

/**
 * Redact a whole share state: the input, the trust documents (a certificate in the trust
 * metadata is often the very one in the message's KeyInfo), the expectations, the source
 * label, and the verdicts `report` computed on the unredacted state (kept as "reported by
 * the sharer"). `report` must be the inspection of `state` as it is now.
 */
export async function redactShareState(
  state: ShareState,
  fields: readonly RedactionField[],
  report: InspectReport,
  options: { salt?: string } = {},
): Promise<Result<RedactedState, InputError>> {
  const redactor = new Redactor(fields, options.salt);
  // Decrypted content (the sharer gave an SP key) is shared only like the rest of the message:
  // its values are masked wherever they occur, and the ciphertext itself is masked too. The key
  // is never part of a state.
  const decrypted = report.messages.flatMap((m) => (m.decryption?.items ?? []).filter((t) => t.decryptedXml !== null));
  if (decrypted.length && fields.length) {
    redactor.maskCiphertext = true;
    for (const m of report.messages) for (const a of m.assertions) {
      if (!a.decrypted) continue;
      if (redactor.fields.has('nameid') && a.nameId?.value) redactor.collectValue(a.nameId.value, 'text');
      if (redactor.fields.has('attributes')) for (const v of Object.values(a.attributes).flat()) if (v.trim()) redactor.collectValue(v.trim(), 'text');
    }
    for (const t of decrypted) redactor.collectFromString(t.decryptedXml);
  }
  const plan = planInput(state.input, redactor);
  if (!plan.ok) return plan;
  const trustPlans = state.trust.map((t) => planTrust(t, redactor));
  const verdicts = reportedVerdictsOf(report);
  const strings: string[] = [
    ...Object.values(state.expectations).filter((v): v is string => typeof v === 'string'),
    ...(state.source !== undefined ? [state.source] : []),
    ...verdicts.flatMap((v) => [...v.signatures.flatMap((s) => [s.reason, s.targetId ?? '']), ...v.findings.map((f) => f.title)]),
  ];
  for (const s of strings) redactor.collectFromString(s);
  await redactor.prepare();
  const input = finishInput(plan.value, redactor);
  const trust = trustPlans.map((p) => finishTrust(p, redactor));
  const expectations: ShareState['expectations'] = {};
  for (const [k, v] of Object.entries(state.expectations) as [keyof ShareState['expectations'], string | undefined][]) {
    if (typeof v === 'string') expectations[k] = redactor.scrub(v);
  }
  const reportedVerdicts = verdicts.map((v) => ({
    trusted: v.trusted,
    signatures: v.signatures.map((s) => ({ ...s, targetId: s.targetId === null ? null : redactor.scrub(s.targetId), reason: redactor.scrub(s.reason) })),
    findings: v.findings.map((f) => ({ ...f, title: redactor.scrub(f.title) })),
  }));
  const next: ShareState = {
    v: 1,
    input: input.input,
    trust,
    expectations,
    at: state.at,
    skewSeconds: state.skewSeconds,
    profile: state.profile,
    selected: state.selected,
    ...(state.source !== undefined ? { source: redactor.scrub(state.source) } : {}),
    redacted: { fields: [...new Set(fields)], reportedVerdicts, maskedCount: redactor.maskedCount },
  };
  return ok({ state: next, maskedCount: redactor.maskedCount, notes: input.notes });
}
