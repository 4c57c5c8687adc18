import { describe, expect, it } from 'vitest';
import { MESSAGES, METRIC_TEXTS, OBJECTIVE_NAMES } from './catalogs';
import { LANGUAGES } from './languages';
import type { MessageKey, PluralMessage } from './messages';

const TRANSLATIONS = LANGUAGES.filter((language) => language !== 'en');

/** Every text of a message: the message, or each form of a plural one. */
function texts(message: string | PluralMessage): string[] {
  return typeof message === 'string'
    ? [message]
    : Object.values(message).filter((form): form is string => form !== undefined);
}

/** The placeholders a message uses, in any of its forms. */
function placeholders(message: string | PluralMessage): string[] {
  return [
    ...new Set(texts(message).flatMap((text) => Array.from(text.matchAll(/\{(\w+)\}/g), (match) => match[1] ?? ''))),
  ].sort();
}

const keys = Object.keys(MESSAGES.en) as MessageKey[];

describe.each(TRANSLATIONS)('the %s catalog', (language) => {
  const messages = MESSAGES[language];

  it('has no empty message', () => {
    const empty = keys.filter((key) => texts(messages[key]).some((text) => text.trim() === ''));
    expect(empty).toEqual([]);
  });

  it('uses the same placeholders as English in every message', () => {
    const mismatched = keys.filter(
      (key) => placeholders(messages[key]).join() !== placeholders(MESSAGES.en[key]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('gives every plural message an `other` form, and plain messages stay plain', () => {
    const misshapen = keys.filter(
      (key) =>
        typeof messages[key] !== typeof MESSAGES.en[key] ||
        (typeof messages[key] === 'object' && !(messages[key] as PluralMessage).other),
    );
    expect(misshapen).toEqual([]);
  });

  it('names and defines every metric, and names every objective, with no empty text', () => {
    const metrics = Object.values(METRIC_TEXTS[language] ?? {});
    expect(metrics.length).toBeGreaterThan(0);
    expect(metrics.filter((text) => text.label.trim() === '' || text.description.trim() === '')).toEqual([]);
    const objectives = Object.values(OBJECTIVE_NAMES[language] ?? {});
    expect(objectives.length).toBeGreaterThan(0);
    expect(objectives.filter((name) => name.trim() === '')).toEqual([]);
  });
});

describe('the English catalog', () => {
  it('leaves metric and objective names to the API', () => {
    expect(METRIC_TEXTS.en).toBeNull();
    expect(OBJECTIVE_NAMES.en).toBeNull();
  });
});
