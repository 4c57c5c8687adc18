import type { Pillar } from '../schema/enums';

export interface ObjectiveDefinition {
  code: string;
  name: string;
  pillar: Pillar;
  description: string;
}

/** The strategy's objectives. The ENABLER pillar holds the 2021 field priorities. */
export const OBJECTIVES: readonly ObjectiveDefinition[] = [
  {
    code: 'INC_GROWTH',
    name: 'Grow private-sector income',
    pillar: 'INCOME',
    description: 'Raise more money from companies, foundations, wealthy individuals and the public.',
  },
  {
    code: 'INC_FLEXIBLE',
    name: 'Increase flexible and multi-year funding',
    pillar: 'INCOME',
    description: 'Shift private income towards unearmarked and multi-year commitments.',
  },
  {
    code: 'INC_INDIVIDUAL',
    name: 'Build individual giving',
    pillar: 'INCOME',
    description: 'Grow regular and emergency giving by the public through digital channels and associations.',
  },
  {
    code: 'IMP_NUTRITION',
    name: 'Improve nutrition',
    pillar: 'IMPACT',
    description: 'Partnerships that prevent and treat malnutrition, including food fortification.',
  },
  {
    code: 'IMP_RESILIENCE',
    name: 'Strengthen food systems and resilience',
    pillar: 'IMPACT',
    description: 'Partnerships with supply chains, smallholder farmers and local markets.',
  },
  {
    code: 'IMP_EMERGENCY',
    name: 'Respond to emergencies',
    pillar: 'IMPACT',
    description: 'Private-sector logistics, in-kind goods and expertise for emergency response.',
  },
  {
    code: 'INN_TECHNOLOGY',
    name: 'Technology and innovation partnerships',
    pillar: 'INNOVATION',
    description: 'Technology, data and innovation brought in by partners.',
  },
  {
    code: 'INN_SHARED_VALUE',
    name: 'Shared-value models',
    pillar: 'INNOVATION',
    description: 'Business models that create value for partners and for the people served.',
  },
  {
    code: 'ENB_BUREAU_SUPPORT',
    name: 'Tailored support to each bureau',
    pillar: 'ENABLER',
    description: 'Workplans agreed with each regional bureau and delivered with them.',
  },
  {
    code: 'ENB_COMMUNICATION',
    name: 'Communication',
    pillar: 'ENABLER',
    description: 'Content that tells partners and the public what partnerships achieve.',
  },
  {
    code: 'ENB_PRACTITIONERS',
    name: "The practitioners' network",
    pillar: 'ENABLER',
    description: 'A network of private-sector partnership practitioners across the offices.',
  },
];
