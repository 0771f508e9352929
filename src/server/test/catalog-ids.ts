import type { Db } from '../db/database';

/** Ids of demo catalog entries by name, for building valid ticket forms in tests. */
export async function demoForm(db: Db, lineCode: string, moduleName?: string) {
  const line = await db.selectFrom('service_line').select('id').where('code', '=', lineCode).executeTakeFirstOrThrow();
  const module = await db
    .selectFrom('module')
    .select('id')
    .where('service_line_id', '=', line.id)
    .$if(moduleName !== undefined, (q) => q.where('name', '=', moduleName!))
    .orderBy('position')
    .executeTakeFirstOrThrow();
  const routine = await db.selectFrom('routine').select('id').where('module_id', '=', module.id).orderBy('position').executeTakeFirstOrThrow();
  const version = await db.selectFrom('version').select('id').where('service_line_id', '=', line.id).orderBy('position').executeTakeFirst();
  const environment = await db.selectFrom('environment').select('id').where('service_line_id', '=', line.id).orderBy('position').executeTakeFirst();
  const byKey = async (table: 'category' | 'origin', key: string) =>
    (await db.selectFrom(table).select('id').where('key', '=', key).executeTakeFirstOrThrow()).id;
  const effects = await db.selectFrom('effect').select(['id', 'urgency']).orderBy('position').execute();
  const fields = {
    serviceLineId: line.id,
    moduleId: module.id,
    routineId: routine.id,
    versionId: version?.id ?? null,
    environmentId: environment?.id ?? null,
    categoryId: await byKey('category', 'service'),
    originId: await byKey('origin', 'production'),
    /** "Processo parado com alternativa de contorno": medium urgency. */
    effectId: effects[2]!.id,
    country: 'BR',
    summary: 'Erro ao calcular a folha de pagamento',
    incident: 'Ao processar a folha de novembro o sistema mostra o erro 500 no cálculo do INSS.',
    additionalEmails: [] as string[],
  };
  return {
    /** A valid ticket form body. */
    fields,
    ...fields,
    category: (key: string) => byKey('category', key),
    origin: (key: string) => byKey('origin', key),
  };
}
