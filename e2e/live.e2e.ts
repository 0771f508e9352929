import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addAgent } from '../src/server/test/live';
import { portalInBrowser } from './harness';
import { apiFrom, axeBlockers, choose, serviceLineForm, ticketInput } from './helpers';

/** Opens a ticket on RM through the API, as the signed-in contact of `page`. */
async function openTicket(page: Page, summary: string): Promise<number> {
  const form = await serviceLineForm(page, 'RM');
  const opened = await apiFrom<{ number: number }>(page, 'POST', '/api/tickets', ticketInput(form, { summary, incident: 'O relatório de férias não fecha.' }));
  expect(opened.status).toBe(201);
  return opened.body.number;
}

describe('live updates in three browsers', () => {
  const harness = portalInBrowser({ viewport: { width: 1366, height: 900 } });

  it("two agents see each other on the ticket, and each other's replies without a reload; the customer sees the public reply and never the note", async () => {
    await addAgent(harness.portal.db, 'Bruna Bastos', 'bruna@atende.example');
    const summary = 'Relatório de férias com saldo errado';
    const customer = await harness.signedIn('contato@alfa.example');
    const number = await openTicket(customer, summary);
    await customer.goto(`${harness.portal.url}/tickets/${number}`);
    await customer.getByRole('heading', { level: 1, name: `#${number} — ${summary}` }).waitFor();

    const ana = await harness.signedIn('analista@atende.example');
    const bruna = await harness.signedIn('bruna@atende.example');
    for (const page of [ana, bruna]) {
      await page.goto(`${harness.portal.url}/tickets/${number}`);
      await page.getByRole('heading', { level: 1, name: `#${number} — ${summary}` }).waitFor();
    }

    // André sees Bruna on the page, and that she is writing.
    const presence = ana.getByTestId('presence');
    await presence.getByText('Bruna Bastos').waitFor();
    await bruna.getByRole('textbox', { name: 'Sua resposta' }).pressSequentially('Olá! Já estou olhando o saldo');
    await presence.getByText('Bruna está respondendo…').waitFor();
    expect(await axeBlockers(ana)).toEqual([]);

    // André starts his own answer; Bruna's reply arrives on his page without a reload.
    const anaBox = ana.getByRole('textbox', { name: 'Sua resposta' });
    await anaBox.fill('Olá! Vou verificar o saldo de férias.');
    await bruna.getByRole('button', { name: 'Responder', exact: true }).click();
    const brunaReply = 'Olá! Já estou olhando o saldo';
    await ana.locator('article[data-side="agent"]').filter({ hasText: brunaReply }).waitFor();
    // The customer's page shows it too, without a reload.
    await customer.locator('article[data-side="agent"]').filter({ hasText: brunaReply }).waitFor();

    // André is warned before his reply goes: one came since he began; he may still send his.
    await ana.getByRole('button', { name: 'Responder', exact: true }).click();
    const warning = ana.getByRole('alert').filter({ hasText: 'Chegou uma nova mensagem' });
    await warning.getByText(brunaReply).waitFor();
    await warning.getByRole('button', { name: 'Enviar mesmo assim' }).click();
    await ana.locator('article[data-side="agent"]').filter({ hasText: 'Vou verificar o saldo de férias.' }).waitFor();

    // A note by Bruna mentions André: his bell counts it; the customer never sees the note.
    await bruna.locator('label').filter({ hasText: 'Nota interna' }).click();
    const noteBox = bruna.getByRole('textbox', { name: 'Nota interna' });
    await noteBox.pressSequentially('NOTA: @And');
    await bruna.getByRole('group', { name: 'Mencionar na nota' }).getByRole('button', { name: 'André Analista' }).click();
    expect(await noteBox.inputValue()).toBe('NOTA: @André Analista ');
    await noteBox.pressSequentially('o saldo vem da rotina antiga');
    await bruna.getByRole('button', { name: 'Adicionar nota interna' }).click();
    await ana.locator('article[data-internal]').filter({ hasText: 'o saldo vem da rotina antiga' }).waitFor();
    await ana.getByRole('button', { name: /Notificações: 1 não lida/ }).click();
    await ana.getByRole('dialog', { name: 'Notificações' }).getByText(`Bruna Bastos mencionou você no chamado #${number}`).waitFor();
    expect(await axeBlockers(ana)).toEqual([]);
    await ana.keyboard.press('Escape');

    // A last public reply proves the customer's page kept up, and still no note.
    await bruna.locator('label').filter({ hasText: 'Resposta pública' }).click();
    await bruna.getByRole('textbox', { name: 'Sua resposta' }).fill('Corrigimos o saldo; confira, por favor.');
    await bruna.getByRole('button', { name: 'Responder', exact: true }).click();
    await customer.locator('article').filter({ hasText: 'Corrigimos o saldo' }).waitFor();
    expect(await customer.getByText('o saldo vem da rotina antiga').count()).toBe(0);
    expect(await customer.locator('article[data-internal]').count()).toBe(0);
    expect(await customer.getByTestId('presence').getByText('Bruna').count()).toBe(0);
  });

  it("the administrator sets a group's automatic assignment and an agent's skills; the agent goes away and chooses which notifications come by mail", async () => {
    const admin = await harness.signedIn('sistema@atende.example');
    await admin.goto(`${harness.portal.url}/admin/groups`);
    await admin.getByRole('button', { name: 'Editar Suporte RM' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Editar Suporte RM' });
    await choose(admin, 'Como os chamados novos recebem um analista', 'Rodízio entre os disponíveis');
    await dialog.getByRole('textbox', { name: 'Máximo de chamados abertos por analista' }).fill('3');
    await dialog.getByRole('button', { name: 'Salvar' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await admin.getByRole('row').filter({ hasText: 'Suporte RM' }).getByText('Rodízio', { exact: true }).waitFor();

    await admin.goto(`${harness.portal.url}/admin/agents`);
    await admin.getByRole('button', { name: 'Ações de André Analista' }).click();
    await admin.getByRole('menuitem', { name: 'Habilidades' }).click();
    const skills = admin.getByRole('dialog', { name: 'Habilidades de André Analista' });
    await choose(admin, 'Módulos', 'RM Labore', 'Labore');
    await admin.keyboard.press('Escape');
    await skills.getByRole('button', { name: 'Salvar' }).click();
    await skills.waitFor({ state: 'hidden' });
    const groups = await apiFrom<{ groups: { name: string; assignment: unknown }[] }>(admin, 'GET', '/api/admin/groups');
    expect(groups.body.groups.find((g) => g.name === 'Suporte RM')!.assignment).toEqual({ mode: 'round_robin', openCap: 3 });
    const andre = await harness.portal.db.selectFrom('person').select('id').where('email', '=', 'analista@atende.example').executeTakeFirstOrThrow();
    const labore = await harness.portal.db.selectFrom('module').select('id').where('name', '=', 'RM Labore').executeTakeFirstOrThrow();
    expect((await apiFrom(admin, 'GET', `/api/admin/agents/${andre.id}/skills`)).body).toEqual({ moduleIds: [labore.id] });

    const agent = await harness.signedIn('analista@atende.example');
    await agent.getByRole('switch', { name: 'Disponível' }).click();
    await agent.getByRole('switch', { name: 'Ausente' }).waitFor();
    expect((await apiFrom(agent, 'GET', '/api/me/availability')).body).toEqual({ available: false });
    await agent.getByRole('button', { name: /^Notificações/ }).click();
    await agent.getByRole('button', { name: 'Preferências de notificação' }).click();
    const preferences = agent.getByRole('dialog', { name: 'Preferências de notificação' });
    await preferences.getByRole('switch', { name: 'Uma menção a mim numa nota interna' }).click();
    await preferences.getByRole('button', { name: 'Salvar' }).click();
    await preferences.waitFor({ state: 'hidden' });
    expect((await apiFrom(agent, 'GET', '/api/me/notification-preferences')).body).toEqual({ mail: { assigned: true, mentioned: false, customer_replied: true } });
  });
});
