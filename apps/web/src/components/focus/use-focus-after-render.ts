import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';

/** What to focus: an element's ref (it may be drawn by the same render), or an element itself. */
export type FocusTarget = RefObject<HTMLElement | null> | HTMLElement | null | undefined;

/**
 * Moves the focus once React has drawn what the focus goes to. Call the returned function from an
 * event handler, next to the state changes that draw the element (an error summary, a notice) or
 * close what makes it inert (a modal dialog): the element is focused after that render is
 * committed. An animation frame would not do: on a busy machine it can come before the commit,
 * when the element is not there yet, and the focus is then never moved.
 */
export function useFocusAfterRender(): (target: FocusTarget) => void {
  const pending = useRef<FocusTarget>(null);
  const [requests, setRequests] = useState(0);

  useEffect(() => {
    const target = pending.current;
    pending.current = null;
    const element = target instanceof HTMLElement ? target : target?.current;
    element?.focus();
  }, [requests]);

  return useCallback((target: FocusTarget) => {
    pending.current = target;
    setRequests((count) => count + 1);
  }, []);
}
