import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/** Atende's Mantine theme: darker shades than the defaults so text passes WCAG AA contrast. */
export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 keeps white text on filled buttons above 4.5:1 (shade 6 is about 3.6:1).
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  // People who ask their system for less motion get no transitions.
  respectReducedMotion: true,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  // Long titles, addresses and names wrap on a phone instead of widening the page. Plain objects rather
  // than Breadcrumbs.extend(): the theme imports no component, so every page does not download these two.
  components: {
    Breadcrumbs: { styles: { root: { flexWrap: 'wrap' }, breadcrumb: { whiteSpace: 'normal' } } },
    DataList: { styles: { itemValue: { minWidth: 0, overflowWrap: 'anywhere' } } },
  },
});

/** Mantine's dimmed gray and error red (shade 6) are about 3.3:1 on white; darker shades pass AA. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
    // An active menu entry under the pointer: blue-9 text on blue-1 stays above 4.5:1.
    '--mantine-color-blue-light-hover': 'var(--mantine-color-blue-1)',
  },
  dark: {},
});
