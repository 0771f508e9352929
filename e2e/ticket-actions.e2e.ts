import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { portalInBrowser } from './harness';
import { apiFrom, axeBlockers, choose, serviceLineForm, ticketInput } from './helpers';

/** Opens a ticket on RM through the API, as the signed-in contact of `page`. */
async function openTicket(page: Page, summary: string): Promise<number> {
  const form = await serviceLineForm(page, 'RM');
  const opened = await apiFrom<{ number: number }>(page, 'POST', '/api/tickets', ticketInput(form, { summary, incident: `${summary}: detalhes do erro.` }));
  expect(opened.status).toBe(201);
  return opened.body.number;
}

describe('closing, merging and linking from the ticket page', () => {
  const harness = portalInBrowser({ viewport: { width: 1366, height: 900 } });

  it('an agent merges a duplicate into the first ticket, and the customer sees the merge reference', async () => {
    const customer = await harness.signedIn('contato@alfa.example');
    const original = await openTicket(customer, 'Folha de junho não calcula INSS');
    const duplicate = await openTicket(customer, 'INSS da folha de junho zerado');

    const agent = await harness.signedIn('analista@atende.example');
    await agent.goto(`${harness.portal.url}/tickets/${duplicate}`);
    await agent.getByRole('heading', { level: 1, name: /INSS da folha de junho zerado/ }).waitFor();
    // The menu's action by its shortcut: m opens "Mesclar em…".
    await agent.keyboard.press('m');
    const dialog = agent.getByRole('dialog', { name: `Mesclar o chamado #${duplicate} em outro` });
    await dialog.getByLabel('Número do chamado').fill(String(original));
    await dialog.getByRole('button', { name: 'Buscar' }).click();
    await dialog.getByText(`#${original} — Folha de junho não calcula INSS`).waitFor();
    expect(await axeBlockers(agent)).toEqual([]);
    await dialog.getByRole('button', { name: `Mesclar no #${original}` }).click();
    await dialog.waitFor({ state: 'hidden' });
    await agent.getByText(`Este chamado foi mesclado no chamado #${original}.`).waitFor();

    // The customer's page of the duplicate says where it went and leads there; the conversation moved.
    await customer.goto(`${harness.portal.url}/tickets/${duplicate}`);
    await customer.getByText(`Este chamado foi mesclado no chamado #${original}.`).waitFor();
    expect(await axeBlockers(customer)).toEqual([]);
    await customer.getByRole('link', { name: `Ver o chamado #${original}` }).click();
    await customer.getByRole('heading', { level: 1, name: /Folha de junho não calcula INSS/ }).waitFor();
    await customer.getByText(/INSS da folha de junho zerado: detalhes do erro\./).waitFor();
  }, 120_000);

  it('an agent closes a ticket with a reason from the action menu, and the customer sees it closed with the message', async () => {
    const customer = await harness.signedIn('contato@alfa.example');
    const number = await openTicket(customer, 'Dúvida sobre o cálculo de férias');

    const agent = await harness.signedIn('analista@atende.example');
    await agent.goto(`${harness.portal.url}/tickets/${number}`);
    await agent.getByRole('heading', { level: 1, name: /Dúvida sobre o cálculo de férias/ }).waitFor();
    await agent.getByRole('button', { name: 'Ações', exact: true }).click();
    await agent.getByRole('menuitem', { name: /Fechar com motivo/ }).click();
    const dialog = agent.getByRole('dialog', { name: `Fechar o chamado #${number}` });
    // Without a reason the dialog says what is missing, on the field.
    await dialog.getByRole('button', { name: 'Fechar o chamado' }).click();
    await dialog.getByText('Preencha este campo.').waitFor();
    await choose(agent, 'Motivo', 'Resolvido por telefone');
    await dialog.getByLabel('Mensagem ao cliente (opcional)').fill('Conforme conversamos por telefone, as férias são calculadas sobre a média.');
    expect(await axeBlockers(agent)).toEqual([]);
    await dialog.getByRole('button', { name: 'Fechar o chamado' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await agent.getByText(`Chamado #${number} fechado.`).waitFor();

    await customer.goto(`${harness.portal.url}/tickets/${number}`);
    await customer.getByText('Conforme conversamos por telefone, as férias são calculadas sobre a média.').waitFor();
    await customer.getByText(/encerrou o chamado\. Motivo: Resolvido por telefone/).waitFor();
    const details = customer.getByRole('region', { name: 'Detalhes', exact: true });
    await details.getByText('Motivo do encerramento').waitFor();
    await details.getByText('Resolvido por telefone', { exact: true }).waitFor();
    const view = await apiFrom<{ status: string; closeReason: { name: string } }>(customer, 'GET', `/api/tickets/${number}`);
    expect(view.body).toMatchObject({ status: 'closed', closeReason: { name: 'Resolvido por telefone' } });
  }, 120_000);

  it('an agent links incidents to a problem in bulk from the panel and replies to all of them at once', async () => {
    const customer = await harness.signedIn('contato@alfa.example');
    const problem = await openTicket(customer, 'Cálculo do FGTS fora do ar');
    const incidents = [await openTicket(customer, 'FGTS não gera guia'), await openTicket(customer, 'FGTS com valor zerado')];

    const agent = await harness.signedIn('analista@atende.example');
    await agent.goto(`${harness.portal.url}/tickets/${problem}`);
    await agent.getByRole('heading', { level: 1, name: /Cálculo do FGTS fora do ar/ }).waitFor();
    const panel = agent.getByRole('region', { name: 'Chamados vinculados' });
    await panel.getByLabel('Vincular incidentes a este problema').fill(`${incidents.join(', ')}, 99999`);
    await panel.getByRole('button', { name: 'Vincular incidentes' }).click();
    await agent.getByText('2 vinculado(s), 1 com falha.').waitFor();
    await panel.getByText('#99999: Não encontrado.').waitFor();
    const list = panel.getByRole('list', { name: 'Incidentes' });
    for (const number of incidents) await list.getByRole('link', { name: new RegExp(`#${number} `) }).waitFor();
    expect(await axeBlockers(agent)).toEqual([]);

    // "a" opens the reply to every incident.
    await agent.keyboard.press('a');
    const dialog = agent.getByRole('dialog', { name: `Responder ao problema #${problem} e a todos os seus incidentes` });
    await dialog.getByLabel('Resposta').fill('O serviço do FGTS voltou; gere a guia novamente.');
    await dialog.getByRole('button', { name: 'Enviar a todos' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await agent.getByText('Resposta enviada a 3 chamado(s); 0 não receberam.').waitFor();

    for (const number of incidents) {
      await customer.goto(`${harness.portal.url}/tickets/${number}`);
      await customer.getByText('O serviço do FGTS voltou; gere a guia novamente.').waitFor();
      // The customer sees nothing of the links.
      expect(await customer.getByRole('region', { name: 'Chamados vinculados' }).count()).toBe(0);
    }
  }, 120_000);

  it('the system administrator adds a close reason and sets the waiting days; agents are offered the new reason', async () => {
    const admin = await harness.signedIn('sistema@atende.example');
    await admin.goto(`${harness.portal.url}/admin/close-reasons`);
    await admin.getByRole('heading', { level: 1, name: 'Motivos de encerramento' }).waitFor();
    await admin.getByRole('table', { name: 'Motivos de encerramento' }).getByText('Spam').waitFor();
    expect(await axeBlockers(admin)).toEqual([]);
    await admin.getByRole('button', { name: 'Novo motivo' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Novo motivo' });
    await dialog.getByRole('textbox', { name: /Português/ }).fill('Fora do escopo do contrato');
    await dialog.getByRole('button', { name: 'Salvar' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await admin.getByRole('table', { name: 'Motivos de encerramento' }).getByText('Fora do escopo do contrato').waitFor();

    const days = admin.getByLabel('Dias sem resposta');
    await days.fill('5');
    await admin.getByRole('region', { name: 'Chamados aguardando o cliente' }).getByRole('button', { name: 'Salvar' }).click();
    await admin.getByText('Prazo salvo.').waitFor();
    expect((await apiFrom<{ waitingCustomerDays: number }>(admin, 'GET', '/api/admin/closing')).body.waitingCustomerDays).toBe(5);

    const agent = await harness.signedIn('analista@atende.example');
    const reasons = await apiFrom<{ reasons: { name: string }[] }>(agent, 'GET', '/api/close-reasons');
    expect(reasons.body.reasons.map((r) => r.name)).toContain('Fora do escopo do contrato');
  }, 120_000);
});
