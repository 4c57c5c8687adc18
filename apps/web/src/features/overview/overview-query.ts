import { gql } from 'urql';

/** One metric's figures as the overview reads them: 1 January to asOf, vs a year earlier and the target. */
export interface OverviewMetricValue {
  metric: string;
  value: number | null;
  previous?: number | null;
  change?: number | null;
  target?: number | null;
  attainment?: number | null;
  status?: string | null;
}

export interface OverviewRegionRow {
  region: { code: string; name: string; city: string | null } | null;
  values: OverviewMetricValue[];
}

export interface OverviewTrendRow {
  period: { from: string; label: string } | null;
  values: OverviewMetricValue[];
}

export interface OverviewIncomeStreamRow {
  incomeStream: string | null;
  values: OverviewMetricValue[];
}

export interface OverviewObjectiveProgress {
  objective: { code: string; name: string; pillar: string };
  status: string | null;
  figures: OverviewMetricValue[];
}

export interface Overview {
  year: number;
  asOf: string;
  kpis: OverviewMetricValue[];
  regions: OverviewRegionRow[];
  trend: OverviewTrendRow[];
  byIncomeStream: OverviewIncomeStreamRow[];
  objectives: OverviewObjectiveProgress[];
}

/** A metric of the catalog: its name, unit and meaning. */
export interface MetricDefinition {
  code: string;
  label: string;
  unit: string;
  description: string;
  pillar: string;
}

export interface OverviewPageOverviewQuery {
  overview: Overview;
  metricCatalog: MetricDefinition[];
}

export interface OverviewPageOverviewVariables {
  year: number;
  asOf: string | null;
}

/** Everything the overview shows but the map: one request. */
export const OverviewPage_Overview = gql<OverviewPageOverviewQuery, OverviewPageOverviewVariables>`
  query OverviewPage_Overview($year: Int!, $asOf: Date) {
    overview(year: $year, asOf: $asOf) {
      year
      asOf
      kpis {
        metric
        value
        previous
        change
        target
        attainment
        status
      }
      regions {
        region {
          code
          name
          city
        }
        values {
          metric
          value
          target
          attainment
          status
        }
      }
      trend {
        period {
          from
          label
        }
        values {
          metric
          value
          previous
        }
      }
      byIncomeStream {
        incomeStream
        values {
          metric
          value
          previous
          change
        }
      }
      objectives {
        objective {
          code
          name
          pillar
        }
        status
        figures {
          metric
          value
          target
          attainment
          status
        }
      }
    }
    metricCatalog {
      code
      label
      unit
      description
      pillar
    }
  }
`;

export interface CountryMapRow {
  country: { iso3: string; name: string } | null;
  values: { value: number | null }[];
}

export interface MapRegion {
  code: string;
  name: string;
  city: string | null;
  countries: { iso3: string }[];
}

export interface OverviewPageCountryMapQuery {
  metrics: { rows: CountryMapRow[] };
  regions: MapRegion[];
}

export interface OverviewPageCountryMapVariables {
  metric: string;
  from: string;
  to: string;
}

/** One metric by country office over the overview's days, largest first, and each bureau's countries (to zoom). */
export const OverviewPage_CountryMap = gql<OverviewPageCountryMapQuery, OverviewPageCountryMapVariables>`
  query OverviewPage_CountryMap($metric: MetricCode!, $from: Date!, $to: Date!) {
    metrics(metrics: [$metric], from: $from, to: $to, groupBy: [COUNTRY], orderBy: [{ metric: $metric }]) {
      rows {
        country {
          iso3
          name
        }
        values {
          value
        }
      }
    }
    regions {
      code
      name
      city
      countries {
        iso3
      }
    }
  }
`;
