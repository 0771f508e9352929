import { parse } from 'csv-parse/sync';
import { contactInput, type ImportPreview } from '../../../contracts/people';
import { fieldErrors } from '../../../contracts/errors';
import { translate, type Language } from '../../../contracts/i18n';
import { now } from '../../db/columns';
import type { AppContext } from '../../context';
import { invalidFields } from '../../lib/errors';
import type { Actor } from '../auth/auth.actor';
import { invite } from '../auth/auth.mails';
import { audit } from '../audit/audit.service';
import { administeredCompany, grantableBy } from './people.admin';
import { createPerson } from './people.service';

export const maxImportRows = 10_000;

/** Header names accepted for each column, in Portuguese, English and Spanish. */
const headers: Record<string, string> = {
  nome: 'name', name: 'name', nombre: 'name',
  email: 'email', 'e-mail': 'email', correo: 'email',
  telefone: 'phone', phone: 'phone', telefono: 'phone', 'teléfono': 'phone',
  cpf: 'cpf',
  idioma: 'language', language: 'language',
  administrador: 'isPortalAdmin', admin: 'isPortalAdmin',
  ve_todos: 'seesAllTickets', 'vê todos': 'seesAllTickets', sees_all: 'seesAllTickets', ver_todos: 'seesAllTickets',
  consultoria: 'mayRequestConsulting', consulting: 'mayRequestConsulting',
};
const yes = new Set(['sim', 's', 'yes', 'y', 'sí', 'si', 'true', '1', 'x']);
const no = new Set(['', 'não', 'nao', 'n', 'no', 'false', '0']);
const permissionColumns = ['isPortalAdmin', 'seesAllTickets', 'mayRequestConsulting'] as const;

/** The permission columns' values; a word that is neither yes nor no is named, never read as "no". */
type Parsed = { line: number; input: Record<string, unknown>; unclear: string[] };

/** Reads the CSV (comma or semicolon, as spreadsheets in Brazil save it) into raw rows. */
function readCsv(csv: string): Parsed[] {
  const firstLine = csv.slice(0, csv.indexOf('\n') >>> 0);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: Record<string, string>[];
  try {
    records = parse(csv, {
      delimiter,
      bom: true,
      columns: (names: string[]) => names.map((n) => headers[n.trim().toLowerCase()] ?? `ignored:${n}`),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    });
  } catch {
    throw invalidFields({ csv: 'validation.csv' });
  }
  if (records.length > maxImportRows) throw invalidFields({ csv: { key: 'validation.tooManyRows', params: { max: maxImportRows } } });
  return records.map((r, i) => {
    const cell = (column: (typeof permissionColumns)[number]) => (r[column] ?? '').toLowerCase();
    return {
      line: i + 2,
      input: {
        name: r.name ?? '',
        email: r.email ?? '',
        ...(r.phone ? { phone: r.phone } : {}),
        ...(r.cpf ? { cpf: r.cpf } : {}),
        ...(r.language ? { language: r.language } : {}),
        ...Object.fromEntries(permissionColumns.map((column) => [column, yes.has(cell(column))])),
      },
      unclear: permissionColumns.filter((column) => !yes.has(cell(column)) && !no.has(cell(column))),
    };
  });
}

