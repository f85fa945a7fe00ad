import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { jsonResponse, tableAnswer } from '@/test/fixtures';
import { ComparePage } from './ComparePage';

afterEach(() => vi.unstubAllGlobals());

const renderPage = () => render(
  <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
    <ComparePage dataset="fresh" />
  </QueryClientProvider>,
);

describe('ComparePage', () => {
  it('says how to upload when the dataset has no experiments', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(tableAnswer([], { total: 0, rows: [], metric_names: [], hyper_parameter_names: [] }))));
    renderPage();
    expect(await screen.findByText('No experiments yet')).toBeTruthy();
    expect(screen.getAllByText(/Web4Rec\.upload_experiment/).length).toBeGreaterThan(0);
  });

  it('shows the server message when the dataset does not exist', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse({ error: 'not_found', message: "dataset 'fresh' does not exist" }, 404)));
    renderPage();
    expect(await screen.findByText("dataset 'fresh' does not exist")).toBeTruthy();
  });

  it('offers the K values of the dataset and the column picker', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(tableAnswer([]))));
    renderPage();
    expect(await screen.findByRole('radio', { name: '10' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: '5' })).toBeTruthy();
    expect(screen.getByTestId('columns-button')).toBeTruthy();
    expect(await screen.findByText('4 experiments')).toBeTruthy();
  });
});
