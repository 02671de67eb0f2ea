/**
 * The Hilfeart catalogue (docs/domain.md, section 3), as each new Jugendamt starts with it. Admins maintain
 * it afterwards (versioned by validity dates). `categoryRule`: fixed category, chosen per measure (§ 35,
 * § 35a), or that of the underlying help (§ 41).
 */
export const defaultHelpTypes = [
  {
    code: '27.2',
    name: 'Flexible / alternative Einzelfallhilfe',
    paragraph: '§ 27 Abs. 2',
    categoryRule: 'ambulant',
    isHze: true,
  },
  { code: '28', name: 'Erziehungsberatung', paragraph: '§ 28', categoryRule: 'ambulant', isHze: true },
  { code: '29', name: 'Soziale Gruppenarbeit', paragraph: '§ 29', categoryRule: 'ambulant', isHze: true },
  {
    code: '30',
    name: 'Erziehungsbeistand / Betreuungshelfer',
    paragraph: '§ 30',
    categoryRule: 'ambulant',
    isHze: true,
  },
  {
    code: '31',
    name: 'Sozialpädagogische Familienhilfe (SpFH)',
    paragraph: '§ 31',
    categoryRule: 'ambulant',
    isHze: true,
  },
  { code: '32', name: 'Tagesgruppe', paragraph: '§ 32', categoryRule: 'teilstationaer', isHze: true },
  { code: '33', name: 'Vollzeitpflege', paragraph: '§ 33', categoryRule: 'stationaer', isHze: true },
  {
    code: '34',
    name: 'Heimerziehung / betreutes Wohnen',
    paragraph: '§ 34',
    categoryRule: 'stationaer',
    isHze: true,
  },
  {
    code: '35',
    name: 'Intensive sozialpädagogische Einzelbetreuung',
    paragraph: '§ 35',
    categoryRule: 'per_measure',
    isHze: true,
  },
  {
    code: '35a',
    name: 'Eingliederungshilfe (inkl. Schulbegleitung)',
    paragraph: '§ 35a',
    categoryRule: 'per_measure',
    isHze: true,
  },
  {
    code: '41',
    name: 'Hilfe für junge Volljährige',
    paragraph: '§ 41',
    categoryRule: 'underlying',
    isHze: true,
  },
  {
    code: '19',
    name: 'Gemeinsame Wohnform für Mütter/Väter und Kinder',
    paragraph: '§ 19',
    categoryRule: 'stationaer',
    isHze: false,
  },
  { code: '42', name: 'Inobhutnahme', paragraph: '§ 42', categoryRule: 'sonstige', isHze: false },
] as const;
