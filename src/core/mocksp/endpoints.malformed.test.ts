import { describe, expect, it } from 'vitest';
import { checkBindingBeforeSend, recogniseAuthentikUrl } from './endpoints';

describe('authentik URL recognition never throws', () => {
  it('a malformed percent-escape in the slug is kept as typed (was a URIError that broke the mock SP panel)', () => {
    expect(recogniseAuthentikUrl('https://auth.example.com/application/saml/%E0/sso/binding/post/')?.slug).toBe('%E0');
    expect(recogniseAuthentikUrl('https://auth.example.com/application/saml/%ED%A0%80/')?.slug).toBe('%ED%A0%80');
    expect(recogniseAuthentikUrl('https://auth.example.com/application/saml/my%20app/sso/binding/redirect/')?.slug).toBe('my app');
    expect(() => checkBindingBeforeSend('https://auth.example.com/application/saml/%E0/sso/binding/redirect/', 'HTTP-POST')).not.toThrow();
  });
});
