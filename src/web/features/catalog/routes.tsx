import { lazyPage } from '../../app/lazyPage';
import type { FeatureRoutes } from '../../app/nav';

/** A channel's page: its product lines, each opening the ticket form. */
export const catalogRoutes: FeatureRoutes = {
  shell: [{ path: 'channels/:key', ...lazyPage(async () => (await import('./ChannelPage')).ChannelPage) }],
  public: [],
};
