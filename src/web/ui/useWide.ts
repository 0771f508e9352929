import { useMantineTheme, type MantineBreakpoint } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

/**
 * True while the window is at least as wide as the theme's `breakpoint`: a phone gets cards
 * instead of a table's columns, a menu folded away. Known at the first render, so nothing flickers.
 */
export function useWide(breakpoint: MantineBreakpoint): boolean {
  const theme = useMantineTheme();
  return useMediaQuery(`(min-width: ${theme.breakpoints[breakpoint]})`, true, { getInitialValueInEffect: false });
}
