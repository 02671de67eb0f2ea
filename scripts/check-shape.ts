/**
 * `npm run check:shape`: checks that the code keeps the one module shape (docs/architecture.md, "Module shape").
 * Prints one line per violation, `file:line  [rule] what`, a count per rule, and exits 1 if there is any.
 *
 * sql        SQL only where it belongs. Kysely query building (.selectFrom( .insertInto( .updateTable( .deleteFrom(
 *            .replaceInto( .mergeInto( .selectNoFrom( .with('name' .withRecursive( ), raw SQL (sql`…`, sql<T>`…`,
 *            sql.raw/ref/join/lit/id/table/val) and .executeQuery( may appear only in
 *              - a module's `queries.ts` or a file in its `queries/` folder (server/src/modules/<module>/…),
 *              - server/src/db/ (connection, schema types, migrations, scripts),
 *              - tests (*.test.ts, server/test/) and the benchmarks (server/bench/), which measure bare SQL,
 *              - the load test (server/load/), which gives the city's staff a password in its own copy.
 *            The demo generator is no exception: it is a module like the others, and its bulk inserts go into
 *            server/src/modules/demo/queries/ (loading synthetic data is still reading and writing tables, and a
 *            reviewer should find every statement of a module in one place).
 * responses  Every API operation states its answer. Checked at run time on the real route table: the app is
 *            built (no database connection is made) and its OpenAPI document read; an operation fails when no
 *            response has a body schema (an empty schema, as z.unknown() gives, does not count) and it declares
 *            no 204. A route of the route table (app.routeTable) missing from the document (`hide: true`) fails
 *            too, except the document's own route. Each failure is traced to its registration
 *            (`app.get('/path'` …) for file:line.
 * web        No component calls the API directly: a web/src/**\/*.tsx file may not import the `api` client from
 *            web/src/app/api.ts (ApiError and errorMessage are fine) nor call fetch( or XMLHttpRequest; API calls
 *            live in the query-hook modules `queries.ts` / `*Queries.ts`.
 *
 * Options: `--only sql,responses,web` runs some rules (responses needs ~5 s to build the app).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type Rule = 'sql' | 'responses' | 'web';
export interface Violation {
  file: string;
  line: number;
  rule: Rule;
  message: string;
}

/** Blanks out comments (keeping line breaks) so that a comment naming `.selectFrom(` is not code. */
export function stripComments(source: string): string {
  let out = '';
  let i = 0;
  // 'tpl': inside the text of a template literal; a number: inside a ${ … } with that many braces open in it.
  const stack: ('tpl' | number)[] = [];
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  while (i < source.length) {
    const c = source[i] as string;
    const next = source[i + 1];
    const top = stack.at(-1);
    if (top === 'tpl') {
      const step = c === '\\' ? 2 : c === '$' && next === '{' ? 2 : 1;
      if (c === '`') stack.pop();
      else if (c === '$' && next === '{') stack.push(0);
      out += source.slice(i, i + step);
      i += step;
    } else if (c === '/' && (next === '/' || next === '*')) {
      const end = next === '/' ? source.indexOf('\n', i) : source.indexOf('*/', i + 2);
      const stop = end < 0 ? source.length : next === '/' ? end : end + 2;
      out += blank(source.slice(i, stop));
      i = stop;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < source.length && source[j] !== c && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
      out += source.slice(i, j + 1);
      i = j + 1;
    } else {
      if (c === '`') stack.push('tpl');
      else if (c === '{' && typeof top === 'number') stack[stack.length - 1] = top + 1;
      else if (c === '}' && typeof top === 'number') {
        if (top === 0) stack.pop();
        else stack[stack.length - 1] = top - 1;
      }
      out += c;
      i++;
    }
  }
  return out;
}

const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;

