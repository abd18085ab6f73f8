import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { maskCprNumbers } from '@hf/domain';
import { PinoNestLogger } from '@hf/platform';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApiModule, ApiModuleOptions } from './app.module';
import { ProblemDetailsSchema } from './http/openapi';
import { parseJsonBody } from './http/json-body';
import { FHIR_CONTENT_TYPE, isFhirRoute } from './http/operation-outcome';
import { ProblemException } from './http/problem';
import { ProblemDetailsFilter } from './http/problem.filter';
import { registerRateLimit } from './http/rate-limit';
import { registerSecurityHeaders } from './http/security-headers';
import { literalIfUndecodable } from './http/url';
import { createValidationPipe } from './http/validation';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Builds the HTTP app with the conventions every endpoint inherits. Used by main and by the e2e tests. */
export async function createApiApp(options: ApiModuleOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: options.logger,
    bodyLimit: options.config.bodyLimitBytes,
    // A caller's request id is kept (so traces join up across systems) when it looks like an id. It is
    // logged, echoed and stored as the events' correlation id, so one that holds a CPR number is not kept.
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) && maskCprNumbers(given) === given
        ? given
        : randomUUID();
    },
    rewriteUrl: (req: IncomingMessage) => literalIfUndecodable(req.url ?? '/'),
    return503OnClosing: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(options), adapter, {
    logger: new PinoNestLogger(options.logger),
    bufferLogs: false,
    // Nest would add a parser for form bodies (and its own lenient JSON parser); the API takes JSON only.
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  // Both before any route exists (they hook into route registration). Helmet's hooks are app-wide and
  // the limiter's per route, which Fastify runs later, so a 429 carries the security headers too.
  await registerSecurityHeaders(app);
  await registerRateLimit(app, options.config.rateLimitPerMinute);
  // JSON only, parsed strictly: any other body (text/plain and forms included) is a 415.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: options.config.bodyLimitBytes },
    (request, body, done) => {
      try {
        done(null, parseJsonBody(body as Buffer, request.headers['content-type']));
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );
  // FHIR JSON (MedCom HospitalNotification), parsed as strictly, and only where a FHIR route takes it.
  fastify.addContentTypeParser(
    FHIR_CONTENT_TYPE,
    { parseAs: 'buffer', bodyLimit: options.config.bodyLimitBytes },
    (request, body, done) => {
      try {
        if (!isFhirRoute(request.url)) {
          throw ProblemException.of(
            415,
            'unsupported-media-type',
            'Unsupported media type',
            'Send application/json.',
          );
        }
        done(null, parseJsonBody(body as Buffer, request.headers['content-type']));
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );
  // Once shutdown has begun, every response closes its connection: a keep-alive connection left idle after the
  // last answer would otherwise hold the server open until its keep-alive timeout (72 s), long past any grace.
  let closing = false;
  fastify.addHook('preClose', async () => {
    closing = true;
  });
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    if (closing) void reply.header('connection', 'close');
  });
  // Fastify's own errors (malformed JSON, body too large, wrong content type) reach Nest's error
  // handler too, so ProblemDetailsFilter shapes every error response.
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  // No enableShutdownHooks: main closes on SIGTERM itself (closeGracefullyOnSignals) so that it can exit 0.

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Housing First coordination API')
      .setDescription(
        'Records what happens to a homeless citizen across sectors (§110 shelter stays, discharges, housing, ' +
          'benefits, support) and serves per-citizen timelines. Errors are RFC 9457 application/problem+json.',
      )
      .setVersion('0.1.0')
      .build(),
    { extraModels: [ProblemDetailsSchema] },
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
