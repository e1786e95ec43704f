/**
 * The shapes of jobstream's Grafana files, built from Grafana Labs' published types:
 * `@grafana/schema` (the dashboard JSON model and the panel plugins' options) and
 * `@grafana/grafana-foundation-sdk` (Prometheus queries, server-side expressions, alert rules).
 * Only what the published types leave open is narrowed here (the panel types jobstream uses,
 * Prometheus as the data source, the alert-rule file's group wrapper), so a field Grafana does
 * not know, or a value of the wrong type, fails the type check.
 */
import type { Dashboard, FieldConfig, FieldConfigSource, Panel } from '@grafana/schema';
import type * as stat from '@grafana/schema/dist/esm/raw/composable/stat/panelcfg/x/StatPanelCfg_types.gen';
import type * as timeseries from '@grafana/schema/dist/esm/raw/composable/timeseries/panelcfg/x/TimeSeriesPanelCfg_types.gen';
import type * as alerting from '@grafana/grafana-foundation-sdk/alerting';
import type * as expr from '@grafana/grafana-foundation-sdk/expr';
import type * as prometheus from '@grafana/grafana-foundation-sdk/prometheus';

/**
 * `T` as it reads in JSON: the published types use TypeScript enums (`LegendDisplayMode.List`),
 * a JSON file holds their values (`"list"`).
 */
type Json<T> = T extends string
  ? string extends T ? string : `${T}`
  : T extends Array<infer U>
    ? Array<Json<U>>
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

/** A query as stored in JSON: the SDK's variant marker is a TypeScript-only method. */
type Stored<T> = T extends unknown ? Omit<T, '_implementsDataqueryVariant'> : never;

/** A Prometheus query of a panel or an alert rule. */
export type PrometheusQuery = Stored<prometheus.Dataquery>;

/** A server-side expression of an alert rule (data source `__expr__`). */
export type ExpressionQuery = Stored<expr.expr>;

/**
 * A panel of plugin `K` with that plugin's options `O` and field options `C`: the published
 * `Panel` keeps `options`, `fieldConfig.defaults.custom` and `targets` open (any keys), the
 * plugin's own types close them.
 */
type PanelOf<K extends string, O, C> = Omit<Panel, 'type' | 'options' | 'fieldConfig' | 'targets'> & {
  type: K;
  options: O;
  fieldConfig: Omit<FieldConfigSource, 'defaults'> & { defaults: Omit<FieldConfig, 'custom'> & { custom?: C } };
  targets: PrometheusQuery[];
};

/** The panel plugins jobstream's dashboards use; another `type` fails until it is added here. */
export type JobstreamPanel =
  | PanelOf<'timeseries', timeseries.Options, timeseries.FieldConfig>
  | PanelOf<'stat', stat.Options, Record<string, never>>;

/** A dashboard JSON model (`deploy/grafana/dashboards/*.json`). */
export type JobstreamDashboard = Json<Omit<Dashboard, 'panels'> & { panels: JobstreamPanel[] }>;

/**
 * A query of a provisioned alert rule: the published `Query` with its model narrowed to
 * Prometheus or an expression.
 */
export type AlertQuery = Omit<alerting.Query, 'model'> & { model: PrometheusQuery | ExpressionQuery };

/**
 * A rule of an alert-rule provisioning file. The published `Rule` is the HTTP API's; in a file
 * the folder, organisation and group come from the group around the rules.
 */
export type ProvisionedRule = Omit<alerting.Rule, 'folderUID' | 'orgID' | 'ruleGroup' | 'data'> & { data: AlertQuery[] };

/**
 * An alert-rule provisioning file (`deploy/grafana/provisioning/alerting/*-alerts.yml`): the
 * wrapper is Grafana's file-provisioning format (apiVersion 1, groups with organisation, name,
 * folder title and evaluation interval), which the published types do not cover.
 */
export type AlertRuleFile = Json<{
  apiVersion: 1;
  groups: Array<{
    orgId: number;
    name: string;
    folder: string;
    interval: string;
    rules: ProvisionedRule[];
  }>;
}>;
