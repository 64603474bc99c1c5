// node-forge ships no types for its per-algorithm modules; src/core/xenc/forge.ts types what it uses.
declare module 'node-forge/lib/forge.js';
declare module 'node-forge/lib/des.js';
declare module 'node-forge/lib/rsa.js';
declare module 'node-forge/lib/sha256.js';
declare module 'node-forge/lib/sha512.js';
