// reportWriter writes all of a text through writeSync, hands the rest to the stream when a
// non-blocking pipe is full (EAGAIN), and says so: the launcher then lets Node finish the writes
// instead of ending the process at once (main.ts outputComplete).
import { describe, expect, it } from 'vitest';
import { reportWriter, writtenThrough } from './output';

const errno = (code: string) => Object.assign(new Error(code), { code });

describe('reportWriter', () => {
  it('writes in as many calls as the descriptor takes, and everything is written through', () => {
    const got: number[] = [];
    const write = reportWriter(1, (_fd, bytes, offset, length) => {
      const n = Math.min(length, 7);
      got.push(...bytes.subarray(offset, offset + n));
      return n;
    }, () => { throw new Error('no fallback expected'); });
    write('héllo, wörld — 20 bytes or more');
    expect(Buffer.from(got).toString('utf8')).toBe('héllo, wörld — 20 bytes or more');
    expect(writtenThrough()).toBe(true);
  });

  it('ends quietly when the reader went away (EPIPE)', () => {
    const write = reportWriter(1, () => { throw errno('EPIPE'); }, () => { throw new Error('no fallback expected'); });
    expect(() => write('lost')).not.toThrow();
    expect(writtenThrough()).toBe(true);
  });

  it('throws what is not EAGAIN or EPIPE, and EAGAIN on a descriptor other than 1 and 2', () => {
    expect(() => reportWriter(1, () => { throw errno('EIO'); })('x')).toThrow('EIO');
    expect(() => reportWriter(7, () => { throw errno('EAGAIN'); })('x')).toThrow('EAGAIN');
    expect(writtenThrough()).toBe(true);
  });

  it('hands the rest to the stream on EAGAIN, which is then no longer written through', () => {
    const handed: [number, string][] = [];
    let calls = 0;
    const write = reportWriter(2, (_fd, _bytes, _offset, length) => {
      if (calls++ === 0) return Math.min(length, 5);
      throw errno('EAGAIN');
    }, (fd, rest) => handed.push([fd, Buffer.from(rest).toString('utf8')]));
    write('12345 and the rest');
    expect(handed).toEqual([[2, ' and the rest']]);
    expect(writtenThrough()).toBe(false);
  });
});
