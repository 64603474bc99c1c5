import { describe, expect, it } from 'vitest';
import { shortAlgorithm } from './SignaturesPanel';

describe('shortAlgorithm', () => {
  it('names algorithm URIs briefly', () => {
    expect(shortAlgorithm('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256')).toBe('rsa-sha256');
    expect(shortAlgorithm('http://www.w3.org/2001/10/xml-exc-c14n#')).toBe('xml-exc-c14n');
    expect(shortAlgorithm('http://www.w3.org/2001/10/xml-exc-c14n#WithComments')).toBe('xml-exc-c14n#WithComments');
    expect(shortAlgorithm('http://www.w3.org/TR/2001/REC-xml-c14n-20010315')).toBe('REC-xml-c14n-20010315');
    expect(shortAlgorithm('')).toBe('');
  });
});
