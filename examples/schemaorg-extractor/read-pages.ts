// Reads the schema.org pages dataset: one JSON object per line with the page's HTML and, when known, its URL.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

const Page = z.object({ id: z.string(), url: z.string().nullable(), html: z.string() });
export type Page = z.infer<typeof Page>;

/** The first `limit` pages of a JSONL file (fixtures/schemaorg/schemaorg.jsonl by default). */
export async function readPages(path: string, limit: number): Promise<Page[]> {
  const lines = (await readFile(path, 'utf8')).split('\n').filter((line) => line.trim() !== '');
  return lines.slice(0, limit).map((line, index) => {
    const parsed = Page.safeParse(JSON.parse(line));
    if (!parsed.success)
      throw new Error(`${path}:${index + 1}: not a page record (${parsed.error.issues[0]?.message})`);
    return parsed.data;
  });
}
