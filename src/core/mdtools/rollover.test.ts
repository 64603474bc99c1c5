import { describe, expect, it } from 'vitest';
import { planRollover } from './rollover';
import { DAY, entityXml, makeCert } from './testing/fixtures.testutil';

const NOW = Date.now();
const day = (t: number): string => new Date(t).toISOString().slice(0, 10);

describe('rollover planner', () => {
  it('plans publish, switch, remove before the only signing key expires, and names the partners that break', async () => {
    const cert = makeCert({ days: 60, cn: 'only' });
    const end = Date.parse(new Date(NOW + 60 * DAY).toISOString()); // openssl: notAfter = now + 60 days
    const sp = entityXml({ sp: true, entityID: 'https://sp.example.org/sp' });
    const r = await planRollover(entityXml({ signing: cert }), { at: new Date(NOW + 3_600_000), propagationDays: 14, partners: [{ source: 'sp.xml', text: sp }] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const p = r.plan;
    expect(p.keys).toHaveLength(1);
    expect(p.keys[0]).toMatchObject({ use: 'signing', status: 'valid' });
    const steps = p.plans.find((x) => x.use === 'signing')!.steps;
    expect(steps.map((s) => s.action)).toEqual(['Generate the new key pair and certificate', 'Publish the new key beside the old one', 'Switch signing to the new key', 'Remove the old key from the metadata']);
    // Publish two propagation periods (28 days) before expiry; switch 14 days later; remove before expiry.
    expect(Math.abs(Date.parse(steps[1]!.date) - (end - 28 * DAY))).toBeLessThanOrEqual(DAY);
    expect(Math.abs(Date.parse(steps[2]!.date) - (end - 14 * DAY))).toBeLessThanOrEqual(DAY);
    expect(Date.parse(steps[3]!.date)).toBeLessThanOrEqual(end);
    expect(steps.every((s) => s.state === 'planned')).toBe(true);
    const brk = p.breaks.find((b) => b.partner === 'https://sp.example.org/sp' && /signing certificate expires/.test(b.why));
    expect(brk?.date).toBe(day(end));
  });
  it('marks the publish step done when a successor key is already published', async () => {
    const xml = entityXml({ signing: makeCert({ days: 20, cn: 'old' }) }).replace('</md:KeyDescriptor>', `</md:KeyDescriptor><md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${makeCert({ days: 400, cn: 'new' }).b64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`);
    const r = await planRollover(xml, { at: new Date(NOW + 3_600_000), propagationDays: 7 });
    if (!r.ok) throw new Error('not ok');
    expect(r.plan.keys.map((k) => k.status)).toEqual(['expiring', 'valid']);
    const steps = r.plan.plans[0]!.steps;
    expect(steps[1]!.state).toBe('done');
    expect(steps[2]!.state).toBe('planned');
  });
  it('says the steps are late when the key expires before a safe overlap', async () => {
    const r = await planRollover(entityXml({ signing: makeCert({ days: 10, cn: 'short' }) }), { at: new Date(NOW + 3_600_000), propagationDays: 14 });
    if (!r.ok) throw new Error('not ok');
    expect(r.plan.plans[0]!.steps[1]!.state).toBe('late');
  });
  it('an expired key: one urgent step', async () => {
    const r = await planRollover(entityXml({ signing: makeCert({ days: 10, cn: 'short' }) }), { at: new Date(NOW + 30 * DAY) });
    if (!r.ok) throw new Error('not ok');
    expect(r.plan.plans[0]!.steps).toHaveLength(1);
    expect(r.plan.keys[0]!.status).toBe('expired');
  });
  it('plans an SP encryption key: decrypt with both, publish, remove', async () => {
    const r = await planRollover(entityXml({ sp: true, encryption: makeCert({ days: 90, cn: 'enc' }) }), { at: new Date(NOW + 3_600_000) });
    if (!r.ok) throw new Error('not ok');
    expect(r.plan.plans.find((p) => p.use === 'encryption')!.steps.map((s) => s.action)[0]).toMatch(/decrypt with both/);
  });
});
