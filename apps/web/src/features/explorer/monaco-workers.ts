/**
 * The editor's web workers (JSON, GraphQL, the editor itself), bundled by Vite from the app's own
 * code rather than from graphiql's `setup-workers/vite`, whose worker imports inside a dependency
 * break Vite's dev-server pre-bundling. Everything is served by Panorama: nothing from a CDN.
 */
import type { Environment } from 'monaco-editor';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import JsonWorker from 'monaco-editor/esm/vs/language/json/json.worker.js?worker';
import GraphQLWorker from 'monaco-graphql/esm/graphql.worker.js?worker';

const environment: Environment = {
  getWorker(_workerId: string, label: string) {
    if (label === 'json') return new JsonWorker();
    if (label === 'graphql') return new GraphQLWorker();
    return new EditorWorker();
  },
};

Object.assign(globalThis, { MonacoEnvironment: environment });
