import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db.ts';
import { generateDemoData } from '../demo/generator.ts';
import { stichtag } from './figures.ts';
import { resolveRegion } from './regions.ts';
import { quarterly } from './series.ts';

describe('quarterly series', () => {
  it('agrees with the Stichtag figures computed one date at a time', async () => {
    const { db } = await testDatabase();
    const demo = await generateDemoData(db, {
      scale: 'small',
      password: 'serien-passwort',
      slug: `serie-${randomUUID().slice(0, 8)}`,
    });
    for (const key of ['stadt', 'DEI']) {
      const region = await resolveRegion(db, demo.tenantId, key);
      const series = await quarterly(db, demo.tenantId, region, 2019, 2025);
      for (const point of series.filter((_, i) => i % 5 === 0)) {
        const day = await stichtag(db, demo.tenantId, region, point.date);
        expect({ key, ...point }).toMatchObject({
          key,
          date: day.date,
          casesActive: day.cases.active,
          casesKosten: day.cases.kosten,
          casesBeratung: day.cases.beratung,
          ambulant: day.measures.ambulant,
          stationaer: day.measures.stationaer,
          hze: day.measures.hze,
        });
      }
    }
  }, 120_000);
});
