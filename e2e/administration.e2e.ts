import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addressesOf } from '../src/server/test/smtp';
import { portalInBrowser } from './harness';
import { acceptInvitation, apiFrom, axeBlockers, choose, describedBy, passwordLink, signIn } from './helpers';

describe('administration', () => {
  const harness = portalInBrowser();

  const { newPage } = harness;
  const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });

  it('a company, its administrator, a contact, a ticket, and the deactivation that ends the contact\'s session', async () => {
    // The system administrator creates the company, entitled to RM, with its first portal administrator.
    const system = await harness.signedIn('sistema@atende.example');
    await nav(system, 'Empresas').click();
    await system.getByRole('heading', { level: 1, name: 'Empresas' }).waitFor();
    await system.getByRole('button', { name: 'Nova empresa' }).click();
    const create = system.getByRole('dialog', { name: 'Nova empresa' });
    await create.getByRole('textbox', { name: 'Razão social' }).fill('Gama Serviços Ltda');
    // A CNPJ with wrong digits is caught before anything is sent.
    await create.getByRole('textbox', { name: 'CNPJ' }).fill('11.444.777/0001-00');
    await create.getByRole('textbox', { name: 'Nome' }).fill('Gabriela Gestora');
    await create.getByRole('textbox', { name: 'E-mail' }).fill('gestora@gama.example');
    await create.getByRole('group', { name: 'Software' }).getByRole('checkbox', { name: 'RM', exact: true }).check();
    await create.getByRole('button', { name: 'Criar empresa e convidar' }).click();
    expect(await describedBy(create.getByRole('textbox', { name: 'CNPJ' }))).toContain('Informe um CNPJ válido.');
    await create.getByRole('textbox', { name: 'CNPJ' }).fill('11.444.777/0001-61');
    await create.getByRole('button', { name: 'Criar empresa e convidar' }).click();
    await system.getByText('Gama Serviços Ltda criada. Enviamos o convite para gestora@gama.example.').waitFor();
    const companyRow = system.getByRole('row').filter({ hasText: 'Gama Serviços Ltda' });
    await companyRow.getByText('11.444.777/0001-61').waitFor();
    expect(await companyRow.getByText('RM', { exact: true }).count()).toBe(1);

    // The invitation reaches the administrator, who sets a password and signs in.
    const invitation = await harness.portal.smtp.waitFor('gestora@gama.example', (m) => m.subject === 'Seu acesso ao portal Atende');
    expect(invitation.text).toContain('Gama Serviços Ltda');
    const admin = await newPage();
    await acceptInvitation(admin, passwordLink(invitation), 'gama-gestora-2025');
    await signIn(admin, harness.portal.url, 'gestora@gama.example', 'gama-gestora-2025');

    // "Meu espaço": the company's products and contacts.
    await nav(admin, 'Meus produtos').click();
    await admin.getByRole('heading', { level: 1, name: 'Meus produtos' }).waitFor();
    await admin.getByText('RM', { exact: true }).first().waitFor();
    await nav(admin, 'Contatos').click();
    await admin.getByRole('heading', { level: 1, name: 'Contatos' }).waitFor();
    await admin.getByRole('row').filter({ hasText: 'gestora@gama.example' }).getByText('Administrador').waitFor();

    // A new contact; the CPF is checked first.
    await admin.getByRole('button', { name: 'Novo contato' }).click();
    const contactForm = admin.getByRole('dialog', { name: 'Novo contato' });
    await contactForm.getByRole('textbox', { name: 'Nome' }).fill('Diego Contato');
    await contactForm.getByRole('textbox', { name: 'E-mail' }).fill('diego@gama.example');
    await contactForm.getByRole('textbox', { name: 'Telefone' }).fill('(11) 4003-0015');
    await contactForm.getByRole('textbox', { name: 'CPF' }).fill('123.456.789-00');
    await contactForm.getByRole('button', { name: 'Cadastrar e convidar' }).click();
    expect(await describedBy(contactForm.getByRole('textbox', { name: 'CPF' }))).toContain('Informe um CPF válido.');
    await contactForm.getByRole('textbox', { name: 'CPF' }).fill('529.982.247-25');
    await contactForm.getByRole('button', { name: 'Cadastrar e convidar' }).click();
    await admin.getByText('Diego Contato cadastrado. Enviamos o convite para diego@gama.example.').waitFor();
    const contactRow = admin.getByRole('row').filter({ hasText: 'diego@gama.example' });
    await contactRow.getByText('Convite pendente').waitFor();
    await contactRow.getByText('529.982.247-25').waitFor();

    // The contact's invitation arrives; the contact sets a password, signs in and opens a ticket on RM.
    const contactInvitation = await harness.portal.smtp.waitFor('diego@gama.example', (m) => m.subject === 'Seu acesso ao portal Atende');
    const contact = await newPage();
    await acceptInvitation(contact, passwordLink(contactInvitation), 'diego-contato-2025');
    await signIn(contact, harness.portal.url, 'diego@gama.example', 'diego-contato-2025');
    await nav(contact, 'Software').click();
    await contact.getByRole('link', { name: 'Abrir chamado — RM' }).click();
    await contact.getByRole('heading', { level: 1, name: 'Abrir chamado — RM' }).waitFor();
    await choose(contact, 'Categoria', /^Atendimento\/Dúvida\/Análise/);
    await choose(contact, 'Origem', /^Cliente em produção/);
    await choose(contact, 'Efeito', 'Inconsistência em processo');
    await choose(contact, 'Módulo/Produto', 'RM Labore');
    await choose(contact, 'Processo ou rotina', 'Férias');
    await choose(contact, 'Versão', '12.1.2410');
    await choose(contact, 'Ambiente', 'Produção');
    const summary = 'Férias calculadas com um dia a menos';
    await contact.getByRole('textbox', { name: 'Resumo' }).fill(summary);
    await contact.getByRole('textbox', { name: 'Incidente' }).fill('O recibo de férias de março mostra 29 dias.');
    await contact.getByRole('button', { name: 'Continuar' }).click();
    await contact.getByRole('heading', { name: /^Chamado #\d+ aberto$/ }).waitFor();
    // The contact is now active (a password is set).
    await admin.reload();
    await admin.getByRole('row').filter({ hasText: 'diego@gama.example' }).getByText('Ativo', { exact: true }).waitFor();

    // The administrator deactivates the contact.
    await admin.getByRole('button', { name: 'Ações de Diego Contato' }).click();
    await admin.getByRole('menuitem', { name: 'Desativar' }).click();
    const confirm = admin.getByRole('dialog', { name: 'Desativar Diego Contato?' });
    await confirm.getByRole('button', { name: 'Desativar' }).click();
    await admin.getByText('Diego Contato desativado. As sessões dele terminaram.').waitFor();
    await admin.getByRole('row').filter({ hasText: 'diego@gama.example' }).getByText('Inativo').waitFor();

    // The contact's open session stops at its next request, and the interface returns to the login.
    expect((await contact.request.get(`${harness.portal.url}/api/me`)).status()).toBe(401);
    await nav(contact, 'Meus chamados').click();
    await contact.waitForURL(/\/login/);
    await contact.getByLabel('E-mail').fill('diego@gama.example');
    await contact.getByLabel('Senha', { exact: true }).fill('diego-contato-2025');
    await contact.getByRole('button', { name: 'Entrar' }).click();
    await contact.getByText('E-mail ou senha inválidos.').waitFor();

    // What the contact wrote stays: the administrator (who sees all company tickets) still finds the ticket.
    const tickets = await apiFrom<{ tickets: { summary: string }[] }>(admin, 'GET', '/api/tickets');
    expect(tickets.body.tickets.map((t) => t.summary)).toContain(summary);

    // The company's log and the system audit show who did what.
    await nav(admin, 'Registro de alterações').click();
    await admin.getByRole('heading', { level: 1, name: 'Registro de alterações' }).waitFor();
    await admin.getByRole('row').filter({ hasText: 'Contato desativado' }).getByText('Gabriela Gestora').waitFor();
    await system.goto(`${harness.portal.url}/admin/audit`);
    const companyCreated = system.getByRole('row').filter({ hasText: 'Empresa criada' });
    await companyCreated.getByText('Sílvia Sistema').waitFor();
    // Codes as the pages show them: the CNPJ with its marks, the country's and the language's names.
    for (const shown of ['11.444.777/0001-61', 'Brasil', 'Português (Brasil)']) await companyCreated.getByText(shown, { exact: true }).first().waitFor();

    for (const page of [system, admin, contact]) await page.context().close();
  });

  it('a new e-mail address takes effect only once its owner confirms it, through a single-use link', async () => {
    const admin = await harness.signedIn('admin@beta.example');
    await nav(admin, 'Contatos').click();
    await admin.getByRole('button', { name: 'Ações de Beatriz Contato' }).click();
    await admin.getByRole('menuitem', { name: 'Editar' }).click();
    const form = admin.getByRole('dialog', { name: 'Editar Beatriz Contato' });
    await form.getByRole('textbox', { name: 'E-mail' }).fill('beatriz.nova@beta.example');
    await form.getByRole('button', { name: 'Salvar' }).click();
    const row = admin.getByRole('row').filter({ hasText: 'Beatriz Contato' });
    await row.getByText('Novo e-mail aguardando confirmação: beatriz.nova@beta.example').waitFor();
    // Until confirmed, the old address is still the one that signs in.
    await row.getByText('contato@beta.example', { exact: true }).waitFor();

    const mail = await harness.portal.smtp.waitFor('beatriz.nova@beta.example', (m) => m.subject === 'Confirme o seu novo e-mail no Atende');
    const link = /https?:\/\/\S+\/confirm-email\?token=[\w-]+/.exec(mail.text ?? '')![0];
    const owner = await newPage();
    await owner.goto(link);
    await owner.getByRole('heading', { level: 1, name: 'Confirmar novo e-mail' }).waitFor();
    await owner.getByRole('button', { name: 'Confirmar e-mail' }).click();
    await owner.getByText('E-mail confirmado. Use o novo endereço para entrar no portal.').waitFor();
    // The link works once.
    await owner.goto(link);
    await owner.getByRole('button', { name: 'Confirmar e-mail' }).click();
    await owner.getByText('Este link é inválido, já foi usado ou expirou.', { exact: false }).waitFor();
    await signIn(owner, harness.portal.url, 'beatriz.nova@beta.example');

    await admin.reload();
    await admin.getByRole('row').filter({ hasText: 'Beatriz Contato' }).getByText('beatriz.nova@beta.example', { exact: true }).waitFor();
    for (const page of [admin, owner]) await page.context().close();
  });

  it("another company's contact joins mine only by accepting; then their rights here are mine to set, their own details theirs", async () => {
    // Beta has a contact with a phone and a CPF, who sets a password.
    const beta = await harness.signedIn('admin@beta.example');
    const me = await apiFrom<{ memberships: { companyId: number }[] }>(beta, 'GET', '/api/me');
    const created = await apiFrom(beta, 'POST', `/api/companies/${me.body.memberships[0]!.companyId}/people`, {
      name: 'Helena Dupla',
      email: 'helena@beta.example',
      phone: '(47) 3333-0000',
      cpf: '529.982.247-25',
    });
    expect(created.status).toBe(201);
    const helena = await newPage();
    await acceptInvitation(helena, passwordLink(await harness.portal.smtp.waitFor('helena@beta.example', (m) => m.subject === 'Seu acesso ao portal Atende')), 'helena-dupla-2025');

    // Alfa adds her address: it sees only what it typed, as for anyone new.
    const admin = await harness.signedIn('admin@alfa.example');
    await nav(admin, 'Contatos').click();
    await admin.getByRole('button', { name: 'Novo contato' }).click();
    const add = admin.getByRole('dialog', { name: 'Novo contato' });
    await add.getByRole('textbox', { name: 'Nome' }).fill('Helena');
    await add.getByRole('textbox', { name: 'E-mail' }).fill('helena@beta.example');
    await add.getByRole('button', { name: 'Cadastrar e convidar' }).click();
    await admin.getByText('Helena cadastrado. Enviamos o convite para helena@beta.example.').waitFor();
    const row = admin.getByRole('row').filter({ hasText: 'helena@beta.example' });
    await row.getByText('Convite pendente').waitFor();
    expect(await row.getByText('Helena Dupla').count()).toBe(0);

    // Helena is asked, by mail and in the portal, and accepts.
    const invitation = await harness.portal.smtp.waitFor('helena@beta.example', (m) => m.subject === 'Alfa Indústria Ltda convidou você para o portal Atende');
    expect(invitation.text).toContain('/invitations');
    await signIn(helena, harness.portal.url, 'helena@beta.example', 'helena-dupla-2025');
    await helena.getByRole('status').getByText('Alfa Indústria Ltda convidou você para ser contato da empresa no portal.').waitFor();
    await helena.getByRole('link', { name: 'Ver convites' }).click();
    await helena.getByRole('heading', { level: 1, name: 'Convites de empresas' }).waitFor();
    expect(await axeBlockers(helena)).toEqual([]);
    await helena.getByRole('listitem', { name: 'Alfa Indústria Ltda' }).getByRole('button', { name: 'Aceitar' }).click();
    await helena.getByText('Agora você é contato de Alfa Indústria Ltda.').waitFor();
    await helena.getByText('Nenhum convite aguardando a sua resposta.').waitFor();

    // Now Alfa sees her as she is, without Beta's details of her, and sets her rights here.
    await admin.reload();
    const joined = admin.getByRole('row').filter({ hasText: 'helena@beta.example' });
    await joined.getByText('Helena Dupla', { exact: true }).waitFor();
    expect(await joined.getByText('(47) 3333-0000').count()).toBe(0);
    await joined.getByRole('button', { name: 'Ações de Helena Dupla' }).click();
    await admin.getByRole('menuitem', { name: 'Editar' }).click();
    const form = admin.getByRole('dialog', { name: 'Editar Helena Dupla' });
    await form.getByText('Esta pessoa também é contato de outra empresa.', { exact: false }).waitFor();
    for (const name of ['Nome', 'E-mail', 'Telefone', 'CPF']) expect(await form.getByRole('textbox', { name }).isDisabled(), name).toBe(true);
    await form.getByRole('checkbox', { name: 'Vê todos os chamados da empresa' }).check();
    await form.getByRole('button', { name: 'Salvar' }).click();
    await form.waitFor({ state: 'hidden' });
    await joined.getByText('Vê todos').waitFor();
    for (const page of [beta, admin, helena]) await page.context().close();
  });

  it('"Não sabe quem é o administrador do portal?" answers the same to anyone; only a known address gets a mail', async () => {
    const visitor = await newPage();
    await visitor.goto(`${harness.portal.url}/login`);
    const sentence = 'Pronto. Se este e-mail tiver acesso ao portal, enviamos para ele os nomes dos administradores de portal da empresa.';
    const ask = async (email: string) => {
      await visitor.getByRole('button', { name: 'Não sabe quem é o administrador do portal?' }).click();
      const dialog = visitor.getByRole('dialog', { name: 'Quem é o administrador do portal?' });
      await dialog.getByRole('textbox', { name: 'E-mail' }).fill(email);
      await dialog.getByRole('button', { name: 'Enviar' }).click();
      const answer = await dialog.getByRole('status').textContent();
      await dialog.getByRole('button', { name: 'Fechar' }).first().click();
      await dialog.waitFor({ state: 'hidden' });
      return answer;
    };
    // The unknown address first: once the known one's mail is in, any mail to the first would be too.
    const unknown = await ask('ninguem@desconhecido.example');
    const known = await ask('contato@alfa.example');
    expect(unknown).toBe(sentence);
    expect(known).toBe(sentence);
    const mail = await harness.portal.smtp.waitFor('contato@alfa.example', (m) => m.subject === 'Os administradores de portal da sua empresa');
    expect(mail.text).toContain('Alfa Indústria Ltda: Ana Administradora <admin@alfa.example>');
    expect(harness.portal.smtp.mails.filter((m) => addressesOf(m).includes('ninguem@desconhecido.example'))).toHaveLength(0);

    // The help page is one click away from the login, before signing in.
    await visitor.getByRole('link', { name: 'Canais de atendimento' }).click();
    await visitor.getByRole('heading', { level: 1, name: 'Canais de atendimento' }).waitFor();
    await visitor.getByRole('link', { name: 'Ligue 4003 0015 e digite a opção 5' }).waitFor();
    await visitor.getByRole('link', { name: 'Ligue 4003 0015 e digite a opção 7' }).waitFor();
    await visitor.getByRole('link', { name: 'Dicas e soluções para abertura de chamados no portal' }).click();
    await visitor.getByRole('heading', { level: 2, name: /^2- QUAL A FUNÇÃO DO “ADMINISTRADOR DE PORTAL”/ }).waitFor();
    await visitor.context().close();
  });

  it('the help page inside the shell, from the menu "Ajuda"; help and mail pages fit a phone', async () => {
    const page = await harness.signedIn('contato@alfa.example');
    await page.getByRole('navigation').getByRole('link', { name: 'Canais de atendimento' }).click();
    await page.getByRole('heading', { level: 1, name: 'Canais de atendimento' }).waitFor();
    // Inside the shell: the person's menu stays; the public frame's sign-in and admin look-up are not there.
    await nav(page, 'Meus chamados').waitFor();
    await page.getByRole('link', { name: 'Ligue 4003 0015 e digite a opção 7' }).waitFor();
    expect(await page.getByRole('link', { name: 'Entrar' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Receber os nomes por e-mail' }).count()).toBe(0);

    // On a phone, a long article title wraps instead of widening the page; a missing article says so once.
    await page.setViewportSize({ width: 390, height: 844 });
    const widerThanWindow = () => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
    await page.goto(`${harness.portal.url}/help/articles/guia-do-portal`);
    await page.getByRole('heading', { level: 1, name: 'Dicas e soluções para abertura de chamados no portal' }).waitFor();
    expect(await widerThanWindow()).toBe(false);
    await page.goto(`${harness.portal.url}/help/articles/nao-existe`);
    await page.getByRole('heading', { level: 1, name: 'Não encontrado.' }).waitFor();
    await page.getByText('Este artigo não existe ou foi retirado.', { exact: false }).waitFor();
    expect(await page.getByText('Não encontrado.').count()).toBe(1);
    await page.context().close();

    const system = await harness.signedIn('sistema@atende.example');
    await system.setViewportSize({ width: 390, height: 844 });
    await system.goto(`${harness.portal.url}/admin/mail`);
    await system.getByRole('heading', { level: 2, name: 'Configuração' }).waitFor();
    expect(await system.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)).toBe(false);
    await system.context().close();
  });

  it('accessibility: the administration pages, the help pages and the import preview', async () => {
    const page = await harness.signedIn('sistema@atende.example');
    const check = async (path: string, ready: (p: Page) => Promise<unknown>) => {
      await page.goto(`${harness.portal.url}${path}`);
      await ready(page);
      expect(await axeBlockers(page), path).toEqual([]);
      expect(await page.getByRole('heading', { level: 1 }).count(), path).toBe(1);
    };
    await check('/companies/1/people', (p) => p.getByRole('row').filter({ hasText: 'contato@alfa.example' }).waitFor());
    await check('/admin/companies', (p) => p.getByRole('row').filter({ hasText: 'Alfa Indústria Ltda' }).waitFor());
    await check('/help', (p) => p.getByRole('link', { name: 'Ligue 4003 0015 e digite a opção 5' }).waitFor());
    await check('/help/articles/guia-do-portal', (p) => p.getByRole('heading', { level: 2 }).first().waitFor());
    await check('/admin/catalog', (p) => p.getByRole('heading', { name: 'Listas de RM' }).waitFor());
    await check('/admin/criticality', (p) => p.getByRole('status').filter({ hasText: 'Criticidade' }).getByText("Efeito 'Sistema parado'").waitFor());
    await check('/admin/audit', (p) => p.getByRole('row').nth(1).or(p.getByText('Nenhum registro.')).waitFor());
    await check('/admin/agents', (p) => p.getByRole('row').filter({ hasText: 'analista@atende.example' }).waitFor());
    await check('/admin/groups', (p) => p.getByRole('row').filter({ hasText: 'Suporte RM' }).first().waitFor());
    await check('/admin/help-channels', (p) => p.getByRole('row').nth(1).waitFor());
    await check('/admin/mail', (p) => p.getByRole('button', { name: 'Enviar teste' }).waitFor());
    await check('/companies/1/products', (p) => p.getByText('Protheus', { exact: true }).waitFor());
    await check('/companies/1/log', (p) => p.getByRole('row').nth(1).or(p.getByText('Nenhuma alteração registrada ainda.')).waitFor());
    // A form in a dialog, with its errors shown.
    await check('/admin/companies', async (p) => {
      await p.getByRole('button', { name: 'Nova empresa' }).click();
      await p.getByRole('dialog').getByRole('button', { name: 'Criar empresa e convidar' }).click();
      await p.getByText('Verifique os campos destacados.').waitFor();
    });
    // The import preview with its errors.
    await check('/companies/1/import', async (p) => {
      await p.locator('input[type=file]').setInputFiles({ name: 'contatos.csv', mimeType: 'text/csv', buffer: Buffer.from('nome;email\nSem Arroba;sem-arroba\n') });
      await p.getByText('Informe um e-mail válido.').waitFor();
    });

    // The public help page, before signing in.
    const visitor = await newPage();
    await visitor.goto(`${harness.portal.url}/help`);
    await visitor.getByRole('link', { name: 'Ligue 4003 0015 e digite a opção 5' }).waitFor();
    expect(await axeBlockers(visitor)).toEqual([]);
    for (const p of [page, visitor]) await p.context().close();
  });

  it('system administration: the criticality preview follows the matrix, the catalog feeds the form, help and mail', async () => {
    const page = await harness.signedIn('sistema@atende.example');

    // The preview answers for the matrix being edited, before it is saved.
    await nav(page, 'Matriz de criticidade').click();
    const preview = page.getByRole('status').filter({ hasText: 'Criticidade' });
    await preview.getByText('Crítica', { exact: true }).waitFor();
    await choose(page, 'Impacto alto, urgência alta', 'Alta');
    await preview.getByText('Alta', { exact: true }).waitFor();
    await preview.getByText('Hoje: Crítica').waitFor();
    await choose(page, 'Origem', /^Cliente em fase de implantação/);
    await page.getByRole('button', { name: 'Desfazer' }).click();
    await preview.getByText("Origem 'Cliente em fase de implantação' → impacto médio").waitFor();
    await preview.getByText('Alta', { exact: true }).waitFor();

    // A new version of RM is offered by RM's ticket form at once; deactivated, it is not.
    const lineId = (await apiFrom<{ service_line: { id: number; code: string }[] }>(page, 'GET', '/api/admin/catalog')).body.service_line.find((l) => l.code === 'RM')!.id;
    const versions = async () => (await apiFrom<{ versions: { name: string }[] }>(page, 'GET', `/api/service-lines/${lineId}/form`)).body.versions.map((v) => v.name);
    await nav(page, 'Catálogo').click();
    await page.getByRole('heading', { name: 'Listas de RM' }).waitFor();
    await page.getByRole('tab', { name: /^Versões/ }).click();
    await page.getByRole('button', { name: 'Nova versão' }).click();
    const entry = page.getByRole('dialog', { name: 'Nova versão' });
    await entry.getByRole('textbox', { name: 'Nome' }).fill('12.1.2502');
    await entry.getByRole('button', { name: 'Salvar' }).click();
    await page.getByRole('button', { name: 'Mover 12.1.2502 para cima' }).waitFor();
    expect(await versions()).toEqual(['12.1.2402', '12.1.2406', '12.1.2410', '12.1.2502']);
    await page.getByRole('button', { name: 'Mover 12.1.2502 para cima' }).click();
    await expect.poll(versions).toEqual(['12.1.2402', '12.1.2406', '12.1.2502', '12.1.2410']);
    // Deactivating asks first, and says what it does.
    await page.getByRole('button', { name: 'Desativar 12.1.2502' }).click();
    const confirm = page.getByRole('dialog', { name: 'Desativar 12.1.2502?' });
    await confirm.getByText('12.1.2502 deixa de aparecer nos formulários de novos chamados.', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Desativar' }).click();
    await page.getByRole('button', { name: 'Reativar 12.1.2502' }).waitFor();
    expect(await versions()).not.toContain('12.1.2502');
    // The move is one act in the audit log, with the list before and after.
    await page.goto(`${harness.portal.url}/admin/audit`);
    const reordered = page.getByRole('row').filter({ hasText: 'Ordem do catálogo alterada' });
    await reordered.getByText('Versão: 12.1.2502').waitFor();
    await reordered.getByText('12.1.2402, 12.1.2406, 12.1.2502, 12.1.2410').waitFor();
    // A new entry's row names its parent, not the parent's id.
    const added = page.getByRole('row').filter({ hasText: 'Pertence a' }).filter({ hasText: '12.1.2502' });
    await added.getByText('RM', { exact: true }).waitFor();
    await page.goBack();

    // A help channel's new text shows on the help page.
    await nav(page, 'Canais de ajuda').click();
    await page.getByRole('button', { name: 'Editar Suporte ao Portal do Cliente' }).click();
    const channel = page.getByRole('dialog', { name: 'Editar Suporte ao Portal do Cliente' });
    await channel.getByRole('textbox', { name: 'Português (Brasil)' }).nth(1).fill('Dúvidas sobre o uso do portal, de segunda a sexta.');
    await channel.getByRole('button', { name: 'Salvar' }).click();
    await channel.waitFor({ state: 'hidden' });
    await page.goto(`${harness.portal.url}/help`);
    await page.getByText('Dúvidas sobre o uso do portal, de segunda a sexta.').waitFor();

    // "Send a test mail" goes to the SMTP server and says what it answered.
    await page.goto(`${harness.portal.url}/admin/mail`);
    await page.getByRole('textbox', { name: 'Para' }).fill('teste@atende.example');
    await page.getByRole('button', { name: 'Enviar teste' }).click();
    await page.getByText('O servidor SMTP aceitou o e-mail para teste@atende.example.').waitFor();
    await harness.portal.smtp.waitFor('teste@atende.example', (m) => m.subject === 'Atende: e-mail de teste');

    // A mail the SMTP server refused for good is listed with its answer, and goes again on request.
    const at = new Date().toISOString();
    await harness.portal.db
      .insertInto('outbox_mail')
      .values({ to_address: 'recusado@alfa.example', subject: '[#42] Folha de pagamento', html: '<p>x</p>', text: 'x', headers: '{}', status: 'failed', attempts: 1, next_attempt_at: at, created_at: at, failed_at: at, last_error: 'Message failed: 550 mailbox unavailable' })
      .execute();
    await page.getByRole('button', { name: 'Atualizar' }).click();
    const failedRow = page.getByRole('table', { name: 'E-mails com falha' }).getByRole('row').filter({ hasText: 'recusado@alfa.example' });
    await failedRow.getByText('550 mailbox unavailable').waitFor();
    expect(await failedRow.getByText('[#42] Folha de pagamento').count()).toBe(1);
    expect(await axeBlockers(page)).toEqual([]);
    await failedRow.getByRole('button', { name: 'Enviar de novo o e-mail para recusado@alfa.example' }).click();
    await page.getByText('O e-mail para recusado@alfa.example voltou para a fila de envio.').waitFor();
    await harness.portal.smtp.waitFor('recusado@alfa.example', (m) => m.subject === '[#42] Folha de pagamento');
    await page.getByRole('table', { name: 'E-mails com falha' }).waitFor({ state: 'detached' });

    // An invited agent gets the set-password mail; a group takes them in.
    await nav(page, 'Analistas').click();
    await page.getByRole('button', { name: 'Convidar analista' }).click();
    const invite = page.getByRole('dialog', { name: 'Convidar analista' });
    await invite.getByRole('textbox', { name: 'Nome' }).fill('Bruna Analista');
    await invite.getByRole('textbox', { name: 'E-mail' }).fill('bruna@atende.example');
    await invite.getByRole('button', { name: 'Enviar convite' }).click();
    await page.getByRole('row').filter({ hasText: 'bruna@atende.example' }).waitFor();
    await harness.portal.smtp.waitFor('bruna@atende.example', (m) => m.subject === 'Seu acesso ao portal Atende');
    await nav(page, 'Grupos').click();
    await page.getByRole('button', { name: 'Novo grupo' }).click();
    const group = page.getByRole('dialog', { name: 'Novo grupo' });
    await group.getByRole('textbox', { name: 'Nome' }).fill('Suporte RM Nível 2');
    await choose(page, 'Membros', /^Bruna Analista/);
    // Focus elsewhere closes the list of agents, which stays open for more choices.
    await group.getByRole('textbox', { name: 'Nome' }).click();
    await group.getByRole('group', { name: 'Software' }).getByRole('checkbox', { name: 'RM', exact: true }).check();
    await group.getByRole('button', { name: 'Salvar' }).click();
    const groupRow = page.getByRole('row').filter({ hasText: 'Suporte RM Nível 2' });
    await groupRow.getByText('Bruna Analista').waitFor();
    await page.context().close();
  });
});
