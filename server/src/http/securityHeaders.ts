import type { FastifyInstance } from 'fastify';

/**
 * The built web app's policy, as the browser tests found it needs: its own scripts only (no inline script, no
 * eval); inline styles, because Mantine sets style attributes and injects its CSS variables as a <style>; images
 * and fonts of its own or inlined by Vite (data:); the map's worker from the app itself (maplibre starts a module
 * worker from its own URL when that is same-origin). Nothing from elsewhere, except an atlas tile server if one is
 * configured.
 */
const appPolicy = (tiles: string) => [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' data: blob:${tiles}`,
  "font-src 'self' data:",
  `connect-src 'self'${tiles}`,
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/** The origin of the configured map tile server (LEUCHTTURM_MAP_TILES), the one exception to "nothing from elsewhere". */
export function tileOrigin(template: string | undefined): string {
  return template ? ` ${new URL(template.replace(/\{[xyz]\}/g, '0')).origin}` : '';
}

/**
 * API answers are data, never a page: even if a browser were made to render one (an uploaded file opened in place),
 * nothing in it may run or load.
 */
const apiPolicy = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";

export function isApiUrl(url: string): boolean {
  return url.startsWith('/api/');
}

/** The headers every answer carries. */
export function securityHeaders(
  api: boolean,
  production: boolean,
  mapTiles?: string,
): Record<string, string> {
  return {
    'content-security-policy': api ? apiPolicy : appPolicy(tileOrigin(mapTiles)).join('; '),
    // frame-ancestors for current browsers, X-Frame-Options for older ones.
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    // API answers carry social data (and downloads): no browser or proxy may keep a copy.
    ...(api ? { 'cache-control': 'no-store' } : {}),
    // Only where the server is reached through HTTPS, i.e. in production behind TLS; a development server on
    // http://localhost must not pin the name to HTTPS.
    ...(production ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

export function registerSecurityHeaders(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.headers(securityHeaders(isApiUrl(request.url), app.config.production, app.config.mapTiles));
    return payload;
  });
}
