import { describe, expect, it } from 'vitest';
import { portalInBrowser } from './harness';

describe('importing contacts from a CSV', () => {
  const harness = portalInBrowser();

  const rows = 5_000;
  const header = 'nome;email;telefone;cpf;ve_todos;consultoria;administrador';
  /** 5,000 people; `bad` replaces some rows with broken ones. */
  const csv = (bad: Record<number, string> = {}) => {
    const lines = [header];
    for (let i = 1; i <= rows; i++) lines.push(bad[i] ?? `Pessoa ${i};pessoa${i}@import.example;(11) 3000-${String(i).padStart(4, '0')};;${i % 2 ? 'sim' : 'não'};não;não`);
    return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
  };

  it('previews 5,000 rows with the bad ones explained, then imports the corrected file once', async () => {
    const page = await harness.signedIn('admin@alfa.example');
    await page.getByRole('navigation').getByRole('link', { name: 'Importar contatos' }).click();
    await page.getByRole('heading', { level: 1, name: 'Importar contatos' }).waitFor();
    const file = page.locator('input[type=file]');

    // Line numbers count the header: data row 10 is line 11.
    await file.setInputFiles({
      name: 'contatos.csv',
      mimeType: 'text/csv',
      buffer: csv({
        10: 'Pessoa 10;pessoa10-sem-arroba;;;não;não;não',
        20: 'Pessoa 20;pessoa20@import.example;;123.456.789-00;não;não;não',
        30: 'Pessoa 30 de novo;pessoa1@import.example;;;não;não;não',
        40: ';pessoa40@import.example;;;não;não;não',
      }),
    });
    await page.getByRole('heading', { level: 2, name: 'Conferência: 5.000 linhas' }).waitFor({ timeout: 30_000 });
    await page.getByText('4 linhas com erro. Corrija a planilha e escolha o arquivo de novo: nada foi gravado.').waitFor();
    // The preview opens on the rows with errors, each with its message.
    const table = page.getByRole('table', { name: 'Conferência: 5.000 linhas' });
    expect(await table.getByRole('row').count()).toBe(5);
    for (const [line, message] of [
      ['11', 'Informe um e-mail válido.'],
      ['21', 'Informe um CPF válido.'],
      ['31', 'Este e-mail aparece mais de uma vez no arquivo.'],
      ['41', 'Preencha este campo.'],
    ]) {
      const row = table.getByRole('row').filter({ has: page.getByRole('cell', { name: line, exact: true }) });
      expect(await row.textContent(), line).toContain(message);
    }
    expect(await page.getByRole('button', { name: 'Importar 4.996 contatos' }).isDisabled()).toBe(true);
    // All rows, a page at a time.
    await page.getByText('Todas (5.000)').click();
    await page.getByText('Página 1 de 100').waitFor();
    expect(await table.getByRole('row').count()).toBe(51);
    await page.getByRole('button', { name: 'Última página' }).click();
    await table.getByRole('cell', { name: 'pessoa5000@import.example' }).waitFor();

    // The corrected file: 5,000 new contacts, imported in one go.
    await file.setInputFiles({ name: 'contatos-corrigidos.csv', mimeType: 'text/csv', buffer: csv() });
    await page.getByText('Tudo certo: 5.000 contatos para importar. Cada pessoa nova recebe um convite por e-mail.').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Importar 5.000 contatos' }).click();
    await page.getByText('Importação concluída').waitFor({ timeout: 90_000 });
    await page.getByText('5.000 contatos novos criados').waitFor();
    // Every new person was invited. The 5,000 deliveries are not this test's subject: they are
    // marked done, so that the portal's mail worker neither slows the next steps nor, draining its
    // queue on close, the end of the test.
    const invitations = await harness.portal.db
      .selectFrom('outbox_mail')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('subject', '=', 'Seu acesso ao portal Atende')
      .where('to_address', 'like', 'pessoa%@import.example')
      .executeTakeFirstOrThrow();
    expect(Number(invitations.n)).toBe(rows);
    await harness.portal.db.updateTable('outbox_mail').set({ status: 'sent' }).where('status', '=', 'pending').execute();

    // Idempotent by e-mail: the same file again changes nothing.
    await page.getByRole('button', { name: 'Importar outro arquivo' }).click();
    await file.setInputFiles({ name: 'contatos-corrigidos.csv', mimeType: 'text/csv', buffer: csv() });
    await page.getByText('Todas as pessoas do arquivo já são contatos da empresa: não há o que importar.').waitFor({ timeout: 30_000 });

    // The people are there, with the rights the file gave them.
    await page.getByRole('navigation').getByRole('link', { name: 'Contatos', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Contatos' }).waitFor();
    await page.getByRole('searchbox', { name: 'Buscar' }).fill('pessoa4999@import.example');
    const row = page.getByRole('row').filter({ hasText: 'pessoa4999@import.example' });
    await row.getByText('Vê todos').waitFor();
    await row.getByText('Convite pendente').waitFor();
    await page.context().close();
  }, 180_000);
});
