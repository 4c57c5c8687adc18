import { defineRelations } from 'drizzle-orm';
import { apiTokens, sessions, users } from './schema/access';
import { auditLog } from './schema/audit';
import { contributions } from './schema/contributions';
import { fieldNeeds } from './schema/field-needs';
import { impactRecords } from './schema/impact';
import { objectives } from './schema/objectives';
import { opportunities } from './schema/opportunities';
import { partners } from './schema/partners';
import { partnerships } from './schema/partnerships';
import { countries, countryMemberships, regions } from './schema/regions';
import { stories } from './schema/stories';
import { targets, targetVersions } from './schema/targets';

export const tables = {
  regions,
  countries,
  countryMemberships,
  objectives,
  partners,
  partnerships,
  contributions,
  impactRecords,
  targets,
  targetVersions,
  opportunities,
  fieldNeeds,
  stories,
  users,
  sessions,
  apiTokens,
  auditLog,
};

export const relations = defineRelations(tables, (r) => ({
  regions: {
    countries: r.many.countries(),
    partners: r.many.partners(),
    partnerships: r.many.partnerships(),
    contributions: r.many.contributions(),
    impactRecords: r.many.impactRecords(),
    targets: r.many.targets(),
    opportunities: r.many.opportunities(),
    fieldNeeds: r.many.fieldNeeds(),
    stories: r.many.stories(),
  },
  countries: {
    region: r.one.regions({ from: r.countries.regionCode, to: r.regions.code, optional: false }),
    memberships: r.many.countryMemberships(),
    partners: r.many.partners(),
    contributions: r.many.contributions(),
    impactRecords: r.many.impactRecords(),
    targets: r.many.targets(),
    fieldNeeds: r.many.fieldNeeds(),
    partnerships: r.many.partnerships(),
    opportunities: r.many.opportunities(),
    stories: r.many.stories(),
  },
  countryMemberships: {
    country: r.one.countries({
      from: r.countryMemberships.countryIso3,
      to: r.countries.iso3,
      optional: false,
    }),
    region: r.one.regions({ from: r.countryMemberships.regionCode, to: r.regions.code, optional: false }),
  },
  objectives: {
    partnerships: r.many.partnerships(),
    contributions: r.many.contributions(),
    impactRecords: r.many.impactRecords(),
    opportunities: r.many.opportunities(),
    fieldNeeds: r.many.fieldNeeds(),
  },
  partners: {
    region: r.one.regions({ from: r.partners.regionCode, to: r.regions.code, optional: false }),
    country: r.one.countries({ from: r.partners.countryIso3, to: r.countries.iso3 }),
    partnerships: r.many.partnerships(),
    contributions: r.many.contributions(),
    opportunities: r.many.opportunities(),
  },
  partnerships: {
    partner: r.one.partners({ from: r.partnerships.partnerId, to: r.partners.id, optional: false }),
    region: r.one.regions({ from: r.partnerships.regionCode, to: r.regions.code, optional: false }),
    country: r.one.countries({ from: r.partnerships.countryIso3, to: r.countries.iso3 }),
    objective: r.one.objectives({
      from: r.partnerships.objectiveCode,
      to: r.objectives.code,
      optional: false,
    }),
    contributions: r.many.contributions(),
    impactRecords: r.many.impactRecords(),
    stories: r.many.stories(),
    fieldNeeds: r.many.fieldNeeds(),
  },
  contributions: {
    partner: r.one.partners({ from: r.contributions.partnerId, to: r.partners.id, optional: false }),
    region: r.one.regions({ from: r.contributions.regionCode, to: r.regions.code, optional: false }),
    country: r.one.countries({ from: r.contributions.countryIso3, to: r.countries.iso3 }),
    objective: r.one.objectives({
      from: r.contributions.objectiveCode,
      to: r.objectives.code,
      optional: false,
    }),
    partnership: r.one.partnerships({ from: r.contributions.partnershipId, to: r.partnerships.id }),
  },
  impactRecords: {
    region: r.one.regions({ from: r.impactRecords.regionCode, to: r.regions.code, optional: false }),
    country: r.one.countries({ from: r.impactRecords.countryIso3, to: r.countries.iso3 }),
    objective: r.one.objectives({
      from: r.impactRecords.objectiveCode,
      to: r.objectives.code,
      optional: false,
    }),
    partnership: r.one.partnerships({ from: r.impactRecords.partnershipId, to: r.partnerships.id }),
  },
  targets: {
    region: r.one.regions({ from: r.targets.regionCode, to: r.regions.code }),
    country: r.one.countries({ from: r.targets.countryIso3, to: r.countries.iso3 }),
    versions: r.many.targetVersions(),
  },
  targetVersions: {
    target: r.one.targets({ from: r.targetVersions.targetId, to: r.targets.id, optional: false }),
  },
  opportunities: {
    partner: r.one.partners({ from: r.opportunities.partnerId, to: r.partners.id }),
    region: r.one.regions({ from: r.opportunities.regionCode, to: r.regions.code, optional: false }),
    country: r.one.countries({ from: r.opportunities.countryIso3, to: r.countries.iso3 }),
    objective: r.one.objectives({ from: r.opportunities.objectiveCode, to: r.objectives.code }),
  },
  fieldNeeds: {
    region: r.one.regions({ from: r.fieldNeeds.regionCode, to: r.regions.code, optional: false }),
    country: r.one.countries({ from: r.fieldNeeds.countryIso3, to: r.countries.iso3 }),
    objective: r.one.objectives({ from: r.fieldNeeds.objectiveCode, to: r.objectives.code }),
    partnership: r.one.partnerships({ from: r.fieldNeeds.partnershipId, to: r.partnerships.id }),
  },
  stories: {
    region: r.one.regions({ from: r.stories.regionCode, to: r.regions.code, optional: false }),
    country: r.one.countries({ from: r.stories.countryIso3, to: r.countries.iso3 }),
    partnership: r.one.partnerships({ from: r.stories.partnershipId, to: r.partnerships.id }),
  },
  users: {
    region: r.one.regions({ from: r.users.regionCode, to: r.regions.code }),
    apiTokens: r.many.apiTokens(),
  },
  apiTokens: {
    user: r.one.users({ from: r.apiTokens.userId, to: r.users.id, optional: false }),
  },
  auditLog: {
    user: r.one.users({ from: r.auditLog.userId, to: r.users.id }),
  },
}));

export type Relations = typeof relations;
