// An accessibility check without axe (no axe package is installed in this project): a subset of
// axe-core's rules, computed from what Chromium itself exposes.
// - color-contrast (WCAG 2.1 SC 1.4.3): every visible text node's colour against the background
//   actually painted behind it (ancestors' background colours, alpha-blended), 4.5:1, or 3:1 for
//   large text (≥ 24 px, or ≥ 18.66 px bold). Monaco's token colours are checked like any text.
// - button-name, link-name, label, select-name, image-alt, aria-*-name: from Chromium's
//   accessibility tree (CDP Accessibility.getFullAXTree), every focusable or named role has a
//   non-empty accessible name.
// - duplicate-id-aria, aria-valid-attr-value (labelledby/describedby targets exist), heading-order
//   (no level skipped going down), nested-interactive (no button or link inside another).
// What it does not do that axe does: background images and gradients, text over images,
// pseudo-element text, ARIA role/attribute validity in full, landmark rules. It reports the same
// rule ids as axe so a later axe run can be compared.
import type { Page } from '@playwright/test';

export interface A11yViolation {
  rule: string;
  target: string;
  detail: string;
}

/** Runs the checks on the current page state; returns every violation found. */
export async function checkAccessibility(page: Page): Promise<A11yViolation[]> {
  const dom = await page.evaluate(() => {
    type V = { rule: string; target: string; detail: string };
    const out: V[] = [];
    const describe = (el: Element): string => {
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).slice(0, 2).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${id}${cls}`;
    };
    const parse = (c: string): [number, number, number, number] | null => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) return null;
      const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    };
    const blend = (top: [number, number, number, number], bottom: [number, number, number]): [number, number, number] => [
      top[0] * top[3] + bottom[0] * (1 - top[3]),
      top[1] * top[3] + bottom[1] * (1 - top[3]),
      top[2] * top[3] + bottom[2] * (1 - top[3]),
    ];
    const lum = ([r, g, b]: [number, number, number]) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (a: [number, number, number], b: [number, number, number]) => {
      const [l1, l2] = [lum(a), lum(b)].sort((x, y) => y - x);
      return (l1 + 0.05) / (l2 + 0.05);
    };
    /**
     * The colour painted behind `el`: its own and its ancestors' backgrounds, blended bottom-up.
     * Only boxes under the text count: an absolutely positioned label sticking out of a 2 px
     * marker line is on the panel, not on the line (axe uses elementsFromPoint for the same).
     */
    const backgroundOf = (el: Element): [number, number, number] | null => {
      const layers: [number, number, number, number][] = [];
      const r0 = el.getBoundingClientRect();
      const cx = r0.left + r0.width / 2;
      const cy = r0.top + r0.height / 2;
      for (let e: Element | null = el; e; e = e.parentElement) {
        const r = e.getBoundingClientRect();
        if (e !== el && e !== document.body && e !== document.documentElement && !(cx >= r.left && cx <= r.right && cy >= r.top && cy <= r.bottom)) continue;
        const cs = getComputedStyle(e);
        if (cs.backgroundImage && cs.backgroundImage !== 'none') return null; // not computable here
        const c = parse(cs.backgroundColor);
        if (c && c[3] > 0) {
          layers.push(c);
          if (c[3] >= 1) break;
        }
      }
      let colour: [number, number, number] = [255, 255, 255];
      for (let i = layers.length - 1; i >= 0; i--) colour = blend(layers[i], colour);
      return colour;
    };
    const visible = (el: Element): boolean => {
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) return false;
      const cs = getComputedStyle(el);
      if (cs.visibility === 'hidden' || cs.display === 'none' || Number(cs.opacity) === 0) return false;
      if (el.closest('[hidden], details:not([open]) > :not(summary)')) return false;
      // clipped away (visually-hidden)
      if (cs.clip === 'rect(0px, 0px, 0px, 0px)' || el.closest('.visually-hidden')) return false;
      return true;
    };

    // color-contrast
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent || !n.textContent.trim()) continue;
      const el = n.parentElement;
      if (!el || seen.has(el)) continue;
      seen.add(el);
      if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'OPTION'].includes(el.tagName)) continue;
      if (!visible(el)) continue;
      if ((el.closest('button, input, select, textarea') as HTMLButtonElement | null)?.disabled) continue; // axe: disabled controls are exempt
      // Monaco hides text it does not show (the textarea it types into, aria containers).
      if (el.closest('.monaco-aria-container, .inputarea, .native-edit-context')) continue;
      const cs = getComputedStyle(el);
      const fg = parse(cs.color);
      const bg = backgroundOf(el);
      if (!fg || !bg) continue;
      const colour = blend(fg, bg);
      const size = parseFloat(cs.fontSize);
      const bold = Number(cs.fontWeight) >= 700;
      const large = size >= 24 || (bold && size >= 18.66);
      const need = large ? 3 : 4.5;
      const r = ratio(colour, bg);
      if (r + 0.005 < need) {
        out.push({ rule: 'color-contrast', target: describe(el), detail: `${r.toFixed(2)}:1 < ${need}:1 (${cs.color} on rgb(${bg.map(Math.round).join(', ')}), ${size}px${bold ? ' bold' : ''}) "${n.textContent.trim().slice(0, 40)}"` });
      }
    }

    // duplicate ids referenced by ARIA, and references to missing ids
    const ids = new Map<string, number>();
    document.querySelectorAll('[id]').forEach((e) => ids.set(e.id, (ids.get(e.id) ?? 0) + 1));
    document.querySelectorAll('[aria-labelledby], [aria-describedby], label[for], [aria-controls]').forEach((e) => {
      const refs = [e.getAttribute('aria-labelledby'), e.getAttribute('aria-describedby'), e.getAttribute('for'), e.getAttribute('aria-controls')].filter(Boolean).join(' ').split(/\s+/).filter(Boolean);
      for (const ref of refs) {
        const count = ids.get(ref) ?? 0;
        if (count === 0 && !e.closest('.monaco-editor')) out.push({ rule: 'aria-valid-attr-value', target: describe(e), detail: `refers to missing id "${ref}"` });
        if (count > 1) out.push({ rule: 'duplicate-id-aria', target: describe(e), detail: `id "${ref}" is used ${count} times` });
      }
    });

    // heading-order: going down, no level is skipped
    let last = 0;
    document.querySelectorAll('h1, h2, h3, h4, h5, h6').forEach((h) => {
      if (!visible(h)) return;
      const level = Number(h.tagName[1]);
      if (last && level > last + 1) out.push({ rule: 'heading-order', target: describe(h), detail: `h${level} after h${last}: "${(h.textContent ?? '').trim().slice(0, 40)}"` });
      last = level;
    });

    // nested-interactive
    document.querySelectorAll('button a[href], button button, a[href] button, a[href] a[href], summary button, summary a[href]').forEach((e) => {
      out.push({ rule: 'nested-interactive', target: describe(e), detail: 'an interactive element inside another' });
    });
    return out;
  });

  // Names from Chromium's accessibility tree.
  const session = await page.context().newCDPSession(page);
  const { nodes } = (await session.send('Accessibility.getFullAXTree')) as { nodes: { ignored: boolean; role?: { value: string }; name?: { value: string }; properties?: { name: string; value: { value: unknown } }[]; backendDOMNodeId?: number }[] };
  await session.detach();
  const NAMED: Record<string, string> = {
    button: 'button-name',
    link: 'link-name',
    textbox: 'label',
    searchbox: 'label',
    combobox: 'select-name',
    listbox: 'select-name',
    checkbox: 'label',
    radio: 'label',
    spinbutton: 'label',
    slider: 'label',
    switch: 'label',
    img: 'image-alt',
    image: 'image-alt',
    dialog: 'aria-dialog-name',
    progressbar: 'aria-progressbar-name',
    meter: 'aria-meter-name',
    tab: 'aria-command-name',
    menuitem: 'aria-command-name',
  };
  const names: A11yViolation[] = [];
  for (const n of nodes) {
    if (n.ignored) continue;
    const role = n.role?.value ?? '';
    const rule = NAMED[role];
    if (!rule) continue;
    const name = String(n.name?.value ?? '').trim();
    if (name === '') names.push({ rule, target: `${role} (backend node ${n.backendDOMNodeId ?? '?'})`, detail: 'no accessible name' });
  }
  return [...dom, ...names];
}
