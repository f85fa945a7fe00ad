/**
 * The Compare table: AG Grid with the infinite row model, so only the visible blocks of rows
 * (100 each) are fetched from the server, sorted and filtered there. Loaded lazily.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { AgGridReact, type CustomCellRendererProps } from 'ag-grid-react';
import {
  CellStyleModule, InfiniteRowModelModule, ModuleRegistry, RowApiModule, RowSelectionModule, TextFilterModule, TooltipModule, themeQuartz,
  type GridApi, type GridReadyEvent, type IDatasource, type IGetRowsParams, type RowSelectedEvent, type RowSelectionOptions, type SelectionColumnDef, type SortModelItem,
} from 'ag-grid-community';
import { StatusBadge } from '@/components/ui';
import { experimentsTableQueryOptions } from '../api/get-experiments-table';
import { buildCompareColumnDefs, type CompareColumnsInput } from './compare-columns';
import type { ExperimentsTable, SortDir, TableRow } from '../types';

// Only what the table uses (not AllCommunityModule): about half the grid code, loaded before the first rows.
ModuleRegistry.registerModules([InfiniteRowModelModule, RowApiModule, RowSelectionModule, TextFilterModule, TooltipModule, CellStyleModule]);

export const BLOCK_SIZE = 100;

const theme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontSize: 12,
  headerFontWeight: 600,
  headerBackgroundColor: '#f8fafc',
  rowHoverColor: '#f1f5ff',
  selectedRowBackgroundColor: '#e8ecff',
  accentColor: '#4f46e5',
  borderColor: '#e5e7eb',
  wrapperBorderRadius: 8,
  spacing: 6,
});

export interface GridViewState {
  sortColumn?: string;
  sortDir?: SortDir;
  q?: string;
}

export interface CompareGridProps extends CompareColumnsInput {
  dataset: string;
  /** Metric columns to fetch (the visible ones). */
  columns: string[];
  selected: ReadonlySet<string>;
  onToggleSelected: (name: string, selected: boolean) => void;
  onViewChange: (view: GridViewState) => void;
  onLoaded: (result: ExperimentsTable) => void;
  onError: (error: unknown) => void;
  height?: number | string;
}

function NameCell(props: CustomCellRendererProps<TableRow, string>) {
  const row = props.data;
  if (!row) return <span className="skeleton-text" />;
  return (
    <span className="name-cell">
      <span className="name-main">{row.name}</span>
      {row.parent && <span className="name-sub">↳ {row.parent} · {row.objective}{row.lambda !== null ? ` λ=${row.lambda}` : ''}</span>}
    </span>
  );
}

function StatusCell(props: CustomCellRendererProps<TableRow, string>) {
  return props.value ? <StatusBadge status={props.value} /> : null;
}

const selectionColumnDef: SelectionColumnDef = { pinned: 'left', width: 44, minWidth: 44, maxWidth: 44, resizable: false, suppressHeaderMenuButton: true };
const rowSelection: RowSelectionOptions<TableRow> = { mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: false };

export function viewFromModels(sortModel: SortModelItem[], filterModel: unknown): GridViewState {
  const sort = sortModel[0];
  let q: string | undefined;
  if (filterModel && typeof filterModel === 'object' && 'name' in filterModel) {
    const f = (filterModel as { name?: { filter?: unknown } }).name?.filter;
    if (typeof f === 'string' && f.trim()) q = f.trim();
  }
  return { sortColumn: sort?.colId, sortDir: sort?.sort, q };
}

export default function CompareGrid(props: CompareGridProps) {
  const { dataset, columns, selected, onToggleSelected, onViewChange, onLoaded, onError, height = '100%' } = props;
  const { k, hyperParameterNames, accuracy, beyond, hidden, pinned } = props;
  const queryClient = useQueryClient();
  const apiRef = useRef<GridApi<TableRow> | null>(null);
  // Callbacks and selection read through refs so the datasource changes only with the data it fetches.
  const latest = useRef({ selected, onViewChange, onLoaded, onError });
  latest.current = { selected, onViewChange, onLoaded, onError };

  const columnDefs = useMemo(
    () => buildCompareColumnDefs({ k, hyperParameterNames, accuracy, beyond, hidden, pinned }),
    [k, hyperParameterNames, accuracy, beyond, hidden, pinned],
  );

  const columnsKey = columns.join(',');
  const datasource = useMemo<IDatasource>(() => ({
    getRows(params: IGetRowsParams<TableRow>) {
      performance.mark('w4r:grid-getRows');
      const view = viewFromModels(params.sortModel, params.filterModel);
      latest.current.onViewChange(view);
      const query = { offset: params.startRow, limit: params.endRow - params.startRow, columns: columnsKey ? columnsKey.split(',') : [], ...view };
      queryClient.fetchQuery(experimentsTableQueryOptions(dataset, query)).then(
        (result) => {
          performance.mark('w4r:grid-rows-fetched');
          params.successCallback(result.rows, result.total);
          latest.current.onLoaded(result);
          // re-apply the selection to freshly loaded rows (it lives in the page, keyed by name)
          const sel = latest.current.selected;
          if (sel.size > 0) {
            for (const row of result.rows) {
              if (sel.has(row.name)) params.api.getRowNode(row.name)?.setSelected(true, false, 'api');
            }
          }
        },
        (err: unknown) => {
          params.failCallback();
          latest.current.onError(err);
        },
      );
    },
  }), [queryClient, dataset, columnsKey]);

  useEffect(() => {
    apiRef.current?.setGridOption('datasource', datasource);
  }, [datasource]);

  const onGridReady = useCallback((e: GridReadyEvent<TableRow>) => {
    apiRef.current = e.api;
    performance.mark('w4r:grid-ready');
  }, []);

  const onRowSelected = useCallback((e: RowSelectedEvent<TableRow>) => {
    if (e.source === 'api' || !e.data) return;
    onToggleSelected(e.data.name, e.node.isSelected() === true);
  }, [onToggleSelected]);

  return (
    <div className="compare-grid" style={{ height }} data-testid="compare-grid">
      <AgGridReact<TableRow>
        theme={theme}
        columnDefs={columnDefs}
        defaultColDef={{ resizable: true, sortable: false, suppressHeaderMenuButton: true, minWidth: 70 }}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={BLOCK_SIZE}
        maxBlocksInCache={100}
        infiniteInitialRowCount={20}
        getRowId={(p) => p.data.name}
        rowSelection={rowSelection}
        selectionColumnDef={selectionColumnDef}
        onRowSelected={onRowSelected}
        onGridReady={onGridReady}
        components={{ nameCell: NameCell, statusCell: StatusCell }}
        suppressMultiSort
        rowBuffer={5}
        sortingOrder={['desc', 'asc', null]}
        tooltipShowDelay={400}
        rowHeight={40}
        headerHeight={36}
        groupHeaderHeight={30}
        floatingFiltersHeight={36}
        animateRows={false}
        suppressCellFocus
      />
    </div>
  );
}
