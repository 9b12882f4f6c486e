// `kaizen optimize`: usage errors before any request, and connection errors, both exit 2 with what to do.
import { describe, expect, it } from 'vitest';
import { runCli as run } from './support/run-cli.js';

const START = ['optimize', '--prompt', 'extractor', '--dataset', 'pages', '--evaluator', 'extractor'];

describe('kaizen optimize usage', () => {
  it('exits 2 with what to do on bad flags, before asking any server', async () => {
    // No server at this URL: each error must come from the flags, not from a failed connection.
    const env = { KAIZEN_URL: 'http://127.0.0.1:9', KAIZEN_API_KEY: 'kz_test' };
    const cases: [string[], RegExp][] = [
      [['optimize'], /missing --prompt, --dataset, --evaluator: .*\(or --resume RUN/],
      [[...START, '--version', '2', '--label', 'production'], /--version or --label, not both/],
      [[...START, '--budget-evals', 'many'], /--budget-evals must be a positive integer, got "many"/],
      [[...START, '--budget-usd', '0'], /--budget-usd must be a positive number/],
      [[...START, '--rounds', '-1'], /--rounds must be a positive integer/],
      [
        ['optimize', '--resume', 'r1', '--dataset', 'pages'],
        /--resume goes on with the run's own settings: drop --dataset/,
      ],
      [['optimize', 'status', 'r1', '--prompt', 'x'], /kaizen optimize status takes a run id only: drop --prompt/],
      [['optimize', 'cancel'], /missing required argument 'run'/],
      [['optimize', '--bogus'], /unknown option '--bogus'/],
    ];
    for (const [argv, message] of cases) {
      const result = await run(argv, env);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr, argv.join(' ')).toMatch(message);
      expect(result.stdout).toBe('');
    }
  });

  it('exits 2 without an API key or a server', async () => {
    const noKey = await run(START, {});
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(/No API key: set KAIZEN_API_KEY/);
    const noServer = await run(START, { KAIZEN_URL: 'http://127.0.0.1:9', KAIZEN_API_KEY: 'kz_test' });
    expect(noServer.code).toBe(2);
    expect(noServer.stderr).toMatch(/POST \/api\/optimizations: cannot connect to Kaizen at http:\/\/127\.0\.0\.1:9/);
  });
});
