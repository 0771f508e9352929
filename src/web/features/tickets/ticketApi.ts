import { conflictBody, type AttachmentView, type TicketView } from '../../../contracts/tickets';
import { errorBody } from '../../../contracts/errors';
import { ApiError } from '../../api/client';
import { currentLanguage, i18n } from '../../app/i18n';

/** One change someone else made since the revision the agent saw (a 409's `changed`). */
export type TicketChangeSeen = { field: string; from: string | null; to: string | null; by: string; at: string };

/** A 409 on a ticket: its state forbids the move, or (with `changed`) the agent's revision was stale. */
export class TicketConflict extends ApiError {
  readonly revision: number | undefined;
  readonly changed: TicketChangeSeen[];

  constructor(message: string, revision: number | undefined, changed: TicketChangeSeen[]) {
    super(409, 'conflict', message);
    this.name = 'TicketConflict';
    this.revision = revision;
    this.changed = changed;
  }
}

const headers = (json: boolean): Record<string, string> => ({
  accept: 'application/json',
  'accept-language': currentLanguage(),
  ...(json ? { 'content-type': 'application/json' } : {}),
});

/** The error a failed answer stands for; a 409 keeps what changed, which the shared client drops. */
function errorOf(status: number, data: unknown): ApiError {
  if (status === 409) {
    const conflict = conflictBody.safeParse(data);
    if (conflict.success) {
      const { message, revision, changed } = conflict.data.error;
      return new TicketConflict(message, revision, changed ?? []);
    }
  }
  const parsed = errorBody.safeParse(data);
  if (parsed.success) {
    const { code, message, fields } = parsed.data.error;
    return new ApiError(status, code, message, fields);
  }
  return new ApiError(status, 'internal', i18n.t('errors.internal'));
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** A write to a ticket that answers with the ticket as the caller now sees it. */
export async function sendTicket(method: 'POST' | 'PATCH', path: string, body: unknown): Promise<TicketView> {
  let response: Response;
  try {
    response = await fetch(path, { method, headers: headers(true), credentials: 'same-origin', body: JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'network', i18n.t('errors.network'));
  }
  const data = parse(await response.text());
  if (!response.ok) throw errorOf(response.status, data);
  return data as TicketView;
}

/** An upload under way: `abort` cancels it, `done` settles with the stored attachment. */
export type Upload = { abort: () => void; done: Promise<AttachmentView> };

/**
 * Uploads one file for the ticket's next reply or note. XMLHttpRequest rather than fetch,
 * because only it reports upload progress.
 */
export function uploadAttachment(ticketNumber: number, file: File, onProgress: (fraction: number) => void): Upload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<AttachmentView>((resolve, reject) => {
    xhr.open('POST', `/api/tickets/${ticketNumber}/attachments`);
    for (const [name, value] of Object.entries(headers(false))) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const data = parse(xhr.responseText);
      if (xhr.status === 201) resolve(data as AttachmentView);
      else reject(errorOf(xhr.status, data));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', i18n.t('errors.network')));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', 'aborted'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { abort: () => xhr.abort(), done };
}
