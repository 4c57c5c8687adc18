import { METRIC_TEXTS, OBJECTIVE_NAMES } from './catalogs';
import { currentLanguage } from './current-language';
import type { Language } from './languages';

/** A metric as `metricCatalog` describes it, in English. */
interface CatalogMetric {
  code: string;
  label: string;
  description?: string;
}

function metricText(code: string, language: Language) {
  const texts = METRIC_TEXTS[language];
  return texts && Object.hasOwn(texts, code) ? texts[code as keyof typeof texts] : null;
}

/** A metric's name in `language` (default: the language shown); the API's English when it has no translation. */
export function metricLabel(metric: CatalogMetric, language: Language = currentLanguage()): string {
  return metricText(metric.code, language)?.label ?? metric.label;
}

/** A metric's definition in `language` (default: the language shown); the API's English when it has no translation. */
export function metricDescription(metric: CatalogMetric, language: Language = currentLanguage()): string | undefined {
  return metricText(metric.code, language)?.description ?? metric.description;
}

/** An objective's name in `language` (default: the language shown); the API's English when it has no translation. */
export function objectiveName(
  objective: { code: string; name: string },
  language: Language = currentLanguage(),
): string {
  const names = OBJECTIVE_NAMES[language];
  return names && Object.hasOwn(names, objective.code) ? names[objective.code as keyof typeof names] : objective.name;
}
