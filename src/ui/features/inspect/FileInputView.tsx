// What the page shows of a large input it does not hold (issue 15: aggregates up to 256 MB): a
// file inspected as a file (fileInput.ts) in place of the editor, and the XML view's start when
// the worker sent only that (worker/shownText.ts). Both say what is missing and why.
import { useEffect, useState } from 'react';
import { PAGE_LIMITS, SHARE_MAX_FRAGMENT_CHARS } from '../../../core/limits';
import type { XmlCut } from '../../worker/shownText';
import { formatFileSize } from './fileInput';

/** In place of the input editor: the file's name and size, and its start on request (read then, never kept whole). */
export function FileInputView({ file }: { file: File }) {
  const [start, setStart] = useState<{ file: File; text: string } | null>(null);
  const shown = start && start.file === file ? start.text : null;
  useEffect(() => setStart(null), [file]);
  const showStart = () => {
    // Bytes, not characters: a multi-byte character cut at the end shows as U+FFFD.
    void file.slice(0, PAGE_LIMITS.xmlStartChars).text().then((text) => setStart({ file, text }));
  };
  return (
    <div className="file-input" data-file-input={file.size}>
      <p>
        <strong>File too large to show in the editor:</strong> {file.name}, {formatFileSize(file.size)}. The inspection reads it in the
        background (a Web Worker); the page keeps only what it shows. Clear it, or paste or open something else, to use the editor again.
      </p>
      {shown === null ? (
        <button type="button" onClick={showStart}>
          Show the start ({formatFileSize(Math.min(file.size, PAGE_LIMITS.xmlStartChars))})
        </button>
      ) : (
        <pre className="file-start" tabIndex={0} aria-label={`The start of ${file.name}`} data-file-start={shown.length}>
          {shown}
        </pre>
      )}
    </div>
  );
}

/** Under the XML view when it shows the start of the message's XML only. */
export function XmlStartNote({ cut, fromFile }: { cut: XmlCut; fromFile: boolean }) {
  return (
    <p className="hint small" data-xml-cut={cut.prettyChars}>
      The XML view shows the first {cut.shownChars.toLocaleString('en')} of {cut.prettyChars.toLocaleString('en')} characters: a text
      over {PAGE_LIMITS.editorHugeChars.toLocaleString('en')} characters is not sent to the page whole (docs/limits.md). Findings in the
      rest are listed above with their line; {fromFile ? 'open the file in a text editor' : 'the input editor holds the whole text'} to read
      them in place, or use the command line (<code>samlscope inspect</code>).
    </p>
  );
}

/** In the share row: why a file inspected as a file has no share link and no history entry. */
export function FileNotShared({ file }: { file: File }) {
  return (
    <p className="hint small" data-file-not-shared="true">
      No share link and no history entry for {file.name} ({formatFileSize(file.size)}): both carry the whole input, and a link holds at
      most {(SHARE_MAX_FRAGMENT_CHARS / 1024 / 1024).toLocaleString('en')} Mi characters (SHARE_MAX_FRAGMENT_CHARS). Share the file itself, with its verdict from <code>samlscope inspect</code>.
    </p>
  );
}
