/** The enumerations of the domain, shared by the schema's check constraints and the API. */

export const PILLARS = ['INCOME', 'IMPACT', 'INNOVATION', 'ENABLER'] as const;
export type Pillar = (typeof PILLARS)[number];

export const PARTNER_TYPES = ['CORPORATION', 'FOUNDATION', 'HNWI', 'GIVING_CHANNEL', 'ASSOCIATION'] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

export const PARTNER_SCOPES = ['LOCAL', 'GLOBAL'] as const;
export type PartnerScope = (typeof PARTNER_SCOPES)[number];

export const INCOME_STREAMS = ['INDIVIDUAL_GIVING', 'CORPORATE', 'FOUNDATION', 'HNWI'] as const;
export type IncomeStream = (typeof INCOME_STREAMS)[number];

export const CONTRIBUTION_KINDS = ['CASH', 'IN_KIND'] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

export const MODALITIES = ['CASH', 'IN_KIND', 'TECHNICAL_EXPERTISE', 'SHARED_VALUE'] as const;
export type Modality = (typeof MODALITIES)[number];

export const PARTNERSHIP_STATUSES = ['PLANNED', 'ACTIVE', 'COMPLETED', 'SUSPENDED'] as const;
export type PartnershipStatus = (typeof PARTNERSHIP_STATUSES)[number];

export const TARGET_SCOPES = ['GLOBAL', 'REGION', 'COUNTRY'] as const;
export type TargetScope = (typeof TARGET_SCOPES)[number];

export const OPPORTUNITY_STAGES = ['IDENTIFIED', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION', 'WON', 'LOST'] as const;
export type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number];
export const OPEN_OPPORTUNITY_STAGES = ['IDENTIFIED', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION'] as const;

export const FIELD_NEED_STATUSES = ['OPEN', 'MATCHED', 'CLOSED'] as const;
export type FieldNeedStatus = (typeof FIELD_NEED_STATUSES)[number];

/** Codes of metrics: upper snake case, as in the metric catalog. */
export const METRIC_CODE_PATTERN = '^[A-Z][A-Z0-9_]*$';

/**
 * What a user may do. LEADERSHIP reads everything; ANALYST reads everything and creates API
 * tokens; REGIONAL reads every aggregate, reads and writes the detail of one region; ADMIN
 * does everything and manages users.
 */
export const USER_ROLES = ['LEADERSHIP', 'ANALYST', 'REGIONAL', 'ADMIN'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** The kinds of change the audit trail records. */
export const AUDIT_ACTIONS = ['CREATE', 'UPDATE', 'DELETE', 'IMPORT'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
