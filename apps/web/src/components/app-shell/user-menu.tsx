import { useEffect, useId, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { useT } from '../../i18n/language-provider';
import { type SessionUser, useSession } from '../../lib/session';
import { accountNavFor } from '../../lib/session-access';
import { ShellNavLink } from './shell-nav-link';

interface UserMenuProps {
  user: SessionUser;
}

/**
 * Who is signed in (name, role, region) in the header, as a button that opens the account's
 * panel: email, role and region in words, the account's pages the role may use, and "Sign out".
 * A disclosure: Escape or a click elsewhere closes it, and the focus returns to its button.
 */
export function UserMenu({ user }: UserMenuProps) {
  const t = useT();
  const { signOut } = useSession();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const links = accountNavFor(user);
  const roleName = t(`role.${user.role}`);

  // Following one of its links closes it.
  const [openedAt, setOpenedAt] = useState(pathname);
  if (open && openedAt !== pathname) setOpen(false);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  async function signOutNow() {
    setSigningOut(true);
    setFailure(null);
    try {
      // The session provider then forgets the user, and the sign-in page shows.
      await signOut();
    } catch (error) {
      setFailure(t('userMenu.signOutFailed', { message: error instanceof Error ? error.message : String(error) }));
      setSigningOut(false);
    }
  }

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpenedAt(pathname);
          setOpen(!open);
        }}
      >
        <span className="visually-hidden">{t('userMenu.label')}: </span>
        <span className="user-menu__name">{user.name}</span>{' '}
        <span className="user-menu__role">
          {roleName}
          {user.region ? (
            <>
              {' '}
              <span className="user-menu__region">{user.region.code}</span>
            </>
          ) : null}
        </span>
        <span className="user-menu__chevron" aria-hidden="true">
          ▾
        </span>
      </button>
      <div id={panelId} className="user-menu__panel" hidden={!open}>
        <p className="user-menu__who">
          <strong>{user.name}</strong>
          <span className="user-menu__email">{user.email}</span>
        </p>
        <dl className="user-menu__facts">
          <div>
            <dt>{t('userMenu.role')}</dt>
            <dd>{roleName}</dd>
          </div>
          {user.region ? (
            <div>
              <dt>{t('userMenu.region')}</dt>
              <dd>
                {user.region.name} ({user.region.code})
              </dd>
            </div>
          ) : null}
        </dl>
        {links.length > 0 ? (
          <nav className="user-menu__nav" aria-label={t('shell.accountNav')}>
            <ul>
              {links.map((link) => (
                <li key={link.to}>
                  <ShellNavLink item={link} className="user-menu__link" />
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <button type="button" className="user-menu__sign-out" onClick={signOutNow} disabled={signingOut}>
          {signingOut ? t('userMenu.signingOut') : t('userMenu.signOut')}
        </button>
        {failure ? (
          <p className="user-menu__failure" role="alert">
            {failure}
          </p>
        ) : null}
      </div>
    </div>
  );
}
