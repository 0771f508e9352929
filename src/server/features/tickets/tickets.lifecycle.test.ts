import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, request, signIn, type TestApp } from '../../test/harness';
import { demoForm } from '../../test/catalog-ids';
import { closeUnconfirmedSolutions } from './tickets.lifecycle';

describe('closing a backlog of unconfirmed solutions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { AUTO_CLOSE_DAYS: '5' } });
  });
  afterAll(() => t.close());

  it('lets the process serve between two closings instead of running the whole pass at once', async () => {
    const cookie = await signIn(t.app, 'contato@alfa.example');
    const form = await demoForm(t.db, 'RM');
    const opened = await Promise.all(
      Array.from({ length: 30 }, (_, i) => request(t.app, { method: 'POST', url: '/api/tickets', cookie, payload: { ...form.fields, summary: `Pendente ${i}` } })),
    );
    const numbers = opened.map((res) => res.json().number as number);
    // Solutions proposed a week ago and never confirmed: a backlog, as after the portal was down.
    await t.db
      .updateTable('ticket')
      .set({ status: 'solution_proposed', solution_proposed_at: new Date(Date.now() - 7 * 86_400_000).toISOString() })
      .where('number', 'in', numbers)
      .execute();

    let turns = 0;
    let passing = true;
    const countTurns = () => {
      if (!passing) return;
      turns++;
      setImmediate(countTurns);
    };
    setImmediate(countTurns);
    const closed = await closeUnconfirmedSolutions(t);
    passing = false;

    expect(closed).toBe(30);
    // On SQLite every statement completes at once; without a pause the event loop would not turn until the end.
    expect(turns).toBeGreaterThanOrEqual(30);
    const statuses = await t.db.selectFrom('ticket').select('status').where('number', 'in', numbers).execute();
    expect(statuses.every((s) => s.status === 'closed')).toBe(true);
  });
});
