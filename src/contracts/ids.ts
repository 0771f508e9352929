import { z } from 'zod';

/** The largest row id or ticket number: within PostgreSQL's `integer`, so an absurd one is a 400, not a database error. */
export const maxRowId = 2_000_000_000;

/** A row id in a JSON body. */
export const rowId = z.number().int().positive().max(maxRowId);

/** A row id or ticket number in a path or query string. */
export const rowIdParam = z.coerce.number().int().positive().max(maxRowId);

/** The revision of a record an edit starts from: bounded like a row id, so an absurd one is a 400 naming it. */
export const revisionInput = z.number({ error: 'validation.required' }).int().positive().max(maxRowId);
