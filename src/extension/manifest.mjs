// The extension's manifest (Manifest V3), one file for Chromium and Firefox: Chromium (121+)
// runs `background.service_worker` and ignores `scripts`; Firefox (121+) runs `scripts` as an
// event page and ignores `service_worker`. Every permission is explained in docs/extension.md;
// the test src/extension/manifest.test.ts keeps this list and that page in step.
export function extensionManifest(version) {
  return {
    manifest_version: 3,
    name: 'samlscope capture',
    short_name: 'samlscope',
    version,
    description: 'Records a tab\'s SAML and OpenID Connect sign-in traffic and inspects it with samlscope, inside the browser.',
    icons: { 128: 'icon-128.png' },
    action: { default_title: 'samlscope capture', default_popup: 'panel.html', default_icon: { 128: 'icon-128.png' } },
    background: { service_worker: 'background.js', scripts: ['background.js'] },
    permissions: ['webRequest', 'storage'],
    host_permissions: ['http://*/*', 'https://*/*'],
    content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" },
    browser_specific_settings: { gecko: { id: 'samlscope-capture@samlscope.invalid', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } } },
  };
}
