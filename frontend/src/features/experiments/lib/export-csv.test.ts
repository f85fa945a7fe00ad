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

  it('neutralises cells a spreadsheet would run as formulas and keeps numbers', () => {
    const rows = tableAnswer(['ndcg@10']).rows.slice(0, 1);
    rows[0].name = '=HYPERLINK("http://x","y")';
    rows[0].hyper_parameters = { a: '@SUM(A1)', b: '+A1', g: '+1', c: '-cmd', d: '\tx', e: -0.5, f: '-0.5' };
    rows[0].metrics = { 'ndcg@10': -0.25 };
    const lines = tableToCsv(rows, ['a', 'b', 'c', 'd', 'e', 'f', 'g'], ['ndcg@10']).trim().split('\r\n');
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://x"",""y"")",ready,2026-01-01T10:00:00Z,,,,,'@SUM(A1),'+A1,'-cmd,'\tx,-0.5,-0.5,+1,-0.25`);
  });
});
