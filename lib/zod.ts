// zod for the extension's pages, workers and background (wxt.config.ts aliases
// `zod` here at build time): jitless, so zod never probes for eval, which the
// extension pages' CSP forbids (Firefox logs each probe as a CSP error). Set
// before any schema is built: this module runs before its importers' bodies.
import { z } from 'zod/v4';

z.config({ jitless: true });

export * from 'zod/v4';
export { z };
export default z;
