import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentView } from '../../../contracts/tickets';
import { api, ApiError, type Upload } from '../../api/client';

/** The server's limit of files in one reply or note (it answers a field error past it). */
export const maxFilesPerInteraction = 10;

/** A file on its way to (or already on) the server, shown as a chip with its progress. */
export type PendingFile = {
  key: string;
  name: string;
  size: number;
  /** 0 to 1. */
  progress: number;
  status: 'uploading' | 'done' | 'error';
  attachment?: AttachmentView;
  error?: string;
};

let sequence = 0;

/** Uploads one file for the ticket's next reply or note, reporting the fraction sent. */
function uploadAttachment(ticketNumber: number, file: File, onProgress: (fraction: number) => void): Upload<AttachmentView> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload<AttachmentView>('POST', `/api/tickets/${ticketNumber}/attachments`, form, ({ loaded, total }) => {
    if (total > 0) onProgress(loaded / total);
  });
}

/** A clipboard image arrives as "image.png": give it a name that tells pastes apart. */
function named(file: File, pastedName: string): File {
  if (!/^image\.\w+$/.test(file.name)) return file;
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const extension = file.name.split('.').pop();
  return new File([file], `${pastedName}-${stamp}.${extension}`, { type: file.type, lastModified: file.lastModified });
}

/**
 * The attachments of the reply being written: each file uploads at once, on its own, with its
 * progress; a file can be removed before sending (an upload under way is cancelled).
 */
export function useUploads(ticketNumber: number, initial: PendingFile[] = []) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<PendingFile[]>(initial);
  const [limitError, setLimitError] = useState<string | null>(null);
  const aborts = useRef(new Map<string, () => void>());
  const count = useRef(initial.length);

  // Leaving the page cancels what is still uploading.
  useEffect(() => {
    const running = aborts.current;
    return () => running.forEach((abort) => abort());
  }, []);

  const patch = (key: string, change: Partial<PendingFile>) =>
    setFiles((list) => list.map((f) => (f.key === key ? { ...f, ...change } : f)));

  const add = useCallback(
    (incoming: File[]) => {
      const room = maxFilesPerInteraction - count.current;
      const accepted = incoming.slice(0, Math.max(0, room));
      setLimitError(incoming.length > accepted.length ? t('validation.tooManyFiles', { max: maxFilesPerInteraction }) : null);
      count.current += accepted.length;
      for (const raw of accepted) {
        const file = named(raw, t('conversation.composer.pastedName'));
        const key = `f${++sequence}`;
        setFiles((list) => [...list, { key, name: file.name, size: file.size, progress: 0, status: 'uploading' }]);
        const upload = uploadAttachment(ticketNumber, file, (progress) => patch(key, { progress }));
        aborts.current.set(key, upload.abort);
        upload.done
          .then((attachment) => patch(key, { status: 'done', progress: 1, attachment }))
          .catch((error: unknown) => {
            if (error instanceof ApiError && error.code === 'aborted') return;
            patch(key, { status: 'error', error: error instanceof Error ? error.message : t('errors.internal') });
          })
          .finally(() => aborts.current.delete(key));
      }
    },
    [ticketNumber, t],
  );

  const remove = useCallback((key: string) => {
    aborts.current.get(key)?.();
    aborts.current.delete(key);
    count.current = Math.max(0, count.current - 1);
    setLimitError(null);
    setFiles((list) => list.filter((f) => f.key !== key));
  }, []);

  const reset = useCallback(() => {
    aborts.current.forEach((abort) => abort());
    aborts.current.clear();
    count.current = 0;
    setLimitError(null);
    setFiles([]);
  }, []);

  return {
    files,
    add,
    remove,
    reset,
    limitError,
    uploading: files.some((f) => f.status === 'uploading'),
    failed: files.some((f) => f.status === 'error'),
    attachmentIds: files.flatMap((f) => (f.attachment ? [f.attachment.id] : [])),
  };
}
