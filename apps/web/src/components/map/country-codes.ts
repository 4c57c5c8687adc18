/**
 * ISO 3166-1 alpha-3 codes (what the API calls countries by) and numeric codes (what the world
 * atlas calls its shapes by), for the country offices of the six bureaux
 * (packages/db/src/reference/regions.json). Small islands the 110m atlas leaves out have a code
 * but no shape: the map skips them.
 */
export const NUMERIC_BY_ISO3: Readonly<Record<string, string>> = {
  // RBB
  AFG: '004', // Afghanistan
  BGD: '050', // Bangladesh
  BTN: '064', // Bhutan
  KHM: '116', // Cambodia
  CHN: '156', // China
  PRK: '408', // Democratic People's Republic of Korea
  IND: '356', // India
  IDN: '360', // Indonesia
  LAO: '418', // Lao People's Democratic Republic
  MMR: '104', // Myanmar
  NPL: '524', // Nepal
  PAK: '586', // Pakistan
  PHL: '608', // Philippines
  LKA: '144', // Sri Lanka
  TLS: '626', // Timor-Leste
  FJI: '242', // Fiji
  COK: '184', // Cook Islands
  FSM: '583', // Micronesia (Federated States of)
  KIR: '296', // Kiribati
  MHL: '584', // Marshall Islands
  NRU: '520', // Nauru
  NIU: '570', // Niue
  PLW: '585', // Palau
  WSM: '882', // Samoa
  SLB: '090', // Solomon Islands
  TKL: '772', // Tokelau
  TON: '776', // Tonga
  TUV: '798', // Tuvalu
  VUT: '548', // Vanuatu
  PNG: '598', // Papua New Guinea
  // RBC
  DZA: '012', // Algeria
  ARM: '051', // Armenia
  EGY: '818', // Egypt
  IRN: '364', // Iran (Islamic Republic of)
  IRQ: '368', // Iraq
  JOR: '400', // Jordan
  KGZ: '417', // Kyrgyzstan
  LBN: '422', // Lebanon
  LBY: '434', // Libya
  PSE: '275', // State of Palestine
  SYR: '760', // Syrian Arab Republic
  TJK: '762', // Tajikistan
  TUN: '788', // Tunisia
  TUR: '792', // Turkey
  YEM: '887', // Yemen
  MAR: '504', // Morocco
  // RBD
  BEN: '204', // Benin
  BFA: '854', // Burkina Faso
  CMR: '120', // Cameroon
  CAF: '140', // Central African Republic
  TCD: '148', // Chad
  CIV: '384', // Cote d'Ivoire
  GMB: '270', // Gambia
  GHA: '288', // Ghana
  GIN: '324', // Guinea
  GNB: '624', // Guinea-Bissau
  LBR: '430', // Liberia
  MLI: '466', // Mali
  MRT: '478', // Mauritania
  NER: '562', // Niger
  NGA: '566', // Nigeria
  STP: '678', // Sao Tome and Principe
  SEN: '686', // Senegal
  SLE: '694', // Sierra Leone
  TGO: '768', // Togo
  // RBJ
  AGO: '024', // Angola
  COD: '180', // Democratic Republic of the Congo
  SWZ: '748', // Eswatini
  LSO: '426', // Lesotho
  MDG: '450', // Madagascar
  MWI: '454', // Malawi
  MOZ: '508', // Mozambique
  NAM: '516', // Namibia
  COG: '178', // Congo (Republic of the)
  TZA: '834', // United Republic of Tanzania
  ZMB: '894', // Zambia
  ZWE: '716', // Zimbabwe
  // RBN
  BDI: '108', // Burundi
  DJI: '262', // Djibouti
  ERI: '232', // Eritrea
  ETH: '231', // Ethiopia
  KEN: '404', // Kenya
  RWA: '646', // Rwanda
  SOM: '706', // Somalia
  SSD: '728', // South Sudan
  SDN: '729', // Sudan
  UGA: '800', // Uganda
  // RBP
  BOL: '068', // Bolivia (Plurinational State of)
  COL: '170', // Colombia
  CUB: '192', // Cuba
  DOM: '214', // Dominican Republic
  ECU: '218', // Ecuador
  SLV: '222', // El Salvador
  GTM: '320', // Guatemala
  HTI: '332', // Haiti
  HND: '340', // Honduras
  NIC: '558', // Nicaragua
  PER: '604', // Peru
  VEN: '862', // Venezuela (Bolivarian Republic of)
  BRB: '052', // Barbados
  AIA: '660', // Anguilla
  ATG: '028', // Antigua and Barbuda
  ABW: '533', // Aruba
  BHS: '044', // Bahamas
  BLZ: '084', // Belize
  BMU: '060', // Bermuda
  VGB: '092', // British Virgin Islands
  CYM: '136', // Cayman Islands
  CUW: '531', // Curacao
  DMA: '212', // Dominica
  GRD: '308', // Grenada
  GUY: '328', // Guyana
  JAM: '388', // Jamaica
  MSR: '500', // Montserrat
  LCA: '662', // Saint Lucia
  KNA: '659', // Saint Kitts and Nevis
  VCT: '670', // Saint Vincent and the Grenadines
  SXM: '534', // Sint Maarten
  SUR: '740', // Suriname
  TTO: '780', // Trinidad and Tobago
  TCA: '796', // Turks and Caicos Islands
};

const ISO3_BY_NUMERIC: ReadonlyMap<string, string> = new Map(
  Object.entries(NUMERIC_BY_ISO3).map(([iso3, numeric]) => [numeric, iso3]),
);

/** The atlas id of a country (`KEN` → `"404"`), or null for a country outside the table. */
export function numericCodeOf(iso3: string): string | null {
  return NUMERIC_BY_ISO3[iso3.toUpperCase()] ?? null;
}

/** The ISO3 code of an atlas shape (`"404"` → `KEN`), or null for a country without an office. */
export function iso3Of(numericCode: string | number | undefined): string | null {
  if (numericCode === undefined) return null;
  return ISO3_BY_NUMERIC.get(String(numericCode).padStart(3, '0')) ?? null;
}
