import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { portalInBrowser } from './harness';
import { apiFrom, choose, serviceLineForm, ticketInput } from './helpers';

describe('ticket lists', () => {
  const harness = portalInBrowser();
  let page: Page;

  beforeAll(async () => {
    page = await harness.signedIn('contato@alfa.example');
    // 27 tickets: 20 on RM, 7 on Cloud (channel Serviço de Valor Agregado).
    for (const [code, count] of [['RM', 20], ['CLOUD', 7]] as const) {
      const form = await serviceLineForm(page, code);
      for (let i = 1; i <= count; i++) {
        const opened = await apiFrom(
          page,
          'POST',
          '/api/tickets',
          ticketInput(form, {
            effectId: form.effects[i % form.effects.length]!.id,
            summary: i === 3 && code === 'CLOUD' ? 'Backup noturno falhou' : `${code} chamado ${i}`,
            incident: 'Descrição',
          }),
        );
        expect(opened.status).toBe(201);
      }
    }
  });

  const rows = () => page.getByRole('table').getByRole('row');

  it('pages with "Carregar mais", 25 at a time', async () => {
    await page.goto(`${harness.portal.url}/tickets`);
    await page.getByText('25 chamados exibidos').waitFor();
    expect(await rows().count()).toBe(26); // the header row and 25 tickets
    // Newest update first by default.
    expect(await rows().nth(1).textContent()).toContain('#27');
    await page.getByRole('button', { name: 'Carregar mais' }).click();
    await page.getByText('27 chamados exibidos').waitFor();
    expect(await page.getByRole('button', { name: 'Carregar mais' }).count()).toBe(0);
    expect(await rows().nth(27).textContent()).toContain('#1');
  });

  it('keeps the filters in the address: search, service line, status, sort', async () => {
    await page.goto(`${harness.portal.url}/tickets`);
    await page.getByRole('searchbox', { name: 'Buscar' }).fill('backup');
    await page.waitForURL(/[?&]q=backup/);
    await page.getByText('1 chamado exibido').waitFor();
    expect(await rows().nth(1).textContent()).toContain('Backup noturno falhou');

    // The address alone brings the same list back.
    await page.reload();
    await page.getByText('1 chamado exibido').waitFor();
    expect(await page.getByRole('searchbox', { name: 'Buscar' }).inputValue()).toBe('backup');
    await page.getByRole('button', { name: 'Limpar filtros' }).click();
    await page.getByText('25 chamados exibidos').waitFor();

    await choose(page, 'Linha de serviço', 'Cloud');
    await page.waitForURL(/serviceLineId=\d+/);
    await page.getByText('7 chamados exibidos').waitFor();

    await choose(page, 'Ordenar por', 'Número');
    await choose(page, 'Ordem', /^Crescente$/);
    await page.waitForURL(/sort=number/);
    await page.waitForURL(/order=asc/);
    await expect.poll(() => rows().nth(1).textContent()).toContain('#21');
    expect(await page.getByRole('columnheader', { name: 'Número' }).getAttribute('aria-sort')).toBe('ascending');

    await choose(page, 'Situação', 'Encerrado');
    await page.getByText('Nenhum chamado corresponde aos filtros.').waitFor();
    await choose(page, 'Situação', 'Novo');
    await page.getByText('7 chamados exibidos').waitFor();
  });

  it('finds whole words newest first, and the beginning of a word marked with *', async () => {
    await page.goto(`${harness.portal.url}/tickets`);
    const search = page.getByRole('searchbox', { name: 'Buscar' });
    await page.getByText('Palavras inteiras; termine com * para buscar pelo começo (bolet*).').waitFor();
    await search.fill('chamado');
    await page.getByText('25 chamados exibidos').waitFor();
    expect(await rows().nth(1).textContent()).toContain('CLOUD chamado 7');
    expect(await page.getByRole('columnheader', { name: 'Número' }).getAttribute('aria-sort')).toBe('descending');
    await search.fill('chama');
    await page.getByText('Nenhum chamado corresponde aos filtros.').waitFor();
    await search.fill('chama*');
    await page.getByText('25 chamados exibidos').waitFor();
  });

  it('filters by period of opening', async () => {
    const today = new Date().toISOString().slice(0, 10);
    await page.goto(`${harness.portal.url}/tickets?from=2000-01-01&to=2000-12-31`);
    await page.getByText('Nenhum chamado corresponde aos filtros.').waitFor();
    expect(await page.getByLabel('Abertos desde').inputValue()).toBe('2000-01-01');
    await page.goto(`${harness.portal.url}/tickets?from=${today}&to=${today}`);
    await page.getByText('25 chamados exibidos').waitFor();
  });

  it('shows only the channel\'s tickets on a channel page', async () => {
    await page.goto(`${harness.portal.url}/channels/value_added`);
    await page.getByRole('heading', { level: 1, name: 'Serviço de Valor Agregado' }).waitFor();
    await page.getByText('7 chamados exibidos').waitFor();
    expect(await page.getByRole('table').getByText(/^RM chamado/).count()).toBe(0);
  });

  it('shows cards on a phone: status, criticality and last update in sight, nothing wider than the window', async () => {
    const phone = await harness.signedIn('contato@alfa.example');
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${harness.portal.url}/channels/value_added`);
    await phone.getByText('7 chamados exibidos').waitFor();
    expect(await phone.getByRole('table').count()).toBe(0);
    const card = phone.getByRole('main').getByRole('listitem').filter({ hasText: 'Backup noturno falhou' });
    await card.getByRole('link', { name: 'Backup noturno falhou' }).waitFor();
    for (const text of ['Novo', 'Última atualização:']) expect(await card.getByText(text, { exact: false }).isVisible(), text).toBe(true);
    expect(await card.getByText(/^(Crítica|Alta|Média|Baixa|Planejamento)$/).isVisible()).toBe(true);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)).toBe(false);
    // A tap anywhere on the card opens the ticket.
    await card.click({ position: { x: 20, y: 10 } });
    await phone.getByRole('heading', { level: 1, name: /— Backup noturno falhou$/ }).waitFor();
    await phone.context().close();
  });
});
