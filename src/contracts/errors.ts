import { z } from 'zod';

/** Every error answer of the API has this body. */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

/** A 409: the record's state forbids the move; for a stale update, also what changed since the revision seen. */
export const conflictBody = z.object({
  error: z.object({
    code: z.literal('conflict'),
    message: z.string(),
    revision: z.number().optional(),
    changed: z.array(z.object({ field: z.string(), from: z.string().nullable(), to: z.string().nullable(), by: z.string(), at: z.string() })).optional(),
  }),
});

export type ErrorCode =
  | 'validation'
  | 'bad_request'
  | 'unauthorized'
  | 'invalid_credentials'
  | 'forbidden'
  | 'csrf'
  | 'not_found'
  | 'conflict'
  | 'invalid_token'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'too_many_requests'
  | 'internal'
  | 'unavailable';

// The browser turns zod issues into sentences without loading this file's schemas (ui/forms.ts).
export { fieldErrors, issueMessage } from './issues';
