import { z } from 'zod';
import { maxRowId } from './ids';

/** What someone on a ticket's page is doing, as their page announces it. */
export const activities = ['viewing', 'typing', 'left'] as const;
export type Activity = (typeof activities)[number];

export const presenceInput = z.object({ activity: z.enum(activities, { error: 'validation.notInList' }) });

/** Someone else on a ticket's page: a colleague, or the customer (only the vendor's staff see who). */
export const viewerView = z.object({ id: z.string(), name: z.string(), side: z.enum(['agent', 'customer']), typing: z.boolean() });
export type ViewerView = z.infer<typeof viewerView>;
export const presenceView = z.object({ viewers: z.array(viewerView) });

/**
 * The events of `GET /api/live` (text/event-stream), each `event: <name>` with JSON data:
 * - `ready` `{}`: the stream is open; read everything afresh (events may have been missed before);
 * - `ticket` `{ number, revision }`: a ticket the reader may read changed; `{ number, gone: true }`: it
 *   left the reader's groups;
 * - `presence` `{ number, person: { id, name, side }, activity }` (staff only);
 * - `notification` `{ unread }`: the reader's unread notifications;
 * - `resync` `{}`: events may have been missed; read everything afresh.
 */
export type LiveEvents = {
  ready: Record<string, never>;
  ticket: { number: number; revision?: number; gone?: true };
  presence: { number: number; person: { id: string; name: string; side: 'agent' | 'customer' }; activity: Activity };
  notification: { unread: number };
  resync: Record<string, never>;
};

export const notificationKinds = ['assigned', 'mentioned', 'customer_replied'] as const;
/** SLA warnings and breaches (features/sla): always mailed too, as escalations are. */
export const slaNotificationKinds = ['sla_warning', 'sla_breach'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const notificationView = z.object({
  id: z.number(),
  kind: z.enum([...notificationKinds, ...slaNotificationKinds]),
  ticket: z.object({ number: z.number(), summary: z.string() }),
  /** null: Atende itself (an automatic assignment). */
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type NotificationView = z.infer<typeof notificationView>;

export const notificationListQuery = z.object({
  /** Only those older than this notification (the next page). */
  before: z.coerce.number().int().positive().max(maxRowId).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const notificationList = z.object({ notifications: z.array(notificationView), unread: z.number(), nextBefore: z.number().nullable() });

/** Marks some notifications read, or all of them. */
export const notificationsReadInput = z.object({
  ids: z.array(z.number().int().positive().max(maxRowId)).max(100).default([]),
  all: z.boolean().default(false),
});
export const unreadView = z.object({ unread: z.number() });

/** Which notifications also come by mail (all do unless turned off). */
export const notificationPreferences = z.object({ mail: z.object({ assigned: z.boolean(), mentioned: z.boolean(), customer_replied: z.boolean() }) });
export type NotificationPreferences = z.infer<typeof notificationPreferences>;
