import { createElement, Fragment, type ReactNode } from 'react';

const PLACEHOLDER = /(\{\w+\})/;

/**
 * A translated text with elements in place of its placeholders: links, emphasis, figures with a
 * title. `withNodes('Go to the {overview}.', { overview: <Link …/> })` renders "Go to the ", the
 * link, then ".". A placeholder without a node stays as text.
 */
export function withNodes(text: string, nodes: Readonly<Record<string, ReactNode>>): ReactNode {
  const parts = text
    .split(PLACEHOLDER)
    .filter((part) => part !== '')
    .map((part) => {
      const name = part.slice(1, -1);
      return part.startsWith('{') && Object.hasOwn(nodes, name) ? nodes[name] : part;
    });
  // Passed as separate children, not as a list: their order is fixed by the text, so they need no keys.
  return createElement(Fragment, null, ...parts);
}
