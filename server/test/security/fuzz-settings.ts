/**
 * Short mode (CI=true or SECURITY_MODE=short, and the default): a few runs per operation. Full mode
 * (SECURITY_MODE=full): 100 runs per operation. SECURITY_RUNS overrides both; SECURITY_SEED repeats a run.
 */
const full = process.env.SECURITY_MODE === 'full' && process.env.CI !== 'true';
const runs = Number(process.env.SECURITY_RUNS) || (full ? 100 : 3);
const seed = Number(process.env.SECURITY_SEED) || Math.floor(Math.random() * 2 ** 31);

export const fuzzSettings = { mode: full ? 'full' : 'short', runs, seed } as const;

/** The seed of one operation's property: the run's seed and the operation, so each can be repeated alone. */
export function seedOf(operation: string): number {
  let hash = fuzzSettings.seed;
  for (const char of operation) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

/** Figures of a run, printed at its end (docs/security.md quotes them). */
export const fuzzStats = {
  started: Date.now(),
  runs: 0,
  requests: 0,
  byClass: {} as Record<string, number>,
  count(status: number) {
    this.requests++;
    const cls = `${Math.floor(status / 100)}xx`;
    this.byClass[cls] = (this.byClass[cls] ?? 0) + 1;
  },
  line(what: string) {
    const seconds = Math.round((Date.now() - this.started) / 1000);
    return `${what}: ${this.runs} runs, ${this.requests} requests ${JSON.stringify(this.byClass)}, ${seconds} s`;
  },
  report(what: string) {
    const seconds = Math.round((Date.now() - this.started) / 1000);
    console.log(
      `[security] ${what}: mode ${fuzzSettings.mode}, seed ${fuzzSettings.seed}, ${this.runs} runs, ${this.requests} requests (${JSON.stringify(this.byClass)}), ${seconds} s, database ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`,
    );
  },
};
