import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { APIError } from 'better-auth/api';
import { fromNodeHeaders } from 'better-auth/node';
import { z } from 'zod';
import {
  changePasswordInput,
  forgotPasswordInput,
  loginInput,
  meView,
  setPasswordInput,
  setupInput,
  updateMeInput,
} from '../../../contracts/auth';
import { errorBody } from '../../../contracts/errors';
import { AppError, invalidFields } from '../../lib/errors';
import { requireActor } from '../../plugins/session';
import { loadActor } from './auth.actor';
import { presentMe } from './auth.presenter';
import { assertNotThrottled, clearAttempts, forgiveAttempt, recordAttempts, recordMailRequest, signInRules } from './auth.throttle';
import { consumeSetupToken } from './auth.setup';
import { requestPasswordReset, sendPasswordChanged } from './auth.mails';
import { hashSessionToken } from './auth.sessions';
import { passwordTokenOwner } from './auth.tokens';
import { createPerson, setPersonPassword } from '../people/people.service';
import { findPersonByEmail } from '../people/people.repository';
import { devMailboxOpens } from '../mail/mail.mailbox';

const errors = { 400: errorBody, 401: errorBody, 429: errorBody };

/** Copies better-auth's Set-Cookie headers (session cookie) onto our reply. */
function forwardCookies(reply: FastifyReply, headers: Headers) {
  const cookies = headers.getSetCookie();
  if (cookies.length) reply.header('set-cookie', cookies);
}

/** Sign-in, sign-out, the current person, password reset and first-run setup. */
export async function authRoutes(app: FastifyInstance) {
  const { db, auth, config } = app.ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/session',
    { schema: { tags: ['auth'], summary: 'Sign in with e-mail and password', body: loginInput, response: { 200: meView, ...errors } } },
    async (request, reply) => {
      const { email, password } = request.body;
      const account = { key: `account:${email}`, rule: signInRules.account };
      const ip = { key: `ip:${request.ip}`, rule: signInRules.ip };
      await assertNotThrottled(db, [account.key, ip.key]);
      // Counted before the password is checked, so a burst of concurrent guesses cannot pass the limit.
      await recordAttempts(db, [account, ip]);
      let signedIn;
      try {
        signedIn = await auth.api.signInEmail({
          body: { email, password, rememberMe: true },
          headers: fromNodeHeaders(request.headers),
          returnHeaders: true,
        });
      } catch (error) {
        if (!(error instanceof APIError)) throw error;
        // Unknown address, wrong password, deactivated person: one answer for all.
        throw new AppError('invalid_credentials', 'login.invalid', { securityEvent: { account: email } });
      }
      // A deactivated person, or one whose every company is deactivated, gets the same answer.
      const actor = await loadActor(db, signedIn.response.user.id);
      if (!actor) {
        await db.deleteFrom('session').where('token', '=', hashSessionToken(signedIn.response.token)).execute();
        throw new AppError('invalid_credentials', 'login.invalid');
      }
      // Success forgets the account's failures and does not count against the address.
      await clearAttempts(db, account.key);
      await forgiveAttempt(db, ip.key, ip.rule);
      // Signing in replaces any session the browser still had.
      if (request.sessionId) await db.deleteFrom('session').where('id', '=', request.sessionId).execute();
      forwardCookies(reply, signedIn.headers);
      return presentMe(actor, devMailboxOpens(config, request, actor));
    },
  );

  r.delete(
    '/api/session',
    { schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null() } } },
    async (request, reply) => {
      const signedOut = await auth.api.signOut({ headers: fromNodeHeaders(request.headers), returnHeaders: true });
      forwardCookies(reply, signedOut.headers);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/me',
    { schema: { tags: ['auth'], summary: 'The signed-in person', response: { 200: meView, 401: errorBody } } },
    async (request) => presentMe(requireActor(request), devMailboxOpens(config, request)),
  );

  r.patch(
    '/api/me',
    { schema: { tags: ['auth'], summary: 'Change my preferences', body: updateMeInput, response: { 200: meView, ...errors } } },
    async (request) => {
      const actor = requireActor(request);
      await db.updateTable('person').set({ language: request.body.language }).where('id', '=', actor.id).execute();
      return presentMe({ ...actor, language: request.body.language }, devMailboxOpens(config, request));
    },
  );

  r.post(
    '/api/password/forgot',
    {
      schema: {
        tags: ['auth'],
        summary: 'Mail a link to set a new password',
        description: 'Answers the same whether or not the address has an account.',
        body: forgotPasswordInput,
        response: { 202: z.object({ ok: z.literal(true) }), ...errors },
      },
    },
    async (request, reply) => {
      await recordMailRequest(db, 'forgot', request.ip, request.body.email);
      await requestPasswordReset(db, config, request.body.email);
      app.ctx.pokeMail();
      return reply.status(202).send({ ok: true as const });
    },
  );

  r.post(
    '/api/password/set',
    {
      schema: {
        tags: ['auth'],
        summary: 'Set a password with a single-use link token (reset or invitation); the person is told by mail',
        body: setPasswordInput,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const personId = await passwordTokenOwner(db, request.body.token);
      try {
        await auth.api.resetPassword({ body: { token: request.body.token, newPassword: request.body.password } });
      } catch (error) {
        if (error instanceof APIError) throw new AppError('invalid_token', 'reset.invalidToken');
        throw error;
      }
      if (personId) {
        await sendPasswordChanged(db, config, personId, request.ip);
        app.ctx.pokeMail();
      }
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/password/change',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change my password; every other session of mine ends, this one is renewed, and I am told by mail',
        body: changePasswordInput,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      let changed;
      try {
        changed = await auth.api.changePassword({
          body: { currentPassword: request.body.currentPassword, newPassword: request.body.newPassword, revokeOtherSessions: true },
          headers: fromNodeHeaders(request.headers),
          returnHeaders: true,
        });
      } catch (error) {
        if (error instanceof APIError) throw invalidFields({ currentPassword: 'validation.wrongPassword' });
        throw error;
      }
      forwardCookies(reply, changed.headers);
      await sendPasswordChanged(db, config, actor.id, request.ip);
      app.ctx.pokeMail();
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/setup',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create the first system administrator with the one-time link printed at first start',
        body: setupInput,
        response: { 201: z.object({ ok: z.literal(true) }), ...errors },
      },
    },
    async (request, reply) => {
      const { token, name, email, password } = request.body;
      if (await findPersonByEmail(db, email)) throw invalidFields({ email: 'validation.emailTaken' });
      await db.transaction().execute(async (trx) => {
        if (!(await consumeSetupToken(trx, token))) throw new AppError('invalid_token', 'setup.invalidToken');
        const id = await createPerson(trx, { name, email, staffRole: 'admin', language: 'pt-BR' });
        await setPersonPassword(trx, id, password);
      });
      return reply.status(201).send({ ok: true as const });
    },
  );
}
