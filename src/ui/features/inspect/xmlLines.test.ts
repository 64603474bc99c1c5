import { describe, expect, it } from 'vitest';
import { elementLineRange, findIdLine, lineOfOffset } from './xmlLines';

const xml = [
  '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_r1">', // 1
  '  <saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_a1">', // 2
  '    <saml:Advice>', // 3
  '      <saml:Assertion ID="_inner">', // 4
  '        <saml:Issuer>x</saml:Issuer>', // 5
  '      </saml:Assertion>', // 6
  '    </saml:Advice>', // 7
  '    <saml:AssertionIDRef ID="_self" />', // 8
  '  </saml:Assertion>', // 9
  '</samlp:Response>', // 10
].join('\n');

describe('xmlLines', () => {
  it('counts lines from 1', () => {
    expect(lineOfOffset(xml, 0)).toBe(1);
    expect(lineOfOffset(xml, xml.indexOf('<saml:Advice'))).toBe(3);
  });

  it('finds the line of an ID attribute', () => {
    expect(findIdLine(xml, '_a1')).toBe(2);
    expect(findIdLine(xml, '_inner')).toBe(4);
    expect(findIdLine(xml, 'nope')).toBeNull();
  });

  it('does not match an ID that merely starts with the wanted one', () => {
    expect(findIdLine(xml, '_a')).toBeNull();
  });

  it('spans nested elements of the same name', () => {
    expect(elementLineRange(xml, '_a1')).toEqual({ startLine: 2, endLine: 9 });
    expect(elementLineRange(xml, '_inner')).toEqual({ startLine: 4, endLine: 6 });
    expect(elementLineRange(xml, '_r1')).toEqual({ startLine: 1, endLine: 10 });
  });

  it('handles self-closing elements', () => {
    expect(elementLineRange(xml, '_self')).toEqual({ startLine: 8, endLine: 8 });
  });

  it('escapes regex characters in IDs', () => {
    const x = '<a>\n<b ID="i_.nKx+(1)">\n</b>\n</a>';
    expect(elementLineRange(x, 'i_.nKx+(1)')).toEqual({ startLine: 2, endLine: 3 });
  });
});
