import { addDays, dateBetween, FIRST_DAY, LAST_DAY } from './calendar';
import type { Geography } from './geography';
import type { Partnership } from './partnerships';
import type { Random } from './random';
import type { Cell } from './tables';

export const STORY_COLUMNS = [
  'id',
  'title',
  'summary',
  'region_code',
  'country_iso3',
  'partnership_id',
  'story_date',
] as const;

interface StoryFacts {
  partner: string;
  place: string;
  figure: string;
  year: string;
}

type Template = (facts: StoryFacts) => [title: string, summary: string];

const STORIES: Record<string, Template> = {
  IMP_NUTRITION: (f) => [
    `Fortified food for ${f.figure} children in ${f.place}`,
    `With ${f.partner}, the team in ${f.place} brought fortified food to ${f.figure} children under five through the ${f.year} lean season.`,
  ],
  IMP_EMERGENCY: (f) => [
    `${f.partner} keeps trucks moving in ${f.place}`,
    `When roads flooded in ${f.year}, ${f.partner} lent trucks and drivers that moved ${f.figure} tonnes of food to cut-off communities in ${f.place}.`,
  ],
  IMP_RESILIENCE: (f) => [
    `${f.figure} farmers sell to new buyers in ${f.place}`,
    `Training and purchase agreements arranged with ${f.partner} let ${f.figure} smallholder farmers in ${f.place} sell their ${f.year} harvest at a fair price.`,
  ],
  INN_TECHNOLOGY: (f) => [
    `Digital payments reach ${f.figure} families in ${f.place}`,
    `Engineers from ${f.partner} helped set up mobile payments, so ${f.figure} families in ${f.place} received their transfers on time in ${f.year}.`,
  ],
  INN_SHARED_VALUE: (f) => [
    `A shared-value model with ${f.partner}`,
    `${f.partner} now sources from ${f.figure} local suppliers in ${f.place}: a business that pays for itself and supports the people we serve.`,
  ],
  INC_INDIVIDUAL: (f) => [
    `${f.figure} new monthly donors in ${f.year}`,
    `A year-end campaign run with ${f.partner} brought ${f.figure} new monthly donors, the strongest December yet for ${f.place}.`,
  ],
};

const GENERIC: Template = (f) => [
  `${f.partner} doubles down in ${f.place}`,
  `After a first year of working together, ${f.partner} renewed its commitment in ${f.place} in ${f.year}, with ${f.figure} people set to benefit.`,
];

const withThousands = (value: number) => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Three to five stories per region, each about one of its partnerships that has started. */
export function generateStories(rng: Random, geography: Geography, partnerships: Partnership[]): Cell[][] {
  const rows: Cell[][] = [];
  for (const region of geography.regionCodes) {
    const started = partnerships.filter(
      (partnership) =>
        partnership.regionCode === region && partnership.status !== 'PLANNED' && partnership.startDate <= LAST_DAY,
    );
    const chosen = rng.shuffle(started).slice(0, rng.int(3, 5));
    for (const partnership of chosen) {
      const from = addDays(partnership.startDate > FIRST_DAY ? partnership.startDate : FIRST_DAY, 30);
      const end = partnership.endDate !== null && partnership.endDate < LAST_DAY ? partnership.endDate : LAST_DAY;
      const date = from <= end ? dateBetween(rng.int.bind(rng), from, end) : end;
      const own = partnership.countryIso3;
      const country = own !== null && geography.belongsOn(own, region, date) ? own : null;
      const template = STORIES[partnership.objectiveCode] ?? GENERIC;
      const [title, summary] = template({
        partner: partnership.partner.name,
        place: geography.placeName(country ?? region),
        figure: withThousands(Math.round(rng.logNormal(2_500, 1)) + 50),
        year: date.slice(0, 4),
      });
      rows.push([rows.length + 1, title, summary, region, country, partnership.id, date]);
    }
  }
  return rows;
}
