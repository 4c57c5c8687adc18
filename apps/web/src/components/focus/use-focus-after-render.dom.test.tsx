// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { StrictMode, useRef, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useFocusAfterRender } from './use-focus-after-render';

/** A form whose refusal draws a summary that was not there, and moves the focus to it. */
function RefusedForm({ problem = 'Email: must be an email address' }: { problem?: string }) {
  const [problems, setProblems] = useState<string[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const focusAfterRender = useFocusAfterRender();
  return (
    <>
      {problems.length ? (
        <div ref={summaryRef} role="alert" tabIndex={-1}>
          {problems.join(' ')}
        </div>
      ) : null}
      <button
        type="button"
        onClick={(event) => {
          setProblems(problem ? [problem] : []);
          focusAfterRender(summaryRef);
          // The element itself, as a dialog's opener is given back the focus.
          if (event.detail === 2) focusAfterRender(event.currentTarget);
        }}
      >
        Send
      </button>
    </>
  );
}

afterEach(cleanup);

describe('useFocusAfterRender', () => {
  it('focuses an element drawn by the same render, with no animation frame', () => {
    const frames = vi.spyOn(window, 'requestAnimationFrame');
    render(
      <StrictMode>
        <RefusedForm />
      </StrictMode>,
    );
    act(() => screen.getByRole('button', { name: 'Send' }).click());
    expect(document.activeElement).toBe(screen.getByRole('alert'));
    expect(frames).not.toHaveBeenCalled();
    frames.mockRestore();
  });

  it('focuses an element given itself, the last asked winning', () => {
    render(<RefusedForm />);
    const button = screen.getByRole('button', { name: 'Send' });
    act(() => {
      fireEvent.click(button, { detail: 2 });
    });
    expect(document.activeElement).toBe(button);
  });

  it('moves nothing until asked, and nothing when the element is not drawn', () => {
    render(<RefusedForm problem="" />);
    expect(document.activeElement).toBe(document.body);
    const button = screen.getByRole('button', { name: 'Send' });
    button.focus();
    act(() => button.click());
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.activeElement).toBe(button);
  });
});
