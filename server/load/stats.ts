/** Times and errors of the requests made in the measured window, per request type. */
export class Recorder {
  private readonly times = new Map<string, number[]>();
  private readonly errors = new Map<string, number>();
  /** The first few error answers, to show what went wrong (ids and statuses only, no personal data). */
  readonly samples: string[] = [];
  open = false;

  /** `counted`: whether the window was open when the request started (it counts even when it ends after). */
  record(type: string, ms: number, ok: boolean, detail: string, counted: boolean): void {
    if (!counted) return;
    if (!this.times.has(type)) this.times.set(type, []);
    this.times.get(type)?.push(ms);
    if (!ok) {
      this.errors.set(type, (this.errors.get(type) ?? 0) + 1);
      if (this.samples.length < 5) this.samples.push(`${type}: ${detail}`);
    }
  }

  summarise(seconds: number, types: string[]): Line[] {
    const lines = types
      .filter((t) => this.times.has(t))
      .map((t) => line(t, this.times.get(t) ?? [], this.errors.get(t) ?? 0, seconds));
    const all = [...this.times.values()].flat();
    const errors = [...this.errors.values()].reduce((a, b) => a + b, 0);
    lines.push(line('all', all, errors, seconds));
    return lines;
  }
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
  errorSamples: string[];
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
  const samples = result.errorSamples.map((s) => `  Fehler: ${s}`);
  return [
    head,
    `${'request'.padEnd(14)} ${'count'.padStart(7)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'max ms'.padStart(7)} ${'errors'.padStart(6)}`,
    ...rows,
    ...samples,
  ].join('\n');
}
