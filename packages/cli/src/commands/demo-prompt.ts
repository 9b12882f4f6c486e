// The demo app's extractor prompt as its team first shipped it: plausible, and weak in the ways real first versions
// are: it never says to keep to what the page states, nor to give every property the page supports.
import { prompt } from '@kaizen/sdk';
import { z } from 'zod';

export const DEMO_PROMPT = 'schemaorg-extractor';

/** The production prompt, v1; `model` is the task model (`sim:schemaorg` offline, KAIZEN_MODEL otherwise). */
export function demoPrompt(model: string) {
  return prompt(DEMO_PROMPT, {
    template: [
      {
        role: 'system',
        content:
          'You are an SEO assistant for our shop, recipe and news sites. Return only the schema.org JSON-LD for the ' +
          'page below, with "@context": "https://schema.org" and the most specific @type. Include the name, ' +
          'description, price, author and dates when the page has them.',
      },
      { role: 'user', content: 'URL: {{url}}\n\nPage HTML:\n{{html}}' },
    ],
    variables: z.object({ html: z.string().min(1), url: z.string().nullable() }),
    model,
    params: { temperature: 0 },
  });
}

export type DemoPrompt = ReturnType<typeof demoPrompt>;