const sqlPatterns: [RegExp, string][] = [
  [
    /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectNoFrom|withRecursive)\s*\(/g,
    '',
  ],
  [/\.with\s*\(\s*['"`]/g, '.with('],
  [/(?<![\w$.])sql\s*(?:<.*?>)?\s*`/g, 'sql`'],
  [/(?<![\w$.])sql\.(raw|ref|join|lit|id|table|val)\s*\(/g, ''],
  [/\.executeQuery\s*\(/g, '.executeQuery('],
];

/** Where SQL may appear (paths relative to the repository root, with forward slashes). */
export function sqlAllowed(file: string): boolean {
  if (/\.test\.tsx?$/.test(file)) return true;
  if (/^server\/(test|bench|load)\//.test(file)) return true;
  if (file.startsWith('server/src/db/')) return true;
  return /^server\/src\/modules\/[^/]+\/(queries\.ts$|queries\/)/.test(file);
}

export function sqlViolations(file: string, source: string): Violation[] {
  if (sqlAllowed(file)) return [];
  const code = stripComments(source);
  const found = new Map<number, string>();
  for (const [pattern, label] of sqlPatterns) {
    for (const m of code.matchAll(pattern)) {
      const line = lineAt(code, m.index);
      const what = label || (m[0].startsWith('sql') ? `sql.${m[1]}(` : `.${m[1]}(`);
      if (!found.has(line)) found.set(line, what);
    }
  }
  return [...found]
    .sort(([a], [b]) => a - b)
    .map(([line, what]) => ({
      file,
      line,
      rule: 'sql',
      message: `SQL (${what}) outside a module's queries.ts / queries/ and server/src/db/`,
    }));
}

/** Components (web/src/**\/*.tsx) outside the query-hook modules may not reach the API themselves. */
export function webViolations(file: string, source: string): Violation[] {
  if (!/^web\/src\/.*\.tsx$/.test(file) || /\.test\.tsx$/.test(file)) return [];
  if (/(^|\/)(queries|\w*Queries)\.tsx$/.test(file)) return [];
  const code = stripComments(source);
  const out: Violation[] = [];
  const apiModule = path.posix.join('web/src/app/api');
  const isApi = (specifier: string) =>
    specifier.startsWith('.') &&
    path.posix.join(path.posix.dirname(file), specifier).replace(/\.tsx?$/, '') === apiModule;
  for (const m of code.matchAll(/import\s+(type\s+)?([^;]*?)\s*from\s*['"]([^'"]+)['"]/g)) {
    const [, typeOnly, clause = '', specifier = ''] = m;
    if (typeOnly || !isApi(specifier)) continue;
    const named = /\{([^}]*)\}/.exec(clause)?.[1] ?? '';
    const bindings = named.split(',').map((b) => b.trim().replace(/^type\s+/, ''));
    const takesClient =
      bindings.some((b) => b === 'api' || b.startsWith('api ')) ||
      /\*\s+as\s/.test(clause) ||
      /^\w+/.test(clause);
    if (takesClient)
      out.push({
        file,
        line: lineAt(code, m.index),
        rule: 'web',
        message: 'component imports the api client; call the API from the module’s queries.ts hooks',
      });
  }
  for (const m of code.matchAll(/import\s*\(\s*['"]([^'"]+)['"]\s*\)/g))
    if (isApi(m[1] ?? ''))
      out.push({ file, line: lineAt(code, m.index), rule: 'web', message: 'component loads the api client' });
  for (const m of code.matchAll(
    /(?:(?<![\w$.])|(?:window|globalThis|self)\.)fetch\s*\(|new\s+XMLHttpRequest\b|navigator\.sendBeacon\s*\(/g,
  ))
    out.push({
      file,
      line: lineAt(code, m.index),
      rule: 'web',
      message: `component calls ${m[0].replace(/\s*\($/, '')}( itself; use the module’s queries.ts hooks`,
    });
  return out;
}

interface OpenApiResponse {
  content?: Record<string, { schema?: Record<string, unknown> }>;
}
export type OpenApiPaths = Record<string, Record<string, { responses?: Record<string, OpenApiResponse> }>>;
const httpMethods = new Set(['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace']);

/**
 * Operations of an OpenAPI document that state no answer: no body schema, no declared 204 and no declared 303 (a
 * redirect answers with its Location, e.g. single sign-on's way to the identity provider and back).
 */
export function operationsWithoutResponse(paths: OpenApiPaths): { method: string; path: string }[] {
  const out: { method: string; path: string }[] = [];
  for (const [route, operations] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (!httpMethods.has(method)) continue;
      const responses = Object.entries(operation.responses ?? {});
      const states = responses.some(
        ([status, r]) =>
          status === '204' ||
          status === '303' ||
          Object.values(r.content ?? {}).some(
            (media) => media.schema && Object.keys(media.schema).length > 0,
          ),
      );
      if (!states) out.push({ method: method.toUpperCase(), path: route });
    }
  }
  return out;
}

/** file:line of `app.<method>('<path>'` (the OpenAPI path with its prefix removed and {id} as :id). */
export function locateRoute(
  method: string,
  openApiPath: string,
  prefix: string,
  sources: ReadonlyMap<string, string>,
): { file: string; line: number } | null {
  const route = openApiPath.slice(prefix.length).replace(/\{(\w+)\}/g, ':$1');
  const escaped = route.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`\\.${method.toLowerCase()}\\(\\s*['"\`]${escaped}['"\`]`);
  for (const [file, source] of sources) {
    const m = pattern.exec(source);
    if (m) return { file, line: lineAt(source, m.index) };
  }
  return null;
}

/** API routes of the route table (app.routeTable) that the OpenAPI document leaves out (`hide: true`). */
export function undocumentedRoutes(
  table: readonly { method: string; url: string }[],
  paths: OpenApiPaths,
  prefix: string,
): { method: string; path: string }[] {
  const documented = new Set(
    Object.entries(paths).flatMap(([route, operations]) =>
      Object.keys(operations).map((m) => `${m.toUpperCase()} ${route.replace(/\{(\w+)\}/g, ':$1')}`),
    ),
  );
  return table
    .filter(
      (r) => r.url.startsWith(`${prefix}/`) && r.method !== 'HEAD' && r.url !== `${prefix}/openapi.json`,
    )
    .filter((r) => !documented.has(`${r.method} ${r.url}`))
    .map((r) => ({ method: r.method, path: r.url }));
}

function sourceFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(root, dir))) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const rel = `${dir}/${name}`;
    if (statSync(path.join(root, rel)).isDirectory()) out.push(...sourceFiles(root, rel));
    else if (/\.tsx?$/.test(name)) out.push(rel);
  }
  return out;
}

async function responseViolations(root: string, sources: ReadonlyMap<string, string>): Promise<Violation[]> {
  // Loaded here, not at the top: the unit tests of this file must not build the server.
  const { readConfig } = await import('../server/src/config.ts');
  const { openDatabase } = await import('../server/src/db/database.ts');
  const { API_PREFIX, buildApp } = await import('../server/src/http/app.ts');
  // A pool that is never asked for a connection: building the app and its OpenAPI document needs no database.
  const handle = await openDatabase({ url: 'postgres://check-shape@127.0.0.1:9/never-connected' });
  const app = await buildApp({
    db: handle.db,
    config: { ...readConfig({}), webDistDir: path.join(root, '.none') },
  });
  try {
    await app.ready();
    const paths = (app.swagger() as { paths?: OpenApiPaths }).paths ?? {};
    const at = (method: string, route: string) =>
      locateRoute(method, route, API_PREFIX, sources) ?? { file: 'server/src/http/app.ts', line: 1 };
    return [
      ...operationsWithoutResponse(paths).map(({ method, path: route }) => ({
        ...at(method, route),
        rule: 'responses' as const,
        message: `${method} ${route} has no response schema`,
      })),
      ...undocumentedRoutes(app.routeTable, paths, API_PREFIX).map(({ method, path: route }) => ({
        ...at(method, route),
        rule: 'responses' as const,
        message: `${method} ${route} is hidden from the OpenAPI document, so its answer is not checked`,
      })),
    ];
  } finally {
    await app.close();
    await handle.close();
  }
}

export async function checkShape(root: string, rules: ReadonlySet<Rule>): Promise<Violation[]> {
  const files = [...sourceFiles(root, 'server'), ...sourceFiles(root, 'web/src')];
  const sources = new Map(files.map((f) => [f, readFileSync(path.join(root, f), 'utf8')]));
  const out: Violation[] = [];
  for (const [file, source] of sources) {
    if (rules.has('sql')) out.push(...sqlViolations(file, source));
    if (rules.has('web')) out.push(...webViolations(file, source));
  }
  if (rules.has('responses')) {
    // Registrations are looked up in the server code only (a test calling the same path is no registration).
    const serverSources = new Map(
      [...sources].filter(([f]) => f.startsWith('server/src/') && !/\.test\.ts$/.test(f)),
    );
    out.push(...(await responseViolations(root, serverSources)));
  }
  return out.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

async function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const all: Rule[] = ['sql', 'responses', 'web'];
  // --only sql,web  or  --only=sql,web
  const at = process.argv.findIndex((a) => a === '--only' || a.startsWith('--only='));
  const only = at < 0 ? null : (process.argv[at]?.split('=')[1] ?? process.argv[at + 1] ?? '');
  const rules = new Set(only === null ? all : all.filter((r) => only.split(',').includes(r)));
  if (rules.size === 0) throw new Error('--only takes a list of: sql, responses, web');
  const violations = await checkShape(root, rules);
  for (const v of violations) console.log(`${v.file}:${v.line}  [${v.rule}] ${v.message}`);
  const counts = [...rules].map((r) => `${r} ${violations.filter((v) => v.rule === r).length}`).join(', ');
  console.log(violations.length === 0 ? `check:shape passed (${counts})` : `check:shape failed: ${counts}`);
  process.exitCode = violations.length === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
