// The extension's own bounds (docs/limits.md "Browser extension"); the exchanges it keeps per
// tab are the core's CAPTURE_MAX_EXCHANGES, the number a capture file may hold.
import { CAPTURE_MAX_EXCHANGES } from '../core/limits';

/** A request body above this is not kept (the exchange is, without its body). */
export const EXTENSION_MAX_BODY_BYTES = 4 * 1024 * 1024;

/** Exchanges kept per tab; capture stops recording that tab past it and the panel says so. */
export const EXTENSION_MAX_EXCHANGES = CAPTURE_MAX_EXCHANGES;
