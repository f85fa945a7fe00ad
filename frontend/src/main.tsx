import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createQueryClient } from './app/query-client';
import { preloadComparePage } from './features/experiments';
import { session } from './lib/session';
import './styles.css';

const queryClient = createQueryClient();

// The compare table is the page people land on most: start its grid code and first API call
// before React renders anything.
const compare = /^\/datasets\/([^/]+)\/experiments\/?$/.exec(window.location.pathname);
if (compare && session.get().token) preloadComparePage(queryClient, decodeURIComponent(compare[1]));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>,
);
