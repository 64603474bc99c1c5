// mdrpi:RegistrationInfo (SAML V2.0 Metadata Extensions for Registration and Publication
// Information v1.0 §2.1): which federation registered the entity, under which policy. eduGAIN
// (Metadata Profile §3.1) requires it on every entity it republishes; registrationAuthority is
// mandatory. PublicationInfo (§2.2) belongs on the aggregate, RegistrationInfo on the entity.
import { NS, attr, childElements } from '../../../xml/dom';
import { MDNS } from '../../namespaces';
import { findingOf, type CodeSpec, type LintCheck } from '../check';

const NONE: CodeSpec = { code: 'md-no-registration-info', severity: 'warning', title: 'No mdrpi:RegistrationInfo' };
const NO_AUTHORITY: CodeSpec = { code: 'md-registration-authority-missing', severity: 'error', title: 'RegistrationInfo without registrationAuthority' };

export const registrationInfoCheck: LintCheck = {
  name: 'registration-info',
  codes: [NONE, NO_AUTHORITY],
  check({ entity, profile, inAggregate }) {
    const ext = childElements(entity.element, NS.metadata, 'Extensions')[0];
    const infos = childElements(ext, MDNS.mdrpi, 'RegistrationInfo');
    if (infos.length === 0) {
      return [findingOf(NONE, `The entity has no <mdrpi:RegistrationInfo> in its Extensions. ${inAggregate ? 'In a federation aggregate every entity should say which federation registered it; eduGAIN refuses entities without it.' : 'A standalone entity does not need one; a federation adds it when it registers the entity.'}`, 'Register the entity with your federation, which adds <mdrpi:RegistrationInfo registrationAuthority="…" registrationInstant="…"/> to EntityDescriptor/Extensions.', profile, inAggregate ? 'warning' : 'info')];
    }
    return infos
      .filter((i) => !attr(i, 'registrationAuthority'))
      .map(() => findingOf(NO_AUTHORITY, 'mdrpi:RegistrationInfo has no registrationAuthority, which the specification requires (§2.1.1).', 'Set registrationAuthority to the federation\'s URI.', profile));
  },
};
