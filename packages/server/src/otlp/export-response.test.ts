import { describe, expect, it } from 'vitest';
import { exportResponseJson, exportResponseProtobuf, statusJson, statusProtobuf } from './export-response.js';

describe('export responses', () => {
  it('is empty on full success', () => {
    expect(exportResponseJson(null)).toBe('{}');
    expect(exportResponseProtobuf(null)).toEqual(new Uint8Array(0));
  });

  it('carries rejected_spans (int64, a string in JSON) and error_message in partial_success', () => {
    const partial = { rejectedSpans: 300, errorMessage: 'ok' };
    expect(JSON.parse(exportResponseJson(partial))).toEqual({
      partialSuccess: { rejectedSpans: '300', errorMessage: 'ok' },
    });
    // field 1 (len 7) { field 1 varint 300 = ac 02; field 2 "ok" }
    expect([...exportResponseProtobuf(partial)]).toEqual([0x0a, 7, 0x08, 0xac, 0x02, 0x12, 2, 0x6f, 0x6b]);
  });

  it('encodes google.rpc.Status', () => {
    expect(JSON.parse(statusJson(3, 'bad'))).toEqual({ code: 3, message: 'bad' });
    expect([...statusProtobuf(3, 'bad')]).toEqual([0x08, 3, 0x12, 3, 0x62, 0x61, 0x64]);
  });
});
