import './monaco-workers';
import 'graphiql/style.css';
import './explorer.css';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import { Fragment, useCallback, useId, useMemo, useState } from 'react';
import queriesMarkdown from '../../../../../docs/queries.md?raw';
import { useDocumentTitle } from '../../components/document-title/use-document-title';
import { useTheme } from '../../components/theme/use-theme';
import { useT } from '../../i18n/language-provider';
import { withNodes } from '../../i18n/rich-text';
import { ExampleList } from './example-list';
import { type ExampleQuery, exampleLabel, parseExampleQueries } from './example-queries';
import { ExportCsvButton } from './export-csv-button';
import { createGraphqlFetcher } from './graphql-fetcher';
import { parseResponseText, resultRows } from './result-rows';

/** The worked examples of docs/queries.md, read at build time. */
const EXAMPLES = parseExampleQueries(queriesMarkdown);

const fetchGraphql: GraphiQLProps['fetcher'] = createGraphqlFetcher();

/** What the operation editor shows the first time, before anything is stored. */
const WELCOME_QUERY = [
  "# Panorama's GraphQL API. The documentation is behind the book on the left.",
  '# Pick an example, or write your own; Ctrl+Enter runs it.',
  '',
  EXAMPLES[0]?.query ?? '{ regions { code name } }',
  '',
].join('\n');

type TabsState = Parameters<NonNullable<GraphiQLProps['onTabChange']>>[0];

interface ActiveTab {
  operationName: string | null;
  response: string | null;
}

interface EditorSession {
  /** Changes to start GraphiQL again with `example` as its initial query. */
  key: number;
  example: ExampleQuery | null;
}

/**
 * The query explorer: GraphiQL on `/graphql`, with the schema documentation, the history, the
 * worked examples of docs/queries.md, and the result's first list exported as CSV. It needs no
 * network beyond the API: the editor and its workers are bundled. It takes the dashboard's theme.
 */
export function ExplorerPage() {
  const t = useT();
  useDocumentTitle(t('nav.explorer'));
  const [theme] = useTheme();
  const headingId = useId();
  const examplesHeadingId = useId();
  const exportNoteId = useId();
  const [session, setSession] = useState<EditorSession>({ key: 0, example: null });
  const [activeTab, setActiveTab] = useState<ActiveTab | null>(null);

  // GraphiQL keeps its first `onTabChange`: this one must never change.
  const handleTabChange = useCallback((state: TabsState) => {
    const tab = state.tabs[state.activeTabIndex];
    // A tab's title is its operation's name, or "<untitled>".
    const operationName = tab?.operationName || (tab && /^\w+$/.test(tab.title) ? tab.title : null);
    setActiveTab(tab ? { operationName, response: tab.response } : null);
  }, []);

  // GraphiQL takes its query only when it starts (its editor state is not reachable from outside
  // its provider), so an example starts it again: it opens the example in a tab, or returns to
  // the tab that already holds it. The other tabs are restored from storage.
  const loadExample = useCallback((example: ExampleQuery) => {
    setActiveTab(null);
    setSession((current) => ({ key: current.key + 1, example }));
  }, []);

  const rows = useMemo(() => resultRows(parseResponseText(activeTab?.response)), [activeTab?.response]);

  return (
    <section className="explorer" aria-labelledby={headingId}>
      <header className="explorer__header">
        <div className="explorer__heading">
          <h1 id={headingId}>{t('nav.explorer')}</h1>
          <p className="explorer__hint">
            {withNodes(t('explorer.hint'), {
              run: <Keys keys={['Ctrl', 'Enter']} />,
              complete: <Keys keys={['Ctrl', 'Space']} />,
              leave: <Keys keys={['Ctrl', 'M']} />,
              tab: <kbd>Tab</kbd>,
            })}
          </p>
        </div>
        <p className="visually-hidden" role="status">
          {session.example ? t('explorer.opened', { example: exampleLabel(session.example) }) : ''}
        </p>
        <div className="explorer__export">
          <ExportCsvButton rows={rows} operationName={activeTab?.operationName ?? null} noteId={exportNoteId} />
          <span id={exportNoteId} className="explorer__export-note">
            {rows ? t('explorer.rows', { count: rows.rows.length, path: rows.path }) : t('explorer.noList')}
          </span>
        </div>
      </header>
      <ExampleList
        examples={EXAMPLES}
        currentId={session.example?.id ?? null}
        onLoad={loadExample}
        headingId={examplesHeadingId}
      />
      <div className="explorer__ide">
        <GraphiQL
          key={session.key}
          fetcher={fetchGraphql}
          defaultQuery={WELCOME_QUERY}
          initialQuery={session.example?.query}
          initialVariables={session.example ? '' : undefined}
          onTabChange={handleTabChange}
          forcedTheme={theme}
        >
          <GraphiQL.Logo>Panorama API</GraphiQL.Logo>
        </GraphiQL>
      </div>
    </section>
  );
}

/** A key combination: `Ctrl`+`Enter`. */
function Keys({ keys }: { keys: readonly string[] }) {
  return keys.map((key, index) => (
    <Fragment key={key}>
      {index > 0 ? '+' : null}
      <kbd>{key}</kbd>
    </Fragment>
  ));
}
