import { z } from 'zod';

// Validation messages are shown to German-speaking users, on the server and in the browser alike.
z.config(z.locales.de());

export { z };
