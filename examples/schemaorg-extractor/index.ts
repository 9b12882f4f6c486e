// Runs the schema.org JSON-LD extractor example: `npx tsx examples/schemaorg-extractor/index.ts --limit 5`.
import { parseArgs } from 'node:util';
import { main } from './main.js';

const { values } = parseArgs({
  options: {
    limit: { type: 'string', default: '5' },
    environment: { type: 'string', default: process.env.KAIZEN_ENVIRONMENT ?? 'development' },
    model: { type: 'string' },
    data: { type: 'string' },
  },
});

const apiKey = process.env.KAIZEN_API_KEY;
const limit = Number(values.limit);
if (apiKey === undefined || apiKey === '') {
  console.error('Set KAIZEN_API_KEY (create one with `npx kaizen keys create --project demo`).');
  process.exit(2);
}
if (!Number.isInteger(limit) || limit < 1) {
  console.error(`--limit must be a positive integer, got "${values.limit}"`);
  process.exit(2);
}

await main({
  url: process.env.KAIZEN_URL ?? 'http://127.0.0.1:4318',
  apiKey,
  environment: values.environment,
  limit,
  ...(values.model !== undefined ? { model: values.model } : {}),
  ...(values.data !== undefined ? { dataPath: values.data } : {}),
});
