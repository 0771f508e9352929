import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceLineForm } from '../src/contracts/catalog';
import { launchBrowser, startPortal, type Portal } from './harness';
import { apiFrom, signIn, axeBlockers } from './helpers';


describe('accessibility of the ticket pages', () => {
  let portal: Portal;
  let browser: Browser;
  let page: Page;
  let number: number;
  let lineId: number;

  beforeAll(async () => {
    portal = await startPortal();
    browser = await launchBrowser();
    // AxeBuilder needs a page of a context made with browser.newContext().
    page = await (await browser.newContext({ locale: 'pt-BR' })).newPage();
    await signIn(page, portal.url, 'contato@alfa.example');
    // One ticket, opened through the API, so that the lists and the ticket page have content.
    const channels = await apiFrom<{ channels: { key: string; serviceLines: { id: number; code: string }[] }[] }>(page, 'GET', '/api/channels');
    lineId = channels.body.channels.find((c) => c.key === 'software')!.serviceLines.find((l) => l.code === 'RM')!.id;
    const form = (await apiFrom<ServiceLineForm>(page, 'GET', `/api/service-lines/${lineId}/form`)).body;
    const module = form.modules[0]!;
    const opened = await apiFrom<{ number: number }>(page, 'POST', '/api/tickets', {
      serviceLineId: lineId,
      additionalEmails: ['gestor@alfa.example'],
      country: 'BR',
      categoryId: form.categories[0]!.id,
      originId: form.origins[0]!.id,
      effectId: form.effects[2]!.id,
      moduleId: module.id,
      routineId: module.routines[0]!.id,
      versionId: form.versions[0]!.id,
      environmentId: form.environments[0]!.id,
      summary: 'Relatório de férias com valores errados',
      incident: 'Linha 1\nLinha 2',
    });
    expect(opened.status).toBe(201);
    number = opened.body.number;
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('the login page', async () => {
    const visitor = await (await browser.newContext({ locale: 'pt-BR' })).newPage();
    await visitor.goto(`${portal.url}/login`);
    await visitor.getByRole('heading', { level: 1 }).waitFor();
    expect(await axeBlockers(visitor)).toEqual([]);
    await visitor.context().close();
  });

  it('a channel page with its service lines and tickets', async () => {
    await page.goto(`${portal.url}/channels/software`);
    await page.getByRole('row').filter({ hasText: `#${number}` }).waitFor();
    expect(await axeBlockers(page)).toEqual([]);
  });

  it('Meus chamados', async () => {
    await page.goto(`${portal.url}/tickets`);
    await page.getByRole('row').filter({ hasText: `#${number}` }).waitFor();
    expect(await axeBlockers(page)).toEqual([]);
  });

  it('the ticket form with its errors shown', async () => {
    await page.goto(`${portal.url}/channels/software/lines/${lineId}/new`);
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
    await page.goto(`${portal.url}/tickets/${number}`);
    await page.getByRole('heading', { level: 1, name: `#${number} — Relatório de férias com valores errados` }).waitFor();
    expect(await axeBlockers(page)).toEqual([]);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
  });
});