/** Checks every row against the same rules as the form, and against who is already there. */
async function analyse(ctx: AppContext, actor: Actor, companyId: number, csv: string, language: Language) {
  const t = (key: string, params?: Record<string, string | number>) => translate(language, key, params);
  const rows = readCsv(csv);
  const grantable = grantableBy(actor, companyId);
  const emails = rows.map((r) => String(r.input.email).trim().toLowerCase()).filter(Boolean);
  const known = new Map<string, { id: string; staff: boolean; member: boolean }>();
  for (let i = 0; i < emails.length; i += 500) {
    const found = await ctx.db
      .selectFrom('person')
      .leftJoin('membership', (j) => j.onRef('membership.person_id', '=', 'person.id').on('membership.company_id', '=', companyId))
      .select(['person.id', 'person.email', 'person.staff_role', 'membership.company_id'])
      .where('person.email', 'in', emails.slice(i, i + 500))
      .execute();
    for (const p of found) known.set(p.email, { id: p.id, staff: Boolean(p.staff_role), member: p.company_id !== null });
  }
  const seen = new Set<string>();
  return rows.map(({ line, input, unclear }) => {
    const parsed = contactInput.safeParse(input);
    const errors: Record<string, string> = parsed.success ? {} : fieldErrors(parsed.error, t);
    for (const column of unclear) errors[column] = t('validation.yesOrNo');
    const email = parsed.success ? parsed.data.email : String(input.email);
    if (parsed.success) {
      if (seen.has(email)) errors.email = t('validation.duplicateInFile');
      for (const key of ['isPortalAdmin', 'seesAllTickets', 'mayRequestConsulting'] as const) {
        if (parsed.data[key] && !grantable[key]) errors[key] = t('validation.cannotGrant');
      }
      if (known.get(email)?.staff) errors.email = t('validation.emailTaken');
    }
    seen.add(email);
    const person = known.get(email);
    const status = Object.keys(errors).length ? 'error' : person?.member ? 'unchanged' : person ? 'add' : 'new';
    return { line, name: String(input.name), email, status, errors, data: parsed.success ? parsed.data : undefined, personId: person?.id };
  });
}

/** What an import would do, row by row, without writing anything. */
export async function previewImport(ctx: AppContext, actor: Actor, companyId: number, csv: string, language: Language): Promise<ImportPreview> {
  await administeredCompany(ctx.db, actor, companyId);
  const rows = await analyse(ctx, actor, companyId, csv, language);
  const counts = { new: 0, add: 0, unchanged: 0, error: 0 };
  for (const r of rows) counts[r.status as keyof typeof counts]++;
  return { rows: rows.map(({ line, name, email, status, errors }) => ({ line, name, email, status: status as ImportPreview['rows'][number]['status'], errors })), counts };
}

/**
 * Writes the import in one transaction, only when no row has an error. Idempotent by e-mail:
 * people already in the company are left as they are; a second run adds nothing.
 */
export async function commitImport(ctx: AppContext, actor: Actor, companyId: number, csv: string, language: Language) {
  const company = await administeredCompany(ctx.db, actor, companyId);
  const rows = await analyse(ctx, actor, companyId, csv, language);
  if (rows.some((r) => r.status === 'error')) throw invalidFields({ csv: 'validation.importHasErrors' });
  const toWrite = rows.filter((r) => r.status === 'new' || r.status === 'add');
  await ctx.db.transaction().execute(async (trx) => {
    for (const row of toWrite) {
      const data = row.data!;
      const personId =
        row.personId ?? (await createPerson(trx, { name: data.name, email: data.email, phone: data.phone || null, cpf: data.cpf || null, language: data.language }));
      await trx
        .insertInto('membership')
        .values({
          person_id: personId,
          company_id: companyId,
          is_portal_admin: data.isPortalAdmin,
          sees_all_tickets: data.seesAllTickets,
          may_request_consulting: data.mayRequestConsulting,
          active: true,
          created_at: now(),
        })
        .execute();
      if (!row.personId) await invite(trx, ctx.config, personId, company.name);
    }
    await audit(trx, {
      actorId: actor.id,
      companyId,
      action: 'contacts.imported',
      targetType: 'company',
      targetId: companyId,
      after: { created: toWrite.filter((r) => r.status === 'new').length, added: toWrite.filter((r) => r.status === 'add').length },
    });
  });
  return { created: toWrite.filter((r) => r.status === 'new').length, added: toWrite.filter((r) => r.status === 'add').length, unchanged: rows.length - toWrite.length };
}
