import { now } from '../db/columns';
import type { Db } from '../db/database';
import type { StaffRole } from '../../contracts/auth';
import { createPerson, setPersonPassword } from '../features/people/people.service';
import fs from 'node:fs';
import { seedSlaDemo } from './demo.sla';
import { demoChannels, demoCompanies, demoEffects, demoHelpChannels, demoPassword } from './demo.catalog';

export type DemoAccount = { email: string; role: string };

/** Seeds the demo data; running it again changes nothing. Returns the demo accounts. */
export async function seedDemo(db: Db): Promise<DemoAccount[]> {
  return db.transaction().execute(async (trx) => {
    const tx = Object.assign(trx, { dialectName: db.dialectName });
    const lineIds = await seedCatalog(tx);
    const accounts: DemoAccount[] = [];

    const person = async (name: string, email: string, role: string, staffRole: StaffRole | null = null) => {
      const found = await tx.selectFrom('person').select('id').where('email', '=', email).executeTakeFirst();
      const id = found?.id ?? (await createPerson(tx, { name, email, staffRole }));
      if (!found) await setPersonPassword(tx, id, demoPassword);
      accounts.push({ email, role });
      return id;
    };

    await person('Sílvia Sistema', 'sistema@atende.example', 'system administrator', 'admin');
    const agentId = await person('André Analista', 'analista@atende.example', 'agent', 'agent');

    for (const c of demoCompanies) {
      const existing = await tx.selectFrom('company').select('id').where('cnpj', '=', c.cnpj).executeTakeFirst();
      const companyId =
        existing?.id ??
        (
          await tx
            .insertInto('company')
            .values({ name: c.name, cnpj: c.cnpj, country: c.country, active: true, created_at: now(), updated_at: now() })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      for (const code of c.lines) {
        await tx
          .insertInto('entitlement')
          .values({ company_id: companyId, service_line_id: lineIds.get(code)! })
          .onConflict((oc) => oc.columns(['company_id', 'service_line_id']).doNothing())
          .execute();
      }
      const member = async (personId: string, isPortalAdmin: boolean) =>
        tx
          .insertInto('membership')
          .values({
            person_id: personId,
            company_id: companyId,
            is_portal_admin: isPortalAdmin,
            sees_all_tickets: isPortalAdmin,
            may_request_consulting: isPortalAdmin,
            created_at: now(),
          })
          .onConflict((oc) => oc.columns(['person_id', 'company_id']).doNothing())
          .execute();
      await member(await person(c.admin.name, c.admin.email, `portal administrator, ${c.name}`), true);
      await member(await person(c.contact.name, c.contact.email, `contact, ${c.name}`), false);
    }

    for (const [code, lineId] of lineIds) {
      const name = `Suporte ${code}`;
      await tx.insertInto('agent_group').values({ name, active: true, created_at: now() }).onConflict((oc) => oc.column('name').doNothing()).execute();
      const group = await tx.selectFrom('agent_group').select('id').where('name', '=', name).executeTakeFirstOrThrow();
      await tx
        .insertInto('group_member')
        .values({ group_id: group.id, person_id: agentId })
        .onConflict((oc) => oc.columns(['group_id', 'person_id']).doNothing())
        .execute();
      await tx
        .insertInto('group_service_line')
        .values({ group_id: group.id, service_line_id: lineId })
        .onConflict((oc) => oc.columns(['group_id', 'service_line_id']).doNothing())
        .execute();
    }
    await seedHelp(tx);
    await seedSlaDemo(tx);
    return accounts;
  });
}

/** The guide's help channels, and the guide itself as the first help article. */
async function seedHelp(db: Db) {
  const existing = await db.selectFrom('help_channel').select('id').executeTakeFirst();
  if (!existing) {
    for (const [position, c] of demoHelpChannels.entries()) {
      await db
        .insertInto('help_channel')
        .values({ names: JSON.stringify(c.names), descriptions: JSON.stringify(c.descriptions), phone: c.phone, option: c.option, url: null, position, active: true })
        .execute();
    }
  }
  const guide = fs.readFileSync(new URL('./portal-guide.pt-BR.txt', import.meta.url), 'utf8');
  await db
    .insertInto('help_article')
    .values({
      slug: 'guia-do-portal',
      titles: JSON.stringify({
        'pt-BR': 'Dicas e soluções para abertura de chamados no portal',
        en: 'Tips for opening tickets in the portal (in Portuguese)',
        es: 'Consejos para abrir tickets en el portal (en portugués)',
      }),
      body: guide,
      language: 'pt-BR',
      position: 0,
      active: true,
    })
    .onConflict((oc) => oc.column('slug').doNothing())
    .execute();
}

/** Channels, service lines and their lists, effects; returns service line ids by code. */
async function seedCatalog(db: Db): Promise<Map<string, number>> {
  const lineIds = new Map<string, number>();
  for (const [channelPosition, channel] of demoChannels.entries()) {
    await db
      .insertInto('channel')
      .values({ key: channel.key, names: JSON.stringify(channel.names), position: channelPosition, active: true })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const { id: channelId } = await db.selectFrom('channel').select('id').where('key', '=', channel.key).executeTakeFirstOrThrow();
    for (const [position, line] of channel.lines.entries()) {
      await db
        .insertInto('service_line')
        .values({ channel_id: channelId, code: line.code, name: line.name, position, active: true })
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
      const { id: lineId } = await db.selectFrom('service_line').select('id').where('code', '=', line.code).executeTakeFirstOrThrow();
      lineIds.set(line.code, lineId);
      for (const [p, names] of line.environments.entries()) {
        await db
          .insertInto('environment')
          .values({ service_line_id: lineId, name: names['pt-BR'], names: JSON.stringify(names), position: p, active: true })
          .onConflict((oc) => oc.columns(['service_line_id', 'name']).doNothing())
          .execute();
      }
      for (const [table, names] of [
        ['version', line.versions],
        ['module', Object.keys(line.modules)],
      ] as const) {
        for (const [p, name] of names.entries()) {
          await db
            .insertInto(table)
            .values({ service_line_id: lineId, name, position: p, active: true })
            .onConflict((oc) => oc.columns(['service_line_id', 'name']).doNothing())
            .execute();
        }
      }
      for (const [moduleName, routines] of Object.entries(line.modules)) {
        const { id: moduleId } = await db
          .selectFrom('module')
          .select('id')
          .where('service_line_id', '=', lineId)
          .where('name', '=', moduleName)
          .executeTakeFirstOrThrow();
        for (const [p, name] of routines.entries()) {
          await db
            .insertInto('routine')
            .values({ module_id: moduleId, name, position: p, active: true })
            .onConflict((oc) => oc.columns(['module_id', 'name']).doNothing())
            .execute();
        }
      }
    }
  }
  const effectCount = await db.selectFrom('effect').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(effectCount.n) === 0) {
    for (const [position, effect] of demoEffects.entries()) {
      await db.insertInto('effect').values({ names: JSON.stringify(effect.names), urgency: effect.urgency, position, active: true }).execute();
    }
  }
  return lineIds;
}
