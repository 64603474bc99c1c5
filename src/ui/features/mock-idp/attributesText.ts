// Attributes as the tester edits them: one `Name=value` per line, a Name repeated for several
// values (the CLI's --attribute NAME=VALUE, in a textarea).
import type { IdpAttribute } from '../../../core/idp';

export function attributesToText(attrs: IdpAttribute[]): string {
  return attrs.flatMap((a) => a.values.map((v) => `${a.name}=${v}`)).join('\n');
}

export function textToAttributes(text: string): { attributes: IdpAttribute[]; badLines: number[] } {
  const attributes: IdpAttribute[] = [];
  const badLines: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const eq = line.indexOf('=');
    if (eq <= 0) {
      badLines.push(i + 1);
      return;
    }
    const name = line.slice(0, eq).trim();
    const value = line.slice(eq + 1);
    const existing = attributes.find((a) => a.name === name);
    if (existing) existing.values.push(value);
    else attributes.push({ name, values: [value] });
  });
  return { attributes, badLines };
}
