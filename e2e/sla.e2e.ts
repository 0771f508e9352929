import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/server/config';
import { runSlaJob } from '../src/server/features/sla/sla.job';
import { demoForm } from '../src/server/test/catalog-ids';
import { portalInBrowser } from './harness';
import { apiFrom, axeBlockers, choose } from './helpers';

const calendarName = 'Plantão São Paulo';
const policyName = 'Alta RM rápida';

/** Types a target of a criticality, in hours and minutes, into the policy form. */
async function setTarget(form: ReturnType<Page['getByRole']>, target: string, level: string, hours: number, minutes: number) {
  await form.getByRole('textbox', { name: `${target} de ${level}, horas` }).fill(String(hours));
  await form.getByRole('textbox', { name: `${target} de ${level}, minutos` }).fill(String(minutes));
}

describe('service levels', () => {
  const harness = portalInBrowser();

  it('the administrator sets up a São Paulo calendar and a policy; an Alta ticket counts down in Vencendo, pauses while the customer is asked, runs again on the answer and warns the agent by mail', async () => {
    const { db } = harness.portal;
    const admin = await harness.signedIn('sistema@atende.example');

    // A calendar: every hour of every day (the test runs at any time), with São Paulo's state and city holidays.
    await admin.getByRole('navigation').getByRole('link', { name: 'Calendários' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Calendários de atendimento' }).waitFor();
    await admin.getByRole('button', { name: 'Novo calendário' }).click();
    const form = admin.getByRole('dialog', { name: 'Novo calendário' });
    await form.getByRole('textbox', { name: 'Nome' }).first().fill(calendarName);
    await choose(admin, 'Feriados do município', 'São Paulo');
    // The city's anniversary is listed by name beside the national holidays.
    const year = new Date().getFullYear();
    const holidays = form.getByRole('table', { name: `Feriados de ${year}` });
    await holidays.getByRole('row').filter({ hasText: 'Aniversário da Cidade' }).getByText('Municipal').waitFor();
    await holidays.getByRole('row').filter({ hasText: 'Carnaval' }).first().getByText('Nacional').waitFor();
    // A company closure of its own.
    await form.getByRole('group', { name: 'Adicionar feriado ou fechamento da empresa' }).getByLabel('Data').fill(`${year}-12-31`);
    await form.getByRole('group', { name: 'Adicionar feriado ou fechamento da empresa' }).getByRole('textbox', { name: 'Nome' }).fill('Balanço anual');
    await form.getByRole('button', { name: 'Adicionar', exact: true }).click();
    await holidays.getByRole('row').filter({ hasText: 'Balanço anual' }).getByText('Fechamento').waitFor();

    // A period that ends before it starts is refused on its field.
    await form.getByRole('textbox', { name: 'Início do período 1 de segunda-feira' }).fill('18:00');
    await form.getByRole('textbox', { name: 'Fim do período 1 de segunda-feira' }).fill('08:00');
    await form.getByRole('button', { name: 'Salvar' }).click();
    await form.getByText('O fim do período precisa ser depois do início', { exact: false }).waitFor();
    await form.getByRole('button', { name: 'Tornar 24×7' }).click();
    expect(await axeBlockers(admin)).toEqual([]);
    await form.getByRole('button', { name: 'Salvar' }).click();
    await admin.getByText(`Calendário ${calendarName} salvo.`).waitFor();
    const row = admin.getByRole('row').filter({ hasText: calendarName });
    await row.getByText('24 horas, todos os dias').waitFor();
    await row.getByText('Nacionais · São Paulo · São Paulo · 1 próprio').waitFor();

    // A policy for Alta tickets of RM with short targets, on that calendar, with the preview.
    await admin.getByRole('navigation').getByRole('link', { name: 'Políticas de SLA' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Políticas de SLA' }).waitFor();
    await admin.getByRole('button', { name: 'Nova política' }).click();
    const policy = admin.getByRole('dialog', { name: 'Nova política' });
    await policy.getByRole('textbox', { name: 'Nome' }).fill(policyName);
    await choose(admin, 'Calendário', calendarName);
    await choose(admin, 'Criticidades', 'Alta');
    await admin.keyboard.press('Escape');
    await choose(admin, 'Linhas de serviço', 'RM');
    await admin.keyboard.press('Escape');
    await setTarget(policy, 'Primeira resposta', 'Alta', 0, 10);
    await setTarget(policy, 'Próxima resposta', 'Alta', 0, 4);
    await setTarget(policy, 'Solução', 'Alta', 1, 0);
    await choose(admin, 'Linha de serviço', 'RM');
    const preview = policy.getByTestId('sla-preview');
    await preview.getByText('Um chamado aberto agora, Alta, RM, venceria:').waitFor();
    await preview.getByText(/^Primeira resposta: /).waitFor();
    await policy.getByRole('button', { name: 'Salvar' }).click();
    await admin.getByText(`Política ${policyName} salva.`).waitFor();

    // The first rule that matches applies: this one goes to the top, by its arrows.
    const rules = admin.getByRole('list', { name: 'Ordem das políticas' });
    for (let i = 0; i < 10 && !(await rules.getByRole('listitem').first().getByText(policyName).count()); i++) {
      await rules.getByRole('button', { name: `Subir ${policyName}` }).click();
      await admin.getByText(/agora é a regra/).last().waitFor();
    }
    await rules.getByRole('listitem').first().getByText(policyName).waitFor();
    expect(await axeBlockers(admin)).toEqual([]);

    // The audit log names each act.
    await admin.getByRole('navigation').getByRole('link', { name: 'Auditoria' }).click();
    for (const step of ['Calendário de SLA criado', 'Política de SLA criada']) await admin.getByRole('row').filter({ hasText: step }).first().waitFor();

    // A contact opens an Alta ticket of RM.
    const contact = await harness.signedIn('contato@alfa.example');
    const opened = await apiFrom<{ number: number }>(contact, 'POST', '/api/tickets', (await demoForm(db, 'RM')).fields);
    expect(opened.status).toBe(201);
    const ticket = await db.selectFrom('ticket').select(['id', 'criticality']).where('number', '=', opened.body.number).executeTakeFirstOrThrow();
    expect(ticket.criticality).toBe('high');
    const clocks = await db.selectFrom('ticket_sla').select(['target', 'state']).where('ticket_id', '=', ticket.id).execute();
    expect(clocks.map((c) => `${c.target}:${c.state}`).sort()).toEqual(['first_response:running', 'resolution:running']);
    const number = opened.body.number;

    // The contact sees when the first response is expected, and nothing of the internal targets.
    await contact.goto(`${harness.portal.url}/tickets/${number}`);
    await contact.getByTestId('customer-sla').getByText(/^Primeira resposta prevista até /).waitFor();
    expect(await contact.getByTestId('ticket-sla').count()).toBe(0);

    // The agent finds it in "Vencendo", with its countdown, and the view's count in the menu.
    const agent = await harness.signedIn('analista@atende.example');
    await agent.getByRole('navigation').getByRole('link', { name: 'Vencendo', exact: true }).click();
    await agent.getByRole('heading', { level: 1, name: 'Vencendo' }).waitFor();
    const dueRow = agent.getByRole('row').filter({ hasText: `#${number}` });
    await dueRow.getByText(/^vence em \d+ min$/).waitFor();
    expect(await axeBlockers(agent)).toEqual([]);

    // On the ticket page: each target with its state.
    await dueRow.getByRole('link').first().click();
    const panel = agent.getByTestId('ticket-sla');
    await panel.getByText(`Política ${policyName}, calendário ${calendarName}`).waitFor();
    const targetRow = (target: string) => panel.locator(`tr[data-target="${target}"]`);
    await targetRow('first_response').getByText('Em curso', { exact: true }).waitFor();
    await targetRow('resolution').getByText('Em curso', { exact: true }).waitFor();

    // The agent asks the customer: the first response is met, the resolution clock pauses.
    await agent.getByRole('textbox', { name: 'Sua resposta' }).fill('Pode enviar o log do cálculo?');
    await agent.getByRole('button', { name: 'Responder e aguardar cliente' }).click();
    await targetRow('first_response').getByText('Cumprido', { exact: true }).waitFor();
    await targetRow('resolution').getByText('Pausado', { exact: true }).waitFor();
    await panel.getByTestId('sla-pauses').getByText(/^Desde .* — Aguardando cliente$/).waitFor();
    expect(await axeBlockers(agent)).toEqual([]);

    // The customer answers: the clock runs again and the next response is due.
    await contact.reload();
    await contact.getByRole('textbox', { name: 'Sua resposta' }).fill('Segue o log.');
    await contact.getByRole('button', { name: 'Enviar resposta' }).click();
    await contact.locator('article[data-side="customer"]').filter({ hasText: 'Segue o log.' }).waitFor();
    await agent.reload();
    await targetRow('resolution').getByText('Em curso', { exact: true }).waitFor();
    await targetRow('next_response').getByText('Em curso', { exact: true }).waitFor();
    await panel.getByTestId('sla-pauses').getByText(/ a .* — Aguardando cliente$/).waitFor();

    // At 75 % of the next response the agent is warned by mail. The SLA job runs every 30 s in each
    // process; here it runs once at the warning's instant, and the mail reaches the local SMTP server.
    const next = await db.selectFrom('ticket_sla').select('warn_at').where('ticket_id', '=', ticket.id).where('target', '=', 'next_response').where('state', '=', 'running').executeTakeFirstOrThrow();
    const warnAt = new Date(next.warn_at);
    await runSlaJob({ db, config: loadConfig({ PUBLIC_URL: harness.portal.url, LOG_LEVEL: 'silent' }, true) }, new Date(warnAt.getTime() + 1000));
    const warning = await harness.portal.smtp.waitFor('analista@atende.example', (m) => /Prazo perto de vencer/.test(m.subject ?? ''));
    expect(warning.subject).toContain(`[#${number}]`);
    expect(warning.text).toContain(`O prazo de próxima resposta do chamado #${number} vence em`);
    expect(warning.text).toContain(`Política: ${policyName}.`);

    for (const page of [admin, contact, agent]) await page.context().close();
  });
});
