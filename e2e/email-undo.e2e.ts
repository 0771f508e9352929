import type { ParsedMail } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { portalInBrowser } from './harness';
import { axeBlockers, signIn } from './helpers';

/** The link of a path (`undo-email`, `confirm-email`) in a mail. */
function linkIn(mail: ParsedMail, path: string): string {
  const found = new RegExp(`https?://\\S+/${path}\\?token=[\\w-]+`).exec(mail.text ?? '');
  if (!found) throw new Error(`no ${path} link in: ${mail.text}`);
  return found[0];
}

describe('a changed e-mail can be undone by its old address', () => {
  const harness = portalInBrowser();

  it("the portal administrator changes a contact's e-mail; the old address gets the undo mail; the contact follows it and the change is gone", async () => {
    const { smtp, url, db } = harness.portal;
    const contact = await harness.signedIn('contato@alfa.example');

    // The administrator sends Carlos's address to one of their own.
    const admin = await harness.signedIn('admin@alfa.example');
    await admin.getByRole('navigation').getByRole('link', { name: 'Contatos', exact: true }).click();
    await admin.getByRole('button', { name: 'Ações de Carlos Contato' }).click();
    await admin.getByRole('menuitem', { name: 'Editar' }).click();
    const form = admin.getByRole('dialog', { name: 'Editar Carlos Contato' });
    await form.getByText('O endereço atual é avisado e pode desfazer a troca por 7 dias.', { exact: false }).waitFor();
    await form.getByRole('textbox', { name: 'E-mail' }).fill('outro.dono@alfa.example');
    await form.getByRole('button', { name: 'Salvar' }).click();
    const row = admin.getByRole('row').filter({ hasText: 'Carlos Contato' });
    await row.getByText('Novo e-mail aguardando confirmação: outro.dono@alfa.example').waitFor();

    // The old address is told at once, by the local SMTP server, with who asked and a way back.
    const notice = await smtp.waitFor('contato@alfa.example', (m) => m.subject === 'O e-mail da sua conta no Atende vai mudar');
    expect(notice.text).toContain('Ana Administradora pediu que o e-mail da sua conta no portal passe de contato@alfa.example para outro.dono@alfa.example.');
    const undoLink = linkIn(notice, 'undo-email');

    // Whoever holds the new address confirms it: the change takes effect and Carlos's session ends.
    const confirmation = await smtp.waitFor('outro.dono@alfa.example', (m) => m.subject === 'Confirme o seu novo e-mail no Atende');
    const holder = await harness.newPage();
    await holder.goto(linkIn(confirmation, 'confirm-email'));
    await holder.getByRole('button', { name: 'Confirmar e-mail' }).click();
    await holder.getByText('E-mail confirmado. Use o novo endereço para entrar no portal.').waitFor();
    expect((await contact.request.get(`${url}/api/me`)).status()).toBe(401);
    await admin.reload();
    await admin.getByRole('row').filter({ hasText: 'Carlos Contato' }).getByText('outro.dono@alfa.example', { exact: true }).waitFor();

    // Carlos follows the link of the mail sent to his old address.
    const owner = await harness.newPage();
    await owner.goto(undoLink);
    await owner.getByRole('heading', { level: 1, name: 'Desfazer a troca de e-mail' }).waitFor();
    expect(await axeBlockers(owner)).toEqual([]);
    await owner.getByRole('button', { name: 'Desfazer a troca' }).click();
    await owner.getByRole('status').getByText('Troca desfeita.', { exact: false }).waitFor();
    // The link works once.
    await owner.reload();
    await owner.getByRole('button', { name: 'Desfazer a troca' }).click();
    await owner.getByText('Este link é inválido, já foi usado ou expirou', { exact: false }).waitFor();

    // The change is gone: the old address signs in again, the new one does not.
    await signIn(owner, url, 'contato@alfa.example');
    expect((await holder.request.post(`${url}/api/session`, { data: { email: 'outro.dono@alfa.example', password: 'atende-demo' }, headers: { origin: url } })).status()).toBe(401);
    await admin.reload();
    const restored = admin.getByRole('row').filter({ hasText: 'Carlos Contato' });
    await restored.getByText('contato@alfa.example', { exact: true }).waitFor();
    expect(await restored.getByText('Novo e-mail aguardando confirmação', { exact: false }).count()).toBe(0);
    const person = await db.selectFrom('person').select(['email', 'pending_email']).where('name', '=', 'Carlos Contato').executeTakeFirstOrThrow();
    expect(person).toEqual({ email: 'contato@alfa.example', pending_email: null });

    // The company's log has each step.
    await admin.getByRole('navigation').getByRole('link', { name: 'Registro de alterações' }).click();
    for (const step of ['Troca de e-mail pedida', 'Novo e-mail confirmado', 'Troca de e-mail desfeita']) {
      await admin.getByRole('row').filter({ hasText: step }).first().waitFor();
    }
    for (const page of [contact, admin, holder, owner]) await page.context().close();
  });
});
