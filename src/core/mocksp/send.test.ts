import { inflateRaw } from 'pako';
import { describe, expect, it } from 'vitest';
import { decodeBase64Lenient } from '../encoding/base64';
import { inspectInput } from '../inspect';
import { buildAuthnRequest, buildLogoutRequest, parseAuthnRequestFields } from './authnRequest';
import { generateSpKeyPair } from './keys';
import { xmlsecVerifies } from './mocksp.testutil';
import { buildRedirect, curlCommand, deflateAndEncode, escapeHtml, postForm, prepareSend, redirectUrl } from './send';
import { defaultSettings, type MockSpSettings } from './settings';
import { signXmlEnveloped } from './sign';

const settings: MockSpSettings = {
  ...defaultSettings('https://samlscope.test'),
  destination: 'https://idp.example.com/sso?tenant=a',
  sloUrl: 'https://idp.example.com/slo',
  relayState: `it's "quoted" & <tagged> é`,
};
const unwrap = <T,>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const keyP = generateSpKeyPair('RSA-2048', 'send test');

describe('HTTP-Redirect', () => {
  it('deflates raw (no zlib header) and keeps the endpoint\'s own query parameters', async () => {
    const req = buildAuthnRequest(settings);
    const sent = unwrap(await buildRedirect(req.xml, settings));
    expect(sent.url.startsWith('https://idp.example.com/sso?tenant=a&SAMLRequest=')).toBe(true);
    const inflated = new TextDecoder().decode(inflateRaw(unwrap(decodeBase64Lenient(sent.parameters.SAMLRequest)).bytes));
    expect(inflated).toBe(req.xml);
    expect(sent.parameters.RelayState).toBe(settings.relayState);
    expect(sent.signedOctets).toBeNull();
    expect(unwrap(await redirectUrl(req.xml, settings))).toBe(sent.url);
    const report = await inspectInput(sent.url, 'url');
    expect(report.detected).toBe('redirect-url');
    expect(report.messages[0]!.payload.relayState).toBe(settings.relayState);
    expect(report.messages[0]!.id).toBe(req.id);
  });

  it('removes an enveloped signature before deflating (bindings §3.4.4.1)', async () => {
    const kp = await keyP;
    const signed = unwrap(await signXmlEnveloped(buildAuthnRequest(settings).xml, kp, 'rsa-sha256'));
    const sent = unwrap(await buildRedirect(signed, { ...settings, sign: true }, kp));
    expect(sent.xml).not.toContain('Signature');
    expect(sent.notes).toHaveLength(1);
    expect(sent.parameters.SigAlg).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
  });

  it('sends a LogoutRequest to the SLO URL', async () => {
    const lr = buildLogoutRequest(settings, { nameId: { value: 'alice' } });
    const sent = unwrap(await prepareSend(lr.xml, settings));
    expect(sent.binding).toBe('HTTP-Redirect');
    expect(sent.binding === 'HTTP-Redirect' && sent.url.startsWith('https://idp.example.com/slo?SAMLRequest=')).toBe(true);
  });

  it('fails with typed errors: signing without key, no endpoint', async () => {
    const xml = buildAuthnRequest(settings).xml;
    const noKey = await buildRedirect(xml, { ...settings, sign: true });
    expect(!noKey.ok && noKey.error.code).toBe('key-required');
    const noEndpoint = await postForm(xml, { ...settings, destination: '' });
    expect(!noEndpoint.ok && noEndpoint.error.code).toBe('no-endpoint');
  });
});

describe('HTTP-POST', () => {
  it('builds an escaped auto-submitting form whose fields decode to the (signed) request', async () => {
    const kp = await keyP;
    const req = buildAuthnRequest(settings);
    const sent = unwrap(await postForm(req.xml, { ...settings, sign: true, idpBinding: 'HTTP-POST' }, kp));
    expect(sent.action).toBe(settings.destination);
    const xml = new TextDecoder().decode(unwrap(decodeBase64Lenient(sent.fields.SAMLRequest)).bytes);
    expect(xml).toBe(sent.xml);
    expect(xmlsecVerifies(xml, kp.certificatePem, 'AuthnRequest').ok).toBe(true);
    expect(unwrap(parseAuthnRequestFields(xml)).signed).toBe(true);
    expect(sent.fields.RelayState).toBe(settings.relayState);
    expect(sent.html).toContain(`action="${escapeHtml(settings.destination)}"`);
    expect(sent.html).toContain(`name="RelayState" value="it&#39;s &quot;quoted&quot; &amp; &lt;tagged&gt; é"`);
    expect(sent.html).toContain('document.forms[0].submit()');
    expect(sent.html).toContain('<noscript>');
    expect(sent.html).not.toContain('<tagged>');
    // The body the form posts is what our detector reads as the POST binding.
    const body = `SAMLRequest=${encodeURIComponent(sent.fields.SAMLRequest)}&RelayState=${encodeURIComponent(settings.relayState)}`;
    const report = await inspectInput(body, 'post', { trust: [kp.certificatePem] });
    expect(report.detected).toBe('post-body');
    expect(report.messages[0]!.signatures[0]!.verdict).toBe('valid');
  });

  it('an unsigned POST carries the XML as is', async () => {
    const req = buildAuthnRequest(settings);
    const sent = unwrap(await postForm(req.xml, settings));
    expect(new TextDecoder().decode(unwrap(decodeBase64Lenient(sent.fields.SAMLRequest)).bytes)).toBe(req.xml);
  });
});

describe('curlCommand', () => {
  it('quotes for the shell', async () => {
    const req = buildAuthnRequest(settings);
    const r = unwrap(await buildRedirect(req.xml, settings));
    expect(curlCommand(r)).toBe(`curl -i '${r.url}'`);
    const p = unwrap(await postForm(req.xml, settings));
    const cmd = curlCommand(p);
    expect(cmd).toContain(`--data-urlencode 'SAMLRequest=${p.fields.SAMLRequest}'`);
    expect(cmd).toContain(`--data-urlencode 'RelayState=it'\\''s "quoted" & <tagged> é'`);
    expect(cmd.endsWith(`'${settings.destination}'`)).toBe(true);
  });
});

it('deflateAndEncode is raw DEFLATE + base64', () => {
  const b = unwrap(decodeBase64Lenient(deflateAndEncode('<a/>'))).bytes;
  expect(new TextDecoder().decode(inflateRaw(b))).toBe('<a/>');
});
