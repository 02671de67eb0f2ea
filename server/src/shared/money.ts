/**
 * Exact money arithmetic. Amounts are decimal strings ("1234.56") at the edges; inside, a cost is a fraction of
 * BigInts, so that rate × hours / 7 and rate / days-in-month stay exact until the one rounding to the cent.
 */
export class Fraction {
  readonly n: bigint;
  readonly d: bigint;

  constructor(n: bigint, d = 1n) {
    if (d === 0n) throw new Error('division by zero');
    const sign = d < 0n ? -1n : 1n;
    const g = gcd(n < 0n ? -n : n, d < 0n ? -d : d) || 1n;
    this.n = (sign * n) / g;
    this.d = (sign * d) / g;
  }

  static readonly zero = new Fraction(0n);

  /** Parses "12", "12.5", "-0.07"; anything else throws. */
  static parse(decimal: string): Fraction {
    const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal.trim());
    if (!m) throw new Error(`not a decimal: ${decimal}`);
    const fraction = m[3] ?? '';
    const n = BigInt(`${m[2]}${fraction}`) * (m[1] ? -1n : 1n);
    return new Fraction(n, 10n ** BigInt(fraction.length));
  }

  static int(value: number): Fraction {
    return new Fraction(BigInt(value));
  }

  add(o: Fraction): Fraction {
    return new Fraction(this.n * o.d + o.n * this.d, this.d * o.d);
  }

  sub(o: Fraction): Fraction {
    return new Fraction(this.n * o.d - o.n * this.d, this.d * o.d);
  }

  mul(o: Fraction): Fraction {
    return new Fraction(this.n * o.n, this.d * o.d);
  }

  div(o: Fraction): Fraction {
    return new Fraction(this.n * o.d, this.d * o.n);
  }

  isNegative(): boolean {
    return this.n < 0n;
  }

  /** Rounds half away from zero (kaufmännisch) to whole cents. */
  toCents(): bigint {
    const abs = this.n < 0n ? -this.n : this.n;
    const cents = (abs * 200n + this.d) / (2n * this.d);
    return this.n < 0n ? -cents : cents;
  }

  /** "1234.57": rounded half-up to the cent. */
  toMoney(): string {
    return centsToMoney(this.toCents());
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a;
}

export function centsToMoney(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

export function moneyToCents(amount: string): bigint {
  return Fraction.parse(amount).toCents();
}

/** Sums decimal strings exactly. */
export function sumMoney(amounts: readonly string[]): string {
  return centsToMoney(amounts.reduce((sum, a) => sum + moneyToCents(a), 0n));
}
