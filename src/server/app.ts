import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { AppContext } from './context';
import type { Db } from './db/database';
import { createAuth } from './features/auth/auth.config';
import { authRoutes } from './features/auth/auth.routes';
import { catalogFormRoutes } from './features/catalog/catalog.form.routes';
import { catalogRoutes } from './features/catalog/catalog.routes';
import { companiesRoutes } from './features/companies/companies.routes';
import { healthRoutes } from './features/health/health.routes';
import { devMailboxRoutes } from './features/mail/mail.routes';
import { authSecret } from './features/settings/settings.service';
import { ticketActionsRoutes } from './features/tickets/tickets.actions.routes';
import { ticketsRoutes } from './features/tickets/tickets.routes';
import { attachmentsRoutes } from './features/attachments/attachments.routes';
import { peopleRoutes } from './features/people/people.routes';
import { peopleSelfRoutes } from './features/people/people.self.routes';
import { helpRoutes } from './features/help/help.routes';
import { companiesAdminRoutes } from './features/companies/companies.admin.routes';
import { catalogAdminRoutes } from './features/catalog/catalog.admin.routes';
import { groupsAdminRoutes } from './features/groups/groups.admin.routes';
import { slaAdminRoutes } from './features/sla/sla.admin.routes';
import { mailAdminRoutes } from './features/mail/mail.admin.routes';
import { auditRoutes } from './features/audit/audit.routes';
import { tagsRoutes } from './features/tags/tags.routes';
import { viewsRoutes } from './features/views/views.routes';
import { bulkRoutes } from './features/bulk/bulk.routes';
import { macrosRoutes } from './features/macros/macros.routes';
import { assignmentRoutes } from './features/assignment/assignment.routes';
import { liveRoutes } from './features/live/live';
import { notificationsRoutes } from './features/notifications/notifications.routes';
import { closingRoutes } from './features/closing/closing.routes';
import { closingAdminRoutes } from './features/closing/closing.admin.routes';
import { linksRoutes } from './features/links/links.routes';
import { loggerOptions } from './lib/logger';
import { registerCompression } from './plugins/compression';
import { frameworkError, registerErrorHandling } from './plugins/errors';
import { registerOpenApi } from './plugins/openapi';
import { registerSecurity } from './plugins/security';
import { registerSession } from './plugins/session';
import { registerWeb } from './plugins/web';

export type BuildOptions = {
  config: Config;
  db: Db;
  /** Called after a commit that queued mail; the mail worker listens. */
  pokeMail?: () => void;
  /** Serve the built web app (off in API tests). */
  web?: boolean;
  /** Where log lines go (tests read them); stdout by default. */
  logStream?: { write: (line: string) => void };
};

/** Builds the whole application: plugins first, then every feature, in this explicit order. */
export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const { config, db } = options;
  const trusted = config.trustProxy;
  const app = Fastify({
    logger: loggerOptions(config.logLevel, options.logStream),
    // Fastify 5 refuses a bare hop count (it cannot check who connects); TRUST_PROXY=<n> asks for it
    // knowingly (config.ts), so the count becomes a function of the hop.
    trustProxy: typeof trusted === 'number' ? (_address: string, hop: number) => hop < trusted : trusted,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    frameworkErrors: frameworkError,
    requestIdHeader: false,
    // Slow or silent clients (slowloris) lose their connection instead of holding it. Node checks
    // the headers and request deadlines every `connectionsCheckingInterval` (30 s by default).
    connectionTimeout: config.timeouts.idle,
    keepAliveTimeout: config.timeouts.keepAlive,
    requestTimeout: config.timeouts.request,
    http: { headersTimeout: config.timeouts.headers, connectionsCheckingInterval: Math.min(1000, config.timeouts.headers / 2) },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const secret = await authSecret(db, config.authSecret);
  const auth = createAuth(db, config, secret, app.log);
  const ctx: AppContext = { config, db, auth, pokeMail: options.pokeMail ?? (() => undefined) };
  app.decorate('ctx', ctx);

  registerErrorHandling(app);
  // The session first: a refusal of the CSRF check is logged with the person it would have acted as.
  registerSession(app, secret);
  await registerSecurity(app, config);
  await registerOpenApi(app);
  await registerCompression(app);

  const features = [
    healthRoutes,
    authRoutes,
    catalogRoutes,
    catalogFormRoutes,
    companiesRoutes,
    ticketsRoutes,
    ticketActionsRoutes,
    bulkRoutes,
    attachmentsRoutes,
    peopleRoutes,
    peopleSelfRoutes,
    helpRoutes,
    companiesAdminRoutes,
    catalogAdminRoutes,
    groupsAdminRoutes,
    slaAdminRoutes,
    mailAdminRoutes,
    auditRoutes,
    tagsRoutes,
    viewsRoutes,
    macrosRoutes,
    devMailboxRoutes,
    assignmentRoutes,
    notificationsRoutes,
    closingRoutes,
    closingAdminRoutes,
    linksRoutes,
    liveRoutes,
  ];
  for (const feature of features) {
    await app.register(feature);
  }
  if (options.web !== false) await registerWeb(app);
  return app;
}
