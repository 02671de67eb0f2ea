import { describe, expect, it } from 'vitest';
import { money } from './format.ts';
import { classify } from './mapClasses.ts';

describe('map classes', () => {
  it('keeps the items at both ends of a class, so a legend labels money from its exact string', () => {
    const districts = ['10.10', '20.20', '30.30', '40.40', '50.50', '60.60', null].map((perJew, i) => ({
      code: `D${i}`,
      perJew,
    }));
    const { classes, classOf } = classify(districts, (d) => (d.perJew === null ? null : Number(d.perJew)));
    expect(classes).toHaveLength(5);
    expect(classes.map((c) => `${money(c.first.perJew)} bis ${money(c.last.perJew)}`)).toEqual([
      '10,10 € bis 10,10 €',
      '20,20 € bis 20,20 €',
      '30,30 € bis 30,30 €',
      '40,40 € bis 40,40 €',
      '50,50 € bis 60,60 €',
    ]);
    expect(classes.reduce((n, c) => n + c.count, 0)).toBe(6);
    expect(classOf(districts[6] as (typeof districts)[number])).toBeNull();
  });
});
