import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { portalInBrowser } from './harness';
import { axeBlockers, choose, describedBy } from './helpers';

describe('ticket categories in the catalog', () => {
  const harness = portalInBrowser();
  const help = 'No caso de dúvidas sobre o uso do produto no dia a dia.';

  /** RM's ticket form, reached through the menu as a contact does. */
  async function openRmForm(page: Page) {
    await page.getByRole('navigation').getByRole('link', { name: 'Software' }).click();
    await page.getByRole('link', { name: 'Abrir chamado — RM' }).click();
    await page.getByRole('heading', { level: 1, name: 'Abrir chamado — RM' }).waitFor();
  }

  it('the administrator adds a category with its help, and a contact sees both in the ticket form', async () => {
    const admin = await harness.signedIn('sistema@atende.example');
    await admin.getByRole('navigation').getByRole('link', { name: 'Catálogo', exact: true }).click();
    const lists = admin.getByRole('region', { name: 'Listas de todas as linhas' });
    const categories = lists.getByRole('tabpanel', { name: 'Categorias' });
    await lists.getByRole('tab', { name: 'Categorias' }).click();
    await categories.getByText('Consultoria', { exact: true }).waitFor();
    await categories.getByRole('button', { name: 'Nova categoria' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Nova categoria' });
    await dialog.getByRole('group', { name: 'Nome' }).getByRole('textbox', { name: 'Português (Brasil)' }).fill('Treinamento');
    await dialog.getByRole('group', { name: 'Ajuda no formulário' }).getByRole('textbox', { name: 'Português (Brasil)' }).fill(help);
    // Without its key the category is not saved, and the field says why.
    await dialog.getByRole('button', { name: 'Salvar' }).click();
    const key = dialog.getByRole('textbox', { name: 'Chave' });
    await expect.poll(() => describedBy(key)).toContain('Preencha este campo.');
    expect(await axeBlockers(admin)).toEqual([]);
    await key.fill('training');
    await choose(admin, 'Limite de criticidade', 'Baixa');
    await dialog.getByRole('button', { name: 'Salvar' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // Kept: after a reload, listed with its help and cap.
    await admin.reload();
    await lists.getByRole('tab', { name: 'Categorias' }).click();
    await categories.getByText(help).waitFor();
    await categories.getByText('limita a Baixa').waitFor();
    expect(await axeBlockers(admin)).toEqual([]);

    // The contact finds it among the categories, its help beside it, and its cap in the criticality.
    const contact = await harness.signedIn('contato@alfa.example');
    await openRmForm(contact);
    const category = contact.getByRole('combobox', { name: 'Categoria' });
    await category.click();
    const option = contact.getByRole('option', { name: /^Treinamento/ });
    expect(await option.textContent()).toContain(help);
    await option.click();
    expect(await describedBy(category)).toContain(help);
    await choose(contact, 'Origem', /^Cliente em produção/);
    await choose(contact, 'Efeito', 'Sistema parado');
    const criticality = contact.getByRole('status', { name: 'Criticidade' });
    await criticality.getByText('Baixa', { exact: true }).waitFor();

    // Deactivated, it leaves the form.
    await admin.getByRole('button', { name: 'Desativar Treinamento' }).click();
    await admin.getByRole('dialog', { name: 'Desativar Treinamento?' }).getByRole('button', { name: 'Desativar' }).click();
    await admin.getByRole('button', { name: 'Reativar Treinamento' }).waitFor();
    await contact.reload();
    await contact.getByRole('heading', { level: 1, name: 'Abrir chamado — RM' }).waitFor();
    await category.click();
    await contact.getByRole('option', { name: /^Não-conformidade/ }).waitFor();
    expect(await contact.getByRole('option', { name: /^Treinamento/ }).count()).toBe(0);
    await admin.context().close();
    await contact.context().close();
  });
});
