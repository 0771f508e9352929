import { createHash } from 'node:crypto';
import os from 'node:os';
import { makeSignature } from 'better-auth/crypto';
import { expect, it } from 'vitest';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { authSecret } from '../../features/settings/settings.service';
import { createTestDatabase, request, testOrigin } from '../../test/harness';

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

it('hashes the tokens stored in plain text before, voids pending e-mail changes, and the sessions and links go on working', async () => {
  const { db, drop, migrateRest } = await createTestDatabase(undefined, { until: '009_environment_names' });
  const at = new Date().toISOString();
  const later = new Date(Date.now() + 3_600_000).toISOString();
  await db
    .insertInto('person')
    .values({ id: 'p1', name: 'Pedro Plano', email: 'pedro@vendor.example', email_verified: false, image: null, phone: null, cpf: null, language: 'pt-BR', active: true, staff_role: 'agent', pending_email: 'pedro.novo@vendor.example', created_at: at, updated_at: at })
    .execute();
  await db.insertInto('session').values({ id: 's1', token: 'PlainSessionToken0123456789abcdef', person_id: 'p1', expires_at: later, ip_address: null, user_agent: null, created_at: at, updated_at: at }).execute();
  const verification = (id: string, identifier: string, value: string) => ({ id, identifier, value, expires_at: later, created_at: at, updated_at: at });
  await db
    .insertInto('verification')
    .values([verification('v1', 'reset-password:PlainResetToken', 'p1'), verification('v2', 'setup:PlainSetupToken', 'first-admin'), verification('v3', 'email-change:PlainChangeToken', 'p1')])
    .execute();

  await migrateRest();

  expect(await db.selectFrom('session').select('token').execute()).toEqual([{ token: sha256('PlainSessionToken0123456789abcdef') }]);
  const identifiers = (await db.selectFrom('verification').select('identifier').orderBy('id').execute()).map((r) => r.identifier);
  expect(identifiers).toEqual([sha256('reset-password:PlainResetToken'), sha256('setup:PlainSetupToken')]);
  // A change mailed without telling the old address is not completed under the new rules.
  expect((await db.selectFrom('person').select('pending_email').executeTakeFirstOrThrow()).pending_email).toBeNull();

  const config = loadConfig({ PUBLIC_URL: testOrigin, LOG_LEVEL: 'silent', DATA_DIR: os.tmpdir() });
  const app = await buildApp({ config, db, web: false });
  const secret = await authSecret(db, config.authSecret);
  const token = 'PlainSessionToken0123456789abcdef';
  const cookie = `atende.session_token=${encodeURIComponent(`${token}.${await makeSignature(token, secret)}`)}`;
  expect((await request(app, { method: 'GET', url: '/api/me', cookie })).json()).toMatchObject({ email: 'pedro@vendor.example' });
  expect((await request(app, { method: 'POST', url: '/api/password/set', payload: { token: 'PlainResetToken', password: 'pedro-password-1' } })).statusCode).toBe(204);
  expect((await request(app, { method: 'POST', url: '/api/email/confirm', payload: { token: 'PlainChangeToken' } })).statusCode).toBe(400);
  await app.close();
  await drop();
});
