import { Anchor } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';

const AdminLookupDialog = lazy(async () => ({ default: (await import('./AdminLookupDialog')).AdminLookupDialog }));

/**
 * "Não sabe quem é o administrador do portal?": a link that opens a small form. Whatever the
 * address, the answer is the same sentence; only a person with access receives a mail. The form is
 * downloaded on the first click: the sign-in page shows the link only.
 */
export function AdminLookup({ size = 'sm', label }: { size?: 'xs' | 'sm' | 'md'; label?: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  // Each opening starts a fresh form: the address and the answer of the last one are gone.
  const [openings, setOpenings] = useState(0);

  return (
    <>
      <Anchor
        component="button"
        type="button"
        size={size}
        onClick={() => {
          setOpenings((n) => n + 1);
          setOpened(true);
        }}
      >
        {label ?? t('login.lookup.link')}
      </Anchor>
      {openings > 0 && (
        <Suspense fallback={null}>
          <AdminLookupDialog key={openings} opened={opened} onClose={() => setOpened(false)} />
        </Suspense>
      )}
    </>
  );
}
