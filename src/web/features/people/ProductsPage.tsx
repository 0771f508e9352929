import { Anchor, Badge, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconPackage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, Loaded } from '../../ui/ListStates';
import { Page } from '../../ui/Page';
import { CompanyLine, CompanyTrail, forCompany, useOwnCompany } from './CompanyContext';
import { useProducts } from './usePeople';

/** `/companies/:companyId/products` ("Meus produtos"): the service lines the company is entitled to, by channel. */
export const ProductsPage = forCompany(Products);

function Products({ companyId }: { companyId: number }) {
  const { t } = useTranslation();
  const products = useProducts(companyId);
  const own = useOwnCompany(companyId);
  return (
    <Page above={<CompanyTrail companyId={companyId} />} title={own ? t('people.products.title') : t('people.nav.productsOther')} description={<CompanyLine companyId={companyId}>{t('people.products.intro')}</CompanyLine>}>
      <Loaded query={products}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState text={t('people.products.empty')} />
          ) : (
            <Stack gap="xl">
              {[...new Set(list.map((p) => p.channel))].map((channel, i) => (
                <Stack component="section" gap="sm" key={channel} aria-labelledby={`channel-${i}`}>
                  <Title order={2} size="h4" id={`channel-${i}`}>
                    {channel}
                  </Title>
                  <SimpleGrid component="ul" cols={{ base: 1, sm: 2, lg: 3 }} p={0} m={0} style={{ listStyle: 'none' }}>
                    {list
                      .filter((p) => p.channel === channel)
                      .map((p) => (
                        <Paper component="li" key={p.id} withBorder p="md" radius="md">
                          <Stack gap={6}>
                            <ThemeIcon variant="light" size={36} radius="md" aria-hidden>
                              <IconPackage size={20} />
                            </ThemeIcon>
                            <Text fw={600}>{p.name}</Text>
                            <Badge variant="outline" color="gray" radius="sm" w="fit-content">
                              {p.code}
                            </Badge>
                          </Stack>
                        </Paper>
                      ))}
                  </SimpleGrid>
                </Stack>
              ))}
            </Stack>
          )
        }
      </Loaded>
      <Text size="sm" c="dimmed">
        {t('people.products.more')}{' '}
        <Anchor component={Link} to="/help" size="sm" underline="always">
          {t('help.title')}
        </Anchor>
      </Text>
    </Page>
  );
}
