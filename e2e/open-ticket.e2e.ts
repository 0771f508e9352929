import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { portalInBrowser } from './harness';
import { apiFrom, choose, describedBy } from './helpers';

describe('opening a ticket', () => {
  const harness = portalInBrowser();
  const field = (page: Page, name: string) => page.getByRole('combobox', { name });
  const textbox = (page: Page, name: string) => page.getByRole('textbox', { name });
  const ticketCount = async (page: Page) => (await apiFrom<{ tickets: unknown[] }>(page, 'GET', '/api/tickets')).body.tickets.length;

  it('a contact opens a ticket on RM, follows it in the lists and on its page, and the mails go out', async () => {
    const page = await harness.signedIn('contato@alfa.example');
    await page.getByRole('navigation').getByRole('link', { name: 'Software' }).click();
    await page.getByRole('heading', { level: 1, name: 'Software' }).waitFor();
    await page.getByRole('link', { name: 'Abrir chamado — RM' }).click();
    await page.getByRole('heading', { level: 1, name: 'Abrir chamado — RM' }).waitFor();

    // The guide's labels and required marks, exactly.
    for (const label of [
      'País de procedência*',
      'Categoria*',
      'Origem*',
      'Efeito*',
      'Módulo/Produto*',
      'Processo ou rotina*',
      'Versão*',
      'Ambiente*',
      'Resumo*',
      'Incidente*',
    ]) {
      expect(await page.locator('label').getByText(label, { exact: true }).count(), label).toBe(1);
    }
    expect(await page.locator('label').getByText('E-mails adicionais', { exact: true }).count()).toBe(1);
    // Only agents are asked whether the ticket is on a customer's behalf.
    expect(await page.getByText('Deseja incluir o chamado em nome do cliente?').count()).toBe(0);
    expect(await field(page, 'País de procedência').inputValue()).toBe('Brasil');

    // Continuar on an empty form: every error next to its field, in Portuguese, and nothing opened.
    await page.getByRole('button', { name: 'Continuar' }).click();
    await page.getByText('Verifique os campos destacados.').waitFor();
    for (const name of ['Categoria', 'Origem', 'Efeito', 'Módulo/Produto', 'Processo ou rotina', 'Versão', 'Ambiente']) {
      expect(await field(page, name).getAttribute('aria-invalid'), name).toBe('true');
      expect(await describedBy(field(page, name)), name).toContain('Preencha este campo.');
    }
    for (const name of ['Resumo', 'Incidente']) {
      expect(await describedBy(textbox(page, name)), name).toContain('Preencha este campo.');
    }
    expect(await field(page, 'Categoria').evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await ticketCount(page)).toBe(0);

    // Each additional address is checked as it is added.
    const emails = field(page, 'E-mails adicionais');
    await emails.fill('gestor-sem-dominio');
    await emails.press('Enter');
    await page.getByText('gestor-sem-dominio: Informe um e-mail válido.').waitFor();
    await page.getByRole('button', { name: 'Remover gestor-sem-dominio' }).click();
    expect(await page.getByText('gestor-sem-dominio: Informe um e-mail válido.').count()).toBe(0);
    await emails.fill('gestor@alfa.example');
    await emails.press('Enter');

    // The category's help from the guide, and Consultoria only for those with the right.
    await field(page, 'Categoria').click();
    expect(await page.getByRole('option', { name: /^Consultoria/ }).count()).toBe(0);
    await page.getByRole('option', { name: /^Não-conformidade/ }).click();
    await page.getByText('No caso da ocorrência ser um BUG do Sistema que necessite de manutenção no produto.').first().waitFor();
    await choose(page, 'Origem', /^Cliente em produção/);
    await page.getByText('Sistema já implantado e sendo utilizado normalmente.').first().waitFor();

    // The criticality appears as soon as category, origin and effect are chosen.
    const criticality = page.getByRole('status', { name: 'Criticidade' });
    expect(await criticality.textContent()).toContain('Escolha a categoria, a origem e o efeito');
    await choose(page, 'Efeito', 'Processo parado com alternativa de contorno');
    await criticality.getByText('Alta', { exact: true }).waitFor();
    expect(await criticality.textContent()).toContain("Efeito 'Processo parado com alternativa de contorno' → urgência média");
    expect(await criticality.textContent()).toContain("Origem 'Cliente em produção' → impacto alto");

    await choose(page, 'Módulo/Produto', 'RM Labore');
    await choose(page, 'Processo ou rotina', 'Folha de pagamento');
    const summary = 'Folha de pagamento não calcula horas extras';
    await textbox(page, 'Resumo').fill(summary);

    // The country is searched by its name.
    await field(page, 'País de procedência').fill('portu');
    expect(await page.getByRole('listbox').getByRole('option').allTextContents()).toEqual(['Portugal']);
    await page.getByRole('option', { name: 'Portugal' }).click();

    // Half filled: a reload keeps everything.
    await page.reload();
    await page.getByText('Recuperamos o que você já havia preenchido neste formulário.').waitFor();
    expect(await field(page, 'Categoria').inputValue()).toBe('Não-conformidade');
    expect(await field(page, 'Origem').inputValue()).toBe('Cliente em produção');
    expect(await field(page, 'Efeito').inputValue()).toBe('Processo parado com alternativa de contorno');
    expect(await field(page, 'Módulo/Produto').inputValue()).toBe('RM Labore');
    expect(await field(page, 'Processo ou rotina').inputValue()).toBe('Folha de pagamento');
    expect(await textbox(page, 'Resumo').inputValue()).toBe(summary);
    expect(await field(page, 'País de procedência').inputValue()).toBe('Portugal');
    await page.getByText('gestor@alfa.example', { exact: true }).waitFor();
    await criticality.getByText('Alta', { exact: true }).waitFor();

    // A new module starts its routine over.
    await choose(page, 'Módulo/Produto', 'RM Fluxus');
    expect(await field(page, 'Processo ou rotina').inputValue()).toBe('');
    await choose(page, 'Módulo/Produto', 'RM Labore');
    await choose(page, 'Processo ou rotina', 'Folha de pagamento');
    await choose(page, 'Versão', '12.1.2410');
    await choose(page, 'Ambiente', 'Produção');
    await textbox(page, 'Incidente').fill('Ao calcular a folha de março,\nas horas extras não entram no líquido.\n\nPasso a passo em anexo.');
    await page.getByRole('button', { name: 'Continuar' }).click();

    const opened = page.getByRole('heading', { name: /^Chamado #\d+ aberto$/ });
    await opened.waitFor();
    const number = Number(/#(\d+)/.exec((await opened.textContent()) ?? '')![1]);
    expect(number).toBeGreaterThan(0);

    // The opening goes by mail to the requester and to the additional address.
    const subject = `[#${number}] ${summary}`;
    const toRequester = await harness.portal.smtp.waitFor('contato@alfa.example', (m) => m.subject === subject);
    const toCopy = await harness.portal.smtp.waitFor('gestor@alfa.example', (m) => m.subject === subject);
    expect(toRequester.text).toContain(`/tickets/${number}`);
    expect(toCopy.text).toContain(`#${number}`);

    // The ticket page shows every field.
    await page.getByRole('link', { name: `Ver o chamado #${number}` }).click();
    await page.getByRole('heading', { level: 1, name: `#${number} — ${summary}` }).waitFor();
    const details = page.getByRole('region', { name: 'Detalhes' });
    for (const value of ['RM', 'Alfa Indústria Ltda', 'Carlos Contato', 'Portugal', 'Não-conformidade', 'Cliente em produção', 'RM Labore', 'Folha de pagamento', '12.1.2410', 'Produção', 'gestor@alfa.example', 'Novo']) {
      expect(await details.getByText(value, { exact: true }).count(), value).toBeGreaterThan(0);
    }
    // Line breaks kept.
    expect(await page.getByText(/Ao calcular a folha de março/).evaluate((e) => (e as HTMLElement).innerText)).toContain('março,\nas horas');
    await page.getByText('Chamado aberto por Carlos Contato').waitFor();
    await page.getByRole('region', { name: 'Criticidade' }).getByText("Origem 'Cliente em produção' → impacto alto").waitFor();

    // A reload after the opening starts an empty form.
    await page.goBack();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Abrir chamado — RM' }).waitFor();
    expect(await field(page, 'Categoria').inputValue()).toBe('');

    // In the channel's list…
    await page.getByRole('navigation').getByRole('link', { name: 'Software' }).click();
    await page.getByRole('heading', { level: 1, name: 'Software' }).waitFor();
    const channelRow = page.getByRole('row').filter({ hasText: `#${number}` });
    await channelRow.getByRole('link', { name: summary }).waitFor();
    expect(await channelRow.getByText('Novo').count()).toBe(1);
    expect(await channelRow.getByText('Alta').count()).toBe(1);

    // …and in Meus chamados, where the search finds it by number.
    await page.getByRole('navigation').getByRole('link', { name: 'Meus chamados' }).click();
    await page.getByRole('heading', { level: 1, name: 'Meus chamados' }).waitFor();
    await page.getByRole('row').filter({ hasText: `#${number}` }).getByRole('link', { name: summary }).waitFor();
    await page.getByRole('searchbox', { name: 'Buscar' }).fill(String(number));
    await page.waitForURL(new RegExp(`[?&]q=${number}`));
    await page.getByRole('row').filter({ hasText: `#${number}` }).waitFor();
    await page.context().close();
  });

  it('an agent opens a ticket on behalf of a customer contact, who then sees it', async () => {
    const page = await harness.signedIn('analista@atende.example');
    await page.getByRole('navigation').getByRole('link', { name: 'Software' }).click();
    await page.getByRole('link', { name: 'Abrir chamado — Datasul' }).click();
    await page.getByRole('heading', { level: 1, name: 'Abrir chamado — Datasul' }).waitFor();

    const onBehalf = page.getByRole('radiogroup', { name: 'Deseja incluir o chamado em nome do cliente?' });
    expect(await onBehalf.getByRole('radio', { name: 'Sim' }).isChecked()).toBe(true);

    // Não is refused: agents open tickets for a customer.
    await onBehalf.getByRole('radio', { name: 'Não' }).check();
    await page.getByRole('button', { name: 'Continuar' }).click();
    await page.getByText('Analistas abrem chamados em nome de um cliente: escolha a empresa e o contato.').waitFor();
    await onBehalf.getByRole('radio', { name: 'Sim' }).check();

    await choose(page, 'Empresa', 'Beta Comércio S.A.', 'Beta');
    expect(await field(page, 'País de procedência').inputValue()).toBe('Brasil');
    await choose(page, 'Solicitante', /Beatriz Contato/);
    await choose(page, 'Categoria', /^Atendimento\/Dúvida\/Análise/);
    await choose(page, 'Origem', /^Cliente em fase de implantação/);
    await choose(page, 'Efeito', 'Sistema parado');
    await page.getByRole('status', { name: 'Criticidade' }).getByText('Alta', { exact: true }).waitFor();
    await choose(page, 'Módulo/Produto', 'Faturamento');
    await choose(page, 'Processo ou rotina', 'Emissão de notas');
    await choose(page, 'Versão', '12.1.2403');
    await choose(page, 'Ambiente', 'Homologação');
    const summary = 'Emissão de notas parada após atualização';
    await textbox(page, 'Resumo').fill(summary);
    await textbox(page, 'Incidente').fill('Desde a atualização de ontem nenhuma nota é emitida.');
    await page.getByRole('button', { name: 'Continuar' }).click();
    const opened = page.getByRole('heading', { name: /^Chamado #\d+ aberto$/ });
    await opened.waitFor();
    const number = Number(/#(\d+)/.exec((await opened.textContent()) ?? '')![1]);

    await page.getByRole('link', { name: `Ver o chamado #${number}` }).click();
    await page.getByText('Chamado aberto por André Analista em nome de Beatriz Contato').waitFor();
    const details = page.getByRole('region', { name: 'Detalhes' });
    expect(await details.getByText('Beatriz Contato', { exact: true }).count()).toBe(1);
    expect(await details.getByText('André Analista', { exact: true }).count()).toBe(1);
    await harness.portal.smtp.waitFor('contato@beta.example', (m) => m.subject === `[#${number}] ${summary}`);
    await page.context().close();

    const customer = await harness.signedIn('contato@beta.example');
    await customer.getByRole('navigation').getByRole('link', { name: 'Meus chamados' }).click();
    const row = customer.getByRole('row').filter({ hasText: `#${number}` });
    await row.getByRole('link', { name: summary }).click();
    await customer.getByRole('heading', { level: 1, name: `#${number} — ${summary}` }).waitFor();
    await customer.context().close();
  });

  it('hides the lists a service line does not use (Ouvidoria: no versions, no environments)', async () => {
    const page = await harness.signedIn('contato@alfa.example');
    await page.getByRole('navigation').getByRole('link', { name: 'Relacionamento' }).click();
    await page.getByRole('link', { name: 'Abrir chamado — Ouvidoria' }).click();
    await page.getByRole('heading', { level: 1, name: 'Abrir chamado — Ouvidoria' }).waitFor();
    await field(page, 'Processo ou rotina').waitFor();
    expect(await field(page, 'Versão').count()).toBe(0);
    expect(await field(page, 'Ambiente').count()).toBe(0);
    await page.context().close();
  });

  it('offers Consultoria to a contact with that permission', async () => {
    // The demo's portal administrators may request consulting; contato@alfa may not (first journey).
    const page = await harness.signedIn('admin@alfa.example');
    await page.getByRole('navigation').getByRole('link', { name: 'Software' }).click();
    await page.getByRole('link', { name: 'Abrir chamado — RM' }).click();
    await field(page, 'Categoria').click();
    await page.getByRole('option', { name: /^Consultoria/ }).waitFor();
    await page.context().close();
  });

  it('answers an unknown ticket with a not-found page', async () => {
    const page = await harness.signedIn('contato@beta.example');
    await page.goto(`${harness.portal.url}/tickets/999999`);
    await page.getByRole('heading', { level: 1, name: 'Chamado não encontrado.' }).waitFor();
    await page.context().close();
  });
});
