// Vitest global setup: the browser tests serve packages/web/dist, so build it first when it is out of date.
import { ensureWebBuild } from './e2e/support/web-build.js';

export default async function setup(): Promise<void> {
  await ensureWebBuild();
}
