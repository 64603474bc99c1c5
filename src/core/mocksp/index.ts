// The mock service provider's core (issue 5): build, sign and send requests, keys, metadata and
// Terraform export, and correlation of the captured answer. Framework-free; the /mock-sp page
// is a thin shell over this API (docs/mock-sp.md).
export * from './settings';
export * from './authnRequest';
export * from './keys';
export * from './sign';
export * from './send';
export * from './endpoints';
export * from './metadata';
export * from './terraform';
export * from './correlate';
export * from './record';
