// Paste anywhere, drop anywhere (issue 2): a paste outside an editable field becomes the message;
// a file dropped on the trust panel ([data-drop-target="trust"]) becomes trust, anywhere else the message.
import { useEffect, useState } from 'react';

export type DropZone = 'message' | 'trust';

function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return !!target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], .monaco-editor');
}

/**
 * Returns the zone a file is being dragged over, for highlighting it. A message file goes to
 * `onMessageFile` unread: the page decides whether to read it (fileInput.ts).
 */
export function usePasteAndDrop(onMessage: (text: string, source: string) => void, onMessageFile: (file: File) => void, onTrustFile: (name: string, text: string) => void): DropZone | null {
  const [dragging, setDragging] = useState<DropZone | null>(null);
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      if (isEditableTarget(e.target)) return; // the focused field takes it
      const data = e.clipboardData;
      if (!data) return;
      const file = data.files?.[0];
      if (file) {
        e.preventDefault();
        onMessageFile(file);
        return;
      }
      const text = data.getData('text/plain') || data.getData('text');
      if (text) {
        e.preventDefault();
        onMessage(text, 'pasted');
      }
    };
    const zoneOf = (target: EventTarget | null): DropZone =>
      target instanceof Element && target.closest('[data-drop-target="trust"]') ? 'trust' : 'message';
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files');
    const onDragOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      setDragging(zoneOf(e.target));
    };
    const onDragLeave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(null);
    };
    // Capture phase: Monaco would otherwise insert a dropped file's name as text.
    const onDrop = (e: DragEvent) => {
      setDragging(null);
      const files = e.dataTransfer?.files;
      if (!files || files.length === 0) return;
      e.preventDefault();
      e.stopPropagation();
      const list = Array.from(files);
      if (zoneOf(e.target) === 'trust') {
        for (const f of list) void f.text().then((t) => onTrustFile(f.name, t));
      } else {
        onMessageFile(list[0]!);
      }
    };
    document.addEventListener('paste', onPaste);
    window.addEventListener('dragover', onDragOver, true);
    window.addEventListener('dragleave', onDragLeave, true);
    window.addEventListener('drop', onDrop, true);
    return () => {
      document.removeEventListener('paste', onPaste);
      window.removeEventListener('dragover', onDragOver, true);
      window.removeEventListener('dragleave', onDragLeave, true);
      window.removeEventListener('drop', onDrop, true);
    };
  }, [onMessage, onMessageFile, onTrustFile]);
  return dragging;
}
