import type { ParsedMail } from 'mailparser';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addressesOf } from '../src/server/test/smtp';
import { portalInBrowser } from './harness';
import { apiFrom, axeBlockers, serviceLineForm, ticketInput } from './helpers';


/** Opens a ticket on RM through the API, as the signed-in contact of `page`. */
async function openTicket(page: Page, summary: string, incident: string): Promise<number> {
  const form = await serviceLineForm(page, 'RM');
  const opened = await apiFrom<{ number: number }>(page, 'POST', '/api/tickets', ticketInput(form, { effectId: form.effects[1]!.id, summary, incident }));
  expect(opened.status).toBe(201);
  return opened.body.number;
}

const mailText = (m: ParsedMail) => `${m.subject ?? ''}\n${m.text ?? ''}\n${typeof m.html === 'string' ? m.html : ''}`;
const references = (m: ParsedMail) => (Array.isArray(m.references) ? m.references : m.references ? [m.references] : []);

describe('the agent journey', () => {
  const harness = portalInBrowser({ viewport: { width: 1366, height: 900 } });

  it('a contact opens a ticket; the agent takes it, notes, asks; the contact answers with a file; the agent proposes; the contact confirms and rates', async () => {
    const summary = 'Holerite de março sem o adicional noturno';
    const note = 'NOTA-INTERNA: cliente tem customização antiga na fórmula do adicional';
    const ask = 'Olá! Pode nos enviar o log do cálculo da folha de março?';
    const answer = 'Segue o log do cálculo, gerado agora há pouco.';
    const solution = 'Ajustamos a fórmula do adicional noturno; recalcule a folha de março.';

    const customer = await harness.signedIn('contato@alfa.example');
    const number = await openTicket(customer, summary, 'O adicional noturno não aparece no holerite.\nAconteceu em março.');

    // The agent finds it among the unassigned tickets, with its count in the menu.
    const agent = await harness.signedIn('analista@atende.example');
    const menu = agent.getByRole('navigation');
    await menu.getByText('Atendimento', { exact: true }).waitFor();
    for (const view of ['Não atribuídos', 'Meus', 'Abertos', 'Aguardando cliente', 'Encerrados recentemente']) {
      await menu.getByRole('link', { name: view, exact: true }).waitFor();
    }
    await menu.getByRole('link', { name: 'Não atribuídos', exact: true }).click();
    await agent.getByRole('heading', { level: 1, name: 'Não atribuídos' }).waitFor();
    await agent.getByText('1 chamado nesta visão').waitFor();
    const row = agent.getByRole('row').filter({ hasText: `#${number}` });
    await row.getByRole('link', { name: summary }).waitFor();
    for (const text of ['Alfa Indústria Ltda', 'RM', 'Novo']) expect(await row.getByText(text, { exact: true }).count(), text).toBeGreaterThan(0);
    expect(await axeBlockers(agent)).toEqual([]);

    // The keyboard: "?" explains the shortcuts, j selects the first row, Enter opens it.
    await agent.keyboard.press('?');
    const help = agent.getByRole('dialog', { name: 'Atalhos de teclado' });
    await help.getByText('Abrir o chamado selecionado').waitFor();
    await agent.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    await agent.keyboard.press('j');
    expect(await row.getAttribute('data-selected')).toBe('true');
    await agent.keyboard.press('Enter');
    await agent.getByRole('heading', { level: 1, name: `#${number} — ${summary}` }).waitFor();

    // Take it (the button from the server's actions), then an internal note with the "i" key.
    await agent.getByRole('button', { name: 'Assumir' }).click();
    await agent.getByText('André Analista assumiu o chamado').waitFor();
    await agent.getByText('Em atendimento', { exact: true }).first().waitFor();
    await agent.keyboard.press('i');
    const noteBox = agent.getByRole('textbox', { name: 'Nota interna' });
    expect(await noteBox.evaluate((e) => e === document.activeElement)).toBe(true);
    await agent.keyboard.type(note);
    await agent.getByRole('button', { name: 'Adicionar nota interna' }).click();
    const noteCard = agent.locator('article[data-internal]').filter({ hasText: note });
    await noteCard.waitFor();
    expect(await noteCard.getByText('Nota interna', { exact: true }).count()).toBe(1);

    // A public reply asking for the log: the ticket waits for the customer.
    await agent.keyboard.press('r');
    const replyBox = agent.getByRole('textbox', { name: 'Sua resposta' });
    await replyBox.fill(ask);
    await agent.getByRole('button', { name: 'Responder e aguardar cliente' }).click();
    await agent.locator('article[data-side="agent"]:not([data-internal])').filter({ hasText: ask }).waitFor();
    await agent.getByRole('region', { name: 'Detalhes' }).getByText('Aguardando cliente', { exact: true }).waitFor();
    expect(await replyBox.inputValue()).toBe('');

    // The contact sees the reply and never the note.
    await customer.goto(`${harness.portal.url}/tickets/${number}`);
    await customer.getByText(ask).waitFor();
    expect(await customer.getByText(note).count()).toBe(0);
    expect(await customer.getByText('NOTA-INTERNA').count()).toBe(0);
    expect(await customer.locator('article[data-internal]').count()).toBe(0);
    expect(await customer.getByRole('radio', { name: 'Nota interna' }).count()).toBe(0);
    expect(await customer.content()).not.toContain('NOTA-INTERNA');

    // …and answers with the log attached; the file shows its upload progress until it is stored.
    await customer.getByRole('textbox', { name: 'Sua resposta' }).fill(answer);
    const log = Buffer.from('2025-03-31 22:00 calculo folha\n'.repeat(60_000));
    await customer.locator('input[type="file"]').setInputFiles({ name: 'calculo-marco.log', mimeType: 'text/plain', buffer: log });
    const progress = customer.getByRole('progressbar', { name: 'Envio de calculo-marco.log' });
    await progress.waitFor();
    await customer.getByRole('listitem').filter({ hasText: 'calculo-marco.log' }).getByText(/Enviado/).waitFor();
    expect(await progress.getAttribute('aria-valuenow')).toBe('100');
    await customer.getByRole('button', { name: 'Enviar resposta' }).click();
    const answerCard = customer.locator('article[data-side="customer"]').filter({ hasText: answer });
    await answerCard.getByRole('link', { name: /calculo-marco\.log/ }).waitFor();
    await customer.getByRole('region', { name: 'Detalhes' }).getByText('Em atendimento', { exact: true }).waitFor();

    // The agent's open page refreshes by itself: the answer and its file arrive without a reload.
    const fileLink = agent.locator('article[data-side="customer"]').filter({ hasText: answer }).getByRole('link', { name: /calculo-marco\.log/ });
    await fileLink.waitFor({ timeout: 12_000 });
    const download = await agent.request.get(`${harness.portal.url}${await fileLink.getAttribute('href')}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-disposition']).toContain('attachment');
    expect((await download.body()).length).toBe(log.length);

    // The conversation, with its internal note, passes the accessibility check.
    expect(await axeBlockers(agent)).toEqual([]);

    // The agent proposes a solution.
    await agent.keyboard.press('r');
    await agent.getByRole('textbox', { name: 'Sua resposta' }).fill(solution);
    await agent.getByRole('button', { name: 'Propor solução' }).click();
    await agent.locator('article[data-kind="solution"]').filter({ hasText: solution }).waitFor();
    await agent.getByText('Aguardando o cliente confirmar ou rejeitar a solução proposta.').waitFor();

    // The contact's page shows it within seconds; they confirm and rate it.
    await customer.getByRole('heading', { name: 'Foi proposta uma solução' }).waitFor({ timeout: 12_000 });
    expect(await axeBlockers(customer)).toEqual([]);
    await customer.getByRole('button', { name: 'Confirmar solução' }).click();
    await customer.getByRole('heading', { name: 'Avalie o atendimento' }).waitFor();
    await customer.getByRole('region', { name: 'Detalhes' }).getByText('Encerrado', { exact: true }).waitFor();
    // The fifth star: its radio is visually hidden, the star drawn by its label is what a person clicks.
    const fifth = await customer.getByRole('radio', { name: '5 de 5' }).getAttribute('id');
    await customer.locator(`label[for="${fifth}"]`).click();
    expect(await customer.getByRole('radio', { name: '5 de 5' }).isChecked()).toBe(true);
    await customer.getByRole('textbox', { name: 'Comentário (opcional)' }).fill('Resolvido rápido, obrigado!');
    await customer.getByRole('button', { name: 'Enviar avaliação' }).click();
    await customer.getByText('Obrigado pela avaliação!').waitFor();
    await customer.getByRole('region', { name: 'Detalhes' }).getByText('Resolvido rápido, obrigado!').waitFor();
    await customer.getByText('Carlos Contato avaliou o atendimento com nota 5 de 5').waitFor();
    expect(await customer.getByRole('heading', { name: 'Avalie o atendimento' }).count()).toBe(0);
    // Reopening stays possible for the requester.
    await customer.getByRole('button', { name: 'Reabrir' }).waitFor();

    // The closed ticket leaves the agent's open views and shows among the recently closed.
    await agent.getByRole('navigation').getByRole('link', { name: 'Encerrados recentemente', exact: true }).click();
    await agent.getByRole('row').filter({ hasText: `#${number}` }).getByText('Encerrado').waitFor();

    // The mails: the reply and the solution to the requester, the answer to the agent, never the note.
    const subject = `[#${number}] ${summary}`;
    const thread = `<ticket-${number}@127.0.0.1>`;
    const toCustomerReply = await harness.portal.smtp.waitFor('contato@alfa.example', (m) => m.subject === subject && (m.text ?? '').includes(ask));
    const toCustomerSolution = await harness.portal.smtp.waitFor('contato@alfa.example', (m) => m.subject === subject && (m.text ?? '').includes(solution));
    const toAgent = await harness.portal.smtp.waitFor('analista@atende.example', (m) => m.subject === subject && (m.text ?? '').includes(answer));
    await harness.portal.smtp.waitFor('contato@alfa.example', (m) => m.subject === subject && (m.text ?? '').includes('foi encerrado'));
    for (const mail of [toCustomerReply, toCustomerSolution, toAgent]) {
      expect(mail.inReplyTo).toBe(thread);
      expect(references(mail)).toContain(thread);
    }
    expect(addressesOf(toAgent)).toEqual(['analista@atende.example']);
    const aboutTicket = harness.portal.smtp.mails.filter((m) => (m.subject ?? '').includes(`#${number}`));
    expect(aboutTicket.length).toBeGreaterThanOrEqual(5);
    for (const mail of aboutTicket) expect(mail.subject).toBe(subject);
    // The agent's own reply is not mailed back to the agent, and no mail to anyone carries the note.
    expect(harness.portal.smtp.mails.filter((m) => mailText(m).includes('NOTA-INTERNA'))).toEqual([]);
    expect(harness.portal.smtp.mails.filter((m) => addressesOf(m).includes('analista@atende.example') && (m.text ?? '').includes(ask))).toEqual([]);

    await customer.context().close();
    await agent.context().close();
  });

  it('a stale edit is refused with what changed, applied again on request; a draft survives a change by someone else', async () => {
    const customer = await harness.signedIn('contato@alfa.example');
    const summary = 'Relatório de provisões lento';
    const number = await openTicket(customer, summary, 'Demora 20 minutos.');

    const agent = await harness.signedIn('analista@atende.example');
    const admin = await harness.signedIn('sistema@atende.example');

    await agent.goto(`${harness.portal.url}/tickets/${number}`);
    await agent.getByRole('heading', { level: 1, name: `#${number} — ${summary}` }).waitFor();

    // The agent starts a reply; meanwhile the administrator takes the ticket.
    const draft = 'Rascunho que não pode se perder';
    await agent.getByRole('textbox', { name: 'Sua resposta' }).fill(draft);
    const seen = (await apiFrom<{ revision: number }>(admin, 'GET', `/api/tickets/${number}`)).body.revision;
    expect((await apiFrom(admin, 'POST', `/api/tickets/${number}/take`, { revision: seen })).status).toBe(200);
    const notice = agent.getByRole('status').filter({ hasText: 'O chamado foi alterado por outra pessoa' });
    await notice.getByText('Sílvia Sistema assumiu o chamado').waitFor({ timeout: 12_000 });
    expect(await agent.getByRole('textbox', { name: 'Sua resposta' }).inputValue()).toBe(draft);
    await notice.getByRole('button', { name: 'Entendi' }).click();
    await notice.waitFor({ state: 'hidden' });

    // A criticality change based on what the agent saw; the administrator changes the status first.
    await agent.getByRole('button', { name: 'Alterar criticidade' }).click();
    const dialog = agent.getByRole('dialog', { name: 'Alterar a criticidade' });
    await dialog.getByRole('combobox', { name: 'Nova criticidade' }).click();
    await agent.getByRole('option', { name: 'Planejamento' }).click();
    await dialog.getByRole('textbox', { name: 'Motivo' }).fill('Folha fecha amanhã');
    const current = (await apiFrom<{ revision: number }>(admin, 'GET', `/api/tickets/${number}`)).body.revision;
    expect((await apiFrom(admin, 'PATCH', `/api/tickets/${number}`, { revision: current, status: 'on_hold' })).status).toBe(200);
    await dialog.getByRole('button', { name: 'Salvar' }).click();
    const conflict = dialog.getByRole('alert').filter({ hasText: 'Sua alteração não foi salva' });
    await conflict.getByText('Sílvia Sistema alterou Situação: Em atendimento → Em espera').waitFor();
    expect(await dialog.getByRole('textbox', { name: 'Motivo' }).inputValue()).toBe('Folha fecha amanhã');
    await conflict.getByRole('button', { name: 'Recarregar e reaplicar' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await agent.getByRole('region', { name: 'Criticidade' }).getByText('Planejamento', { exact: true }).waitFor();
    await agent.getByText(/^André Analista alterou Criticidade: .+ → Planejamento$/).waitFor();
    expect(await agent.getByRole('textbox', { name: 'Sua resposta' }).inputValue()).toBe(draft);

    // Files dropped on the reply or pasted into it upload at once; one is removed before sending.
    const composer = agent.getByRole('region', { name: 'Nova mensagem' });
    await composer.evaluate((element) => {
      const data = new DataTransfer();
      data.items.add(new File(['id;valor\n1;10\n'], 'provisoes.csv', { type: 'text/csv' }));
      element.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: data }));
      element.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
    });
    await agent.getByRole('textbox', { name: 'Sua resposta' }).evaluate((element) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10])], 'image.png', { type: 'image/png' }));
      element.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: data }));
    });
    const chips = composer.getByRole('list', { name: 'Anexos' }).getByRole('listitem');
    await chips.filter({ hasText: 'provisoes.csv' }).getByText(/Enviado/).waitFor();
    await chips.filter({ hasText: /^imagem-colada-.*\.png/ }).getByText(/Enviado/).waitFor();
    await composer.getByRole('button', { name: /^Remover imagem-colada-/ }).click();
    expect(await chips.count()).toBe(1);
    await composer.getByRole('button', { name: 'Responder', exact: true }).click();
    const sent = agent.locator('article[data-side="agent"]').filter({ hasText: draft });
    await sent.getByRole('link', { name: /provisoes\.csv/ }).waitFor();
    expect(await sent.getByRole('link').count()).toBe(1);

    // The customer sees "on hold" as in progress, and the new criticality with its reason.
    await customer.goto(`${harness.portal.url}/tickets/${number}`);
    await customer.getByRole('region', { name: 'Detalhes' }).getByText('Em atendimento', { exact: true }).waitFor();
    await customer.getByText('Folha fecha amanhã').first().waitFor();

    for (const page of [customer, agent, admin]) await page.context().close();
  });

  it('"n" walks through the view the agent works in; on a phone the views are buttons and the tickets cards', async () => {
    const customer = await harness.signedIn('contato@alfa.example');
    await openTicket(customer, 'Integração bancária rejeita arquivo CNAB', 'Retorno 240 posições.');
    await openTicket(customer, 'Cadastro de dependentes não salva', 'Mensagem de erro genérica.');
    await customer.context().close();

    const page = await harness.signedIn('analista@atende.example');
    await page.goto(`${harness.portal.url}/workspace`);
    await page.waitForURL(/\/workspace\/unassigned$/);
    await page.getByText('2 chamados nesta visão').waitFor();
    const order = await page.locator('tbody tr[data-ticket]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-ticket'))));
    expect(order).toHaveLength(2);
    await page.keyboard.press('n');
    await page.getByRole('heading', { level: 1, name: new RegExp(`^#${order[0]} — `) }).waitFor();
    await page.getByRole('link', { name: 'Atendimento · Não atribuídos' }).waitFor();
    await page.keyboard.press('n');
    await page.getByRole('heading', { level: 1, name: new RegExp(`^#${order[1]} — `) }).waitFor();
    await page.keyboard.press('n');
    await page.getByText('Não há outro chamado nesta visão.').waitFor();

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${harness.portal.url}/workspace`);
    await page.getByRole('heading', { level: 1, name: 'Não atribuídos' }).waitFor();
    await page.getByRole('main').getByRole('link', { name: /^Abertos/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Abertos' }).waitFor();
    await page.getByRole('main').getByRole('listitem').filter({ hasText: 'Cadastro de dependentes não salva' }).getByRole('link').waitFor();
    expect(await axeBlockers(page)).toEqual([]);
    await page.context().close();
  });
});
