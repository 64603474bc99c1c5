// What a fresh inspection worker inspects while the page is idle (protocol.ts 'warm-up'): the
// "valid" example, a signed Response with its IdP metadata, the path of a typical paste
// (decoding, parsing, exclusive canonicalization, RSA verification through WebCrypto, the rules,
// the report's overview); then its IdP metadata as the entity of a made-up aggregate
// (aggregateWarmUp.ts). The examples are on the first screen already; nothing is loaded for it.
import type { WarmUpRequest } from '../../worker/protocol';
import { EXAMPLES } from './examples';

export function warmUpRequest(): WarmUpRequest | undefined {
  const example = EXAMPLES.find((e) => e.id === 'valid');
  if (!example) return undefined;
  const trust = example.trust.map((t) => t.text);
  return { input: example.input, source: example.source, options: { trust, at: new Date(example.at) }, aggregateEntity: trust[0] };
}
