// mdattr:EntityAttributes (SAML V2.0 Metadata Extension for Entity Attributes v1.0 §2.3): only
// in the Extensions of an EntityDescriptor or EntitiesDescriptor. In a role's Extensions it is
// ignored by Shibboleth, SimpleSAMLphp and pyFF, so entity categories (REFEDS R&S, SIRTFI,
// hide-from-discovery) placed there have no effect.
import { NS, childElements } from '../../../xml/dom';
import { MDNS } from '../../namespaces';
import { findingOf, type CodeSpec, type LintCheck } from '../check';

const MISPLACED: CodeSpec = { code: 'md-entity-attributes-misplaced', severity: 'error', title: 'mdattr:EntityAttributes inside a role' };

export const entityAttributesCheck: LintCheck = {
  name: 'entity-attributes',
  codes: [MISPLACED],
  check({ entity, profile }) {
    const out = [];
    for (const role of childElements(entity.element, NS.metadata)) {
      if (!role.localName?.endsWith('Descriptor')) continue;
      const ext = childElements(role, NS.metadata, 'Extensions')[0];
      if (childElements(ext, MDNS.mdattr, 'EntityAttributes').length > 0) {
        out.push(findingOf(MISPLACED, `mdattr:EntityAttributes is in the ${role.localName}'s Extensions; the specification (§2.3) allows it only in EntityDescriptor or EntitiesDescriptor Extensions, and consumers ignore it elsewhere — entity categories such as REFEDS R&S or SIRTFI placed here are not seen.`, 'Move <mdattr:EntityAttributes> into <md:EntityDescriptor>/<md:Extensions>.', profile));
      }
    }
    return out;
  },
};
