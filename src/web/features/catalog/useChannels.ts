import { useQuery } from '@tanstack/react-query';
import type { ChannelView } from '../../../contracts/catalog';
import { api } from '../../api/client';
import { useMe } from '../auth/useMe';

/** The channels of the left menu with their service lines, named in the person's language. */
export function useChannels() {
  const me = useMe().data;
  // The server names channels in the language saved on the person, so that is the cache key.
  const language = me?.language;
  return useQuery({
    queryKey: ['channels', language],
    queryFn: () => api.get<{ channels: ChannelView[] }>('/api/channels').then((body) => body.channels),
    enabled: language !== undefined,
  });
}
