// node-forge ships no types for its per-algorithm modules; src/core/xenc/tripleDes.ts types what it uses.
declare module 'node-forge/lib/forge.js';
declare module 'node-forge/lib/des.js';
