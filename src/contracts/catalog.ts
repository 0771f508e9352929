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

const named = z.object({ id: z.number(), name: z.string() });
const grade = z.enum(['high', 'medium', 'low']);
const level = z.enum(['critical', 'high', 'medium', 'low', 'planning']);

/** What the ticket form of one service line offers; an empty list means the field is hidden. */
export const serviceLineForm = z.object({
  serviceLine: z.object({ id: z.number(), code: z.string(), name: z.string(), channelKey: z.string(), channelName: z.string() }),
  modules: z.array(named.extend({ routines: z.array(named) })),
  versions: z.array(named),
  environments: z.array(named),
  categories: z.array(named.extend({ key: z.string(), help: z.string(), cap: level.nullable(), needsConsultingRight: z.boolean() })),
  origins: z.array(named.extend({ help: z.string(), impact: grade })),
  effects: z.array(named.extend({ urgency: grade })),
  /** impact → urgency → level */
  matrix: z.record(grade, z.record(grade, level)),
  /** The caller's companies entitled to this line, with their country and rights (empty for agents). */
  companies: z.array(named.extend({ country: z.string(), mayRequestConsulting: z.boolean() })),
  /** Agents open on behalf of a customer. */
  canOpenOnBehalf: z.boolean(),
});
export type ServiceLineForm = z.infer<typeof serviceLineForm>;

export const companyOption = named.extend({ country: z.string() });
export const companyOptions = z.object({ companies: z.array(companyOption) });
export const contactOption = z.object({ id: z.string(), name: z.string(), email: z.string(), mayRequestConsulting: z.boolean() });
export const contactOptions = z.object({ contacts: z.array(contactOption) });
