import { useT } from '../../i18n/language-provider';
import { statusLabel, type TargetStatus } from './metric-format';
import './status-pill.css';

/** A glyph beside the words, so the status reads without colour too. */
const STATUS_GLYPHS: Record<TargetStatus, string> = {
  ON_TRACK: '✓',
  AT_RISK: '!',
  OFF_TRACK: '✕',
};

interface StatusPillProps {
  status: TargetStatus | null;
  /** Said before the status to screen readers: "Revenue status". Default "Status" (in the language shown). */
  context?: string;
}

/** On track (green), at risk (amber), off track (red), always in words; "No target" without one. */
export function StatusPill({ status, context }: StatusPillProps) {
  const t = useT();
  const spokenContext = (
    <span className="visually-hidden">{t('status.context', { context: context ?? t('status.status') })} </span>
  );
  if (!status) {
    return (
      <span className="status-pill status-pill--none">
        {spokenContext}
        {t('status.noTarget')}
      </span>
    );
  }
  const modifier = status.toLowerCase().replace('_', '-');
  return (
    <span className={`status-pill status-pill--${modifier}`}>
      <span className="status-pill__glyph" aria-hidden="true">
        {STATUS_GLYPHS[status]}
      </span>
      {spokenContext}
      {statusLabel(status)}
    </span>
  );
}
