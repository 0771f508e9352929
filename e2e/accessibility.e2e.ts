import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { portalInBrowser } from './harness';
import { apiFrom, axeBlockers, serviceLineForm, ticketInput } from './helpers';


describe('accessibility of the ticket pages', () => {
  const harness = portalInBrowser();
  let page: Page;
  let number: number;
  let lineId: number;

  beforeAll(async () => {
    page = await harness.signedIn('contato@alfa.example');
    // One ticket, opened through the API, so that the lists and the ticket page have content.
    const form = await serviceLineForm(page, 'RM');
    lineId = form.serviceLine.id;
    const opened = await apiFrom<{ number: number }>(
      page,
      'POST',
      '/api/tickets',
      ticketInput(form, {
        additionalEmails: ['gestor@alfa.example'],
        effectId: form.effects[2]!.id,
        summary: 'Relatório de férias com valores errados',
        incident: 'Linha 1\nLinha 2',
      }),
    );
    expect(opened.status).toBe(201);
    number = opened.body.number;
  });

  it('the login page', async () => {
    const visitor = await harness.newPage();
    await visitor.goto(`${harness.portal.url}/login`);
    await visitor.getByRole('heading', { level: 1 }).waitFor();
    expect(await axeBlockers(visitor)).toEqual([]);
    await visitor.context().close();
  });

  it('a channel page with its service lines and tickets', async () => {
    await page.goto(`${harness.portal.url}/channels/software`);
    await page.getByRole('row').filter({ hasText: `#${number}` }).waitFor();
    expect(await axeBlockers(page)).toEqual([]);
  });

  it('Meus chamados', async () => {
    await page.goto(`${harness.portal.url}/tickets`);
    await page.getByRole('row').filter({ hasText: `#${number}` }).waitFor();
    expect(await axeBlockers(page)).toEqual([]);
  });

  it('the ticket form with its errors shown', async () => {
    await page.goto(`${harness.portal.url}/channels/software/lines/${lineId}/new`);
    await page.getByRole('button', { name: 'Continuar' }).click();
    await page.getByText('Verifique os campos destacados.').waitFor();
    expect(await axeBlockers(page)).toEqual([]);
  });

  it('the ticket form filled, with the criticality shown', async () => {
    await page.getByRole('combobox', { name: 'Categoria' }).click();
    await page.getByRole('option', { name: /^Não-conformidade/ }).click();
    await page.getByRole('combobox', { name: 'Origem' }).click();
    await page.getByRole('option', { name: /^Cliente em produção/ }).click();
    await page.getByRole('combobox', { name: 'Efeito' }).click();
    await page.getByRole('option', { name: 'Sistema parado' }).click();
    await page.getByRole('status', { name: 'Criticidade' }).getByText('Crítica').waitFor();
    expect(await axeBlockers(page)).toEqual([]);
  });

  it('the ticket page', async () => {
    await page.goto(`${harness.portal.url}/tickets/${number}`);
    await page.getByRole('heading', { level: 1, name: `#${number} — Relatório de férias com valores errados` }).waitFor();
    expect(await axeBlockers(page)).toEqual([]);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
  });
});
