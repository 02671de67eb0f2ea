import { z } from 'zod';

// Validation messages are shown to German-speaking users, on the server and in the browser alike.
z.config(z.locales.de());

// The web app's Content-Security-Policy forbids eval. zod's compiled fast path for objects needs it, and even zod's
// probe for it is reported as a violation; in the browser zod interprets instead. The server keeps the fast path.
if ('document' in globalThis) z.config({ jitless: true });

export { z };
