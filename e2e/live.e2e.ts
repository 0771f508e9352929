import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addAgent } from '../src/server/test/live';
import { portalInBrowser } from './harness';
import { apiFrom, serviceLineForm, ticketInput } from './helpers';

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

    // A last public reply proves the customer's page kept up, and still no note.
    await bruna.locator('label').filter({ hasText: 'Resposta pública' }).click();
    await bruna.getByRole('textbox', { name: 'Sua resposta' }).fill('Corrigimos o saldo; confira, por favor.');
    await bruna.getByRole('button', { name: 'Responder', exact: true }).click();
    await customer.locator('article').filter({ hasText: 'Corrigimos o saldo' }).waitFor();
    expect(await customer.getByText('o saldo vem da rotina antiga').count()).toBe(0);
    expect(await customer.locator('article[data-internal]').count()).toBe(0);
    expect(await customer.getByTestId('presence').getByText('Bruna').count()).toBe(0);
  });
});
