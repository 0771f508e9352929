import { errorBody } from '../../../contracts/errors';
import { ApiError } from '../../api/client';
import { currentLanguage, i18n } from '../../app/i18n';

/** How much of a request body has gone out. */
export type UploadProgress = { loaded: number; total: number };

/**
 * A JSON request through XMLHttpRequest, for what `api` does not offer: PUT, and uploads whose
 * progress a page shows (fetch cannot report how much of a request body has been sent).
 * Errors are the same ApiError as `api`'s, so formErrors() and the 401 handling apply.
 */
export function send<T>(method: 'POST' | 'PUT', path: string, body: unknown, onUploadProgress?: (progress: UploadProgress) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', currentLanguage());
    xhr.setRequestHeader('content-type', 'application/json');
    if (onUploadProgress) {
      xhr.upload.onprogress = (event) => onUploadProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : 0 });
    }
    xhr.onerror = () => reject(new ApiError(0, 'network', i18n.t('errors.network')));
    xhr.onload = () => {
      const data = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as T);
      const parsed = errorBody.safeParse(data);
      if (parsed.success) {
        const { code, message, fields } = parsed.data.error;
        return reject(new ApiError(xhr.status, code, message, fields));
      }
      reject(new ApiError(xhr.status, 'internal', i18n.t('errors.internal')));
    };
    xhr.send(JSON.stringify(body));
  });
}

function parse(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** PUT with a JSON body (the shared client has no PUT). */
export const put = <T>(path: string, body: unknown) => send<T>('PUT', path, body);
