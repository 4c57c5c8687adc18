import { type DragEvent, useId, useState } from 'react';
import { useT } from '../../i18n/language-provider';

interface FileDropProps {
  /** Called with the file dropped or chosen. */
  onFile: (file: File) => void;
  disabled?: boolean;
  /** Ids of what describes the file input (the chosen file, its problems). */
  describedBy?: string;
}

/** True when a drag carries files (not text or a link from the page). */
function carriesFiles(event: DragEvent): boolean {
  return [...(event.dataTransfer?.types ?? [])].includes('Files');
}

/**
 * Where a file comes from: dropped on the zone, or chosen with the file input (a real, focusable
 * input behind its label, so that keyboard and screen-reader users choose it as any file).
 */
export function FileDrop({ onFile, disabled = false, describedBy }: FileDropProps) {
  const t = useT();
  const inputId = useId();
  const hintId = useId();
  const [dragging, setDragging] = useState(false);

  function dragOver(event: DragEvent<HTMLFieldSetElement>) {
    if (disabled || !carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  }

  function drop(event: DragEvent<HTMLFieldSetElement>) {
    if (disabled) return;
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer?.files?.[0];
    if (file) onFile(file);
  }

  return (
    <fieldset
      disabled={disabled}
      className={`import-drop${dragging ? ' import-drop--active' : ''}${disabled ? ' import-drop--disabled' : ''}`}
      onDragEnter={dragOver}
      onDragOver={dragOver}
      onDragLeave={(event) => {
        // Leaving for a child of the zone is not leaving the zone.
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={drop}
    >
      <legend className="import-drop__title">{dragging ? t('import.drop.active') : t('import.drop.label')}</legend>
      <p className="import-drop__or" aria-hidden="true">
        {t('import.drop.or')}
      </p>
      <input
        id={inputId}
        type="file"
        className="import-drop__input visually-hidden"
        accept=".csv,text/csv"
        aria-describedby={[hintId, describedBy].filter(Boolean).join(' ')}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          // Emptied, so that choosing the same file again (after fixing it) reads it again.
          event.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
      <label htmlFor={inputId} className="button button--secondary import-drop__choose">
        {t('import.drop.choose')}
      </label>
      <p id={hintId} className="import-drop__hint">
        {t('import.drop.hint')}
      </p>
    </fieldset>
  );
}
