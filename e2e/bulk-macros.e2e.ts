import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TicketView } from '../src/contracts/tickets';
import { portalInBrowser } from './harness';
import { apiFrom, axeBlockers, choose, serviceLineForm, ticketInput } from './helpers';

/** Opens a ticket on RM through the API, as the signed-in contact of `page`. */
async function openTicket(page: Page, summary: string): Promise<number> {
  const form = await serviceLineForm(page, 'RM');
  const opened = await apiFrom<{ number: number }>(page, 'POST', '/api/tickets', ticketInput(form, { summary, incident: `${summary}: o cálculo não fecha.` }));
  expect(opened.status).toBe(201);
  return opened.body.number;
}

/** Opens the `?` help and checks that it lists exactly the keys the page answers (`<body data-shortcuts>`), then closes it. */
async function helpListsEveryShortcut(page: Page, expected: string[]) {
  await page.locator('body').press('?');
  const dialog = page.getByRole('dialog', { name: 'Atalhos de teclado' });
  await dialog.waitFor();
  const listed = (await dialog.locator('tr[data-keys]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-keys') ?? ''))).flatMap((k) => k.split(' '));
  const registered = ((await page.locator('body').getAttribute('data-shortcuts')) ?? '').split(' ');
  expect(listed.sort()).toEqual(registered.sort());
  expect(registered).toEqual(expect.arrayContaining(expected));
  expect(await axeBlockers(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
}

describe('bulk actions, macros and shortcuts', () => {
  const harness = portalInBrowser({ viewport: { width: 1366, height: 900 } });

  it('an agent writes a macro, applies it in the reply box through "/", and the reply goes with the variables filled and its action applied', async () => {
    const customer = await harness.signedIn('contato@alfa.example');
    const number = await openTicket(customer, 'Folha de junho sem adicional noturno');
    const agent = await harness.signedIn('analista@atende.example');
    const requester = (await apiFrom<TicketView>(agent, 'GET', `/api/tickets/${number}`)).body.requester.name;

    // The macro, written on its page: a variable typed, another inserted with its button.
    await agent.getByRole('navigation').getByRole('link', { name: 'Macros' }).click();
    await agent.getByRole('heading', { level: 1, name: 'Macros' }).waitFor();
    await agent.getByRole('button', { name: 'Nova macro' }).click();
    const dialog = agent.getByRole('dialog', { name: 'Nova macro' });
    await dialog.getByLabel('Nome').fill('Pedir o log');
    const body = dialog.getByLabel('Resposta');
    await body.fill('Olá, {{requester.firstName}}! Sobre o chamado #{{ticket.number}}, pode nos enviar o log? ');
    await dialog.getByRole('button', { name: 'Inserir a variável agent.firstName' }).click();
    // An unknown variable is refused, named, before anything is saved.
    await body.press('End');
    await body.pressSequentially(' {{ticket.nmber}}');
    await choose(agent, 'Mudar a situação para', 'Aguardando cliente');
    await dialog.getByRole('button', { name: 'Salvar' }).click();
    await dialog.getByText('Variável desconhecida: {{ticket.nmber}}. Use uma das variáveis da lista.').waitFor();
    await body.fill('Olá, {{requester.firstName}}! Sobre o chamado #{{ticket.number}}, pode nos enviar o log? {{agent.firstName}}');
    expect(await axeBlockers(agent)).toEqual([]);
    await dialog.getByRole('button', { name: 'Salvar' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await agent.getByRole('table', { name: 'Macros' }).getByText('Pedir o log').waitFor();

    // On the ticket, "/" and a few letters offer it; Enter puts the reply as the server rendered it.
    await agent.goto(`${harness.portal.url}/tickets/${number}`);
    await agent.getByRole('heading', { name: /Folha de junho/ }).waitFor();
    const reply = agent.getByRole('textbox', { name: 'Resposta' });
    await reply.click();
    await reply.pressSequentially('/pedir');
    const picker = agent.getByRole('listbox', { name: 'Macros' });
    await picker.getByRole('option', { name: /Pedir o log/ }).waitFor();
    expect(await axeBlockers(agent)).toEqual([]);
    await reply.press('Enter');
    const expected = `Olá, ${requester.split(' ')[0]}! Sobre o chamado #${number}, pode nos enviar o log? André`;
    await expect.poll(() => reply.inputValue()).toBe(expected);
    await agent.getByText('Macro “Pedir o log”').waitFor();
    await agent.getByRole('button', { name: 'Responder', exact: true }).click();

    // The reply went as previewed, and the macro's status followed it; its use is counted.
    await agent.getByText(expected).first().waitFor();
    await expect.poll(async () => (await apiFrom<TicketView>(agent, 'GET', `/api/tickets/${number}`)).body.status).toBe('waiting_customer');
    const ticket = (await apiFrom<TicketView>(customer, 'GET', `/api/tickets/${number}`)).body;
    expect(ticket.articles.at(-1)?.body).toBe(expected);
    const macros = (await apiFrom<{ macros: { name: string; usageCount: number }[] }>(agent, 'GET', '/api/macros')).body.macros;
    expect(macros.find((m) => m.name === 'Pedir o log')?.usageCount).toBe(1);

    // The ticket page's `?` lists its keys, the macro's / among them; / opens the action menu's macro picker with the preview.
    await agent.locator('body').click({ position: { x: 5, y: 5 } });
    await helpListsEveryShortcut(agent, ['r', 'i', 'n', '/', 'u', 's', 'g', 'e', 'p', '#', 'c', 'm', 'l', '?']);
    // g opens the transfer, as its button does.
    await agent.locator('body').press('g');
    const transfer = agent.getByRole('dialog', { name: 'Transferir para outro grupo' });
    await transfer.waitFor();
    await agent.keyboard.press('Escape');
    await transfer.waitFor({ state: 'hidden' });
    await agent.locator('body').press('/');
    const apply = agent.getByRole('dialog', { name: 'Aplicar uma macro' });
    await apply.waitFor();
    await expect.poll(() => apply.locator('[data-macro-preview]').textContent()).toBe(expected);
    await agent.keyboard.press('Escape');
  }, 120_000);

  it('an agent checks three tickets in a view (a click, then Shift+click) and assigns them to themself; ? lists the workspace’s shortcuts', async () => {
    const customer = await harness.signedIn('contato@alfa.example');
    const numbers = [];
    for (const summary of ['Férias de julho sem o terço', 'Rescisão com aviso errado', 'Ponto de agosto sem horas', 'Décimo terceiro sem média']) numbers.push(await openTicket(customer, summary));
    const [first, second, third, fourth] = numbers as [number, number, number, number];

    const agent = await harness.signedIn('analista@atende.example');
    await agent.getByRole('navigation').getByRole('link', { name: 'Não atribuídos', exact: true }).click();
    await agent.getByRole('heading', { level: 1, name: 'Não atribuídos' }).waitFor();
    const table = agent.getByRole('table');
    await table.getByRole('link', { name: 'Décimo terceiro sem média' }).waitFor();

    await agent.getByRole('checkbox', { name: `Selecionar o chamado #${first}` }).click();
    await agent.getByRole('checkbox', { name: `Selecionar o chamado #${third}` }).click({ modifiers: ['Shift'] });
    await agent.getByText('3 chamados selecionados').waitFor();
    for (const n of [first, second, third]) expect(await agent.getByRole('checkbox', { name: `Selecionar o chamado #${n}` }).isChecked()).toBe(true);
    expect(await agent.getByRole('checkbox', { name: `Selecionar o chamado #${fourth}` }).isChecked()).toBe(false);
    expect(await axeBlockers(agent)).toEqual([]);

    await agent.getByRole('region', { name: 'Ações em massa' }).getByRole('button', { name: 'Atribuir a mim' }).click();
    await agent.getByText('3 chamados alterados.').waitFor();
    const me = (await apiFrom<{ id: string }>(agent, 'GET', '/api/me')).body.id;
    for (const n of [first, second, third]) expect((await apiFrom<TicketView>(agent, 'GET', `/api/tickets/${n}`)).body.assignee?.id).toBe(me);
    expect((await apiFrom<TicketView>(agent, 'GET', `/api/tickets/${fourth}`)).body.assignee).toBeNull();
    // They leave the view of unassigned tickets; the fourth stays.
    await expect.poll(() => table.getByRole('link', { name: 'Férias de julho sem o terço' }).count()).toBe(0);
    await table.getByRole('link', { name: 'Décimo terceiro sem média' }).waitFor();

    await agent.locator('body').click({ position: { x: 5, y: 5 } });
    await helpListsEveryShortcut(agent, ['j', 'k', 'Enter', 'n', 'x', 'Shift+x', '*', 'a', 'b', 'Escape', '?']);
    // x checks the row in focus (j moves to it), b opens the bulk menu.
    await agent.locator('body').press('j');
    await agent.locator('body').press('x');
    await agent.getByText('1 chamado selecionado').waitFor();
    const focused = Number(await agent.locator('tr[data-checked] [data-select-ticket]').getAttribute('data-select-ticket'));
    await agent.locator('body').press('b');
    await agent.getByRole('menuitem', { name: 'Transferir…' }).waitFor();
    // … and closes it with a reason.
    await agent.getByRole('menuitem', { name: 'Fechar com motivo…' }).click();
    const close = agent.getByRole('dialog', { name: 'Fechar os chamados selecionados' });
    await choose(agent, 'Motivo', 'Duplicado');
    expect(await axeBlockers(agent)).toEqual([]);
    await close.getByRole('button', { name: 'Aplicar a 1 chamado' }).click();
    await agent.getByText('1 chamado alterado.').waitFor();
    expect((await apiFrom<TicketView>(agent, 'GET', `/api/tickets/${focused}`)).body.status).toBe('closed');

    // On a phone the cards carry the checkboxes: a tap checks, it does not open the ticket.
    const fifth = await openTicket(customer, 'Vale-transporte descontado em dobro');
    await agent.setViewportSize({ width: 390, height: 844 });
    const card = agent.locator(`li[data-ticket="${fifth}"]`);
    await card.getByRole('checkbox').click();
    await agent.getByText('1 chamado selecionado').waitFor();
    expect(agent.url()).toContain('/workspace/');
  }, 120_000);
});
