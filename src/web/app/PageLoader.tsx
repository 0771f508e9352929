import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A spinner that also tells screen readers what is going on. */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status">
      <Loader aria-label={t('app.loading')} />
    </Center>
  );
}
