import path from 'node:path';

/** Everything the server reads from its environment, read once. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  production: boolean;
  /** Minutes without a request after which a session ends. */
  idleTimeoutMinutes: number;
  /** Hours after which a session ends regardless of activity. */
  absoluteTimeoutHours: number;
  demoPassword: string;
  defaultTenant: string | undefined;
  webDistDir: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    // Relative to where the command was started (npm sets INIT_CWD when it runs a workspace script).
    dataDir: path.resolve(env.INIT_CWD ?? process.cwd(), env.LEUCHTTURM_DATA_DIR ?? './data'),
    production: env.NODE_ENV === 'production',
    idleTimeoutMinutes: Number(env.LEUCHTTURM_IDLE_TIMEOUT_MINUTES ?? 30),
    absoluteTimeoutHours: Number(env.LEUCHTTURM_SESSION_HOURS ?? 10),
    demoPassword: env.LEUCHTTURM_DEMO_PASSWORD || 'leuchtturm-demo',
    defaultTenant: env.LEUCHTTURM_TENANT || undefined,
    webDistDir: env.LEUCHTTURM_WEB_DIST
      ? path.resolve(env.LEUCHTTURM_WEB_DIST)
      : path.resolve(import.meta.dirname, '../../web/dist'),
  };
}
