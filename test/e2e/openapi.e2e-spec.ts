import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTACT_CHANNELS as EMPLOYMENT_CONTACT_CHANNELS } from '../../libs/domain/src/employment/employment';
import { startTestApp, TestApp } from '../support/test-app';

function readdirRecursive(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? readdirRecursive(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

type Schema = {
  properties?: Record<
    string,
    { example?: unknown; enum?: unknown[]; type?: string; items?: unknown; $ref?: string; allOf?: unknown[] }
  >;
};
type Operation = {
  summary?: string;
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  responses: Record<string, unknown>;
};

/** The OpenAPI document is the integrators' contract: every command is described, exemplified and lists its errors. */
describe('OpenAPI document', () => {
  let t: TestApp;
  let doc: {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, Schema> };
  };
  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.request({ method: 'GET', url: '/docs-json' })).json();
  });
  afterAll(() => t.close());

  const writes = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method]) => method === 'post')
        .map(([, op]) => ({ path, op })),
    );

  it('documents each body with its own schema: no two body classes share a name', () => {
    // Swagger keys schemas by class name; the second class of a name silently got the first's schema
    // (the jobcentre's contact attempts were documented with the support team's channels).
    const names = readdirRecursive(join(__dirname, '../../apps/api/src'))
      .filter((file) => file.endsWith('.dto.ts'))
      .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/export class (\w+)/g)].map((m) => m[1]));
    expect(names.length).toBeGreaterThan(40);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);

    const ref =
      doc.paths['/citizens/{citizenId}/employment/sanction-warnings/{warningId}/contact-attempts'].post
        .requestBody!.content['application/json'].schema.$ref!;
    const channels = doc.components.schemas[ref.split('/').pop()!].properties!.channel.enum;
    expect(channels).toEqual([...EMPLOYMENT_CONTACT_CHANNELS]);
  });

  it('gives every command a summary and lists 400 and 404 problems', () => {
    const missing = writes()
      .filter(({ op }) => !op.summary || !op.responses['400'])
      .map(({ path }) => path);
    expect(missing).toEqual([]);
    const citizenScoped = writes().filter(({ path }) => path.startsWith('/citizens/{citizenId}'));
    expect(citizenScoped.filter(({ op }) => !op.responses['404']).map(({ path }) => path)).toEqual([]);
  });

  it('shows a realistic example or the allowed values for every field of every command body', () => {
    const bodies = new Set(
      writes()
        .map(({ op }) => op.requestBody?.content['application/json']?.schema.$ref)
        .filter((ref): ref is string => ref !== undefined),
    );
    expect(bodies.size).toBeGreaterThan(40);
    const withoutExample: string[] = [];
    for (const ref of bodies) {
      const name = ref.split('/').pop()!;
      for (const [field, property] of Object.entries(doc.components.schemas[name].properties ?? {})) {
        const documented =
          property.example !== undefined ||
          property.enum !== undefined ||
          property.$ref !== undefined ||
          property.allOf !== undefined;
        if (!documented) withoutExample.push(`${name}.${field}`);
      }
    }
    expect(withoutExample).toEqual([]);
  });
});
