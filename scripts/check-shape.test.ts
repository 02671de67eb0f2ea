import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkShape,
  locateRoute,
  operationsWithoutResponse,
  sqlAllowed,
  sqlViolations,
  stripComments,
  undocumentedRoutes,
  webViolations,
} from './check-shape.ts';

const lines = (...l: string[]) => l.join('\n');

describe('stripComments', () => {
  it('blanks line and block comments but keeps line breaks, strings and template literals', () => {
    // A nested template literal, spelled without a placeholder in this file's own strings.
    const template = '`a // b $x{`c $x{d}`} /* e */`'.replaceAll('$x', '$');
    const source = lines(
      "const url = 'http://example.org'; // db.selectFrom('x')",
      '/* .insertInto(',
      `   still comment */ const t = ${template}; // gone`,
    );
    const out = stripComments(source);
    expect(out.split('\n')).toHaveLength(3);
    expect(out).toContain("'http://example.org'");
    expect(out).not.toContain('selectFrom');
    expect(out).not.toContain('insertInto');
    expect(out).toContain(template);
    expect(out).not.toContain('gone');
  });
});

describe('rule sql', () => {
  const service = lines(
    'export async function f(ctx: Ctx) {',
    "  const a = await ctx.db.selectFrom('case_file').selectAll().execute();",
    '  const b = sql`select 1`;',
    '  const c = sql<number>`count(*)`;',
    "  await ctx.db.insertInto('x').values({}).execute();",
    "  await ctx.db.updateTable('x').set({}).execute();",
    "  await ctx.db.deleteFrom('x').execute();",
    "  await ctx.db.with('recent', (db) => db).selectAll().execute();",
    '  const d = sql.raw(name);',
    '  await ctx.db.executeQuery(compiled);',
    "  await ctx.db.selectFrom('a').where('id', 'in', ctx.db.selectFrom('b').select('id'));",
    '}',
  );

  it('names file, line and construct of every statement outside queries.ts, one finding per line', () => {
    const found = sqlViolations('server/src/modules/cases/service.ts', service);
    expect(found.map((v) => v.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(found.every((v) => v.rule === 'sql' && v.file === 'server/src/modules/cases/service.ts')).toBe(
      true,
    );
    expect(found.map((v) => /\((.*)\) outside/.exec(v.message)?.[1])).toEqual([
      '.selectFrom(',
      'sql`',
      'sql`',
      '.insertInto(',
      '.updateTable(',
      '.deleteFrom(',
      '.with(',
      'sql.raw(',
      '.executeQuery(',
      '.selectFrom(',
    ]);
  });

  it('ignores comments, look-alikes and Array.prototype.with', () => {
    const source = lines(
      "// db.selectFrom('x') is done in queries.ts",
      '/** sql`select` */',
      'const next = items.with(0, first);',
      'const mysqlish = mysql`x`; const y = obj.sql`z`;',
      'const selectFromList = 1;',
    );
    expect(sqlViolations('server/src/modules/cases/service.ts', source)).toEqual([]);
  });

  it('allows SQL in queries.ts, queries/, db/, tests, benchmarks and the load test, and nowhere else', () => {
    for (const file of [
      'server/src/modules/cases/queries.ts',
      'server/src/modules/cases/queries/detail.ts',
      'server/src/db/migrations/0001_foundation.ts',
      'server/src/db/database.ts',
      'server/src/modules/cases/cases.int.test.ts',
      'server/src/shared/money.test.ts',
      'server/test/factories.ts',
      'server/bench/cases.ts',
      'server/load/data.ts',
    ])
      expect({ file, allowed: sqlAllowed(file) }).toEqual({ file, allowed: true });
    for (const file of [
      'server/src/modules/cases/routes.ts',
      'server/src/modules/cases/service.ts',
      'server/src/modules/cases/myqueries.ts',
      'server/src/modules/demo/generator.ts',
      'server/src/cli/serve.ts',
      'server/src/http/app.ts',
      'server/src/queries.ts',
      'server/loader/data.ts',
    ])
      expect({ file, allowed: sqlAllowed(file) }).toEqual({ file, allowed: false });
    expect(sqlViolations('server/src/modules/cases/queries.ts', service)).toEqual([]);
  });
});

describe('rule web', () => {
  const page = 'web/src/modules/cases/CasePage.tsx';

  it('flags a component importing the api client, with its line', () => {
    const source = lines(
      "import { useState } from 'react';",
      "import { ApiError, api as client } from '../../app/api.ts';",
    );
    expect(webViolations(page, source)).toMatchObject([{ file: page, line: 2, rule: 'web' }]);
    expect(webViolations(page, "import { api } from '../../app/api';")).toHaveLength(1);
    expect(webViolations('web/src/app/Shell.tsx', "import { api } from './api.ts';")).toHaveLength(1);
    expect(webViolations('web/src/app/components/X.tsx', "import { api } from '../api.ts';")).toHaveLength(1);
  });

  it('allows error helpers and types from the client, and another module named api', () => {
    const source = lines(
      "import { ApiError, errorMessage } from '../../app/api.ts';",
      "import type { api } from '../../app/api.ts';",
      "import { api } from './api.ts';",
    );
    expect(webViolations(page, source)).toEqual([]);
  });

  it('flags fetch and XMLHttpRequest, not refetch', () => {
    const source = lines(
      "const r = await fetch('/api/v1/cases');",
      "const s = await window.fetch('/api/v1/cases');",
      'const x = new XMLHttpRequest();',
      'query.refetch(); refetch();',
    );
    expect(webViolations(page, source).map((v) => v.line)).toEqual([1, 2, 3]);
  });

  it('leaves query-hook modules, plain .ts files and tests alone', () => {
    const source = "import { api } from '../../app/api.ts';\nfetch('/x');";
    for (const file of [
      'web/src/modules/cases/queries.ts',
      'web/src/modules/cases/caseQueries.ts',
      'web/src/modules/cases/caseQueries.tsx',
      'web/src/app/auth.ts',
      'web/src/modules/cases/CasePage.test.tsx',
    ])
      expect({ file, found: webViolations(file, source) }).toEqual({ file, found: [] });
  });
});

describe('rule responses', () => {
  it('finds operations that state no answer in an OpenAPI document', () => {
    const json = { 'application/json': { schema: { type: 'object', properties: {} } } };
    const paths = {
      '/api/v1/a': {
        get: { responses: { '200': { description: 'ok', content: json } } },
        post: { responses: { '204': { description: 'Default Response' } } },
        put: { responses: { '200': { description: 'Default Response' } } },
        patch: { responses: { '303': { description: 'Weiterleitung' } } },
        parameters: [],
      },
      '/api/v1/b/{id}': {
        get: { responses: { '200': { description: 'x', content: { 'application/json': { schema: {} } } } } },
        delete: {},
      },
    } as never;
    expect(operationsWithoutResponse(paths)).toEqual([
      { method: 'PUT', path: '/api/v1/a' },
      { method: 'GET', path: '/api/v1/b/{id}' },
      { method: 'DELETE', path: '/api/v1/b/{id}' },
    ]);
  });

  it('traces an operation to its registration, by method and path', () => {
    const sources = new Map([
      [
        'server/src/modules/a/routes.ts',
        lines('x', "  app.get('/cases/:id', {", "  app.post('/cases/:id/close', {"),
      ],
    ]);
    expect(locateRoute('POST', '/api/v1/cases/{id}/close', '/api/v1', sources)).toEqual({
      file: 'server/src/modules/a/routes.ts',
      line: 3,
    });
    expect(locateRoute('GET', '/api/v1/cases/{id}', '/api/v1', sources)?.line).toBe(2);
    expect(locateRoute('DELETE', '/api/v1/cases/{id}', '/api/v1', sources)).toBeNull();
  });

  it('flags API routes the document leaves out, except HEAD and the document itself', () => {
    const table = [
      { method: 'GET', url: '/api/v1/cases/:id' },
      { method: 'HEAD', url: '/api/v1/cases/:id' },
      { method: 'GET', url: '/api/v1/secret' },
      { method: 'GET', url: '/api/v1/openapi.json' },
      { method: 'GET', url: '/index.html' },
    ];
    const paths = { '/api/v1/cases/{id}': { get: {} } } as never;
    expect(undocumentedRoutes(table, paths, '/api/v1')).toEqual([{ method: 'GET', path: '/api/v1/secret' }]);
  });
});

describe('checkShape', () => {
  it('walks server and web sources of a tree and reports in file order', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'check-shape-'));
    try {
      const write = (file: string, text: string) => {
        mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        writeFileSync(path.join(root, file), text);
      };
      write('server/src/modules/a/service.ts', "\nawait db.selectFrom('t').execute();\n");
      write('server/src/modules/a/queries.ts', "await db.selectFrom('t').execute();\n");
      write('server/src/modules/a/node_modules/x/index.ts', "db.selectFrom('t');\n");
      write('web/src/modules/a/Page.tsx', "import { api } from '../../app/api.ts';\n");
      const found = await checkShape(root, new Set(['sql', 'web']));
      expect(found.map((v) => `${v.file}:${v.line} ${v.rule}`)).toEqual([
        'server/src/modules/a/service.ts:2 sql',
        'web/src/modules/a/Page.tsx:1 web',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
