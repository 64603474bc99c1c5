// Apart from shareFile.ts (which validates, and so loads the share state's DEFLATE code): the
// inspect page makes this test on every paste, on its first screen.

/** The cheap test the page makes before handing the text to the worker to parse (parseShareFile). */
export function mayBeShareFile(text: string): boolean {
  const t = text.trimStart();
  return t.startsWith('{') && t.includes('"v"') && t.includes('"input"');
}
