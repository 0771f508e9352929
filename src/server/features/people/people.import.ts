import { parse } from 'csv-parse/sync';
import { contactInput, type ImportPreview } from '../../../contracts/people';
import { fieldErrors } from '../../../contracts/errors';
import { translate, type Language } from '../../../contracts/i18n';
import { now } from '../../db/columns';
import type { AppContext } from '../../context';
import { invalidFields } from '../../lib/errors';
import type { Actor } from '../auth/auth.actor';
import { audit } from '../audit/audit.service';
import { addNewPerson, administeredCompany, grantableBy } from './people.admin';
import { inviteToCompany } from './people.invitations';

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

/**
 * Checks every row against the same rules as the form, and against who is already in the company's
 * list. An address that already has an account is `new` like any other (its owner is invited to
 * join): the file's author learns nothing about who else uses the portal.
 */
async function analyse(ctx: AppContext, actor: Actor, companyId: number, csv: string, language: Language) {
  const t = (key: string, params?: Record<string, string | number>) => translate(language, key, params);
  const rows = readCsv(csv);
  const grantable = grantableBy(actor, companyId);
  const emails = [...new Set(rows.map((r) => String(r.input.email).trim().toLowerCase()).filter(Boolean))];
  // Who owns each address (as addressOwner in people.email.ts) and who is in the company's list
  // already (as inCompanyList in people.admin.ts), four queries per 500 addresses.
  const owners = new Map<string, { id: string; staff: boolean }>();
  const listed = new Set<string>();
  for (let i = 0; i < emails.length; i += 500) {
    const chunk = emails.slice(i, i + 500);
    const [people, reserved, invited] = await Promise.all([
      ctx.db.selectFrom('person').select(['id', 'email', 'staff_role']).where('email', 'in', chunk).execute(),
      ctx.db
        .selectFrom('email_change')
        .innerJoin('person', 'person.id', 'email_change.person_id')
        .select(['person.id', 'email_change.old_email as email', 'person.staff_role'])
        .where('email_change.old_email', 'in', chunk)
        .where('email_change.status', '=', 'confirmed')
        .where('email_change.undo_token', 'is not', null)
        .where('email_change.undo_expires_at', '>', now())
        .execute(),
      ctx.db.selectFrom('company_invitation').select('email').where('company_id', '=', companyId).where('email', 'in', chunk).where('status', '!=', 'accepted').execute(),
    ]);
    for (const p of [...reserved, ...people]) owners.set(p.email, { id: p.id, staff: Boolean(p.staff_role) });
    for (const { email } of invited) listed.add(email);
    const ids = chunk.flatMap((email) => owners.get(email)?.id ?? []);
    const members = ids.length ? await ctx.db.selectFrom('membership').select('person_id').where('company_id', '=', companyId).where('person_id', 'in', ids).execute() : [];
    const member = new Set(members.map((m) => m.person_id));
    for (const email of chunk) if (member.has(owners.get(email)?.id ?? '')) listed.add(email);
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
      // A system administrator sees the vendor's staff anyway (as in createContact).
      if (owners.get(email)?.staff && actor.staffRole === 'admin') errors.email = t('validation.emailTaken');
    }
    seen.add(email);
    const status: ImportPreview['rows'][number]['status'] = Object.keys(errors).length ? 'error' : listed.has(email) ? 'unchanged' : 'new';
    return { line, name: String(input.name), email, status, errors, data: parsed.success ? parsed.data : undefined, ownerId: owners.get(email)?.id };
  });
}

/** What an import would do, row by row, without writing anything. */
export async function previewImport(ctx: AppContext, actor: Actor, companyId: number, csv: string, language: Language): Promise<ImportPreview> {
  await administeredCompany(ctx.db, actor, companyId);
  const rows = await analyse(ctx, actor, companyId, csv, language);
  const counts = { new: 0, unchanged: 0, error: 0 };
  for (const r of rows) counts[r.status]++;
  return { rows: rows.map(({ line, name, email, status, errors }) => ({ line, name, email, status, errors })), counts };
}

/**
 * Writes the import in one transaction, only when no row has an error. Idempotent by e-mail:
 * people already in the company's list are left as they are; a second run adds nothing.
 */
export async function commitImport(ctx: AppContext, actor: Actor, companyId: number, csv: string, language: Language) {
  const company = await administeredCompany(ctx.db, actor, companyId);
  const rows = await analyse(ctx, actor, companyId, csv, language);
  if (rows.some((r) => r.status === 'error')) throw invalidFields({ csv: 'validation.importHasErrors' });
  const toWrite = rows.filter((r) => r.status === 'new');
  await ctx.db.transaction().execute(async (trx) => {
    for (const row of toWrite) {
      const data = row.data!;
      const typed = { name: data.name, email: data.email, phone: data.phone || null, cpf: data.cpf || null, language: data.language, isPortalAdmin: data.isPortalAdmin, seesAllTickets: data.seesAllTickets, mayRequestConsulting: data.mayRequestConsulting };
      if (row.ownerId) await inviteToCompany(trx, ctx.config, { company, personId: row.ownerId, typed, inviter: actor });
      else await addNewPerson(trx, ctx.config, company, typed);
    }
    await audit(trx, { actorId: actor.id, companyId, action: 'contacts.imported', targetType: 'company', targetId: companyId, after: { created: toWrite.length } });
  });
  return { created: toWrite.length, unchanged: rows.length - toWrite.length };
}
