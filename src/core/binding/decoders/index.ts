// The input decoders, in the order they are tried: the first whose detect() accepts the input and
// whose decode() does not hand it on decides (binding/detect.ts). Structured containers first
// (JSON, HTML, XML), then parameter strings, then bare base64, so that a query string is never
// mistaken for base64. A new input form: one file in this folder, one line here.
import { base64Decoder } from './base64';
import type { InputDecoder } from './decoder';
import { harDecoder } from './har';
import { htmlFormDecoder } from './htmlForm';
import { jsonParametersDecoder } from './jsonParameters';
import { malformedBase64Decoder } from './malformedBase64';
import { otherJsonDecoder } from './otherJson';
import { queryDecoder } from './query';
import { samlTracerDecoder } from './samlTracer';
import { xmlDecoder } from './xml';

export type { DecoderInput, InputDecoder } from './decoder';

export const INPUT_DECODERS: readonly InputDecoder[] = [
  harDecoder,
  samlTracerDecoder,
  jsonParametersDecoder,
  otherJsonDecoder,
  htmlFormDecoder,
  xmlDecoder,
  queryDecoder,
  base64Decoder,
  malformedBase64Decoder,
];
