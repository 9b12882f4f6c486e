import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readBody } from './read-body.js';

/** A request body stream with headers, as readBody sees an IncomingMessage. */
function request(headers: Record<string, string>): PassThrough & IncomingMessage {
  return Object.assign(new PassThrough(), { headers }) as unknown as PassThrough & IncomingMessage;
}

describe('readBody', () => {
  it('resolves with a body within the limit', async () => {
    const body = request({});
    const read = readBody(body, 10, 20);
    body.end(Buffer.from('0123456789'));
    expect((await read).toString()).toBe('0123456789');
  });

  it('reads an oversized body within the drain allowance to its end, then refuses it', async () => {
    const body = request({ 'content-length': '15' });
    let settled = false;
    const read = readBody(body, 10, 20).finally(() => {
      settled = true;
    });
    body.write(Buffer.from('0123456789abc'));
    await new Promise((resolve) => setImmediate(resolve));
    // Past the limit but not at the end: still reading.
    expect(settled).toBe(false);
    body.end(Buffer.from('de'));
    await expect(read).rejects.toMatchObject({ code: 'payload_too_large' });
    expect(body.readableEnded).toBe(true);
  });

  it('refuses at once a body declared or streamed past the drain allowance', async () => {
    await expect(readBody(request({ 'content-length': '21' }), 10, 20)).rejects.toMatchObject({
      code: 'payload_too_large',
    });
    const streamed = request({});
    const read = readBody(streamed, 10, 20);
    streamed.write(Buffer.alloc(21));
    await expect(read).rejects.toMatchObject({ code: 'payload_too_large' });
    expect(streamed.readableEnded).toBe(false);
  });
});
