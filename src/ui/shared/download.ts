// Downloads built in the page, for every feature: a Blob and an <a download>. Nothing is sent
// anywhere; the blob: URL is local to this document (CSP allows blob: for exactly this).
export function downloadText(fileName: string, text: string, mime = 'text/plain'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: Chromium starts the download asynchronously after click().
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file-name-safe stem from a source label ("login.har" → "login"). */
export function fileStem(source: string | undefined): string {
  const base = (source ?? '').replace(/\.[a-z0-9]+$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return base && base !== 'pasted' ? base.slice(0, 60) : 'samlscope';
}
