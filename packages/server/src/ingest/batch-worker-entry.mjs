// Worker thread entry when running from TypeScript source: workers do not inherit the parent's tsx loader hooks.
import { register } from 'tsx/esm/api';

register();
await import('./batch-worker.ts');
