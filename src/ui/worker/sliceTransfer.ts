// A reply in slices (issue 15: no main-thread task over 50 ms while a 10 MB aggregate is
// inspected). The page pays for a postMessage when it receives it: structured clone rebuilds
// every object of the reply in one task (HTML §2.7.6 StructuredDeserialize runs when the
// message event is dispatched). An aggregate's message holds thousands of entity summaries and
// certificates, and rebuilding them was one task of 0.5–1.5 s. The worker therefore sends a
// reply's long arrays in parts of at most SLICE_ITEMS items, each its own message and so its own
// task on the page, and the page appends them in place until the reply is whole again. Generic:
// it knows nothing of reports, only of plain data (protocol.ts), so any reply benefits.

/** Items per part: a part of entity summaries is rebuilt in a few milliseconds. */
export const SLICE_ITEMS = 100;
/**
 * Characters per part of a long string. Rebuilding a string is a copy, yet the two 10 MB texts of
 * an aggregate's message (as decoded, and as shown) took 200–300 ms each in one task.
 */
export const SLICE_CHARS = 256 * 1024;

type Path = (string | number)[];

/**
 * What follows a reply, in order: items to append to the array at `path`, text to append to the
 * string at `path`, or (`copyOf`) the same long string as another place, sent once.
 */
export type ReplyPart = { path: Path; items: unknown[] } | { path: Path; text: string } | { path: Path; copyOf: Path };

/**
 * The reply with every array longer than `maxItems` cut to its first `maxItems` items and every
 * string longer than `maxChars` emptied, and what was cut as parts in order. A copy: the worker
 * keeps its result for later requests, so nothing of it is changed. An array or object reached
 * twice is copied once (structured clone keeps such sharing, so the page's appended items show
 * wherever the array is referenced); a long string that occurs twice is sent once. Items of a
 * part travel whole, nested arrays included. Dates, binary data and class instances are left as
 * they are.
 */
export function sliceReply<T>(value: T, maxItems = SLICE_ITEMS, maxChars = SLICE_CHARS): { head: T; parts: ReplyPart[] } {
  const parts: ReplyPart[] = [];
  const copies: ReplyPart[] = [];
  const seen = new Map<object, unknown>();
  const longStrings = new Map<string, Path>();
  const copy = (node: unknown, path: Path): unknown => {
    if (typeof node === 'string' && node.length > maxChars) {
      const first = longStrings.get(node);
      if (first) {
        copies.push({ path, copyOf: first });
      } else {
        longStrings.set(node, path);
        for (let i = 0; i < node.length; i += maxChars) parts.push({ path, text: node.slice(i, i + maxChars) });
      }
      return '';
    }
    if (node === null || typeof node !== 'object') return node;
    const done = seen.get(node);
    if (done !== undefined) return done;
    if (Array.isArray(node)) {
      const head: unknown[] = [];
      seen.set(node, head);
      const kept = Math.min(node.length, maxItems);
      for (let i = 0; i < kept; i++) head.push(copy(node[i], [...path, i]));
      for (let i = maxItems; i < node.length; i += maxItems) parts.push({ path, items: node.slice(i, i + maxItems) });
      return head;
    }
    const proto = Object.getPrototypeOf(node) as unknown;
    if (proto !== Object.prototype && proto !== null) return node;
    const out: Record<string, unknown> = {};
    seen.set(node, out);
    for (const [key, child] of Object.entries(node)) out[key] = copy(child, [...path, key]);
    return out;
  };
  const head = copy(value, []) as T;
  return { head, parts: [...parts, ...copies] };
}

function at(value: unknown, path: Path): unknown {
  let node: unknown = value;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** Puts a part back into the reply (the inverse of sliceReply, part by part in order); false when it does not fit. */
export function appendReplyPart(value: unknown, part: ReplyPart): boolean {
  if (part.path.length === 0) return false;
  const parent = at(value, part.path.slice(0, -1));
  if (parent === null || typeof parent !== 'object') return false;
  const holder = parent as Record<string | number, unknown>;
  const key = part.path[part.path.length - 1]!;
  const current = holder[key];
  if ('items' in part) {
    if (!Array.isArray(current)) return false;
    for (const item of part.items) current.push(item);
  } else if ('text' in part) {
    if (typeof current !== 'string') return false;
    holder[key] = current + part.text;
  } else {
    const original = at(value, part.copyOf);
    if (typeof current !== 'string' || typeof original !== 'string') return false;
    holder[key] = original;
  }
  return true;
}
