import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseXmlSafely } from '../core/xml/parse';
import { readMetadata } from '../core/mdtools/model';
it('prof', () => {
  const t = readFileSync('/tmp/agg10.xml', 'utf8');
  let t0 = Date.now(); parseXmlSafely(t); console.log('parse', Date.now() - t0);
  t0 = Date.now(); readMetadata(t); console.log('readMetadata', Date.now() - t0);
  t0 = Date.now(); readMetadata(t); console.log('readMetadata again', Date.now() - t0);
});
