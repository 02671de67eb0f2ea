/**
 * A browser as the crash suite's writers use it: real HTTP against a server process that may vanish at any moment.
 * It signs in again after a restart (if its session did not survive) and waits while the server is down.
 */

/** Where the server currently answers; null while it is down (killed, restarting). */
export interface ServerState {
  url: string | null;
  /** Resolves when the server is up again (replaced at every kill). */
  up: Promise<void>;
  stopping: boolean;
  /** Writes sent and not yet answered, now: how many a kill cuts off. */
  inFlight: number;
}

export interface Reply {
  status: number;
  body: unknown;
}

/** The request never got an answer: the connection broke (the server was killed) or could not be made. */
export class NoAnswer extends Error {}

/** The run is over: the server will not come back. */
export class RunOver extends NoAnswer {}

export class CrashClient {
  private cookie: string | undefined;
  private csrf: string | undefined;

  constructor(
    private readonly server: ServerState,
    private readonly account: { tenant: string; username: string; password: string },
  ) {}

  /** The server's address, waiting while it is down. */
  private async url(): Promise<string> {
    while (!this.server.url) {
      if (this.server.stopping) throw new RunOver('the run is over');
      await this.server.up;
    }
    return this.server.url;
  }

  private async send(method: string, path: string, body?: string | FormData, type?: string): Promise<Reply> {
    const base = await this.url();
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (type) headers['content-type'] = type;
    let res: Response;
    let text: string;
    const write = method !== 'GET';
    if (write) this.server.inFlight++;
    try {
      res = await fetch(`${base}/api/v1${path}`, { method, headers, ...(body ? { body } : {}) });
      text = await res.text();
    } catch (error) {
      throw new NoAnswer(`${method} ${path}: ${(error as Error).message}`);
    } finally {
      if (write) this.server.inFlight--;
    }
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('lt_session='));
    if (cookie) this.cookie = cookie.split(';')[0];
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {}
    return { status: res.status, body: parsed };
  }

  async signIn(): Promise<void> {
    this.cookie = undefined;
    const res = await this.send(
      'POST',
      '/auth/login',
      JSON.stringify({
        username: this.account.username,
        password: this.account.password,
        tenant: this.account.tenant,
      }),
      'application/json',
    );
    if (res.status !== 200) throw new Error(`sign-in of ${this.account.username}: ${res.status}`);
    this.csrf = (res.body as { csrfToken: string }).csrfToken;
  }

  /** A request as the signed-in user; signs in again once when the session is gone (401). */
  async request(method: string, path: string, body?: unknown): Promise<Reply> {
    const json = body === undefined ? undefined : JSON.stringify(body);
    const type = body === undefined ? undefined : 'application/json';
    const res = await this.send(method, path, json, type);
    if (res.status !== 401) return res;
    await this.signIn();
    return this.send(method, path, json, type);
  }

  /** A file upload as the browser sends it (multipart/form-data, field `file`). */
  async upload(path: string, fileName: string, type: string, content: Buffer): Promise<Reply> {
    const form = () => {
      const data = new FormData();
      data.append('file', new Blob([new Uint8Array(content)], { type }), fileName);
      return data;
    };
    const res = await this.send('POST', path, form());
    if (res.status !== 401) return res;
    await this.signIn();
    return this.send('POST', path, form());
  }
}
