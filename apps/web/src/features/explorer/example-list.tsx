import { useT } from '../../i18n/language-provider';
import { type ExampleQuery, exampleLabel } from './example-queries';

interface ExampleListProps {
  examples: readonly ExampleQuery[];
  /** The example last loaded into the editor, marked as current. */
  currentId: string | null;
  onLoad: (example: ExampleQuery) => void;
  /** The id of the list's heading, which names the navigation landmark. */
  headingId: string;
}

/** The worked examples of docs/queries.md; choosing one opens it in the editor. */
export function ExampleList({ examples, currentId, onLoad, headingId }: ExampleListProps) {
  const t = useT();
  return (
    <nav className="explorer__examples" aria-labelledby={headingId}>
      <h2 id={headingId} className="explorer__examples-title">
        {t('explorer.examples')}
      </h2>
      <ol className="explorer__example-list">
        {examples.map((example) => (
          <li key={example.id}>
            <button
              type="button"
              className="explorer__example"
              aria-current={example.id === currentId ? 'true' : undefined}
              title={example.description || undefined}
              onClick={() => onLoad(example)}
            >
              {exampleLabel(example)}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
