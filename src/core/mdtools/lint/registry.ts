// The lint checks: one file per check in ./checks, each carrying its codes (with severity and
// title) and its check; adding a check is one new file and one line here (docs/metadata.md lists
// the codes, docs/contract.md documents them).
import type { LintCheck, DocumentCheck } from './check';
import { cacheDurationCheck } from './checks/cache-duration';
import { certificatesCheck } from './checks/certificates';
import { contactsCheck } from './checks/contacts';
import { duplicateEntityCheck } from './checks/duplicate-entity';
import { endpointsCheck } from './checks/endpoints';
import { entityAttributesCheck } from './checks/entity-attributes';
import { entityIdCheck } from './checks/entity-id';
import { metadataSignatureCheck } from './checks/metadata-signature';
import { mduiCheck } from './checks/mdui';
import { protocolSupportCheck } from './checks/protocol-support';
import { registrationInfoCheck } from './checks/registration-info';
import { scopeCheck } from './checks/scope';
import { signingKeyCheck } from './checks/signing-key';
import { validUntilCheck } from './checks/valid-until';

export const ENTITY_CHECKS: readonly LintCheck[] = [
  validUntilCheck,
  cacheDurationCheck,
  certificatesCheck,
  signingKeyCheck,
  endpointsCheck,
  protocolSupportCheck,
  entityIdCheck,
  contactsCheck,
  registrationInfoCheck,
  mduiCheck,
  scopeCheck,
  entityAttributesCheck,
];

export const DOCUMENT_CHECKS: readonly DocumentCheck[] = [duplicateEntityCheck, metadataSignatureCheck];
