// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { storedTheme, THEME_STORAGE_KEY } from './theme';
import { ThemeToggle } from './theme-toggle';

/** The system's colour preference, as matchMedia reports it (jsdom has none). */
function stubSystemPreference(prefersDark: boolean) {
  const query = Object.assign(new EventTarget(), { matches: prefersDark, media: '(prefers-color-scheme: dark)' });
  vi.stubGlobal(
    'matchMedia',
    vi.fn(() => query),
  );
  return {
    change(dark: boolean) {
      query.matches = dark;
      query.dispatchEvent(new Event('change'));
    },
  };
}

beforeEach(() => {
  localStorage.clear();
  document.documentElement.dataset.theme = 'light';
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ThemeToggle', () => {
  it('says what it does, switches the theme and remembers it', async () => {
    stubSystemPreference(false);
    render(<ThemeToggle />);
    await userEvent.click(screen.getByRole('button', { name: 'Switch to dark theme' }));
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');

    await userEvent.click(screen.getByRole('button', { name: 'Switch to light theme' }));
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(storedTheme()).toBe('light');
  });

  it("follows the system's preference while no theme is chosen, and not once one is", async () => {
    const system = stubSystemPreference(false);
    render(<ThemeToggle />);
    act(() => system.change(true));
    expect(document.documentElement.dataset.theme).toBe('dark');

    await userEvent.click(await screen.findByRole('button', { name: 'Switch to light theme' }));
    act(() => system.change(true));
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('ignores a stored value that is no theme', () => {
    localStorage.setItem(THEME_STORAGE_KEY, 'sepia');
    expect(storedTheme()).toBeNull();
  });
});
