// entityID is the key of metadata (SAML metadata §2.3.2): two EntityDescriptors with the same
// one in a document make the consumer keep one of them — which one depends on the product
// (Shibboleth keeps the first and logs a warning, SimpleSAMLphp the last).
import { findingOf, type CodeSpec, type DocumentCheck } from '../check';
import type { MdEntity } from '../../model';
import type { MdFinding } from '../../types';

const DUPLICATE: CodeSpec = { code: 'md-duplicate-entity', severity: 'error', title: 'The same entityID appears more than once' };

export const duplicateEntityCheck: DocumentCheck = {
  name: 'duplicate-entity',
  codes: [DUPLICATE],
  check(doc) {
    const first = new Map<string, MdEntity>();
    const byEntity = new Map<MdEntity, MdFinding[]>();
    for (const e of doc.entities) {
      const prior = first.get(e.entityID);
      if (!prior) {
        first.set(e.entityID, e);
        continue;
      }
      const at = (x: MdEntity): string => (x.line ? `line ${x.line}` : 'an earlier EntityDescriptor');
      byEntity.set(e, [findingOf(DUPLICATE, `entityID "${e.entityID}" is already described at ${at(prior)}${e.line ? `; this one starts at line ${e.line}` : ''}. Consumers keep only one of them (Shibboleth the first, SimpleSAMLphp the last), so keys and endpoints differ by product.`, 'Keep one EntityDescriptor per entityID: merge the two or remove the stale one.')]);
    }
    return { document: [], byEntity };
  },
};
