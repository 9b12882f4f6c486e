// A fetch in front of the real server that counts requests and, on demand, answers like a server in trouble.

export interface FaultyFetch {
  /** Give it to createKaizenApi / init as `fetch`. */
  readonly fetch: typeof fetch;
  /** `METHOD /path` of every request made through it, failed ones included. */
  readonly requests: string[];
  /** When set, requests never reach the server: each is answered with this status (503: down, 429: busy). */
  failWith: number | null;
}

const CODES: Readonly<Record<number, string>> = { 429: 'overloaded', 503: 'unavailable' };

/**
 * @example
 * const faults = faultyFetch();
 * const api = createKaizenApi({ url: kaizen.url, apiKey: kaizen.apiKey, fetch: faults.fetch });
 * faults.failWith = 503; // every call now fails with `unavailable`
 */
export function faultyFetch(): FaultyFetch {
  const faults: FaultyFetch = {
    requests: [],
    failWith: null,
    fetch: async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      faults.requests.push(`${init?.method ?? 'GET'} ${url.pathname}`);
      if (faults.failWith === null) return globalThis.fetch(input, init);
      const code = CODES[faults.failWith] ?? 'internal';
      return Response.json({ error: { code, message: 'failing on purpose' } }, { status: faults.failWith });
    },
  };
  return faults;
}
