// "Use the mock IdP" on the mock SP page: the metadata of the mock IdP kept in this browser
// (its key in IndexedDB, its entity ID in localStorage), so the two mocks talk to each other
// without copying anything by hand.
import { exportIdpMetadata } from '../../../core/idp';
import { idpEndpoints } from './endpoints';
import { loadIdpKey, loadIdpSettings } from './storage';

export async function mockIdpMetadataOfThisBrowser(origin: string): Promise<{ ok: true; xml: string } | { ok: false; message: string }> {
  const key = await loadIdpKey();
  if (!key) return { ok: false, message: 'The mock IdP has no key in this browser yet: open Mock IdP and generate or import one.' };
  const settings = loadIdpSettings(origin);
  const md = await exportIdpMetadata(
    { entityId: settings.entityId, ...idpEndpoints(origin), wantAuthnRequestsSigned: settings.wantAuthnRequestsSigned },
    { certificate: key.certificatePem, signWith: settings.signMetadata ? key : null },
  );
  return md.ok ? { ok: true, xml: md.value } : { ok: false, message: `${md.error.code}: ${md.error.message}` };
}
