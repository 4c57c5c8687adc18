import type { TextKey } from '../i18n/messages';
import type { SessionUser, UserRole } from './session';

/**
 * What each role may use in the dashboard, as the API decides it (`apps/api`, scope-auth): the
 * dashboard only hides what would be refused. Every role reads the figures; REGIONAL users read
 * the partner and contribution detail of their own region only (the API scopes those lists).
 */
export const FEATURE_ROLES = {
  /** `/settings/tokens`: `myApiTokens`, `createApiToken`. */
  apiTokens: ['ANALYST', 'ADMIN'],
  /** `/admin/users`: `users`, `createUser`. */
  users: ['ADMIN'],
  /** `/audit`: `auditLog`. */
  audit: ['ADMIN', 'LEADERSHIP'],
  /** `/import`: `POST /api/import/:kind` (REGIONAL: rows of its own region only). */
  import: ['ADMIN', 'REGIONAL'],
} as const satisfies Record<string, readonly UserRole[]>;

export type Feature = keyof typeof FEATURE_ROLES;

/** True when a user of `role` may use `feature`. */
export function roleMay(role: UserRole | null | undefined, feature: Feature): boolean {
  return !!role && (FEATURE_ROLES[feature] as readonly UserRole[]).includes(role);
}

/** A link of the shell's navigation. */
export interface NavItem {
  to: string;
  label: TextKey;
  /** Current only on this exact path, not on the paths below it. */
  end: boolean;
  /** A code shown beside the label (the region of "My region"). */
  code?: string;
  /** Paths below `to` that another link of the navigation stands for. */
  except?: readonly string[];
}

/** The path of a region's panorama. */
export function regionPath(code: string): string {
  return `/regions/${encodeURIComponent(code)}`;
}

/**
 * The primary navigation of a user: the pages every role reads, the user's own region for a
 * REGIONAL user, the import for those who may load data, and the audit trail for those who may
 * read it.
 */
export function primaryNavFor(user: SessionUser | null): NavItem[] {
  const region = user?.role === 'REGIONAL' ? user.region : null;
  const items: NavItem[] = [
    { to: '/', label: 'nav.overview', end: true },
    { to: '/regions', label: 'nav.regions', end: false, ...(region ? { except: [regionPath(region.code)] } : {}) },
  ];
  if (region) items.push({ to: regionPath(region.code), label: 'nav.myRegion', end: false, code: region.code });
  items.push(
    { to: '/partners', label: 'nav.partners', end: false },
    { to: '/contributions', label: 'nav.contributions', end: false },
  );
  if (roleMay(user?.role, 'import')) items.push({ to: '/import', label: 'nav.import', end: false });
  items.push({ to: '/explorer', label: 'nav.explorer', end: false });
  if (roleMay(user?.role, 'audit')) items.push({ to: '/audit', label: 'nav.audit', end: false });
  return items;
}

/** The links of the user menu: the user's own settings and, for admins, the users. */
export function accountNavFor(user: SessionUser | null): NavItem[] {
  const items: NavItem[] = [];
  if (roleMay(user?.role, 'apiTokens')) items.push({ to: '/settings/tokens', label: 'nav.apiTokens', end: false });
  if (roleMay(user?.role, 'users')) items.push({ to: '/admin/users', label: 'nav.users', end: false });
  return items;
}

/** True when a navigation item stands for `pathname`. */
export function isCurrent(item: NavItem, pathname: string): boolean {
  const matches = (to: string) => pathname === to || pathname.startsWith(to.endsWith('/') ? to : `${to}/`);
  if (item.end) return pathname === item.to;
  if (!matches(item.to)) return false;
  return !(item.except ?? []).some(matches);
}

/**
 * Where to go after signing in: the page asked for, when it is a page of the dashboard (a path
 * on this site, not the sign-in page itself); else the overview.
 */
export function returnPath(from: unknown): string {
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//') || from.startsWith('/\\')) {
    return '/';
  }
  const pathname = from.split(/[?#]/)[0] ?? '';
  return pathname === '/sign-in' ? '/' : from;
}
