import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createQueryClient } from './app/query-client';
import { preloadCompareGrid } from './features/experiments';
import './styles.css';

// The compare table is the page people land on most: fetch its grid code alongside the first API call.
if (/^\/datasets\/[^/]+\/experiments/.test(window.location.pathname)) preloadCompareGrid();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App queryClient={createQueryClient()} />
  </StrictMode>,
);
