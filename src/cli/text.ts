import { fixText } from '../core/findings/fix';
import type { InspectReport, InspectedMessage } from '../core/types';
import { ANY_ISSUER_REASON, describeBindings, describeRole } from '../core/trust/anchor-scope';

const line = (label: string, value: string | null | undefined) => (value ? `  ${label.padEnd(14)} ${value}\n` : '');

/** An aggregate in a few lines: entities by role, keys, what expires first. */
function overviewText(m: InspectedMessage): string {
  const o = m.metadata?.overview;
  if (!o || m.kind !== 'EntitiesDescriptor') return '';
  const k = o.keys;
  return (
    line('Entities', `${o.entityCount.toLocaleString('en-US')} (${Object.entries(o.roles).map(([r, n]) => `${n.toLocaleString('en-US')} ${r}`).join(', ') || 'no roles'})`) +
    line('Keys', `${k.certificates.toLocaleString('en-US')} certificates: ${k.expired} expired, ${k.expiringWithin30Days} expiring within 30 days${k.unreadable ? `, ${k.unreadable} unreadable` : ''}`) +
    line('First expiry', k.earliestNotAfter ? `${k.earliestNotAfter.notAfter} (${k.earliestNotAfter.entityId})` : null) +
    line('No signing key', o.entitiesWithoutSigningKey ? `${o.entitiesWithoutSigningKey} entities` : null) +
    line('Expired', o.entitiesExpired ? `${o.entitiesExpired} entities past their validUntil` : null)
  );
}

function messageText(m: InspectedMessage, i: number, total: number, allEntities: boolean): string {
  let out = `\n${total > 1 ? `[${i + 1}/${total}] ` : ''}${m.kind}${m.binding ? ` via ${m.binding}` : ''}${m.payload.method ? `  (${m.payload.method} ${m.payload.url ?? ''})` : ''}\n`;
  if (m.error) return `${out}  error          ${m.error.code}: ${m.error.message}\n`;
  // How the input was read (a masked value replaced by the export's decoded copy, a message past a capture limit).
  for (const n of m.payload.notes) out += line('Note', n);
  out += line('ID', m.id) + line('Issuer', m.issuer) + line('Destination', m.destination) + line('InResponseTo', m.inResponseTo) + line('IssueInstant', m.issueInstant);
  if (m.status) out += line('Status', [m.status.code, m.status.subcode, m.status.message].filter(Boolean).join(' / '));
  for (const a of m.assertions) {
    if (a.encrypted && !a.decrypted) { out += '  Assertion      (encrypted)\n'; continue; }
    out += line('Assertion', `${a.id ?? ''}${a.decrypted ? ' (decrypted)' : ''}`) + line('NameID', a.nameId ? `${a.nameId.value}${a.nameId.format ? ` [${a.nameId.format}]` : ''}` : null);
    out += line('Audience', a.audiences.join(', ')) + line('Recipient', a.recipient) + line('Valid', a.notBefore || a.notOnOrAfter ? `${a.notBefore ?? '…'} → ${a.notOnOrAfter ?? '…'}` : null);
    for (const [k, v] of Object.entries(a.attributes)) out += line('Attribute', `${k} = ${v.join(', ')}`);
  }
  out += overviewText(m);
  const shown = allEntities ? Infinity : 20;
  if (m.metadata) for (const e of m.metadata.entities.slice(0, shown)) out += line('Entity', `${e.entityId} (${e.roles.map((r) => r.role).join(', ')})`);
  if (m.metadata && m.metadata.entities.length > shown) out += line('', `… and ${m.metadata.entities.length - shown} more entities (--entities lists them all)`);
  for (const t of m.decryption?.items ?? []) {
    out += line('Decryption', t.outcome === 'ok' ? `${t.element}: decrypted with ${t.key?.label ?? '?'} (${[t.blockCipher, t.keyTransport].map((u) => u?.slice(u.lastIndexOf('#') + 1)).join(', ')})` : `${t.element}: FAILED ${t.error?.code ?? ''}: ${t.error?.message ?? ''}`);
  }
  for (const s of m.signatures) {
    out += line('Signature', `${s.verdict.toUpperCase()} on ${s.target}${s.targetId ? ` ${s.targetId}` : ''}: ${s.reason}`);
    if (s.claimedSigner) out += line('  signer', `${s.claimedSigner.issuer ?? '(no Issuer)'} (from ${s.claimedSigner.issuerFrom})${s.claimedSigner.roles.length ? `, signs as ${s.claimedSigner.roles.map(describeRole).join(' or ')}` : ''}`);
    for (const d of s.anchorDecisions ?? []) out += line('  key', `${d.accepted ? 'accepted' : `not accepted (${d.code})`}: ${d.scope === 'any-issuer' ? ANY_ISSUER_REASON : describeBindings(d.bindings)}`);
  }
  out += line('Trusted', m.trusted ? 'yes: the content shown is covered by a valid signature' : 'no');
  for (const f of m.findings) {
    out += `  ${f.severity.toUpperCase().padEnd(7)} ${f.code}${f.location ? ` (line ${f.location.line})` : ''}: ${f.title}\n          ${f.explanation}\n          Fix: ${fixText(f, 'cli')}\n`;
  }
  return out;
}

export function reportText(r: InspectReport, allEntities = false): string {
  let out = `${r.source}: ${r.detected ?? 'unrecognized input'}, ${r.messages.length} message(s)\n`;
  for (const e of r.errors) out += `  error ${e.code}: ${e.message}\n`;
  for (const e of r.trustErrors) out += `  trust ${e.code}: ${e.message}\n`;
  for (const a of r.trustAnchors) out += `  trust anchor  ${a.description} (SHA-256 ${a.sha256Fingerprint ?? 'n/a'}): ${a.scope === 'any-issuer' ? ANY_ISSUER_REASON : `anchors only ${describeBindings(a.bindings)}`}\n`;
  r.messages.forEach((m, i) => (out += messageText(m, i, r.messages.length, allEntities)));
  return out;
}
