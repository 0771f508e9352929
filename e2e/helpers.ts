import AxeBuilder from '@axe-core/playwright';
import type { ParsedMail } from 'mailparser';
import type { Locator, Page } from 'playwright-core';
import type { ServiceLineForm } from '../src/contracts/catalog';

/** Signs in through the login page and waits for the signed-in shell. */
export async function signIn(page: Page, url: string, email: string, password = 'atende-demo') {
  await page.goto(`${url}/login`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Senha', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Meus chamados' }).waitFor();
}

/** Picks an option of a Mantine Select (a combobox named by its label). */
export async function choose(page: Page, field: string, option: string | RegExp, search?: string) {
  const input = page.getByRole('combobox', { name: field });
  await input.click();
  if (search !== undefined) await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

/** The texts an input points to with aria-describedby: its help and its error message. */
export async function describedBy(input: Locator): Promise<string> {
  return input.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' | '),
  );
}

/** Calls the JSON API from inside the page, with its session cookie and origin. */
export async function apiFrom<T>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ([m, p, b]) => {
      const response = await fetch(p as string, {
        method: m as string,
        headers: b === undefined ? {} : { 'content-type': 'application/json' },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      return { status: response.status, body: (await response.json()) as T };
    },
    [method, path, body] as const,
  );
}

/**
 * axe-core's serious and critical violations on the page, once it has settled: colour contrast
 * measured halfway through a fade-in would be wrong. The page must come from browser.newContext().
 */
export async function axeBlockers(page: Page): Promise<string[]> {
  // The pointer rests where the last click left it; a hovered entry is not what is being checked.
  await page.mouse.move(0, 0);
  // Endless animations (spinners) never settle; only transitions that end are waited for.
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The ticket form of the service line with this code, as the person signed in on `page` sees it. */
export async function serviceLineForm(page: Page, code: string): Promise<ServiceLineForm> {
  const channels = await apiFrom<{ channels: { serviceLines: { id: number; code: string }[] }[] }>(page, 'GET', '/api/channels');
  const lineId = channels.body.channels.flatMap((c) => c.serviceLines).find((l) => l.code === code)!.id;
  return (await apiFrom<ServiceLineForm>(page, 'GET', `/api/service-lines/${lineId}/form`)).body;
}

/** A ticket the form accepts: the first entry of each list, unless `fields` says otherwise. */
export function ticketInput(form: ServiceLineForm, fields: { summary: string; incident: string } & Record<string, unknown>) {
  const module = form.modules[0]!;
  return {
    serviceLineId: form.serviceLine.id,
    country: 'BR',
    categoryId: form.categories[0]!.id,
    originId: form.origins[0]!.id,
    effectId: form.effects[0]!.id,
    moduleId: module.id,
    routineId: module.routines[0]!.id,
    versionId: form.versions[0]?.id,
    environmentId: form.environments[0]?.id,
    ...fields,
  };
}

/** The single-use link of an invitation mail. */
export function passwordLink(mail: ParsedMail): string {
  const found = /https?:\/\/\S+\/set-password\?token=[\w-]+/.exec(mail.text ?? '');
  if (!found) throw new Error(`no set-password link in: ${mail.text}`);
  return found[0];
}

/** Opens an invitation link and sets the password, as the invited person does. */
export async function acceptInvitation(page: Page, link: string, password: string) {
  await page.goto(link);
  await page.getByRole('heading', { level: 1, name: 'Definir senha' }).waitFor();
  await page.getByLabel('Nova senha', { exact: true }).fill(password);
  await page.getByLabel('Confirme a nova senha').fill(password);
  await page.getByRole('button', { name: 'Salvar senha' }).click();
  await page.getByText('Senha definida. Entre com a nova senha.').waitFor();
}
