import { isIP } from 'node:net';
import path from 'node:path';

/** Everything the server reads from its environment, read once. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /**
   * The embedded database calls fsync (commits survive a power loss, not only a crash of the process).
   * See docs/decisions.md "Durability of the embedded database".
   */
  fsync: boolean;
  /** Addresses or networks (CIDR) of reverse proxies whose X-Forwarded-For is believed; empty: none. */
  trustedProxies: string[];
  production: boolean;
  /** Minutes without a request after which a session ends. */
  idleTimeoutMinutes: number;
  /** Hours after which a session ends regardless of activity. */
  absoluteTimeoutHours: number;
  demoPassword: string;
  defaultTenant: string | undefined;
  webDistDir: string;
  /**
   * The address people open Leuchtturm at (scheme, host, port), e.g. https://leuchtturm.stadt.de. Single sign-on
   * builds its redirect URIs from it; unset, from the request's own address (fine without a reverse proxy).
   */
  publicUrl: string | undefined;
  /**
   * An optional raster tile server for the atlas map, as a URL template with {z}, {x} and {y}
   * (LEUCHTTURM_MAP_TILES). Unset: the map draws the district outlines on a plain background, with no network.
   */
  mapTiles: string | undefined;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  return {
    port: Number(env.PORT ?? 3000),
    // Loopback unless told otherwise: the demo passwords are public.
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    // Relative to where the command was started (npm sets INIT_CWD when it runs a workspace script).
    dataDir: path.resolve(env.INIT_CWD ?? process.cwd(), env.LEUCHTTURM_DATA_DIR ?? './data'),
    fsync: flag(env, 'LEUCHTTURM_FSYNC', production),
    trustedProxies: trustedProxies(env.LEUCHTTURM_TRUSTED_PROXIES),
    production,
    idleTimeoutMinutes: Number(env.LEUCHTTURM_IDLE_TIMEOUT_MINUTES ?? 30),
    absoluteTimeoutHours: Number(env.LEUCHTTURM_SESSION_HOURS ?? 10),
    demoPassword: env.LEUCHTTURM_DEMO_PASSWORD || 'leuchtturm-demo',
    defaultTenant: env.LEUCHTTURM_TENANT || undefined,
    webDistDir: env.LEUCHTTURM_WEB_DIST
      ? path.resolve(env.LEUCHTTURM_WEB_DIST)
      : path.resolve(import.meta.dirname, '../../web/dist'),
    publicUrl: publicUrl(env.LEUCHTTURM_PUBLIC_URL),
    mapTiles: mapTiles(env.LEUCHTTURM_MAP_TILES),
  };
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const value = env[name]?.trim().toLowerCase();
  if (!value) return fallback;
  if (['1', 'true', 'on', 'ja'].includes(value)) return true;
  if (['0', 'false', 'off', 'nein'].includes(value)) return false;
  throw new Error(`${name}: „${env[name]}“ ist kein gültiger Wert; erlaubt sind 1 (an) und 0 (aus).`);
}

function publicUrl(value: string | undefined): string | undefined {
  const trimmed = value?.trim().replace(/\/+$/, '');
  if (!trimmed) return undefined;
  if (!URL.canParse(trimmed) || !/^https?:$/.test(new URL(trimmed).protocol)) {
    throw new Error(
      `LEUCHTTURM_PUBLIC_URL: „${value}“ ist keine Adresse (z. B. https://leuchtturm.stadt.de).`,
    );
  }
  return new URL(trimmed).origin;
}

function mapTiles(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  const probe = trimmed.replace(/\{[xyz]\}/g, '0');
  if (
    !['{z}', '{x}', '{y}'].every((p) => trimmed.includes(p)) ||
    !URL.canParse(probe) ||
    !/^https?:$/.test(new URL(probe).protocol)
  ) {
    throw new Error(
      `LEUCHTTURM_MAP_TILES: „${value}“ ist keine Kachel-Adresse mit {z}, {x} und {y} (z. B. https://kacheln.stadt.de/{z}/{x}/{y}.png).`,
    );
  }
  return trimmed;
}

/** Names proxy-addr (Fastify's trustProxy) understands besides addresses and CIDR networks. */
const proxyRangeNames = ['loopback', 'linklocal', 'uniquelocal'];

function trustedProxies(value: string | undefined): string[] {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address = '', prefix, ...rest] = entry.split('/');
    const version = isIP(address);
    const prefixOk =
      prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 6 ? 128 : 32));
    if (!proxyRangeNames.includes(entry) && (version === 0 || !prefixOk || rest.length > 0)) {
      throw new Error(
        `LEUCHTTURM_TRUSTED_PROXIES: „${entry}“ ist keine IP-Adresse und kein Netz (z. B. 10.0.0.5 oder 10.0.0.0/24).`,
      );
    }
  }
  return entries;
}
