// The pair checks: one file per check in ./checks, one line here.
import type { PairCheck } from './check';
import { algorithmsCheck } from './checks/algorithms';
import { bindingsCheck } from './checks/bindings';
import { encryptionCheck } from './checks/encryption';
import { nameIdFormatCheck } from './checks/nameid-format';
import { signingCheck } from './checks/signing';
import { transportCheck } from './checks/transport';
import { validityCheck } from './checks/validity';

export const PAIR_CHECKS: readonly PairCheck[] = [bindingsCheck, nameIdFormatCheck, signingCheck, encryptionCheck, transportCheck, validityCheck, algorithmsCheck];
