import { describe, expect, it } from 'vitest';
import queriesMarkdown from '../../../../../docs/queries.md?raw';
import { exampleLabel, parseExampleQueries } from './example-queries';

describe('parseExampleQueries', () => {
  it('reads each graphql block with the number and title of its heading and the prose before it', () => {
    const markdown = [
      '# Questions',
      '',
      'An introduction.',
      '',
      '## 1. Are we on track?',
      '',
      'Revenue against the target.',
      'Two lines of prose.',
      '',
      '```graphql',
      'query OnTrack {',
      '  metrics { total }',
      '}',
      '```',
      '',
      '## 12. Which regions?',
      '```graphql',
      '{ regions { code } }',
      '```',
    ].join('\n');
    expect(parseExampleQueries(markdown)).toEqual([
      {
        id: '1-are-we-on-track',
        number: 1,
        title: 'Are we on track?',
        description: 'Revenue against the target. Two lines of prose.',
        query: 'query OnTrack {\n  metrics { total }\n}',
        operationName: 'OnTrack',
      },
      {
        id: '12-which-regions',
        number: 12,
        title: 'Which regions?',
        description: '',
        query: '{ regions { code } }',
        operationName: null,
      },
    ]);
  });

  it('ignores other code blocks, and headings and fences inside them', () => {
    const markdown = [
      '## 1. Start',
      '```sh',
      '## 2. Not a heading',
      '```graphql',
      '```',
      '~~~graphql',
      'query Tilde { a }',
      '~~~',
      '````graphql',
      'query Long {',
      '  b',
      '```',
      '  c',
      '}',
      '````',
    ].join('\r\n');
    const examples = parseExampleQueries(markdown);
    expect(examples.map((example) => [example.number, example.title, example.query])).toEqual([
      [1, 'Start: Tilde', 'query Tilde { a }'],
      [1, 'Start: Long', 'query Long {\n  b\n```\n  c\n}'],
    ]);
    expect(new Set(examples.map((example) => example.id)).size).toBe(2);
  });

  it('keeps a heading without a number, and titles a block before any heading by its operation name', () => {
    const markdown = [
      '```graphql',
      'query Intro { a }',
      '```',
      '## Going further',
      '```GraphQL',
      'query More { b }',
      '```',
    ];
    expect(parseExampleQueries(markdown.join('\n')).map((example) => [example.number, example.title])).toEqual([
      [null, 'Intro'],
      [null, 'Going further'],
    ]);
  });

  it('returns nothing for a document without graphql blocks', () => {
    expect(parseExampleQueries('# Title\n\n## 1. Empty\n\n```sh\npnpm start\n```\n')).toEqual([]);
  });

  it('labels numbered examples with their number', () => {
    const [numbered, plain] = parseExampleQueries(
      '## 3. Three\n```graphql\n{ a }\n```\n## Plain\n```graphql\n{ b }\n```',
    );
    expect(numbered && exampleLabel(numbered)).toBe('3. Three');
    expect(plain && exampleLabel(plain)).toBe('Plain');
  });
});

describe('docs/queries.md', () => {
  const examples = parseExampleQueries(queriesMarkdown);

  it('gives the ten numbered examples, in order, and the one that goes further', () => {
    expect(examples.map((example) => example.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, null]);
    expect(examples[0] && exampleLabel(examples[0])).toBe('1. Are we on track this year?');
    for (const example of examples) {
      expect(example.operationName).toMatch(/^[A-Z]\w+$/);
      expect(example.query).toMatch(/^query \w+ \{[\s\S]*\}$/);
    }
  });
});
