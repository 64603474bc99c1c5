import { describe, expect, it } from 'vitest';
import { INPUT_MAX_CHARS, PAGE_LIMITS } from '../../../core/limits';
import { formatFileSize, inspectAsFile } from './fileInput';

function sized(head: string, size: number): Blob {
  return new Blob([head, new Uint8Array(Math.max(0, size - head.length)).fill(0x20)]);
}

describe('which files the page hands to the worker unread', () => {
  it('small files are read into the editor', async () => {
    expect(await inspectAsFile(sized('<md:EntitiesDescriptor', PAGE_LIMITS.fileInputMinBytes - 1))).toBe(false);
  });
  it('a large XML file goes as a file', async () => {
    expect(await inspectAsFile(sized('\uFEFF <?xml version="1.0"?>', PAGE_LIMITS.fileInputMinBytes))).toBe(true);
  });
  it('a large JSON file (a HAR or a share file) is read as text while within INPUT_MAX_CHARS', async () => {
    expect(await inspectAsFile(sized(' {"log":', PAGE_LIMITS.fileInputMinBytes + 10))).toBe(false);
  });
  it('anything over INPUT_MAX_CHARS goes as a file (the worker refuses it unread)', async () => {
    class Huge extends Blob {
      override get size() {
        return INPUT_MAX_CHARS + 1;
      }
    }
    const huge = new Huge(['{']);
    expect(await inspectAsFile(huge)).toBe(true);
  });
  it('sizes read as file managers show them', () => {
    expect(formatFileSize(268_435_456)).toBe('268.4 MB');
    expect(formatFileSize(2_500)).toBe('2.5 kB');
    expect(formatFileSize(12)).toBe('12 bytes');
  });
});
