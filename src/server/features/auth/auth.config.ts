import { betterAuth } from 'better-auth';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import { hashedSessionTokens } from './auth.sessions';

/**
 * The session cookie's name: under HTTPS `__Host-` prefixed, which a browser accepts only from this
 * very host, Secure, for every path and without a Domain, so a sibling subdomain cannot plant one.
 */
export function sessionCookieName(config: Pick<Config, 'publicUrl'>): string {
  return `${isHttps(config) ? '__Host-' : ''}atende.session_token`;
}

const isHttps = (config: Pick<Config, 'publicUrl'>) => config.publicUrl.startsWith('https://');

/**
 * better-auth owns passwords (scrypt hashes), sessions and the spending of reset tokens. Its
 * models are mapped onto our snake_case tables, which our own migrations create. Reset and
 * invitation tokens are issued by auth.tokens.ts (256 bits; better-auth's own are 143) and kept
 * hashed the way better-auth keeps them; session tokens are kept hashed by our plugin.
 */
export function createAuth(db: Db, config: Config, secret: string, log: FastifyBaseLogger) {
  const timestamps = { createdAt: 'created_at', updatedAt: 'updated_at' };
  return betterAuth({
    appName: 'Atende',
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    secret,
    trustedOrigins: [config.publicUrl],
    telemetry: { enabled: false },
    // Its own messages ("User not found" …) are debugging detail; ours say what happened.
    logger: { level: 'error', log: (level, message) => log[level]({ auth: true }, message) },
    database: { db, type: db.dialectName, transaction: true },
    rateLimit: { enabled: false },
    user: {
      modelName: 'person',
      fields: { emailVerified: 'email_verified', ...timestamps },
    },
    session: {
      modelName: 'session',
      fields: { userId: 'person_id', expiresAt: 'expires_at', ipAddress: 'ip_address', userAgent: 'user_agent', ...timestamps },
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
    },
    account: {
      modelName: 'account',
      fields: {
        userId: 'person_id',
        accountId: 'account_id',
        providerId: 'provider_id',
        accessToken: 'access_token',
        refreshToken: 'refresh_token',
        idToken: 'id_token',
        accessTokenExpiresAt: 'access_token_expires_at',
        refreshTokenExpiresAt: 'refresh_token_expires_at',
        ...timestamps,
      },
    },
    verification: { modelName: 'verification', fields: { expiresAt: 'expires_at', ...timestamps }, storeIdentifier: 'hashed' },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
    },
    plugins: [hashedSessionTokens()],
    advanced: {
      cookiePrefix: 'atende',
      // better-auth's own prefix would be __Secure-; the names below carry __Host- instead.
      useSecureCookies: false,
      defaultCookieAttributes: { secure: isHttps(config) },
      cookies: {
        session_token: { name: sessionCookieName(config) },
        dont_remember: { name: `${isHttps(config) ? '__Host-' : ''}atende.dont_remember` },
      },
      ipAddress: { disableIpTracking: false },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
