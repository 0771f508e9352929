import { conflictBody, type AttachmentView, type TicketView } from '../../../contracts/tickets';
import { api, ApiError, upload, type Upload } from '../../api/client';

/** One change someone else made since the revision the agent saw (a 409's `changed`). */
export type TicketChangeSeen = { field: string; from: string | null; to: string | null; by: string; at: string };

/** A 409 on a ticket: its state forbids the move, or (with `changed`) the agent's revision was stale. */
export class TicketConflict extends ApiError {
  readonly revision: number | undefined;
  readonly changed: TicketChangeSeen[];

  constructor(error: ApiError, revision: number | undefined, changed: TicketChangeSeen[]) {
    super(409, error.code, error.message, error.fields, error.details);
    this.name = 'TicketConflict';
    this.revision = revision;
    this.changed = changed;
  }
}

/** A 409 from the shared client as a TicketConflict, when it is one; any other error as it came. */
function asTicketConflict(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.status !== 409) return error;
  const conflict = conflictBody.safeParse({ error: error.details });
  if (!conflict.success) return error;
  const { revision, changed } = conflict.data.error;
  return new TicketConflict(error, revision, changed ?? []);
}

/** A write to a ticket that answers with the ticket as the caller now sees it. */
export async function sendTicket(method: 'POST' | 'PATCH', path: string, body: unknown): Promise<TicketView> {
  try {
    return await (method === 'POST' ? api.post<TicketView>(path, body) : api.patch<TicketView>(path, body));
  } catch (error) {
    throw asTicketConflict(error);
  }
}

/** Uploads one file for the ticket's next reply or note, reporting the fraction sent. */
export function uploadAttachment(ticketNumber: number, file: File, onProgress: (fraction: number) => void): Upload<AttachmentView> {
  const form = new FormData();
  form.append('file', file, file.name);
  return upload<AttachmentView>('POST', `/api/tickets/${ticketNumber}/attachments`, form, ({ loaded, total }) => {
    if (total > 0) onProgress(loaded / total);
  });
}
