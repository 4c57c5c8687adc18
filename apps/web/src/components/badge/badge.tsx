import type { ReactNode } from 'react';
import './badge.css';

export type BadgeTone = 'accent' | 'neutral';

interface BadgeProps {
  children: ReactNode;
  /** `accent` for the regular case, `neutral` to set one apart (the HQ pseudo-region). */
  tone?: BadgeTone;
}

/** A short code in a pill: a region code, a status. */
export function Badge({ children, tone = 'accent' }: BadgeProps) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}
