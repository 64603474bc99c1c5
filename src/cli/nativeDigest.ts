import type { IncrementalDigest, InspectOptions } from '../core/types';

const NODE_NAMES = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' } as const;

/**
 * OpenSSL's hashes (node:crypto) for the streamed digest of a large aggregate
 * (InspectOptions.incrementalDigest). @noble/hashes, the core's own, is JavaScript: SHA-256 of a
 * 10 MB aggregate's canonical octets took ~80 ms of the CLI's ~850 ms of CPU (docs/performance.md
 * "CLI start"). node:crypto is taken on first use, as a Response never streams a digest.
 */
export const nodeIncrementalDigest: NonNullable<InspectOptions['incrementalDigest']> = (hash): IncrementalDigest =>
  process.getBuiltinModule('node:crypto').createHash(NODE_NAMES[hash]);
