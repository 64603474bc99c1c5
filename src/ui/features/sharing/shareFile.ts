// The "share file": the same ShareState a link carries, as a JSON file, for states too long
// to share as a link (docs/sharing.md "Link length"). Opening one is the same code path as
// opening a link.
import { validateShareState, type ShareError, type ShareState } from '../../../core/share/state';
import type { Result } from '../../../core/types';

export const SHARE_FILE_SUFFIX = '.samlscope.json';

export function shareFileText(state: ShareState): string {
  return `${JSON.stringify(state, null, 2)}\n`;
}

import { mayBeShareFile } from './mayBeShareFile';

export { mayBeShareFile };

/**
 * null when `text` is not meant as a share file (any other input: XML, HAR, base64…), else
 * the validated state or a typed error. A share file is a JSON object with `"v": 1` and an
 * `input` string; a HAR (`{"log": …}`) or a SAML-tracer export never has both.
 */
export function parseShareFile(text: string): Result<ShareState, ShareError> | null {
  if (!mayBeShareFile(text)) return null;
  const t = text.trimStart();
  let value: unknown;
  try {
    value = JSON.parse(t);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const o = value as Record<string, unknown>;
  if (!('v' in o) || typeof o.input !== 'string') return null;
  return validateShareState(value);
}
