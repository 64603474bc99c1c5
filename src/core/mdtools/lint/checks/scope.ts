// shibmd:Scope (Shibboleth metadata extension, urn:mace:shibboleth:metadata:1.0): the domains
// an IdP may assert scoped attributes (eduPersonPrincipalName, …@example.org) for. It belongs
// to the IdP or AttributeAuthority role (Shibboleth also accepts the entity's Extensions). With
// regexp="true" the value is a Java regular expression matched against the whole scope: an
// unanchored or unescaped one ("example.org") lets "example.org.evil.com" or "exampleXorg" pass.
import { NS, attr, childElements } from '../../../xml/dom';
import { MDNS } from '../../namespaces';
import { findingOf, type CodeSpec, type LintCheck } from '../check';

const INVALID: CodeSpec = { code: 'md-scope-regexp-invalid', severity: 'error', title: 'shibmd:Scope regexp does not compile' };
const UNANCHORED: CodeSpec = { code: 'md-scope-regexp-unanchored', severity: 'warning', title: 'shibmd:Scope regexp is not anchored or escaped' };
const MISPLACED: CodeSpec = { code: 'md-scope-misplaced', severity: 'warning', title: 'shibmd:Scope on a role that asserts no attributes' };

export const scopeCheck: LintCheck = {
  name: 'scope',
  codes: [INVALID, UNANCHORED, MISPLACED],
  check({ entity, profile }) {
    const out = [];
    const places: Array<{ where: string; ext: Element | undefined }> = [{ where: 'EntityDescriptor', ext: childElements(entity.element, NS.metadata, 'Extensions')[0] }];
    for (const role of childElements(entity.element, NS.metadata)) {
      if (role.localName?.endsWith('Descriptor')) places.push({ where: role.localName, ext: childElements(role, NS.metadata, 'Extensions')[0] });
    }
    for (const { where, ext } of places) {
      for (const scope of childElements(ext, MDNS.shibmd, 'Scope')) {
        const value = (scope.textContent ?? '').trim();
        if (where === 'SPSSODescriptor') {
          out.push(findingOf(MISPLACED, `shibmd:Scope "${value}" is in the SPSSODescriptor's Extensions. Scopes limit what an attribute issuer may assert; SPs issue no attributes, so this Scope restricts nothing.`, 'Move it to the IDPSSODescriptor (or AttributeAuthorityDescriptor) Extensions, or remove it.', profile));
        }
        const regexp = attr(scope, 'regexp');
        if (regexp !== 'true' && regexp !== '1') continue;
        try {
          new RegExp(value, 'u');
        } catch (e) {
          out.push(findingOf(INVALID, `shibmd:Scope regexp="true" "${value}" is not a valid regular expression (${(e as Error).message}). Shibboleth SPs fail to load the metadata or accept no scope at all.`, 'Fix the expression, e.g. ^([a-z0-9-]+\\.)*example\\.org$.', profile));
          continue;
        }
        const anchored = value.startsWith('^') && value.endsWith('$');
        const unescapedDot = /(^|[^\\])\.(?![*+?{])/.test(value.replace(/\[[^\]]*\]/g, ''));
        if (!anchored || unescapedDot) {
          out.push(findingOf(UNANCHORED, `shibmd:Scope regexp "${value}" ${!anchored ? 'is not anchored with ^…$' : ''}${!anchored && unescapedDot ? ' and ' : ''}${unescapedDot ? 'has an unescaped "." (any character)' : ''}: it admits scopes the IdP does not own${unescapedDot ? ' (exampleXorg)' : ''}${!anchored ? ' such as example.org.attacker.net in a matcher that searches rather than matches the whole value' : ''}.`, 'Anchor and escape it: ^([a-z0-9-]+\\.)*example\\.org$.', profile));
        }
      }
    }
    return out;
  },
};
