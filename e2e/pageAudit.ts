// Accessibility and layout checks without an axe package (none is installed; issue 14 asks for
// axe-level checks): what axe's serious and critical rules look at, computed in Chromium.
// - color-contrast: WCAG 2.x §1.4.3 contrast of every visible text against its effective
//   background (alpha-blended up the ancestors), 4.5:1, or 3:1 for large text (≥ 24 px, or
//   ≥ 18.66 px bold); disabled controls are exempt, as in WCAG.
// - names (button-name, link-name, label, select-name, …): every node of Chromium's own
//   accessibility tree (CDP Accessibility.getFullAXTree) with an interactive role has a name.
// - list / definition-list structure, duplicate IDs, scrollable regions reachable by keyboard.
// - horizontal overflow: the page never scrolls sideways.
import type { Page } from '@playwright/test';

export interface AuditResult {
  contrast: string[];
  names: string[];
  structure: string[];
  overflow: string[];
}

const NAMED_ROLES = new Set(['button', 'link', 'textbox', 'combobox', 'checkbox', 'radio', 'listbox', 'searchbox', 'spinbutton', 'slider', 'switch', 'menuitem', 'tab', 'img', 'region', 'dialog']);

export async function auditPage(page: Page): Promise<AuditResult> {
  const dom = await page.evaluate(() => {
    type RGBA = [number, number, number, number];
    const parse = (c: string): RGBA | null => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) return null;
      const p = m[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
      return [p[0]!, p[1]!, p[2]!, p.length > 3 ? p[3]! : 1];
    };
    const over = (top: RGBA, bottom: RGBA): RGBA => {
      const a = top[3] + bottom[3] * (1 - top[3]);
      if (a === 0) return [0, 0, 0, 0];
      const mix = (i: number) => (top[i]! * top[3] + bottom[i]! * bottom[3] * (1 - top[3])) / a;
      return [mix(0), mix(1), mix(2), a];
    };
    const lum = (c: RGBA) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
    };
    const ratio = (a: RGBA, b: RGBA) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x! + 0.05) / (y! + 0.05);
    };
    /** The colour painted behind `el`, or null when an image/gradient makes it unknowable. */
    const background = (el: Element): RGBA | null => {
      const layers: RGBA[] = [];
      for (let e: Element | null = el; e; e = e.parentElement) {
        const st = getComputedStyle(e);
        if (st.backgroundImage !== 'none') return null;
        const c = parse(st.backgroundColor);
        if (c && c[3] > 0) {
          layers.push(c);
          if (c[3] >= 1) break;
        }
      }
      let out: RGBA = [255, 255, 255, 1];
      for (let i = layers.length - 1; i >= 0; i--) out = over(layers[i]!, out);
      return out;
    };
    const contrast: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent || !n.textContent.trim()) continue;
      const el = n.parentElement;
      if (!el || seen.has(el)) continue;
      seen.add(el);
      // aria-hidden text is still seen (Monaco's rendered lines are aria-hidden): WCAG 1.4.3 applies.
      if (el.closest('script, style, noscript, option')) continue;
      if (el.closest('button:disabled, input:disabled, select:disabled, textarea:disabled, fieldset:disabled, [aria-disabled="true"]')) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const rect = range.getBoundingClientRect();
      if (rect.width < 2 || rect.height < 2) continue; // clipped (visually hidden) or empty
      const st = getComputedStyle(el);
      if (st.visibility !== 'visible' || Number(st.opacity) === 0) continue;
      const clip = el.closest('.visually-hidden, .skip-link');
      if (clip && clip !== document.activeElement) continue;
      const bg = background(el);
      if (!bg) continue;
      let opacity = 1;
      for (let e: Element | null = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
      const fgRaw = parse(st.color);
      if (!fgRaw) continue;
      const fg = over([fgRaw[0], fgRaw[1], fgRaw[2], fgRaw[3] * opacity], bg);
      const size = parseFloat(st.fontSize);
      const bold = Number(st.fontWeight) >= 700;
      const large = size >= 24 || (bold && size >= 18.66);
      const need = large ? 3 : 4.5;
      const r = ratio(fg, bg);
      if (r < need - 0.005) {
        const id = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
        contrast.push(`${id} "${n.textContent.trim().slice(0, 40)}": ${r.toFixed(2)}:1 < ${need}:1 (${st.color} on rgb(${bg.slice(0, 3).map(Math.round).join(', ')}))`);
      }
    }
    const structure: string[] = [];
    for (const list of document.querySelectorAll('ul, ol')) {
      if (list.getAttribute('role')) continue;
      for (const c of list.children) if (!['LI', 'SCRIPT', 'TEMPLATE'].includes(c.tagName)) structure.push(`list: <${c.tagName.toLowerCase()}> directly in <${list.tagName.toLowerCase()}.${list.className}>`);
    }
    for (const dl of document.querySelectorAll('dl')) {
      for (const c of dl.children) {
        if (c.tagName === 'DT' || c.tagName === 'DD') continue;
        if (c.tagName === 'DIV' && [...c.children].every((g) => g.tagName === 'DT' || g.tagName === 'DD')) continue;
        structure.push(`definition-list: <${c.tagName.toLowerCase()}> in <dl.${dl.className}>`);
      }
    }
    const ids = new Map<string, number>();
    for (const e of document.querySelectorAll('[id]')) ids.set(e.id, (ids.get(e.id) ?? 0) + 1);
    for (const [id, n] of ids) if (n > 1 && document.querySelector(`[aria-labelledby~="${CSS.escape(id)}"], [for="${CSS.escape(id)}"], [aria-controls~="${CSS.escape(id)}"]`)) structure.push(`duplicate id referenced by ARIA or a label: ${id} ×${n}`);
    const focusable = 'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"]), summary';
    for (const e of document.querySelectorAll<HTMLElement>('body *')) {
      const st = getComputedStyle(e);
      const scrolls = (/(auto|scroll)/.test(st.overflowY) && e.scrollHeight > e.clientHeight + 1) || (/(auto|scroll)/.test(st.overflowX) && e.scrollWidth > e.clientWidth + 1);
      if (!scrolls || e.closest('.monaco-editor')) continue;
      if (e.matches(focusable) || e.querySelector(focusable)) continue;
      structure.push(`scrollable-region-focusable: <${e.tagName.toLowerCase()}.${e.className}> scrolls but nothing in it takes keyboard focus`);
    }
    const root = document.documentElement;
    const overflow = root.scrollWidth > root.clientWidth ? [`page is ${root.scrollWidth} px wide in a ${root.clientWidth} px viewport`] : [];
    if (overflow.length) {
      for (const e of document.querySelectorAll<HTMLElement>('body *')) {
        const r = e.getBoundingClientRect();
        if (r.right > root.clientWidth + 1 && r.width > 0 && !e.closest('.monaco-editor')) {
          overflow.push(`<${e.tagName.toLowerCase()}.${typeof e.className === 'string' ? e.className : ''}> ends at ${Math.round(r.right)} px`);
          if (overflow.length > 8) break;
        }
      }
    }
    return { contrast, structure, overflow };
  });
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { ignored: boolean; role?: { value: string }; name?: { value: string }; backendDOMNodeId?: number }[] };
  await cdp.detach();
  const names: string[] = [];
  for (const n of nodes) {
    const role = n.role?.value ?? '';
    if (n.ignored || !NAMED_ROLES.has(role)) continue;
    if (role === 'region' || role === 'img') {
      // A region without a name is a plain section (no violation); an img needs alt.
      if (role === 'img' && !n.name?.value?.trim()) names.push(`img without a name (node ${n.backendDOMNodeId})`);
      continue;
    }
    if (!n.name?.value?.trim()) names.push(`${role} without an accessible name (node ${n.backendDOMNodeId})`);
  }
  return { contrast: dom.contrast, names, structure: dom.structure, overflow: dom.overflow };
}

/** Every finding of the audit, as one list (empty = the page passes). */
export function auditViolations(r: AuditResult): string[] {
  return [...r.contrast.map((c) => `color-contrast: ${c}`), ...r.names.map((n) => `name: ${n}`), ...r.structure, ...r.overflow.map((o) => `overflow: ${o}`)];
}
