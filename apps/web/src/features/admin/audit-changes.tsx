import { formatTimestamp } from '../../components/format/timestamp';
import { useT } from '../../i18n/language-provider';
import { type AuditEntryFields, type FieldChange, readableChanges, shortened, valueText } from './audit-model';

/** Changed fields shown at once; the others fold under "Show N more fields". */
const SHOWN_FIELDS = 4;

/** An ISO 8601 moment, as the database's timestamps are written in the row's JSON. */
const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function Value({ value }: { value: unknown }) {
  const t = useT();
  const text = valueText(value);
  if (text === null) return <span className="audit-changes__empty">{t('audit.emptyValue')}</span>;
  if (ISO_MOMENT.test(text)) {
    return (
      <time className="audit-changes__value" dateTime={text}>
        {formatTimestamp(text)}
      </time>
    );
  }
  const short = shortened(text);
  return (
    <span className="audit-changes__value" title={short === text ? undefined : text}>
      {short}
    </span>
  );
}

function Change({ change, action }: { change: FieldChange; action: AuditEntryFields['action'] }) {
  const t = useT();
  return (
    <li>
      <code className="audit-changes__field">{change.field}</code>{' '}
      {action === 'UPDATE' ? (
        <>
          <Value value={change.before} />{' '}
          <span className="audit-changes__arrow">
            <span aria-hidden="true">→</span>
            <span className="visually-hidden">{t('audit.changedTo')}</span>
          </span>{' '}
          <Value value={change.after} />
        </>
      ) : (
        <Value value={action === 'DELETE' ? change.before : change.after} />
      )}
    </li>
  );
}

/**
 * What an audit entry changed, readably: each changed field with its old and new value (an update),
 * or with its value (a creation or a deletion). Long rows fold after a few fields.
 */
export function AuditChanges({ entry }: { entry: AuditEntryFields }) {
  const t = useT();
  const changes = readableChanges(entry);
  if (changes.length === 0) return <span className="audit-changes__empty">{t('audit.noChange')}</span>;
  const shown = changes.slice(0, SHOWN_FIELDS);
  const rest = changes.slice(SHOWN_FIELDS);
  return (
    <div className="audit-changes">
      <ul>
        {shown.map((change) => (
          <Change key={change.field} change={change} action={entry.action} />
        ))}
      </ul>
      {rest.length > 0 ? (
        <details>
          <summary>{t('audit.more', { count: rest.length })}</summary>
          <ul>
            {rest.map((change) => (
              <Change key={change.field} change={change} action={entry.action} />
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
