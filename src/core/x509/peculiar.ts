// The one place @peculiar/x509 is set up: it needs reflect-metadata loaded first and a WebCrypto
// provider, which is globalThis.crypto both in Node 20 and in the browser.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(globalThis.crypto);

export { x509 };
