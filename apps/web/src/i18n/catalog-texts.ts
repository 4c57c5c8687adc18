/**
 * Translations of what the API names in English: the metrics of its catalog (`metricCatalog`
 * gives each an English label and description) and the strategy's objectives. Keyed by code, so
 * that French and Spanish cover every code the API knows today; a code added later shows the API's
 * English until it is translated.
 */

/** The codes of the API's `MetricCode` enum. */
export type MetricCode =
  | 'REVENUE_USD'
  | 'CASH_REVENUE_USD'
  | 'IN_KIND_REVENUE_USD'
  | 'CONTRIBUTION_COUNT'
  | 'AVERAGE_GIFT_USD'
  | 'ACTIVE_PARTNERS'
  | 'NEW_PARTNERS'
  | 'PARTNER_RETENTION_RATE'
  | 'PIPELINE_WEIGHTED_USD'
  | 'BENEFICIARIES_REACHED'
  | 'MEALS_PROVIDED'
  | 'FOOD_TONNES'
  | 'PEOPLE_TRAINED'
  | 'EXPERTISE_DAYS'
  | 'WORKPLANS_COMPLETED'
  | 'CONTENT_PIECES_PUBLISHED'
  | 'PRACTITIONERS_IN_NETWORK';

/** A metric's name and definition in one language. */
export interface MetricText {
  readonly label: string;
  readonly description: string;
}

/** Every metric of the catalog in one language. */
export type MetricTexts = Readonly<Record<MetricCode, MetricText>>;

/** The codes of the strategy's objectives. */
export type ObjectiveCode =
  | 'INC_GROWTH'
  | 'INC_FLEXIBLE'
  | 'INC_INDIVIDUAL'
  | 'IMP_NUTRITION'
  | 'IMP_RESILIENCE'
  | 'IMP_EMERGENCY'
  | 'INN_TECHNOLOGY'
  | 'INN_SHARED_VALUE'
  | 'ENB_BUREAU_SUPPORT'
  | 'ENB_COMMUNICATION'
  | 'ENB_PRACTITIONERS';

/** Every objective's name in one language. */
export type ObjectiveNames = Readonly<Record<ObjectiveCode, string>>;
