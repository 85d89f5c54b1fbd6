// What a notebook cell shows: Vega-Lite charts drawn to SVG without a browser, and rows as an HTML table.
// Jupyter kernels for JavaScript (Deno's among them) display any value with a `Jupyter.display` method.
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';

const DISPLAY = Symbol.for('Jupyter.display');

export interface Shown {
  [DISPLAY](): Record<string, string>;
  /** The same content as text, for a terminal or a test. */
  text: string;
}

/** A Vega-Lite spec, compiled and rendered to SVG in Node. */
export async function plot(spec: Record<string, unknown>): Promise<Shown> {
  const full = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', width: 480, height: 240, ...spec };
  const compiled = vegaLite.compile(full as unknown as Parameters<typeof vegaLite.compile>[0]);
  const svg = await new vega.View(vega.parse(compiled.spec), { renderer: 'none' }).toSVG();
  const title = typeof spec.title === 'string' ? spec.title : 'chart';
  return { [DISPLAY]: () => ({ 'image/svg+xml': svg, 'text/plain': `[${title}]` }), text: svg };
}

/**
 * Shows a chart or table under the cell. Needed in cells that `await`: the kernel shows the last
 * expression's value only in cells without top-level await.
 */
export async function display(shown: Shown | Promise<Shown>): Promise<void> {
  const value = await shown;
  const jupyter = (globalThis as { Deno?: { jupyter?: { display(b: object, o: object): Promise<void> } } }).Deno
    ?.jupyter;
  if (jupyter) await jupyter.display(value[DISPLAY](), { raw: true });
  else console.log(value.text.startsWith('<svg') ? '[chart]' : value.text);
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object')
    return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return value.toString();
  return typeof value;
}
const escape = (value: unknown) => cellText(value).replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Rows of objects as a table (the first row's keys are the columns), at most `limit` rows shown. */
export function table(rows: Record<string, unknown>[], limit = 20): Shown {
  const columns = Object.keys(rows[0] ?? {});
  const shown = rows.slice(0, limit);
  const more = rows.length > limit ? `<p>… and ${rows.length - limit} more rows</p>` : '';
  const html =
    `<table><thead><tr>${columns.map((c) => `<th>${escape(c)}</th>`).join('')}</tr></thead><tbody>` +
    shown.map((r) => `<tr>${columns.map((c) => `<td>${escape(r[c])}</td>`).join('')}</tr>`).join('') +
    `</tbody></table>${more}`;
  const text = [columns.join('\t'), ...shown.map((r) => columns.map((c) => cellText(r[c])).join('\t'))].join('\n');
  return { [DISPLAY]: () => ({ 'text/html': html, 'text/plain': text }), text };
}
