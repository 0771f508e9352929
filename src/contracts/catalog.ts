import { z } from 'zod';

export const channelKeys = ['software', 'relationship', 'value_added'] as const;
export type ChannelKey = (typeof channelKeys)[number];

export const serviceLineView = z.object({ id: z.number(), code: z.string(), name: z.string() });

/** A channel of the left menu with the service lines the caller may open tickets for. */
export const channelView = z.object({
  key: z.string(),
  name: z.string(),
  serviceLines: z.array(serviceLineView),
});
export type ChannelView = z.infer<typeof channelView>;
export const channelList = z.object({ channels: z.array(channelView) });
