/**
 * AG Grid column definitions of the Compare table: experiment columns, then one group each for
 * hyper-parameters, accuracy metrics and beyond-accuracy metrics at the selected K.
 * Column ids of metric columns are the metric names, so a sort model maps to the API's `sort`.
 */
import type { ColDef, ColGroupDef, ValueFormatterParams, ValueGetterParams } from 'ag-grid-community';
import { formatMetric, higherIsBetter, metricLabel } from '@/lib/metrics';
import { formatShortDate } from '@/lib/format';
import { EXPERIMENT_KEYS, hyperKey, metricKey } from '../lib/column-keys';
import type { TableRow } from '../types';

export type CompareColumn = ColDef<TableRow> | ColGroupDef<TableRow>;

export interface CompareColumnsInput {
  k: number;
  hyperParameterNames: readonly string[];
  accuracy: readonly string[];
  beyond: readonly string[];
  hidden: ReadonlySet<string>;
  pinned: ReadonlySet<string>;
}

/** Columns the server can sort by (besides metric names). */
export const SORTABLE_EXPERIMENT_COLUMNS = ['name', 'created_at', 'status'] as const;

export function formatHyperValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const metricFormatter = (p: ValueFormatterParams<TableRow, number | null>): string => formatMetric(p.value ?? null);

function metricColumn(name: string, pinned: ReadonlySet<string>): ColDef<TableRow> {
  const key = metricKey(name);
  return {
    colId: name,
    headerName: metricLabel(name),
    headerTooltip: `${name} — ${higherIsBetter(name) ? 'higher' : 'lower'} is better`,
    valueGetter: (p: ValueGetterParams<TableRow>) => p.data?.metrics[name] ?? null,
    valueFormatter: metricFormatter,
    sortable: true,
    type: 'numericColumn',
    width: 118,
    cellClass: 'metric-cell',
    pinned: pinned.has(key) ? 'left' : null,
  };
}

export function buildCompareColumnDefs(input: CompareColumnsInput): CompareColumn[] {
  const { k, hyperParameterNames, accuracy, beyond, hidden, pinned } = input;
  const experimentGroup: ColGroupDef<TableRow> = {
    headerName: 'Experiment',
    groupId: 'g.experiment',
    children: [
      {
        colId: 'name', field: 'name', headerName: 'Name', pinned: 'left', lockPinned: true, width: 230, sortable: true,
        filter: 'agTextColumnFilter', floatingFilter: true,
        filterParams: { filterOptions: ['contains'], maxNumConditions: 1, debounceMs: 300, buttons: ['reset'] },
        cellRenderer: 'nameCell', tooltipValueGetter: (p) => p.data?.error ?? p.data?.name ?? '',
      },
      { colId: 'status', field: 'status', headerName: 'Status', width: 110, sortable: true, cellRenderer: 'statusCell', hide: hidden.has(EXPERIMENT_KEYS.status), pinned: pinned.has(EXPERIMENT_KEYS.status) ? 'left' : null },
      { colId: 'created_at', field: 'created_at', headerName: 'Created', width: 150, sortable: true, valueFormatter: (p: ValueFormatterParams<TableRow, string>) => formatShortDate(p.value), hide: hidden.has(EXPERIMENT_KEYS.created) },
      { colId: 'parent', field: 'parent', headerName: 'Parent', width: 140, columnGroupShow: 'open', hide: hidden.has(EXPERIMENT_KEYS.rerank), valueFormatter: (p) => p.value ?? '—' },
      { colId: 'objective', headerName: 'Objective', width: 150, columnGroupShow: 'open', hide: hidden.has(EXPERIMENT_KEYS.rerank),
        valueGetter: (p: ValueGetterParams<TableRow>) => (p.data?.objective ? `${p.data.objective}${p.data.sim ? ` (${p.data.sim})` : ''}` : null), valueFormatter: (p) => p.value ?? '—' },
      { colId: 'lambda', field: 'lambda', headerName: 'λ', width: 80, type: 'numericColumn', columnGroupShow: 'open', hide: hidden.has(EXPERIMENT_KEYS.rerank), valueFormatter: (p) => (p.value === null || p.value === undefined ? '—' : String(p.value)) },
    ],
  };
  const groups: CompareColumn[] = [experimentGroup];
  const acc = accuracy.filter((m) => !hidden.has(metricKey(m)));
  if (acc.length > 0) groups.push({ headerName: `Accuracy @${k}`, groupId: 'g.accuracy', headerClass: 'group-accuracy', children: acc.map((m) => metricColumn(m, pinned)) });
  const bey = beyond.filter((m) => !hidden.has(metricKey(m)));
  if (bey.length > 0) groups.push({ headerName: `Beyond accuracy @${k}`, groupId: 'g.beyond', headerClass: 'group-beyond', children: bey.map((m) => metricColumn(m, pinned)) });
  const hyper = hyperParameterNames.filter((h) => !hidden.has(hyperKey(h)));
  if (hyper.length > 0) {
    groups.push({
      headerName: 'Hyper-parameters', groupId: 'g.hyper',
      children: hyper.map((h): ColDef<TableRow> => ({
        colId: hyperKey(h), headerName: h, headerTooltip: `hyper-parameter ${h}`, width: 120, sortable: false,
        valueGetter: (p: ValueGetterParams<TableRow>) => formatHyperValue(p.data?.hyper_parameters[h]),
        pinned: pinned.has(hyperKey(h)) ? 'left' : null,
      })),
    });
  }
  return groups;
}

/** The metric columns to fetch: visible ones at K. */
export function visibleMetricColumns(input: Pick<CompareColumnsInput, 'accuracy' | 'beyond' | 'hidden'>): string[] {
  return [...input.accuracy, ...input.beyond].filter((m) => !input.hidden.has(metricKey(m)));
}
