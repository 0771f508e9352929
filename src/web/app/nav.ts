import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';

/** One entry of the left menu. */
export type NavItem = { to: string; label: string; icon?: ReactNode };

/** A titled group of menu entries that a feature contributes. */
export type NavSection = { title: string; items: NavItem[] };

export type FeatureRoutes = {
  /** Pages inside the signed-in shell. */
  shell: RouteObject[];
  /** Pages reachable without signing in. */
  public: RouteObject[];
};
