// The extractor prompt, defined in code: typed page variables in, schema.org JSON-LD out.
import { prompt } from '@kaizen/sdk';
import { z } from 'zod';

/** JSON-LD as extractors answer it: one entity with `@type`, or a `@graph` of them; other keys pass through. */
export const JsonLd = z.looseObject({
  '@context': z.unknown().optional(),
  '@type': z.union([z.string(), z.array(z.string())]).optional(),
  '@graph': z.array(z.looseObject({})).optional(),
});

export const extractor = prompt('schemaorg-extractor', {
  template: [
    {
      role: 'system',
      content: [
        'You extract schema.org structured data from web pages.',
        'Answer with JSON only: no prose, no markdown fences.',
        'Use the most specific schema.org @type that fits the main entity, and include "@context": "https://schema.org".',
        'Use only facts the page states; never invent values such as phone numbers, prices or ratings.',
      ].join('\n'),
    },
    { role: 'user', content: 'URL: {{url}}\n\nPage HTML:\n{{html}}' },
  ],
  variables: z.object({ html: z.string().min(1), url: z.string().nullable() }),
  output: JsonLd,
  model: 'sim:schemaorg',
  params: { temperature: 0 },
});
