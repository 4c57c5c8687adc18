import { OBJECTIVES } from '@panorama/db';
import type { ContributionKind, IncomeStream } from '@panorama/db/schema';
import { dollarsToCents } from './money';
import type { Partner } from './partners';
import type { Partnership } from './partnerships';
import type { Random, Weighted } from './random';

/** The size of one gift: a log-normal body and, sometimes, a Pareto tail of very large gifts. */
interface GiftSize {
  median: number;
  sigma: number;
  /** Chance that a gift is drawn from the tail instead. */
  tailChance: number;
  tailFrom: number;
  tailAlpha: number;
  max: number;
  /** Amounts people like to give, drawn to often. */
  roundTo: number;
}

const size = (median: number, sigma: number, max: number, roundTo: number, tail?: [number, number, number]) => ({
  median,
  sigma,
  max,
  roundTo,
  tailChance: tail?.[0] ?? 0,
  tailFrom: tail?.[1] ?? 0,
  tailAlpha: tail?.[2] ?? 2,
});

const PUBLIC_GIFT = size(35, 1, 25_000, 5);
const ASSOCIATION_TRANSFER = size(12_000, 1.1, 2_000_000, 100);
const COMPANY_GIFT = size(8_000, 1.5, 40_000_000, 100, [0.002, 1_000_000, 1.6]);
const SPONSOR_GIFT = size(5_000, 1, 500_000, 100);
const FOUNDATION_GRANT = size(50_000, 1.1, 10_000_000, 1_000);
const PHILANTHROPIST_GIFT = size(5_000, 1.4, 5_000_000, 500, [0.01, 100_000, 1.5]);

function giftSize(partner: Partner, stream: IncomeStream): GiftSize {
  switch (stream) {
    case 'INDIVIDUAL_GIVING':
      return partner.type === 'ASSOCIATION' ? ASSOCIATION_TRANSFER : PUBLIC_GIFT;
    case 'CORPORATE':
      return partner.type === 'CORPORATION' ? COMPANY_GIFT : SPONSOR_GIFT;
    case 'FOUNDATION':
      return FOUNDATION_GRANT;
    case 'HNWI':
      return PHILANTHROPIST_GIFT;
  }
}

/** Yearly price drift of gift sizes. */
const GIFT_INFLATION = 0.03;

/** Amount of a gift in cents. */
export function giftCents(
  rng: Random,
  partner: Partner,
  stream: IncomeStream,
  kind: ContributionKind,
  yearIndex: number,
): number {
  const shape = giftSize(partner, stream);
  const scale = partner.sizeFactor * (1 + GIFT_INFLATION) ** yearIndex * (kind === 'IN_KIND' ? 2.5 : 1);
  let dollars =
    shape.tailChance > 0 && rng.chance(shape.tailChance)
      ? rng.pareto(shape.tailFrom, shape.tailAlpha)
      : rng.logNormal(shape.median, shape.sigma) * scale;
  dollars = Math.min(Math.max(dollars, 1), shape.max);
  if (dollars > shape.roundTo * 2 && rng.chance(0.5))
    return dollarsToCents(Math.round(dollars / shape.roundTo) * shape.roundTo);
  return dollarsToCents(dollars);
}

/** The income stream of a gift: the partner's own, except a few sponsorships via channels and associations. */
export function giftStream(rng: Random, partner: Partner): IncomeStream {
  if (partner.type === 'GIVING_CHANNEL') return rng.chance(0.005) ? 'CORPORATE' : 'INDIVIDUAL_GIVING';
  if (partner.type === 'ASSOCIATION') {
    const draw = rng.float();
    if (draw < 0.08) return 'CORPORATE';
    if (draw < 0.12) return 'FOUNDATION';
    return 'INDIVIDUAL_GIVING';
  }
  return partner.stream;
}

const IN_KIND_SHARE: Record<IncomeStream, number> = {
  CORPORATE: 0.12,
  FOUNDATION: 0.01,
  HNWI: 0.005,
  INDIVIDUAL_GIVING: 0.002,
};

/** Cash or in-kind: in-kind mostly from companies and in-kind partnerships. */
export function giftKind(rng: Random, stream: IncomeStream, partnership: Partnership | null): ContributionKind {
  let share = IN_KIND_SHARE[stream];
  if (partnership?.modality === 'IN_KIND') share = 0.9;
  else if (partnership?.modality === 'TECHNICAL_EXPERTISE') share = 0.5;
  else if (partnership?.modality === 'SHARED_VALUE') share = 0.2;
  return rng.chance(share) ? 'IN_KIND' : 'CASH';
}

const known = new Set(OBJECTIVES.map((objective) => objective.code));
const objectives = (entries: Weighted<string>): Weighted<string> => {
  const kept = entries.filter(([code]) => known.has(code));
  return kept.length > 0 ? kept : OBJECTIVES.map((objective) => [objective.code, 1] as const);
};

const OBJECTIVES_BY_STREAM: Record<IncomeStream, Weighted<string>> = {
  INDIVIDUAL_GIVING: objectives([
    ['INC_INDIVIDUAL', 6],
    ['IMP_EMERGENCY', 2],
    ['INC_GROWTH', 1],
    ['IMP_NUTRITION', 1],
  ]),
  CORPORATE: objectives([
    ['INC_GROWTH', 4],
    ['INC_FLEXIBLE', 1],
    ['IMP_EMERGENCY', 1.5],
    ['IMP_NUTRITION', 1],
    ['IMP_RESILIENCE', 1],
    ['INN_TECHNOLOGY', 0.5],
  ]),
  FOUNDATION: objectives([
    ['INC_FLEXIBLE', 3],
    ['INC_GROWTH', 1],
    ['IMP_NUTRITION', 1.5],
    ['IMP_RESILIENCE', 1.5],
  ]),
  HNWI: objectives([
    ['INC_GROWTH', 3],
    ['INC_FLEXIBLE', 2],
    ['IMP_EMERGENCY', 1],
  ]),
};

/** The objective of a gift outside any partnership. */
export function giftObjective(rng: Random, stream: IncomeStream): string {
  return rng.weighted(OBJECTIVES_BY_STREAM[stream]);
}
