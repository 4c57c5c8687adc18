import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export interface SearchParamOptions {
  /** Replace the current history entry rather than push one (typing in a search box). */
  replace?: boolean;
}

/**
 * One URL search parameter of a table (`?q=acme`, `?kind=CASH`) and its setter; other parameters
 * are kept, and an empty value removes the parameter.
 */
export function useSearchParam(
  name: string,
): [value: string | null, setValue: (value: string | null, options?: SearchParamOptions) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get(name);
  const setValue = useCallback(
    (next: string | null, { replace = false }: SearchParamOptions = {}) =>
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          if (next) updated.set(name, next);
          else updated.delete(name);
          return updated;
        },
        { replace },
      ),
    [name, setParams],
  );
  return [value, setValue];
}
