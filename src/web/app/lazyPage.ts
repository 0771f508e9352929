import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { PageLoader } from './PageLoader';

/** A page loaded on first visit, e.g. customers never download the administration's code. */
export function lazyPage(load: () => Promise<ComponentType>): Pick<RouteObject, 'lazy' | 'HydrateFallback'> {
  return { lazy: async () => ({ Component: await load() }), HydrateFallback: PageLoader };
}
