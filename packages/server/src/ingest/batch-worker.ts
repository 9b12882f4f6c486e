// Worker thread body: processes OTLP batches off the main event loop and posts the normalised spans back.
import { parentPort, workerData } from 'node:worker_threads';
import { compileRedactor, KaizenError } from '@kaizen/core';
import { type BatchReply, type BatchRequest, type BatchWorkerData, READY } from './batch-worker-protocol.js';
import { processBatch } from './process-batch.js';

const { prices, redaction } = workerData as BatchWorkerData;
const redactor = compileRedactor(redaction);
const port = parentPort;
if (port === null) throw new Error('batch-worker.ts runs only as a worker thread');

port.on('message', (request: BatchRequest) => {
  let reply: BatchReply;
  try {
    reply = { id: request.id, ok: true, batch: processBatch(request.format, request.body, prices, redactor) };
  } catch (error) {
    reply = KaizenError.isInstance(error)
      ? { id: request.id, ok: false, code: error.code, message: error.message }
      : {
          id: request.id,
          ok: false,
          code: 'internal',
          message: error instanceof Error ? (error.stack ?? error.message) : String(error),
        };
  }
  port.postMessage(reply);
});
port.postMessage(READY);
