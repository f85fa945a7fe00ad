import { useEffect } from 'react';

/** The browser tab names the page, so several open tabs stay distinguishable. */
export function useDocumentTitle(title: string): void {
  useEffect(() => { document.title = title; }, [title]);
}
