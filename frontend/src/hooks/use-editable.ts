import { useEffect, useState } from 'react';

/**
 * A text field bound to a value that lives elsewhere (the URL): typing edits a local copy, and the
 * copy follows the value whenever it changes (back button, a click on the map).
 */
export function useEditable(value: string): [string, (v: string) => void] {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return [text, setText];
}
