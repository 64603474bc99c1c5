// ContactPerson (SAML metadata §2.3.2.2): federations (REFEDS, eduGAIN Metadata Profile §3.2)
// require a technical (and security, SIRTFI) contact so that an incident or a broken key can be
// reported. EmailAddress is an anyURI: it must be a mailto: URI, and plain addresses are refused
// by eduGAIN's validator.
import { NS, childElements } from '../../../xml/dom';
import { findingOf, type CodeSpec, type LintCheck } from '../check';

const NO_CONTACT: CodeSpec = { code: 'md-no-contact', severity: 'warning', title: 'No contact person' };
const NOT_MAILTO: CodeSpec = { code: 'md-contact-not-mailto', severity: 'warning', title: 'Contact e-mail address is not a mailto: URI' };

export const contactsCheck: LintCheck = {
  name: 'contacts',
  codes: [NO_CONTACT, NOT_MAILTO],
  check({ entity, profile, inAggregate }) {
    const contacts = childElements(entity.element, NS.metadata, 'ContactPerson');
    if (contacts.length === 0) {
      return [findingOf(NO_CONTACT, 'The EntityDescriptor has no ContactPerson. Partners and the federation have nobody to tell about an expiring key or an incident; eduGAIN and REFEDS require at least a technical contact.', 'Add <md:ContactPerson contactType="technical"><md:EmailAddress>mailto:…</md:EmailAddress></md:ContactPerson>.', profile, inAggregate ? 'warning' : 'info')];
    }
    const out = [];
    for (const c of contacts) {
      for (const e of childElements(c, NS.metadata, 'EmailAddress')) {
        const v = (e.textContent ?? '').trim();
        if (!/^mailto:[^@\s]+@[^@\s]+$/i.test(v)) {
          out.push(findingOf(NOT_MAILTO, `The ${c.getAttribute('contactType') ?? ''} contact's EmailAddress "${v}" is not a mailto: URI. The schema type is anyURI (SAML metadata §2.3.2.2); eduGAIN's validator and REFEDS require mailto:.`, `Write it as mailto:${v.replace(/^mailto:/i, '') || 'someone@example.org'}.`, profile));
        }
      }
    }
    return out;
  },
};
