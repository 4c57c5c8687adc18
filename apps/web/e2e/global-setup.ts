import type { TestProject } from 'vitest/node';
import { type PanoramaProcess, startPanorama } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The origin of the Panorama the browser tests run against. */
    panoramaUrl: string;
    /** Its demo accounts, one per role (REGIONAL is RBN's), as its first start printed them. */
    panoramaAccounts: PanoramaProcess['accounts'];
  }
}

/** One Panorama for every browser test file: demo data loads once. */
export default async function setup(project: TestProject) {
  const panorama = await startPanorama();
  project.provide('panoramaUrl', panorama.url);
  project.provide('panoramaAccounts', panorama.accounts);
  return () => panorama.stop();
}
