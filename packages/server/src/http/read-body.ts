// Reads a request body with a byte limit enforced while streaming, and inflates gzip/deflate with a limit on the output.
import type { IncomingMessage } from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { KaizenError } from '@kaizen/core';
import type { BodyEncoding } from './content-negotiation.js';

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);

function tooLarge(limit: number, what: string): KaizenError {
  return new KaizenError('payload_too_large', `${what} exceeds the limit of ${limit} bytes: send smaller batches`);
}

/** Thrown when the client went away mid-body; there is nobody left to answer. */
export class ClientAbortedError extends Error {}

/**
 * Resolves with the whole body, or rejects with `payload_too_large` once the declared Content-Length or the bytes
 * received pass `limit`; an oversized body is never buffered. An oversized body of at most `drainLimit` bytes is read
 * to its end (and thrown away) before the rejection: the client, still writing, then reads the 413 instead of a reset
 * connection — an exporter drops a batch answered 413 but retries one whose connection broke, forever. A bigger body
 * is refused at once and its connection closed (sendOtlpError), so draining costs at most `drainLimit` per request.
 */
export function readBody(request: IncomingMessage, limit: number, drainLimit = 0): Promise<Buffer> {
  const declared = request.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit && Number(declared) > drainLimit) {
    return Promise.reject(tooLarge(limit, 'request body'));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const cleanup = () => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('aborted', onAborted);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received <= limit) {
        chunks.push(chunk);
        return;
      }
      chunks.length = 0;
      // Past the limit: keep reading to the end while within the drain allowance, else refuse now.
      if (received > drainLimit) {
        cleanup();
        reject(tooLarge(limit, 'request body'));
      }
    };
    const onEnd = () => {
      cleanup();
      if (received > limit) {
        reject(tooLarge(limit, 'request body'));
        return;
      }
      resolve(chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks, received));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(new ClientAbortedError('request stream failed', { cause: error }));
    };
    const onAborted = () => {
      cleanup();
      reject(new ClientAbortedError('client aborted the request'));
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    request.on('aborted', onAborted);
  });
}

/** Inflates off the event loop; a zip bomb stops at `limit` output bytes and is a 413, corrupt data a 400. */
export async function decodeBody(body: Buffer, encoding: BodyEncoding, limit: number): Promise<Buffer> {
  if (encoding === 'identity') return body;
  const options = { maxOutputLength: limit };
  try {
    if (encoding === 'gzip') return await gunzip(body, options);
    // HTTP "deflate" is zlib-wrapped, but some clients send raw deflate: a zlib stream starts with 0x78.
    return body[0] === 0x78 ? await inflate(body, options) : await inflateRaw(body, options);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(limit, 'inflated request body');
    const reason = error instanceof Error ? error.message : String(error);
    throw new KaizenError('invalid_input', `invalid ${encoding} body: ${reason}`);
  }
}
