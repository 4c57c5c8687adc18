import {
  CONTRIBUTION_KINDS,
  FIELD_NEED_STATUSES,
  INCOME_STREAMS,
  MODALITIES,
  OPPORTUNITY_STAGES,
  PARTNER_SCOPES,
  PARTNER_TYPES,
  PARTNERSHIP_STATUSES,
  PILLARS,
  TARGET_SCOPES,
  USER_ROLES,
} from '@panorama/db';
import { builder } from '../builder';

type Described<T extends string> = Record<T, string>;

/** Declares a GraphQL enum whose values are the domain's, each with its description. */
function domainEnum<T extends string>(name: string, description: string, values: readonly T[], docs: Described<T>) {
  return builder.enumType(name, {
    description,
    values: Object.fromEntries(values.map((value) => [value, { value, description: docs[value] }])) as Record<
      T,
      { value: T; description: string }
    >,
  });
}

export const PartnerTypeEnum = domainEnum(
  'PartnerType',
  'What kind of organisation or person a partner is.',
  PARTNER_TYPES,
  {
    CORPORATION: 'A company.',
    FOUNDATION: 'A philanthropic foundation.',
    HNWI: 'A high-net-worth individual.',
    GIVING_CHANNEL: 'An individual-giving channel: a giving app, an online campaign.',
    ASSOCIATION: "A national friends' association.",
  },
);

export const PartnerScopeEnum = domainEnum(
  'PartnerScope',
  'Where a partner works with the organisation.',
  PARTNER_SCOPES,
  {
    LOCAL: 'With one office.',
    GLOBAL: 'With several offices or headquarters.',
  },
);

export const IncomeStreamEnum = domainEnum(
  'IncomeStream',
  'The fundraising stream a contribution belongs to.',
  INCOME_STREAMS,
  {
    INDIVIDUAL_GIVING: 'Gifts from the public.',
    CORPORATE: 'Gifts and payments from companies.',
    FOUNDATION: 'Grants from foundations.',
    HNWI: 'Gifts from high-net-worth individuals.',
  },
);

export const ContributionKindEnum = domainEnum(
  'ContributionKind',
  'Whether a contribution is money or goods and services.',
  CONTRIBUTION_KINDS,
  {
    CASH: 'Money.',
    IN_KIND: 'Goods or services, valued in USD.',
  },
);

export const PillarEnum = domainEnum('Pillar', 'A pillar of the strategy.', PILLARS, {
  INCOME: 'Money raised.',
  IMPACT: 'What partnerships achieve on the ground.',
  INNOVATION: 'New technology, models and expertise.',
  ENABLER: 'The 2021 field priorities that make the rest possible.',
});

export const ModalityEnum = domainEnum('Modality', 'How a partner contributes to a partnership.', MODALITIES, {
  CASH: 'Money.',
  IN_KIND: 'Goods or services.',
  TECHNICAL_EXPERTISE: 'Expertise lent by the partner.',
  SHARED_VALUE: 'A business model that benefits both sides.',
});

export const PartnershipStatusEnum = domainEnum(
  'PartnershipStatus',
  'Where a partnership stands.',
  PARTNERSHIP_STATUSES,
  {
    PLANNED: 'Agreed, not started.',
    ACTIVE: 'Running.',
    COMPLETED: 'Ended as planned.',
    SUSPENDED: 'Paused or stopped early.',
  },
);

export const OpportunityStageEnum = domainEnum(
  'OpportunityStage',
  'The stage of a pipeline opportunity.',
  OPPORTUNITY_STAGES,
  {
    IDENTIFIED: 'A prospect has been identified.',
    QUALIFIED: 'The prospect is interested and able to give.',
    PROPOSAL: 'A proposal has been sent.',
    NEGOTIATION: 'Terms are being negotiated.',
    WON: 'Agreed: the gift will come.',
    LOST: 'It will not happen.',
  },
);

export const FieldNeedStatusEnum = domainEnum('FieldNeedStatus', 'Where a field need stands.', FIELD_NEED_STATUSES, {
  OPEN: 'Identified, waiting for a partner.',
  MATCHED: 'A partnership answers it.',
  CLOSED: 'No longer pursued, or met some other way.',
});

export const TargetScopeEnum = domainEnum('TargetScope', 'What a target covers.', TARGET_SCOPES, {
  GLOBAL: 'The whole organisation.',
  REGION: 'One regional bureau (or HQ).',
  COUNTRY: 'One country office.',
});

export const UserRoleEnum = domainEnum('UserRole', 'What a user may do.', USER_ROLES, {
  LEADERSHIP: 'Reads everything.',
  ANALYST: 'Reads everything and creates API tokens for scripts.',
  REGIONAL:
    "Bound to one region: reads every region's aggregates, its own region's partners and contributions, and writes its own region's targets, stories, pipeline and field needs.",
  ADMIN: 'Does everything, and manages users.',
});

export const SortDirectionEnum = builder.enumType('SortDirection', {
  description: 'The direction of an ordering.',
  values: {
    ASC: { value: 'asc', description: 'Smallest, earliest or A first.' },
    DESC: { value: 'desc', description: 'Largest, latest or Z first.' },
  } as const,
});
