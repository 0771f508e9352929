import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { NavSection } from './nav';

/** How the shell draws one menu entry (highlighted when its page is open). */
export type NavLinkOf = (to: string, label: string, icon?: ReactNode) => ReactNode;

/** Titled groups of menu entries. */
export function NavSections({ sections, link }: { sections: NavSection[]; link: NavLinkOf }) {
  return sections.map((section) => (
    <div key={section.title}>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" mt="md" mb={4}>
        {section.title}
      </Text>
      {section.items.map((item) => link(item.to, item.label, item.icon))}
    </div>
  ));
}
