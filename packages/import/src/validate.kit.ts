import type { ImportKind } from './formats';
import { cutAt, REFERENCE, utf8 } from './test-helpers';
import { collectValidation } from './validate';

/** What the tests of validation (`validate-*.test.ts`) share: a file's text checked against the small reference. */

export const CONTRIBUTIONS_HEADER =
  'external_ref,date,amount_usd,income_stream,kind,partner_ref,partner_name,partner_type,region_code,country_iso3,objective_code,partnership_ref';

export const validate = <K extends ImportKind>(kind: K, text: string) =>
  collectValidation(kind, cutAt(utf8(text)), REFERENCE);

/** The problems of a file, without their value, for compact expectations. */
export async function problemsOf(kind: ImportKind, text: string) {
  const report = await validate(kind, text);
  return report.problems.map(({ line, column, reason }) => ({ line, column, reason }));
}
