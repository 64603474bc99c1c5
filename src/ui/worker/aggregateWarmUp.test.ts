import { describe, expect, it } from 'vitest';
import { inspectInput } from '../../core/inspect';
import { EXAMPLES } from '../features/inspect/examples';
import { aggregateWarmUpInput, WARM_UP_AGGREGATE_ENTITIES } from './aggregateWarmUp';
import { WORKER_HANDLERS } from './handlers';

const valid = EXAMPLES.find((e) => e.id === 'valid')!;
const idpMetadata = valid.trust[0]!.text;

describe('the warm-up aggregate', () => {
  it('takes the path of a pasted aggregate: read in parts, every entity summarized, its signature digested and refused', async () => {
    const input = aggregateWarmUpInput(idpMetadata)!;
    expect(input.length).toBeGreaterThan(400_000);
    const report = await inspectInput(input, 'warm-up', { trust: [idpMetadata], aggregateInPartsMinChars: 0, at: new Date(valid.at) });
    expect(report.errors).toEqual([]);
    const [message] = report.messages;
    expect(message?.kind).toBe('EntitiesDescriptor');
    const ids = message!.metadata!.entities.map((e) => e.entityId);
    expect(ids).toHaveLength(WARM_UP_AGGREGATE_ENTITIES);
    expect(new Set(ids).size).toBe(WARM_UP_AGGREGATE_ENTITIES);
    const [signature] = message!.signatures;
    expect(signature?.references[0]?.computedDigest).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(signature?.references[0]?.digestValid).toBe(false);
    expect(signature?.verdict).toBe('invalid');
  });

  it('is refused for anything but one EntityDescriptor with an entityID', () => {
    expect(aggregateWarmUpInput('<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"/>')).toBeNull();
    expect(aggregateWarmUpInput('<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata"/>')).toBeNull();
    expect(aggregateWarmUpInput('<?xml version="1.0"?>\n<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"/>', 2)).toContain('entityID="xwarm-up/1"');
  });

  it('runs after the example in the warm-up request, and the worker keeps neither', async () => {
    const run = await WORKER_HANDLERS.inspect({ input: valid.input, source: 'page', options: { trust: [idpMetadata], at: new Date(valid.at) } });
    const warmUp = { input: valid.input, source: 'warm-up', options: { trust: [idpMetadata], at: new Date(valid.at) }, aggregateEntity: idpMetadata };
    expect(await WORKER_HANDLERS['warm-up'](warmUp)).toBeNull();
    expect((await WORKER_HANDLERS['message-detail']({ runId: run.runId, index: 0 }))?.id).toBe(run.selected?.message.id);
  });
});
