import { describe, expect, it } from 'vitest';
import type { ColDef, ColGroupDef } from 'ag-grid-community';
import { metricsAtK } from '@/lib/metrics';
import { METRIC_NAMES } from '@/test/fixtures';
import { buildCompareColumnDefs, formatHyperValue, visibleMetricColumns, type CompareColumn } from './compare-columns';
import type { TableRow } from '../types';

const isGroup = (c: CompareColumn): c is ColGroupDef<TableRow> => 'children' in c;
const leafIds = (c: CompareColumn): string[] => (isGroup(c) ? c.children.flatMap((x) => leafIds(x as CompareColumn)) : [(c as ColDef<TableRow>).colId ?? '']);

describe('compare table columns', () => {
  const { accuracy, beyond } = metricsAtK(METRIC_NAMES, 10);
  const base = { k: 10, hyperParameterNames: ['model', 'seed'], accuracy, beyond, hidden: new Set<string>(), pinned: new Set<string>() };

  it('groups experiment, hyper-parameter, accuracy and beyond-accuracy columns', () => {
    const defs = buildCompareColumnDefs(base);
    expect(defs.map((d) => d.headerName)).toEqual(['Experiment', 'Accuracy @10', 'Beyond accuracy @10', 'Hyper-parameters']);
    expect(leafIds(defs[1])).toEqual(accuracy);
    expect(leafIds(defs[2])).toEqual(['novelty@10', 'coverage@10', 'gini@10', 'diversity@10:cooc']);
    expect(leafIds(defs[3])).toEqual(['hp.model', 'hp.seed']);
  });

  it('hides columns by K-independent keys and fetches only visible metrics', () => {
    const hidden = new Set(['m.gini', 'm.diversity:cooc', 'hp.seed', 'm.precision']);
    const defs = buildCompareColumnDefs({ ...base, hidden });
    expect(leafIds(defs[3])).toEqual(['hp.model']);
    expect(leafIds(defs[2])).toEqual(['novelty@10', 'coverage@10']);
    expect(visibleMetricColumns({ accuracy, beyond, hidden })).toEqual(['recall@10', 'hit_rate@10', 'ndcg@10', 'map@10', 'mrr@10', 'novelty@10', 'coverage@10']);
  });

  it('pins chosen metric columns and keeps the name pinned', () => {
    const defs = buildCompareColumnDefs({ ...base, pinned: new Set(['m.ndcg']) });
    const ndcg = (defs[1] as ColGroupDef<TableRow>).children.find((c) => (c as ColDef).colId === 'ndcg@10') as ColDef;
    expect(ndcg.pinned).toBe('left');
    const name = (defs[0] as ColGroupDef<TableRow>).children[0] as ColDef;
    expect(name.pinned).toBe('left');
    expect(name.filter).toBe('agTextColumnFilter');
  });

  it('sorts metric and experiment columns only (the server cannot sort hyper-parameters)', () => {
    const defs = buildCompareColumnDefs(base);
    expect(((defs[3] as ColGroupDef<TableRow>).children[0] as ColDef).sortable).toBe(false);
    expect(((defs[1] as ColGroupDef<TableRow>).children[0] as ColDef).sortable).toBe(true);
  });

  it('formats hyper-parameter values', () => {
    expect(formatHyperValue(0.1 + 0.2)).toBe('0.3');
    expect(formatHyperValue(64)).toBe('64');
    expect(formatHyperValue({ a: 1 })).toBe('{"a":1}');
    expect(formatHyperValue(null)).toBe('');
  });
});
