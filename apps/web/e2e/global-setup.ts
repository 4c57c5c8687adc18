import type { TestProject } from 'vitest/node';
import { startPanorama } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The origin of the Panorama the browser tests run against. */
    panoramaUrl: string;
  }
}

/** One Panorama for every browser test file: demo data loads once. */
export default async function setup(project: TestProject) {
  const panorama = await startPanorama();
  project.provide('panoramaUrl', panorama.url);
  return () => panorama.stop();
}
