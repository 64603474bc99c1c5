import { describe, expect, it } from 'vitest';
import { trustEntries } from './trust';

describe('trustEntries', () => {
  const pem = (n: string) => `-----BEGIN CERTIFICATE-----\nMII${n}\n-----END CERTIFICATE-----`;
  it('drops blanks and keeps one document per entry', () => {
    expect(trustEntries(['', '  ', '<md:EntityDescriptor/>'])).toEqual(['<md:EntityDescriptor/>']);
  });
  it('splits several PEM certificates pasted together', () => {
    expect(trustEntries([`${pem('A')}\n\n${pem('B')}\n`])).toEqual([pem('A'), pem('B')]);
  });
  it('never splits XML that happens to contain PEM text', () => {
    const xml = `<x>${pem('A')}${pem('B')}</x>`;
    expect(trustEntries([xml])).toEqual([xml]);
  });
});
