/**
 * The fictional city "Hafenstadt", shaped like Bremen (docs/domain.md, section 1): 6 Sozialzentren,
 * 17 Stadtteilteams, 23 Stadtteile.
 * Each team covers one or two districts; `share` weights each district's young inhabitants (sum 1).
 */
export interface DemoCentre {
  code: string;
  name: string;
  teams: { name: string; districts: { code: string; name: string; share: number; postalCode: string }[] }[];
}

export const demoTenant = { slug: 'hafenstadt', name: 'Amt für Jugend und Familie Hafenstadt (Demo)' };

export const demoCity: DemoCentre[] = [
  {
    code: 'SZ-N',
    name: 'Sozialzentrum Nord',
    teams: [
      {
        name: 'Team Deichhausen',
        districts: [{ code: 'DEI', name: 'Deichhausen', share: 0.052, postalCode: '47711' }],
      },
      {
        name: 'Team Fährkamp',
        districts: [
          { code: 'FAE', name: 'Fährkamp', share: 0.06, postalCode: '47712' },
          { code: 'WEB', name: 'Weserblick', share: 0.05, postalCode: '47715' },
        ],
      },
      {
        name: 'Team Moorwisch',
        districts: [
          { code: 'MOO', name: 'Moorwisch', share: 0.038, postalCode: '47713' },
          { code: 'REI', name: 'Reiherholz', share: 0.02, postalCode: '47714' },
        ],
      },
    ],
  },
  {
    code: 'SZ-W',
    name: 'Sozialzentrum West',
    teams: [
      {
        name: 'Team Kranhafen',
        districts: [{ code: 'KRA', name: 'Kranhafen', share: 0.066, postalCode: '47721' }],
      },
      {
        name: 'Team Lotsenviertel',
        districts: [{ code: 'LOT', name: 'Lotsenviertel', share: 0.05, postalCode: '47722' }],
      },
      {
        name: 'Team Speicherstadt',
        districts: [
          { code: 'SPE', name: 'Speicherstadt', share: 0.034, postalCode: '47723' },
          { code: 'ALT', name: 'Altkai', share: 0.018, postalCode: '47724' },
        ],
      },
    ],
  },
  {
    code: 'SZ-M',
    name: 'Sozialzentrum Mitte',
    teams: [
      {
        name: 'Team Altstadt',
        districts: [
          { code: 'ALS', name: 'Altstadt', share: 0.022, postalCode: '47731' },
          { code: 'WAL', name: 'Wallanlagen', share: 0.024, postalCode: '47732' },
        ],
      },
      {
        name: 'Team Ostertor',
        districts: [{ code: 'SZ-O', name: 'Ostertor', share: 0.04, postalCode: '47733' }],
      },
      {
        name: 'Team Flussbogen',
        districts: [{ code: 'FLU', name: 'Flussbogen', share: 0.044, postalCode: '47734' }],
      },
    ],
  },
  {
    code: 'SZ-S',
    name: 'Sozialzentrum Süd',
    teams: [
      {
        name: 'Team Werderland',
        districts: [
          { code: 'WER', name: 'Werderland', share: 0.05, postalCode: '47741' },
          { code: 'HUC', name: 'Huchtwiese', share: 0.036, postalCode: '47742' },
        ],
      },
      {
        name: 'Team Brückenfeld',
        districts: [{ code: 'BRU', name: 'Brückenfeld', share: 0.058, postalCode: '47743' }],
      },
      {
        name: 'Team Kornmühle',
        districts: [{ code: 'KOR', name: 'Kornmühle', share: 0.046, postalCode: '47744' }],
      },
    ],
  },
  {
    code: 'OST',
    name: 'Sozialzentrum Ost',
    teams: [
      {
        name: 'Team Lindenhöhe',
        districts: [
          { code: 'LIN', name: 'Lindenhöhe', share: 0.04, postalCode: '47751' },
          { code: 'BIR', name: 'Birkenau', share: 0.03, postalCode: '47752' },
        ],
      },
      {
        name: 'Team Sandkamp',
        districts: [{ code: 'SAN', name: 'Sandkamp', share: 0.056, postalCode: '47753' }],
      },
      {
        name: 'Team Eichenried',
        districts: [{ code: 'EIC', name: 'Eichenried', share: 0.042, postalCode: '47754' }],
      },
    ],
  },
  {
    code: 'SZ-SO',
    name: 'Sozialzentrum Südost',
    teams: [
      {
        name: 'Team Hafenmark',
        districts: [{ code: 'HAF', name: 'Hafenmark', share: 0.062, postalCode: '47761' }],
      },
      {
        name: 'Team Wiesengrund',
        districts: [{ code: 'WIE', name: 'Wiesengrund', share: 0.062, postalCode: '47762' }],
      },
    ],
  },
];

export const streetStems = [
  'Ahorn',
  'Anker',
  'Birken',
  'Bojen',
  'Buchen',
  'Dünen',
  'Eichen',
  'Erlen',
  'Fischer',
  'Flieder',
  'Gezeiten',
  'Hafer',
  'Holunder',
  'Kapitäns',
  'Kiefern',
  'Kogge',
  'Kompass',
  'Leuchtfeuer',
  'Linden',
  'Lotsen',
  'Möwen',
  'Muschel',
  'Netz',
  'Pappel',
  'Reeder',
  'Ruder',
  'Schleusen',
  'Segel',
  'Steuermann',
  'Tau',
  'Ulmen',
  'Weiden',
] as const;
export const streetKinds = ['straße', 'weg', 'allee', 'ring', 'gang', 'damm', 'platz', 'stieg'] as const;

/** Visibly fictional staff names. */
export const firstNames = [
  'Anna',
  'Ben',
  'Clara',
  'Deniz',
  'Elif',
  'Finn',
  'Greta',
  'Hanna',
  'Ilias',
  'Jana',
  'Kemal',
  'Lena',
  'Mia',
  'Noah',
  'Ole',
  'Paula',
  'Quirin',
  'Rana',
  'Sven',
  'Tara',
  'Ute',
  'Vera',
  'Wiebke',
  'Yusuf',
  'Zoe',
] as const;
export const lastNames = [
  'Musterfrau',
  'Mustermann',
  'Beispiel',
  'Exempel',
  'Platzhalter',
  'Probe',
  'Vorlage',
  'Entwurf',
  'Modell',
  'Skizze',
  'Erfunden',
  'Attrappe',
  'Fiktiv',
  'Schablone',
  'Testweg',
  'Demofeld',
] as const;

export const jewAgeBands = [
  { band: '0-5', share: 0.3 },
  { band: '6-9', share: 0.19 },
  { band: '10-13', share: 0.19 },
  { band: '14-17', share: 0.18 },
  { band: '18-20', share: 0.14 },
] as const;

export const firstPopulationYear = 2011;
