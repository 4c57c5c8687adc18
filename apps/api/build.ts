/**
 * `pnpm --filter @panorama/api build`: the server as one JavaScript file, `dist/main.js`, that
 * plain `node` runs (`pnpm start` does). The workspace's TypeScript (this app and the packages it
 * imports) is bundled; every other package stays a package, imported from where the workspace
 * installed it. Run from TypeScript through a loader, the server held ~70 MB more memory.
 *
 * Files the code finds next to its own source (migrations, the dashboard's build, the printed
 * schema) are found there still: each bundled file keeps its own `import.meta.url`.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const WORKSPACE = fileURLToPath(new URL('../..', import.meta.url));
export const SERVER_BUNDLE = fileURLToPath(new URL('./dist/main.js', import.meta.url));
/**
 * How `pnpm start` runs the bundle (package.json says the same): stack traces point into the
 * TypeScript sources; a young generation of 8 MB semi-spaces (V8's default is 16) keeps the
 * process ~20 MB smaller under load for a few percent of throughput; and the old generation may
 * grow by half after each full collection, where V8 lets it grow up to fourfold on a machine with
 * this much memory: ~100 MB less under load (1M contributions: 260-290 MB to 160-195 MB) for no
 * throughput we could measure. The heap keeps no ceiling: a few concurrent 20,000-row answers
 * need several hundred MB. (Measured with `pnpm bench`.)
 */
export const SERVER_NODE_FLAGS = ['--enable-source-maps', '--max-semi-space-size=8', '--heap-growing-percent=50'];

const isWorkspaceSource = (path: string) => path.startsWith(WORKSPACE) && !path.includes('/node_modules/');

/** Bundles the workspace's sources, and leaves every installed package to Node. */
const workspaceOnly: Plugin = {
  name: 'workspace-only',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === 'resolving' || args.path.startsWith('@panorama/')) return undefined;
      if (args.path.startsWith('node:')) return { external: true };
      // Resolved from the importing file, as pnpm laid it out: a package of packages/db is found
      // from packages/db, whether or not this app depends on it itself.
      const resolved = await builder.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: 'resolving',
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return { path: pathToFileURL(resolved.path).href, external: true };
    });
    builder.onLoad({ filter: /\.(ts|tsx)$/ }, async (args) => {
      if (!isWorkspaceSource(args.path)) return undefined;
      const source = await readFile(args.path, 'utf8');
      const ownUrl = JSON.stringify(pathToFileURL(args.path).href);
      return { contents: source.replaceAll('import.meta.url', ownUrl), loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
};

/** Writes `dist/main.js` (and its source map); resolves once written. */
export async function buildServer(): Promise<void> {
  await build({
    entryPoints: [fileURLToPath(new URL('./src/main.ts', import.meta.url))],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Packages resolve as Node resolves them: no `module` condition, `main` before `module`.
    conditions: ['node'],
    mainFields: ['main'],
    sourcemap: 'linked',
    plugins: [workspaceOnly],
    logLevel: 'warning',
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildServer();
}
