import { Alert, Anchor, Box, Breadcrumbs, List, Paper, Stack, Text, Title } from '@mantine/core';
import { Fragment, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { PageLoader } from '../../app/PageLoader';
import { usePageTitle } from '../../app/usePageTitle';
import { linkify, parseArticle, type Block } from './article';
import classes from './HelpArticle.module.css';
import { useHelpArticle } from './useHelp';

/** Text with its web addresses as links. */
function Linked({ text }: { text: string }) {
  return (
    <>
      {linkify(text).map((part, i) =>
        part.href ? (
          <Anchor key={i} href={part.href} target="_blank" rel="noreferrer" underline="always">
            {part.text}
          </Anchor>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}

/** The blocks of an article; consecutive terms become one definition list. */
function renderBlocks(blocks: Block[]): ReactNode[] {
  const out: ReactNode[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'heading') {
      out.push(
        <Title key={i} order={b.level} size={b.level === 2 ? 'h4' : 'h5'} id={b.id} mt={b.level === 2 ? 'lg' : 'sm'} c={b.level === 2 ? 'blue.9' : undefined} style={{ scrollMarginTop: 80 }}>
          {b.text}
        </Title>,
      );
    } else if (b.kind === 'paragraph') {
      out.push(
        <Text key={i}>
          <Linked text={b.text} />
        </Text>,
      );
    } else if (b.kind === 'list') {
      out.push(
        <List key={i} type={b.ordered ? 'ordered' : 'unordered'} spacing={4} listStyleType="none" withPadding={false}>
          {b.items.map((item, j) => (
            <List.Item key={j}>{item.target ? <Anchor href={`#${item.target}`}>{item.text}</Anchor> : <Linked text={item.text} />}</List.Item>
          ))}
        </List>,
      );
    } else {
      const terms: Extract<Block, { kind: 'term' }>[] = [];
      while (blocks[i]?.kind === 'term') terms.push(blocks[i++] as Extract<Block, { kind: 'term' }>);
      i--;
      out.push(
        <Paper key={i} withBorder radius="md" style={{ overflow: 'hidden' }}>
          <Box component="dl" m={0} className={classes.terms}>
            {terms.map((term, j) => (
              <Fragment key={j}>
                <Box component="dt" className={classes.term}>
                  {term.term}
                </Box>
                <Box component="dd" className={classes.meaning}>
                  <Linked text={term.text} />
                </Box>
              </Fragment>
            ))}
          </Box>
        </Paper>,
      );
    }
  }
  return out;
}

/** `/help/articles/:slug`: a guide, its plain text laid out as headings, lists and paragraphs. */
export function HelpArticlePage() {
  const { t } = useTranslation();
  const slug = useParams().slug ?? '';
  const article = useHelpArticle(slug);
  const blocks = useMemo(() => (article.data ? parseArticle(article.data.body) : []), [article.data]);
  usePageTitle(article.data?.title ?? (article.isError ? t('errors.notFound') : undefined));
  const language = currentLanguage();

  const trail = (
    <Breadcrumbs component="nav" separator="›" aria-label={t('admin.common.breadcrumbs')}>
      <Anchor component={Link} to="/help" size="sm">
        {t('help.title')}
      </Anchor>
      {article.data && <Text size="sm">{article.data.title}</Text>}
    </Breadcrumbs>
  );

  if (article.isPending) return <PageLoader />;
  if (article.isError)
    return (
      <Stack gap="sm">
        {trail}
        {article.error instanceof ApiError && article.error.status === 404 ? (
          <>
            <Title order={1}>{t('errors.notFound')}</Title>
            <Text>{t('help.articleMissing')}</Text>
          </>
        ) : (
          <>
            <Title order={1}>{t('help.title')}</Title>
            <Alert color="red">{article.error.message}</Alert>
          </>
        )}
      </Stack>
    );

  const otherLanguage = article.data.language !== language;
  return (
    <Stack gap="md" maw={860}>
      {trail}
      <Title order={1}>{article.data.title}</Title>
      {otherLanguage && (
        <Alert color="blue" variant="light">
          {t('help.inLanguage', { language: new Intl.DisplayNames([language], { type: 'language' }).of(article.data.language) ?? article.data.language })}
        </Alert>
      )}
      <Paper component="article" lang={article.data.language} withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
        <Stack gap="sm">{renderBlocks(blocks)}</Stack>
      </Paper>
    </Stack>
  );
}
