import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { portalInBrowser } from './harness';

describe('signing in to the portal', () => {
  const harness = portalInBrowser();

  const { newPage } = harness;
  const signInAs = async (page: Page, email: string, password = 'atende-demo') => {
    await page.goto(`${harness.portal.url}/login`);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Senha', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Entrar' }).click();
  };

  it('a demo contact logs in and sees the three channels', async () => {
    const page = await newPage();
    await page.goto(harness.portal.url);
    await page.waitForURL(/\/login/);
    await signInAs(page, 'contato@alfa.example');
    const nav = page.getByRole('navigation');
    for (const channel of ['Software', 'Relacionamento', 'Serviço de Valor Agregado']) {
      await nav.getByRole('link', { name: channel }).waitFor();
    }
    await expect.poll(() => page.getByText('Alfa Indústria Ltda').count()).toBeGreaterThan(0);
    // The home page offers the same channels, for a phone whose menu is folded away.
    await page.getByRole('main').getByRole('link', { name: 'Relacionamento' }).click();
    await page.getByRole('heading', { level: 1, name: 'Relacionamento' }).waitFor();
    await nav.getByRole('link', { name: 'Software' }).click();
    await page.getByRole('heading', { level: 1, name: 'Software' }).waitFor();
    await page.getByText('RM', { exact: true }).waitFor();
    await page.getByText('Protheus', { exact: true }).waitFor();
    expect(await page.getByText('Datasul', { exact: true }).count()).toBe(0);
    await page.context().close();
  });

  it('an agent and a system administrator land on the workspace, a contact on the channels', async () => {
    for (const email of ['analista@atende.example', 'sistema@atende.example']) {
      const page = await newPage();
      await signInAs(page, email);
      await page.waitForURL(/\/workspace\/unassigned$/);
      await page.getByRole('heading', { level: 1, name: 'Não atribuídos' }).waitFor();
      // The home page's address (the name in the header) leads there too.
      await page.getByRole('banner').getByRole('link', { name: 'Atende' }).click();
      await page.waitForURL(/\/workspace\/unassigned$/);
      await page.getByRole('heading', { level: 1, name: 'Não atribuídos' }).waitFor();
      await page.context().close();
    }
    const page = await newPage();
    await signInAs(page, 'contato@alfa.example');
    await page.getByRole('heading', { level: 1, name: 'Olá, Carlos Contato' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('main').getByRole('link', { name: 'Software' }).waitFor();
    await page.context().close();
  });

  it('a wrong password shows the error and no session starts', async () => {
    const page = await newPage();
    await signInAs(page, 'contato@alfa.example', 'not-my-password');
    await page.getByRole('alert').filter({ hasText: 'E-mail ou senha inválidos.' }).waitFor();
    expect(page.url()).toContain('/login');
    await page.context().close();
  });

  it('logout ends the session', async () => {
    const page = await newPage();
    await signInAs(page, 'contato@beta.example');
    await page.getByRole('navigation').getByRole('link', { name: 'Software' }).waitFor();
    await page.getByRole('button', { name: 'Sair' }).click();
    await page.waitForURL(/\/login/);
    await page.goto(`${harness.portal.url}/channels/software`);
    await page.waitForURL(/\/login/);
    const me = await page.request.get(`${harness.portal.url}/api/me`);
    expect(me.status()).toBe(401);
    await page.context().close();
  });

  it('resets a forgotten password through the link that arrives by e-mail', async () => {
    const page = await newPage();
    await page.goto(`${harness.portal.url}/login`);
    await page.getByRole('link', { name: 'Esqueci minha senha' }).click();
    await page.getByLabel('E-mail').fill('admin@beta.example');
    await page.getByRole('button', { name: 'Enviar link' }).click();
    await page.getByText('Se o e-mail tiver acesso ao portal').waitFor();

    const mail = await harness.portal.smtp.waitFor('admin@beta.example');
    expect(mail.subject).toBe('Definir a sua senha do Atende');
    const link = /https?:\/\/\S+\/set-password\?token=\S+/.exec(mail.text ?? '')![0];
    await page.goto(link);
    await page.getByLabel('Nova senha', { exact: true }).fill('beta-new-password');
    await page.getByLabel('Confirme a nova senha').fill('beta-new-password');
    await page.getByRole('button', { name: 'Salvar senha' }).click();
    await page.getByText('Senha definida.').waitFor();

    await signInAs(page, 'admin@beta.example', 'beta-new-password');
    await page.getByRole('navigation').getByRole('link', { name: 'Software' }).waitFor();
    await page.context().close();
  });

  it('remembers the chosen language', async () => {
    const page = await newPage();
    await signInAs(page, 'admin@alfa.example');
    await page.getByRole('navigation').getByRole('link', { name: 'Relacionamento' }).waitFor();
    await page.getByRole('combobox', { name: 'Idioma' }).selectOption({ label: 'English' });
    await page.getByRole('navigation').getByRole('link', { name: 'Relationship' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    // The ticket form's lists come in the chosen language too, environments included.
    await page.getByRole('navigation').getByRole('link', { name: 'Software' }).click();
    await page.getByRole('link', { name: 'Open a ticket — RM' }).click();
    await page.getByRole('combobox', { name: 'Environment' }).click();
    await page.getByRole('option', { name: 'Production' }).waitFor();
    expect(await page.getByRole('option', { name: 'Produção' }).count()).toBe(0);
    await page.context().close();
  });
});
