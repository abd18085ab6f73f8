import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** The OpenAPI UI and document; everything else is the API proper. */
export const DOCS_PREFIX = '/docs';

/**
 * The API answers JSON only, so its pages may load nothing and be framed by no one. The Swagger UI
 * under /docs loads its own scripts and styles and uses inline styles and data: images, so it gets
 * helmet's default policy instead, still unframeable. `upgrade-insecure-requests` is left out there
 * because the UI is also opened over plain http on a developer's machine.
 */
const API_CSP = { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } };
const DOCS_CSP = {
  useDefaults: true,
  directives: { frameAncestors: ["'none'"], upgradeInsecureRequests: null },
};

/**
 * Security headers on every response, errors included (helmet sets them on the raw response in an
 * onRequest hook, before anything can fail). Register before any route, so the /docs routes are seen.
 */
export async function registerSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRoute', (route) => {
    if (route.url.startsWith(DOCS_PREFIX)) {
      route.config = { ...route.config, helmet: { contentSecurityPolicy: DOCS_CSP } } as typeof route.config;
    }
  });
  await app.register(helmet, {
    contentSecurityPolicy: API_CSP,
    // One year, subdomains included; the service is only ever meant to be reached over TLS.
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  // Responses carry citizen data: no browser, proxy or CDN may keep a copy.
  fastify.addHook('onSend', async (request, reply) => {
    if (!request.url.startsWith(DOCS_PREFIX)) void reply.header('cache-control', 'no-store');
  });
}
