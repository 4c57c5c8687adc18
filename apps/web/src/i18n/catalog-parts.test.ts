import { describe, expect, it } from 'vitest';
import { MESSAGES } from './catalogs';
import { LANGUAGES, type Language } from './languages';

/** Every part of every language's messages (`en/shell.ts`, `fr/shell.ts`, …), by path. */
const PART_MODULES = import.meta.glob<Record<string, object>>(['./*/*.ts', '!./*/index.ts', '!./*/catalog-texts.ts'], {
  eager: true,
});

/** A language's parts: each part's file name, and the keys of what it exports. */
function partKeys(language: Language): Map<string, string[]> {
  const parts = new Map<string, string[]>();
  for (const [path, exports] of Object.entries(PART_MODULES)) {
    const [, folder, part] = /^\.\/([^/]+)\/([^/]+)\.ts$/.exec(path) ?? [];
    if (folder === language && part !== undefined) parts.set(part, Object.values(exports).flatMap(Object.keys));
  }
  return parts;
}

const englishParts = partKeys('en');

describe.each(LANGUAGES)('the parts of the %s catalog', (language) => {
  const parts = partKeys(language);

  it('are those of English, each with the keys of its English part', () => {
    expect([...parts.keys()].sort()).toEqual([...englishParts.keys()].sort());
    for (const [part, keys] of parts) {
      expect([...keys].sort(), part).toEqual([...(englishParts.get(part) ?? [])].sort());
    }
  });

  it('have no key in common, and together hold every message', () => {
    const owners = new Map<string, string[]>();
    for (const [part, keys] of parts) {
      for (const key of keys) owners.set(key, [...(owners.get(key) ?? []), part]);
    }
    expect([...owners].filter(([, inParts]) => inParts.length > 1)).toEqual([]);
    expect([...owners.keys()].sort()).toEqual(Object.keys(MESSAGES[language]).sort());
  });
});
