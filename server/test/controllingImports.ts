/**
 * The import files of controlling-imports tests (docs/controlling-imports.md), with their figures worked out by
 * hand. Bremen is an external region known only from imports; Walle the project site of the cost-benefit check.
 */

/** 2022 by quarters: 4 × 2,500.00 = 10,000.00 ambulant; stationär 100.00 + 200.50 + 300.25 + 400.00 = 1,000.75. */
export const byQuarters = [
  'region,period,metric,value',
  'Bremen,2022-Q1,costs_ambulant,2500.00',
  'Bremen,2022-Q2,costs_ambulant,2500.00',
  'Bremen,2022-Q3,costs_ambulant,2500.00',
  'Bremen,2022-Q4,costs_ambulant,2500.00',
  'Bremen,2022-Q1,costs_stationaer,100.00',
  'Bremen,2022-Q2,costs_stationaer,200.50',
  'Bremen,2022-Q3,costs_stationaer,300.25',
  'Bremen,2022-Q4,costs_stationaer,400.00',
  'Bremen,2022,jew_u21,1000',
  'Walle,2022,costs_ambulant,1000.00',
  'Walle,2023,costs_ambulant,1100.00',
].join('\n');

/** 2023 by months: eleven × 1,000.00 and December 1,000.50 = 12,000.50 ambulant. */
export const byMonths = [
  'region,period,metric,value',
  ...Array.from(
    { length: 12 },
    (_, i) =>
      `Bremen,2023-${String(i + 1).padStart(2, '0')},costs_ambulant,${i === 11 ? '1000.50' : '1000.00'}`,
  ),
  'Bremen,2023,jew_u21,1000',
].join('\n');

/** Stock on the Stichtag 31 Dec 2023: 25 HzE running among 5,000 young inhabitants, 40 + 60 cases. */
export const stichtag = [
  'region,period,metric,value',
  'Hamburg,2023-12-31,measures_active,25',
  'Hamburg,2023-12-31,jew_u21,5000',
  'Hamburg,2023-12-31,cases_kosten,40',
  'Hamburg,2023-12-31,cases_beratung,60',
].join('\n');

/** The year says 1,000.00 but its quarters give 1,001.00 (line 6); Kiel's line would be fine on its own. */
export const inconsistent = [
  'region,period,metric,value',
  'Kiel,2024,jew_u21,777',
  'Bremen,2024-Q1,costs_ambulant,250.00',
  'Bremen,2024-Q2,costs_ambulant,250.00',
  'Bremen,2024-Q3,costs_ambulant,250.00',
  'Bremen,2024,costs_ambulant,1000.00',
  'Bremen,2024-Q4,costs_ambulant,251.00',
].join('\n');
