import { describe, expect, it } from 'vitest';
import { tableAnswer } from '@/test/fixtures';
import { tableToCsv } from './export-csv';

describe('tableToCsv', () => {
  it('writes experiment, hyper-parameter and metric columns, quoting where needed', () => {
    const rows = tableAnswer(['ndcg@10', 'diversity@10:cooc']).rows;
    rows[0].hyper_parameters = { model: 'a,b' };
    const lines = tableToCsv(rows, ['model', 'seed'], ['ndcg@10', 'diversity@10:cooc']).trim().split('\r\n');
    expect(lines[0]).toBe('name,status,created_at,parent,objective,sim,lambda,model,seed,ndcg@10,diversity@10:cooc');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe('MostPopular,ready,2026-01-01T10:00:00Z,,,,,"a,b",,0.196,0.31');
    expect(lines[4]).toContain('ItemKNN-50+MMR,computing,2026-01-01T10:03:00Z,ItemKNN-50,diversity,cooc,0.3');
  });
});
