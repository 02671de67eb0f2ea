import { compareMoney, formatMoney } from '@leuchtturm/shared';
import { describe, expect, it } from 'vitest';
import { classify } from './mapClasses.ts';

const NBSP = '\u00a0';

describe('map classes', () => {
  it('keeps the items at both ends of a class, so a legend labels money from its exact string', () => {
    const districts = ['10.10', '20.20', '30.30', '40.40', '50.50', '60.60', null].map((perJew, i) => ({
      code: `D${i}`,
      perJew,
    }));
    const { classes, classOf, missing } = classify(districts, (d) => d.perJew, compareMoney);
    expect(classes).toHaveLength(5);
    expect(classes.map((c) => `${formatMoney(c.first.perJew)} bis ${formatMoney(c.last.perJew)}`)).toEqual([
      `10,10${NBSP}€ bis 10,10${NBSP}€`,
      `20,20${NBSP}€ bis 20,20${NBSP}€`,
      `30,30${NBSP}€ bis 30,30${NBSP}€`,
      `40,40${NBSP}€ bis 40,40${NBSP}€`,
      `50,50${NBSP}€ bis 60,60${NBSP}€`,
    ]);
    expect(classes.reduce((n, c) => n + c.count, 0)).toBe(6);
    expect(missing).toBe(1);
    expect(classOf(districts[6] as (typeof districts)[number])).toBeNull();
  });

  it('compares money exactly: amounts written differently are one value, a cent apart are two', () => {
    const amounts = ['100.1', '100.10', '100.11', '99.99'].map((perJew) => ({ perJew }));
    const { classes } = classify(amounts, (d) => d.perJew, compareMoney);
    expect(classes.map((c) => [c.min, c.max, c.count])).toEqual([
      ['99.99', '99.99', 1],
      ['100.1', '100.1', 2],
      ['100.11', '100.11', 1],
    ]);
  });

  it('classes numbers by their difference', () => {
    const { classes } = classify(
      [3, 1, 2, 2],
      (n) => n,
      (a, b) => a - b,
    );
    expect(classes.map((c) => [c.min, c.max, c.count])).toEqual([
      [1, 1, 1],
      [2, 2, 2],
      [3, 3, 1],
    ]);
  });
});
