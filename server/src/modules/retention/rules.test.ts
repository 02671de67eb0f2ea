import { describe, expect, it } from 'vitest';
import {
  type RetentionFacts,
  retainUntil,
  retentionClassOf,
  retentionStateOf,
  retentionYears,
} from './rules.ts';

const closed: RetentionFacts = {
  status: 'abgeschlossen',
  closedOn: '2020-03-15',
  hasLongHelp: false,
  longBirthDate: null,
  longBirthUnknown: false,
  hasProtection: false,
};
const years = retentionYears(null);

describe('retention rules', () => {
  it('keeps a counselling file to the end of the fifth year after its closing year by default', () => {
    expect(retentionClassOf(closed)).toBe('sonstige');
    expect(retainUntil(closed, years)).toBe('2025-12-31');
    expect(retentionStateOf(closed, null, years, '2025-12-31')).toBe('aufzubewahren');
    expect(retentionStateOf(closed, null, years, '2026-01-01')).toBe('faellig');
  });

  it('keeps a file with a § 8a check ten years after its closing year', () => {
    const f = { ...closed, hasProtection: true };
    expect(retentionClassOf(f)).toBe('kinderschutz');
    expect(retainUntil(f, years)).toBe('2030-12-31');
  });

  it('keeps help for education until 70 years after the 30th birthday (§ 9b SGB VIII), also over a § 8a check', () => {
    const f = { ...closed, hasLongHelp: true, hasProtection: true, longBirthDate: '2012-02-29' };
    expect(retentionClassOf(f)).toBe('langfristig');
    // 2012-02-29 + 100 years is 2112-02-29 (a leap year); kept until the day before.
    expect(retainUntil(f, years)).toBe('2112-02-28');
    expect(retainUntil({ ...f, longBirthDate: '2013-05-17' }, years)).toBe('2113-05-16');
  });

  it('never makes a file due while it is open or when the birth date the long rule needs is unknown', () => {
    expect(retainUntil({ ...closed, status: 'offen', closedOn: null }, years)).toBeNull();
    const unknown = { ...closed, hasLongHelp: true, longBirthUnknown: true, longBirthDate: '2010-01-01' };
    expect(retainUntil(unknown, years)).toBeNull();
    expect(retentionStateOf(unknown, null, years, '2300-01-01')).toBe('aufzubewahren');
  });

  it('follows configured years and lets a stored step win over the dates', () => {
    const short = retentionYears([{ recordClass: 'sonstige', years: 1 }]);
    expect(retainUntil(closed, short)).toBe('2021-12-31');
    expect(short.langfristig).toBe(70);
    expect(retentionStateOf(closed, 'gesperrt', short, '2030-01-01')).toBe('gesperrt');
    expect(retentionStateOf(closed, 'vorgeschlagen', short, '2030-01-01')).toBe('vorgeschlagen');
    expect(retentionStateOf(closed, 'geloescht', short, '2030-01-01')).toBe('geloescht');
  });
});
