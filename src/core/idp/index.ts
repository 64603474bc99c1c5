// The mock IdP core (issue 16): Responses (valid or one of the test pack's variants), signing,
// encryption, IdP metadata, LogoutResponses, and reading what the SP sent. Framework-free
// (WebCrypto only); the /mock-idp page and `samlscope idp response` are shells around it.
export * from './response';
export * from './encrypt';
export * from './variants';
export * from './wrapping';
export * from './issue';
export * from './metadata';
export * from './sp';
export * from './logout';
export * from './output';
export * from './presets';
export * from './testPack';
export type { SpKeyPair, SpSigningKey } from '../mocksp/keys';
export { generateSpKeyPair as generateIdpKeyPair, importSpKeyPair as importIdpKeyPair } from '../mocksp/keys';
