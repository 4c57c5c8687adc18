import type { MetricTexts, ObjectiveNames } from './catalog-texts';
import { en } from './en';
import { es, esMetrics, esObjectives } from './es';
import { fr, frMetrics, frObjectives } from './fr';
import type { Language } from './languages';
import type { Messages } from './messages';

/** Each language's messages. */
export const MESSAGES: Readonly<Record<Language, Messages>> = { en, fr, es };

/** Each language's metric names and definitions; null for English, which the API speaks. */
export const METRIC_TEXTS: Readonly<Record<Language, MetricTexts | null>> = { en: null, fr: frMetrics, es: esMetrics };

/** Each language's objective names; null for English, which the API speaks. */
export const OBJECTIVE_NAMES: Readonly<Record<Language, ObjectiveNames | null>> = {
  en: null,
  fr: frObjectives,
  es: esObjectives,
};
