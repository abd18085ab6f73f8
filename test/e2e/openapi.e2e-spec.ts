import { startTestApp, TestApp } from '../support/test-app';

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
