import type { Db } from '../../db/database';

/** Active channels in menu order. */
export function listChannels(db: Db) {
  return db.selectFrom('channel').select(['id', 'key', 'names']).where('active', '=', true).orderBy('position').execute();
}

/**
 * Active service lines a reader may open tickets for: staff see every line; a customer
 * sees the lines their companies are entitled to.
 */
export function listReadableServiceLines(db: Db, reader: { staff: boolean; companyIds: number[] }) {
  let query = db
    .selectFrom('service_line')
    .select(['service_line.id', 'service_line.channel_id', 'service_line.code', 'service_line.name'])
    .where('service_line.active', '=', true)
    .orderBy('service_line.position');
  if (!reader.staff) {
    if (reader.companyIds.length === 0) return Promise.resolve([]);
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('entitlement')
          .select('entitlement.service_line_id')
          .whereRef('entitlement.service_line_id', '=', 'service_line.id')
          .where('entitlement.company_id', 'in', reader.companyIds),
      ),
    );
  }
  return query.execute();
}
