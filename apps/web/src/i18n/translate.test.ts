import { describe, expect, it } from 'vitest';
import { metricDescription, metricLabel, objectiveName } from './catalog-labels';
import { matchLanguage, parseLanguage } from './languages';
import { interpolate, isTextKey, translateIn } from './translate';

/** Intl separates thousands and units with no-break spaces: compared as plain spaces. */
function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

describe('interpolate', () => {
  it('fills placeholders and leaves those without a parameter', () => {
    expect(interpolate('{count} rows of {path}', { count: 3, path: 'data.regions' })).toBe('3 rows of data.regions');
    expect(interpolate('Year {year}, {missing}', { year: 2025 })).toBe('Year 2025, {missing}');
  });
});

describe('translateIn', () => {
  it('gives a message in each language', () => {
    expect(translateIn('en', 'nav.partners')).toBe('Partners');
    expect(translateIn('fr', 'nav.partners')).toBe('Partenaires');
    expect(translateIn('es', 'nav.partners')).toBe('Socios');
  });

  it('chooses the plural form by each language’s rules, and formats the count', () => {
    expect(translateIn('en', 'export.done', { count: 1 })).toBe('Exported 1 row.');
    expect(translateIn('en', 'export.done', { count: 1234 })).toBe('Exported 1,234 rows.');
    expect(translateIn('en', 'export.done', { count: 0 })).toBe('Exported 0 rows.');
    expect(translateIn('fr', 'export.done', { count: 0 })).toBe('0 ligne exportée.');
    expect(plain(translateIn('fr', 'export.done', { count: 1234 }))).toBe('1 234 lignes exportées.');
    expect(translateIn('es', 'export.done', { count: 1 })).toBe('Se exportó 1 fila.');
    expect(translateIn('es', 'export.done', { count: 1_000_000 })).toBe('Se exportaron 1.000.000 filas.');
  });

  it('writes ordinals by each language’s rules', () => {
    const ordinal = (language: 'en' | 'fr' | 'es', count: number) =>
      translateIn(language, 'panorama.ordinal', { count }, { ordinal: true });
    expect([1, 2, 3, 11, 22].map((count) => ordinal('en', count))).toEqual(['1st', '2nd', '3rd', '11th', '22nd']);
    expect([1, 2].map((count) => ordinal('fr', count))).toEqual(['1re', '2e']);
    expect([1, 2].map((count) => ordinal('es', count))).toEqual(['1.ª', '2.ª']);
  });

  it('knows which keys name a message', () => {
    expect(isTextKey('enum.ON_TRACK')).toBe(true);
    expect(isTextKey('enum.SOMETHING_NEW')).toBe(false);
    expect(isTextKey('export.done')).toBe(false);
  });
});

describe('names from the API', () => {
  const revenue = { code: 'REVENUE_USD', label: 'Revenue', description: 'Sum of the amounts.' };

  it('are the API’s in English, translated in French and Spanish', () => {
    expect(metricLabel(revenue, 'en')).toBe('Revenue');
    expect(metricLabel(revenue, 'fr')).toBe('Recettes');
    expect(metricLabel(revenue, 'es')).toBe('Ingresos');
    expect(metricDescription(revenue, 'en')).toBe('Sum of the amounts.');
    expect(objectiveName({ code: 'IMP_NUTRITION', name: 'Improve nutrition' }, 'es')).toBe('Mejorar la nutrición');
  });

  it('fall back to the API’s English for a code without a translation', () => {
    const newer = { code: 'CARBON_SAVED', label: 'Carbon saved', description: 'Tonnes of CO2.' };
    expect(metricLabel(newer, 'fr')).toBe('Carbon saved');
    expect(metricDescription(newer, 'es')).toBe('Tonnes of CO2.');
    expect(objectiveName({ code: 'NEW_GOAL', name: 'A new goal' }, 'fr')).toBe('A new goal');
  });
});

describe('the language a visit asks for', () => {
  it('is the first of the browser’s languages the dashboard speaks', () => {
    expect(matchLanguage(['de-DE', 'fr-CA', 'en-US'])).toBe('fr');
    expect(matchLanguage(['ES-419'])).toBe('es');
    expect(matchLanguage(['de', 'it'])).toBeNull();
    expect(matchLanguage([])).toBeNull();
  });

  it('is read from storage only when it is one of the three', () => {
    expect(parseLanguage('es')).toBe('es');
    expect(parseLanguage('fr-FR')).toBeNull();
    expect(parseLanguage(null)).toBeNull();
  });
});
