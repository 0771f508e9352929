import type { ParsedMail } from 'mailparser';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addressesOf } from '../src/server/test/smtp';
import { portalInBrowser } from './harness';
import { axeBlockers, signIn } from './helpers';

const subject = 'Seu acesso ao portal Atende';

/** The single-use link of an invitation mail. */
function passwordLink(mail: ParsedMail): string {
  const found = /https?:\/\/\S+\/set-password\?token=[\w-]+/.exec(mail.text ?? '');
  if (!found) throw new Error(`no set-password link in: ${mail.text}`);
  return found[0];
}

/** Opens an invitation link and tries to set the password with it. */
async function submitPassword(page: Page, link: string, password: string) {
  await page.goto(link);
  await page.getByRole('heading', { level: 1, name: 'Definir senha' }).waitFor();
  await page.getByLabel('Nova senha', { exact: true }).fill(password);
  await page.getByLabel('Confirme a nova senha').fill(password);
  await page.getByRole('button', { name: 'Salvar senha' }).click();
}

describe('agent invitations', () => {
  const harness = portalInBrowser();

  it('the administrator resends an invitation; only the newest link sets the password; the log names the agent', async () => {
    const { smtp, url } = harness.portal;
    const email = 'rita@atende.example';

    // The system administrator invites an agent, who shows as invited.
    const system = await harness.signedIn('sistema@atende.example');
    await system.getByRole('navigation').getByRole('link', { name: 'Analistas', exact: true }).click();
    await system.getByRole('heading', { level: 1, name: 'Analistas' }).waitFor();
    await system.getByRole('button', { name: 'Convidar analista' }).click();
    const dialog = system.getByRole('dialog', { name: 'Convidar analista' });
    await dialog.getByRole('textbox', { name: 'Nome' }).fill('Rita Rede');
    await dialog.getByRole('textbox', { name: 'E-mail' }).fill(email);
    await dialog.getByRole('button', { name: 'Enviar convite' }).click();
    await system.getByText(`Convite enviado para ${email}.`).waitFor();
    const row = system.getByRole('row').filter({ hasText: email });
    await row.getByText('Convite pendente').waitFor();
    // Checked with the toast shown: its close button is named too.
    await system.getByRole('button', { name: 'Fechar aviso' }).first().waitFor();
    expect(await axeBlockers(system)).toEqual([]);
    const first = await smtp.waitFor(email, (m) => m.subject === subject);

    // The invitation goes again: a new link, by a new mail.
    await row.getByRole('button', { name: 'Ações de Rita Rede' }).click();
    await system.getByRole('menuitem', { name: 'Reenviar convite' }).click();
    await system.getByText(`Novo convite enviado para ${email}. O link anterior deixou de valer.`).waitFor();
    const second = await smtp.waitFor(email, (m) => m !== first && m.subject === subject);
    expect(smtp.mails.filter((m) => addressesOf(m).includes(email))).toHaveLength(2);
    expect(passwordLink(second)).not.toBe(passwordLink(first));

    // The first link no longer works; the newest one does, and the agent signs in.
    const agent = await harness.newPage();
    await submitPassword(agent, passwordLink(first), 'rita-rede-2025');
    await agent.getByText('Este link é inválido, já foi usado ou expirou. Peça um novo.').waitFor();
    await submitPassword(agent, passwordLink(second), 'rita-rede-2025');
    await agent.getByText('Senha definida. Entre com a nova senha.').waitFor();
    await signIn(agent, url, email, 'rita-rede-2025');

    // Active now: nothing left to resend.
    await system.reload();
    await row.getByText('Ativo', { exact: true }).waitFor();
    await row.getByRole('button', { name: 'Ações de Rita Rede' }).click();
    await system.getByRole('menuitem', { name: 'Editar' }).waitFor();
    expect(await system.getByRole('menuitem', { name: 'Reenviar convite' }).count()).toBe(0);
    await system.keyboard.press('Escape');

    // The audit log names the agent, also on the resend, whose row records only the address.
    await system.getByRole('navigation').getByRole('link', { name: 'Auditoria', exact: true }).click();
    await system.getByRole('row').filter({ hasText: 'Convite do analista reenviado' }).getByText('Pessoa: Rita Rede').waitFor();
    await system.getByRole('row').filter({ hasText: 'Analista convidado' }).getByText('Pessoa: Rita Rede').waitFor();
  });
});
