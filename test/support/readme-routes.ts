// Reads the routes the README's API table promises, so a test can hold the OpenAPI document to them.
import fs from 'node:fs';

export interface ReadmeRoute {
  method: string;
  /** The path as written, `{id}` placeholders kept, no query string. */
  path: string;
}

/**
 * The routes of the table under `## The API`. A cell lists routes as `` `GET /items/{id}` `` or
 * `` `PUT`/`PATCH`/`DELETE /items/{id}` ``; `.../x` continues the cell's previous path: from its last
 * segment named like x's first one, or appended when none is.
 */
export function readmeRoutes(readmePath: string): ReadmeRoute[] {
  const text = fs.readFileSync(readmePath, 'utf8');
  const section = /^## The API\n([\s\S]*?)(?=^## )/m.exec(text)?.[1];
  if (!section) throw new Error(`${readmePath} has no "## The API" section`);
  const routes: ReadmeRoute[] = [];
  for (const line of section.split('\n')) {
    if (!line.startsWith('|')) continue;
    // Cells split on unescaped pipes; the second cell holds the routes.
    const cells = line.split(/(?<!\\)\|/);
    const cell = cells[2]?.replace(/\\\|/g, '|') ?? '';
    let previous = '';
    let methods: string[] = [];
    for (const [, code] of cell.matchAll(/`([^`]+)`/g)) {
      const match = /^(GET|POST|PUT|PATCH|DELETE)(?:\s+(\S+))?$/.exec(code!.trim());
      if (!match) {
        methods = [];
        continue;
      }
      methods.push(match[1]!);
      if (!match[2]) continue; // `PUT`/`PATCH`/`DELETE /x`: the methods before the path share it
      const path = resolvePath(match[2].replace(/\?.*$/, ''), previous);
      for (const method of methods) routes.push({ method, path });
      previous = path;
      methods = [];
    }
  }
  return routes;
}

function resolvePath(written: string, previous: string): string {
  if (!written.startsWith('...')) return written;
  const rest = written.slice(3).split('/').slice(1);
  const segments = previous.split('/');
  const at = segments.lastIndexOf(rest[0]!);
  return [...(at < 0 ? segments : segments.slice(0, at)), ...rest].join('/');
}

/** `/users/{id}/cart` and `/users/{userId}/cart` are the same route: placeholders compared by position only. */
export function routeShape(path: string): string {
  return path.replace(/\{[^}]+\}/g, '{}');
}
