// The trust input may hold one metadata document, one certificate, or several PEM
// certificates pasted together (IdPs publish two during a key rollover). The core takes one
// document or certificate per entry, so several PEM blocks are split here.
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

export function trustEntries(texts: string[]): string[] {
  const out: string[] = [];
  for (const t of texts) {
    const s = t.trim();
    if (!s) continue;
    const pems = s.match(PEM_BLOCK);
    if (pems && pems.length > 1 && !s.includes('<')) out.push(...pems);
    else out.push(s);
  }
  return out;
}
