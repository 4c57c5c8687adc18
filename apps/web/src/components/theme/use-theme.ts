import { useSyncExternalStore } from 'react';
import { chooseTheme, shownTheme, type Theme, watchTheme } from './theme';

/** Rendered without a browser (tests, the server): the light theme. */
const serverTheme = (): Theme => 'light';

/** The theme shown, and the function that chooses (and remembers) another. */
export function useTheme(): [theme: Theme, setTheme: (theme: Theme) => void] {
  const theme = useSyncExternalStore(watchTheme, shownTheme, serverTheme);
  return [theme, chooseTheme];
}
