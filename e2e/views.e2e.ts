import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { portalInBrowser } from './harness';
import { apiFrom, axeBlockers, choose, serviceLineForm, ticketInput } from './helpers';

/** Opens a ticket on RM through the API, as the signed-in contact of `page`. */
async function openTicket(page: Page, summary: string): Promise<number> {
  const form = await serviceLineForm(page, 'RM');
  const opened = await apiFrom<{ number: number }>(page, 'POST', '/api/tickets', ticketInput(form, { summary, incident: `${summary}: o cálculo não fecha.` }));
  expect(opened.status).toBe(201);
  return opened.body.number;
}

describe('saved views and tags', () => {
  const harness = portalInBrowser({ viewport: { width: 1366, height: 900 } });

  it('an agent saves a view with three filters, sees its count, opens it, tags a ticket, and the tag filter finds it; the customer never sees the tag', async () => {
    const customer = await harness.signedIn('contato@alfa.example');
    const first = await openTicket(customer, 'Holerite de abril sem horas extras');
    const second = await openTicket(customer, 'Holerite de maio com desconto em dobro');
    await openTicket(customer, 'Boleto do contrato vencido');

    const agent = await harness.signedIn('analista@atende.example');
    const menu = agent.getByRole('navigation');
    await menu.getByRole('link', { name: 'Abertos', exact: true }).click();
    await agent.getByRole('heading', { level: 1, name: 'Abertos' }).waitFor();

    // A view of new, unassigned tickets about holerites: three filters.
    await agent.getByRole('button', { name: 'Nova visão' }).click();
    const dialog = agent.getByRole('dialog', { name: 'Nova visão' });
    await dialog.getByLabel('Nome').fill('Holerites novos');
    await dialog.getByLabel('Situações').click();
    await agent.getByRole('option', { name: 'Novo', exact: true }).click();
    await agent.keyboard.press('Escape');
    await choose(agent, 'Responsável', 'Ninguém');
    await dialog.getByLabel('Palavras').fill('holerite');
    expect(await axeBlockers(agent)).toEqual([]);
    await dialog.getByRole('button', { name: 'Salvar' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // It shows in the menu; its page counts and lists the two tickets, and only them.
    await menu.getByRole('link', { name: 'Holerites novos' }).click();
    await agent.getByRole('heading', { level: 1, name: 'Holerites novos' }).waitFor();
    await agent.getByText('2 chamados nesta visão').waitFor();
    const table = agent.getByRole('table', { name: 'Holerites novos' });
    await table.getByRole('link', { name: 'Holerite de abril sem horas extras' }).waitFor();
    await table.getByRole('link', { name: 'Holerite de maio com desconto em dobro' }).waitFor();
    expect(await table.getByRole('link', { name: 'Boleto do contrato vencido' }).count()).toBe(0);
    expect(await menu.getByRole('link', { name: 'Holerites novos' }).textContent()).toContain('2');
    expect(await axeBlockers(agent)).toEqual([]);

    // The agent tags the first one on its page.
    await table.getByRole('link', { name: 'Holerite de abril sem horas extras' }).click();
    await agent.getByRole('heading', { name: /Holerite de abril/ }).waitFor();
    const tags = agent.getByRole('combobox', { name: 'Etiquetas' });
    await tags.fill('folha-vip');
    await tags.press('Enter');
    await agent.getByText('Só analistas veem as etiquetas.').waitFor();
    await expect.poll(async () => (await apiFrom<{ tags?: string[] }>(agent, 'GET', `/api/tickets/${first}`)).body.tags).toEqual(['folha-vip']);
    expect(await axeBlockers(agent)).toEqual([]);

    // The workspace's tag filter finds it, and only it.
    await menu.getByRole('link', { name: 'Abertos', exact: true }).click();
    await agent.getByRole('heading', { level: 1, name: 'Abertos' }).waitFor();
    const filter = agent.getByRole('combobox', { name: 'Etiquetas' });
    await filter.fill('folha-vip');
    await filter.press('Enter');
    await expect.poll(() => agent.url()).toContain('tags=folha-vip');
    const results = agent.getByRole('table');
    await results.getByRole('link', { name: 'Holerite de abril sem horas extras' }).waitFor();
    await expect.poll(() => results.getByRole('link', { name: 'Holerite de maio com desconto em dobro' }).count()).toBe(0);

    // The customer's page of the tagged ticket shows no tag.
    await customer.goto(`${harness.portal.url}/tickets/${first}`);
    await customer.getByRole('heading', { name: /Holerite de abril/ }).waitFor();
    expect(await customer.getByText('folha-vip').count()).toBe(0);
    expect(await customer.getByRole('combobox', { name: 'Etiquetas' }).count()).toBe(0);
    expect(second).toBeGreaterThan(first);
  }, 120_000);
});
