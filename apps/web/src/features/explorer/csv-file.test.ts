import { describe, expect, it } from 'vitest';
import { csvFileName } from '../../lib/csv';
import { exportFileName } from './csv-file';

describe('exportFileName', () => {
  it('names the file after the operation, in words', () => {
    expect(csvFileName(exportFileName('RegionsRanked'))).toBe('panorama-regions-ranked.csv');
    expect(csvFileName(exportFileName('OnTrack'))).toBe('panorama-on-track.csv');
    expect(csvFileName(exportFileName(null))).toBe('panorama-query.csv');
    expect(csvFileName(exportFileName(''))).toBe('panorama-query.csv');
  });
});
