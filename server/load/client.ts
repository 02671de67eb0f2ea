import http from 'node:http';

/** One HTTP answer as the load test needs it: the status, the parsed body (JSON or none) and the cookie set. */
export interface Answer {
  status: number;
  body: unknown;
  cookie?: string;
}

/**
 * A plain HTTP/1.1 client on keep-alive connections (one per simulated user at most, as a browser tab would hold),
 * with a time limit per request: a request that takes longer counts as an error.
 */
export class Client {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 60_000,
  ) {}

  request(method: string, url: string, headers: Record<string, string>, payload?: unknown): Promise<Answer> {
    const body = payload === undefined ? undefined : JSON.stringify(payload);
    return new Promise((resolve, reject) => {
      const req = http.request(
        `${this.baseUrl}${url}`,
        {
          method,
          agent: this.agent,
          headers: {
            accept: 'application/json',
            ...headers,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          timeout: this.timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            let parsed: unknown = text;
            if ((res.headers['content-type'] ?? '').includes('json') && text) {
              try {
                parsed = JSON.parse(text);
              } catch {
                parsed = text;
              }
            }
            const setCookie = res.headers['set-cookie']?.find((c) => c.startsWith('lt_session='));
            resolve({ status: res.statusCode ?? 0, body: parsed, cookie: setCookie?.split(';')[0] });
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`Zeitüberschreitung nach ${this.timeoutMs} ms`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
