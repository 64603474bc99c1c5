// mdui:UIInfo (SAML V2.0 Metadata Extensions for Login and Discovery User Interface v1.0 §2.1):
// what discovery services and consent pages show. It "MUST appear within the <md:Extensions>
// element of a role element" — one in EntityDescriptor/Extensions is ignored by Shibboleth's
// discovery service and by SimpleSAMLphp. eduGAIN wants a DisplayName on every IdP and SP.
import { NS, childElements, descendants } from '../../../xml/dom';
import { MDNS } from '../../namespaces';
import { findingOf, type CodeSpec, type LintCheck } from '../check';

const NONE: CodeSpec = { code: 'md-no-mdui', severity: 'warning', title: 'No mdui:DisplayName' };
const MISPLACED: CodeSpec = { code: 'md-mdui-misplaced', severity: 'error', title: 'mdui:UIInfo outside a role\'s Extensions' };
const LOGO_HTTP: CodeSpec = { code: 'md-mdui-logo-not-https', severity: 'warning', title: 'mdui:Logo not served over https:' };

export const mduiCheck: LintCheck = {
  name: 'mdui',
  codes: [NONE, MISPLACED, LOGO_HTTP],
  check({ entity, profile, inAggregate }) {
    const out = [];
    const entityExt = childElements(entity.element, NS.metadata, 'Extensions')[0];
    if (childElements(entityExt, MDNS.mdui, 'UIInfo').length > 0) {
      out.push(findingOf(MISPLACED, 'mdui:UIInfo is in the EntityDescriptor\'s Extensions; the MDUI specification (§2.1) places it in the Extensions of a role (IDPSSODescriptor, SPSSODescriptor). Discovery services read it only there.', 'Move <mdui:UIInfo> into <md:IDPSSODescriptor>/<md:Extensions> (or the SPSSODescriptor\'s).', profile));
    }
    for (const role of childElements(entity.element, NS.metadata)) {
      if (role.localName !== 'IDPSSODescriptor' && role.localName !== 'SPSSODescriptor') continue;
      const ui = childElements(childElements(role, NS.metadata, 'Extensions')[0], MDNS.mdui, 'UIInfo');
      if (!ui.some((u) => childElements(u, MDNS.mdui, 'DisplayName').length > 0)) {
        out.push(findingOf(NONE, `The ${role.localName} has no mdui:UIInfo/mdui:DisplayName: discovery services and consent pages fall back to the entityID${inAggregate ? '; eduGAIN requires a DisplayName' : ''}.`, `Add <md:Extensions><mdui:UIInfo><mdui:DisplayName xml:lang="en">…</mdui:DisplayName></mdui:UIInfo></md:Extensions> to the ${role.localName}.`, profile, inAggregate ? 'warning' : 'info'));
      }
      for (const logo of ui.flatMap((u) => descendants(u, MDNS.mdui, 'Logo'))) {
        const url = (logo.textContent ?? '').trim();
        if (!/^(https:|data:image\/)/i.test(url)) {
          out.push(findingOf(LOGO_HTTP, `mdui:Logo "${url.slice(0, 120)}" is not an https: (or data:) URL: discovery pages served over https block it as mixed content (MDUI §2.1.5).`, 'Serve the logo over https: and publish that URL.', profile));
        }
      }
    }
    return out;
  },
};
