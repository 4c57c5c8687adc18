/** One worked example of docs/queries.md, offered in the explorer. */
export interface ExampleQuery {
  /** Stable within the document: a slug of the heading (and operation name when a section has several). */
  id: string;
  /** The number of a `## N. Title` heading; null for a heading without one. */
  number: number | null;
  /** The heading's text without its number. */
  title: string;
  /** The prose between the heading and the query, on one line; empty when there is none. */
  description: string;
  /** The GraphQL document, as written in the fenced block. */
  query: string;
  /** The name of the document's first operation, if it has one. */
  operationName: string | null;
}

const FENCE = /^\s*(`{3,}|~{3,})\s*([\w-]*)/;
const SECTION_HEADING = /^##\s+(.+?)\s*#*\s*$/;
const NUMBERED_TITLE = /^(\d+)[.)]\s+(.+)$/;
const OPERATION_NAME = /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/m;

interface Section {
  number: number | null;
  title: string;
  prose: string[];
  queries: string[];
}

/**
 * Reads the worked examples of a Markdown document: every ```graphql fenced block, titled by the
 * `## N. Title` (or plain `## Title`) heading of its section. Blocks before the first heading are
 * titled by their operation name. Pure: no I/O, the same text gives the same examples.
 */
export function parseExampleQueries(markdown: string): ExampleQuery[] {
  const sections: Section[] = [];
  let section: Section = { number: null, title: '', prose: [], queries: [] };
  sections.push(section);
  let fence: { marker: string; language: string; lines: string[] } | null = null;

  for (const line of markdown.split(/\r?\n/)) {
    if (fence) {
      if (closesFence(line, fence.marker)) {
        if (fence.language === 'graphql') section.queries.push(dedent(fence.lines).trim());
        fence = null;
      } else {
        fence.lines.push(line);
      }
      continue;
    }
    const opening = FENCE.exec(line);
    if (opening) {
      fence = { marker: opening[1] ?? '```', language: (opening[2] ?? '').toLowerCase(), lines: [] };
      continue;
    }
    const heading = SECTION_HEADING.exec(line);
    if (heading) {
      const text = heading[1] ?? '';
      const numbered = NUMBERED_TITLE.exec(text);
      section = numbered
        ? { number: Number(numbered[1]), title: numbered[2] ?? '', prose: [], queries: [] }
        : { number: null, title: text, prose: [], queries: [] };
      sections.push(section);
      continue;
    }
    if (section.queries.length === 0 && line.trim() !== '' && !line.startsWith('#')) section.prose.push(line.trim());
  }

  const examples: ExampleQuery[] = [];
  const usedIds = new Set<string>();
  for (const { number, title, prose, queries } of sections) {
    for (const query of queries) {
      if (query === '') continue;
      const operationName = OPERATION_NAME.exec(query)?.[1] ?? null;
      const label = queries.length > 1 || title === '' ? [title, operationName].filter(Boolean).join(': ') : title;
      const finalTitle = label || `Example ${examples.length + 1}`;
      examples.push({
        id: uniqueId(slug(number === null ? finalTitle : `${number} ${finalTitle}`), usedIds),
        number,
        title: finalTitle,
        description: title === '' ? '' : prose.join(' '),
        query,
        operationName,
      });
    }
  }
  return examples;
}

/** "1. Are we on track this year?" for a numbered example, the title alone otherwise. */
export function exampleLabel(example: ExampleQuery): string {
  return example.number === null ? example.title : `${example.number}. ${example.title}`;
}

/** A closing fence: the opening's character, at least as many times, nothing else on the line. */
function closesFence(line: string, marker: string): boolean {
  const trimmed = line.trim();
  return trimmed.length >= marker.length && trimmed === (marker[0] ?? '`').repeat(trimmed.length);
}

function dedent(lines: string[]): string {
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^\s*/.exec(line)?.[0].length ?? 0);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(common)).join('\n');
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replaceAll(/[^a-z0-9]+/g, '-')
      .replaceAll(/^-+|-+$/g, '') || 'example'
  );
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let suffix = 2; used.has(id); suffix++) id = `${base}-${suffix}`;
  used.add(id);
  return id;
}
