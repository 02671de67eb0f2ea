/**
 * Times and errors of the load test's requests, per request type. Times count for the requests started in the
 * measured window; errors count everywhere (the warm-up and the closing check too), each type keeping its first
 * message, so that a failure outside the window still fails the run and says what went wrong.
 */
export class Recorder {
  private readonly times = new Map<string, number[]>();
  private readonly errors = new Map<string, { inWindow: number; outside: number; first: string }>();
  open = false;

  /** `counted`: whether the window was open when the request started (it counts even when it ends after). */
  record(type: string, ms: number, ok: boolean, detail: string, counted: boolean): void {
    if (counted) {
      if (!this.times.has(type)) this.times.set(type, []);
      this.times.get(type)?.push(ms);
    }
    if (ok) return;
    const entry = this.errors.get(type) ?? { inWindow: 0, outside: 0, first: detail };
    if (counted) entry.inWindow++;
    else entry.outside++;
    this.errors.set(type, entry);
  }

  summarise(seconds: number, types: string[]): Line[] {
    const lines = types
      .filter((t) => this.times.has(t))
      .map((t) => line(t, this.times.get(t) ?? [], this.errors.get(t)?.inWindow ?? 0, seconds));
    const all = [...this.times.values()].flat();
    const errors = [...this.errors.values()].reduce((a, b) => a + b.inWindow, 0);
    lines.push(line('all', all, errors, seconds));
    return lines;
  }

  /** The errors by request type in the order of `types`, with the first message of each (ids and statuses only). */
  errorsByType(types: string[]): ErrorEntry[] {
    return [...this.errors.entries()]
      .sort(([a], [b]) => types.indexOf(a) - types.indexOf(b))
      .map(([type, e]) => ({ type, ...e }));
  }
}

export interface ErrorEntry {
  type: string;
  /** Errors of requests started in the measured window (the `errors` column). */
  inWindow: number;
  /** Errors before the window (warm-up) or after it (the closing check of every request type). */
  outside: number;
  first: string;
}

/** Every error of a run, in the window or outside it: any one fails the run. */
export function errorCount(result: Pick<RunResult, 'errors'>): number {
  return result.errors.reduce((sum, e) => sum + e.inWindow + e.outside, 0);
}

export interface Line {
  type: string;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
}

function line(type: string, times: number[], errors: number, seconds: number): Line {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)] ?? 0;
  return {
    type,
    requests: sorted.length,
    perSecond: sorted.length / seconds,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted[sorted.length - 1] ?? 0,
    errors,
  };
}

export interface RunResult {
  database: 'postgres' | 'pglite';
  mode: 'users' | 'closed';
  /** Simulated users (think time) or connections (closed loop). */
  load: number;
  seconds: number;
  signInSeconds: number;
  /** CPU the server process used during the window, in cores (1.0 = one core busy all the time). */
  serverCores: number;
  /** Share of the machine's CPU busy during the window (all processes: server, database, load generator, others). */
  machineBusy: number;
  lines: Line[];
  errors: ErrorEntry[];
}

const ms = (v: number) => (v >= 10_000 ? `${(v / 1000).toFixed(1)}s` : v.toFixed(v < 10 ? 1 : 0)).padStart(7);

export function table(result: RunResult): string {
  const what =
    result.mode === 'users' ? `${result.load} Nutzer` : `geschlossene Schleife, ${result.load} Verbindungen`;
  const head = `${result.database}, ${what}, ${result.seconds} s (Anmeldung ${result.signInSeconds.toFixed(0)} s; Server ${result.serverCores.toFixed(2)} Kerne, Rechner ${(result.machineBusy * 100).toFixed(0)} % belegt)`;
  const rows = result.lines.map(
    (l) =>
      `${l.type.padEnd(14)} ${String(l.requests).padStart(7)} ${l.perSecond.toFixed(1).padStart(7)} ${ms(l.p50)} ${ms(l.p95)} ${ms(l.p99)} ${ms(l.max)} ${String(l.errors).padStart(6)}`,
  );
  const samples = result.errors.map(
    (e) => `  Fehler ${e.type}: ${e.inWindow} im Fenster, ${e.outside} außerhalb; zuerst: ${e.first}`,
  );
  return [
    head,
    `${'request'.padEnd(14)} ${'count'.padStart(7)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'max ms'.padStart(7)} ${'errors'.padStart(6)}`,
    ...rows,
    ...samples,
  ].join('\n');
}
