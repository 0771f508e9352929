import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/** Reverse proxies whose X-Forwarded-* headers are believed: none, the nearest n hops, or those at these addresses. */
export type TrustProxy = false | number | string[];

/** proxy-addr's names for this machine and the private networks, where a reverse proxy usually is. */
const privateNetworks = ['loopback', 'linklocal', 'uniquelocal'];

/** An IP address, a CIDR range such as 10.0.0.0/8 or fd00::/8, or one of the private networks' names. */
function isAddressOrRange(entry: string): boolean {
  if (privateNetworks.includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (!version || rest.length) return false;
  return prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
}

const trustProxy = z.string().transform((value, ctx): TrustProxy => {
  // A number of hops believes whoever connects: only for a port that nothing but the proxies reaches.
  if (/^\d+$/.test(value)) return Number(value) || false;
  const flag = z.stringbool().safeParse(value);
  // `true` is a proxy on this machine or a private network, never every hop: a client that reached
  // the port directly could then choose its own address.
  if (flag.success) return flag.data ? privateNetworks : false;
  const addresses = value.split(',').map((a) => a.trim());
  if (addresses.every(isAddressOrRange)) return addresses;
  ctx.addIssue({ code: 'custom', message: 'must be true, false, a number of proxy hops, or proxy addresses or CIDR ranges separated by commas' });
  return z.NEVER;
});

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Every address by default; the demo only this machine's unless HOST says otherwise. */
  HOST: z.string().min(1).optional(),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Atende <atende@localhost>'),
  AUTH_SECRET: z.string().min(32).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: trustProxy.default(false),
  AUTO_CLOSE_DAYS: z.coerce.number().min(0).default(5),
  REOPEN_DAYS: z.coerce.number().min(0).default(15),
  OPENINGS_PER_MINUTE: z.coerce.number().int().min(0).default(30),
  ATTACHMENT_MAX_MB: z.coerce.number().positive().default(20),
  ATTACHMENT_MAX_FILES: z.coerce.number().int().positive().default(10),
  ATTACHMENT_TICKET_QUOTA_MB: z.coerce.number().positive().default(500),
  ATTACHMENT_DAILY_QUOTA_MB: z.coerce.number().positive().default(1000),
  WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  HEADERS_TIMEOUT_SECONDS: z.coerce.number().positive().default(10),
  REQUEST_TIMEOUT_SECONDS: z.coerce.number().positive().default(300),
  IDLE_TIMEOUT_SECONDS: z.coerce.number().positive().default(30),
  KEEP_ALIVE_TIMEOUT_SECONDS: z.coerce.number().positive().default(5),
  LIVE_STREAMS_PER_PERSON: z.coerce.number().int().positive().default(8),
  LIVE_STREAMS_PER_PROCESS: z.coerce.number().int().positive().default(10_000),
});

const megabytes = (mb: number) => Math.round(mb * 1024 * 1024);

/** Runtime configuration, read once from the environment. */
export type Config = {
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  databaseUrl?: string;
  smtpUrl?: string;
  mailFrom: string;
  /** Signs session cookies; generated and kept in DATA_DIR when not given. */
  authSecret?: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  trustProxy: TrustProxy;
  /** Demo mode seeds demo data and opens the development mailbox. */
  demo: boolean;
  tickets: {
    /** A proposed solution left unconfirmed this long closes by itself. */
    autoCloseDays: number;
    /** A closed ticket can be reopened by its requester this long. */
    reopenDays: number;
    /** Most tickets one person may open in a minute; 0 for no limit. */
    openingsPerMinute: number;
  };
  attachments: {
    maxBytes: number;
    maxFiles: number;
    /** The most a ticket's attachments may hold in all. */
    ticketQuotaBytes: number;
    /** The most one person may upload in 24 hours. */
    dailyQuotaBytes: number;
  };
  /** Serving processes sharing the port and the database (node:cluster); 1 serves in the main process. */
  workers: number;
  /** How long a client may take, so that slow or silent connections cannot hold the server's (ms). */
  timeouts: {
    /** To send a request's headers. */
    headers: number;
    /** To send a whole request, body included (an upload on a slow line). */
    request: number;
    /** Without sending or reading a byte, in the middle of a request or before the first. */
    idle: number;
    /** Between two requests on a kept-alive connection. */
    keepAlive: number;
  };
  /** Open event streams (features/live) one process holds at most: per person, and in all. */
  live: { streamsPerPerson: number; streamsPerProcess: number };
};

/** Parses the environment; throws a readable message naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, demo = false): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const port = e.PORT;
  const host = e.HOST ?? (demo ? '127.0.0.1' : '0.0.0.0');
  // The demo's own default (127.0.0.1) and every-address hosts read as localhost in links; a named host as itself.
  const shownHost = e.HOST === undefined || host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    port,
    host,
    publicUrl: (e.PUBLIC_URL ?? `http://${shownHost}:${port}`).replace(/\/$/, ''),
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    authSecret: e.AUTH_SECRET,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    demo,
    tickets: { autoCloseDays: e.AUTO_CLOSE_DAYS, reopenDays: e.REOPEN_DAYS, openingsPerMinute: e.OPENINGS_PER_MINUTE },
    attachments: {
      maxBytes: megabytes(e.ATTACHMENT_MAX_MB),
      maxFiles: e.ATTACHMENT_MAX_FILES,
      ticketQuotaBytes: megabytes(e.ATTACHMENT_TICKET_QUOTA_MB),
      dailyQuotaBytes: megabytes(e.ATTACHMENT_DAILY_QUOTA_MB),
    },
    workers: e.WORKERS,
    timeouts: {
      headers: e.HEADERS_TIMEOUT_SECONDS * 1000,
      request: e.REQUEST_TIMEOUT_SECONDS * 1000,
      idle: e.IDLE_TIMEOUT_SECONDS * 1000,
      keepAlive: e.KEEP_ALIVE_TIMEOUT_SECONDS * 1000,
    },
    live: { streamsPerPerson: e.LIVE_STREAMS_PER_PERSON, streamsPerProcess: e.LIVE_STREAMS_PER_PROCESS },
  };
}
