import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { currentLanguage } from '../../app/i18n';

export type HelpChannel = { id: number; name: string; description: string; phone: string | null; option: string | null; url: string | null };
export type HelpArticle = { slug: string; title: string; body: string; language: string };

/** The help channels and articles, named in the interface language (no sign-in needed). */
export function useHelp() {
  const language = currentLanguage();
  return useQuery({
    queryKey: ['help', language],
    queryFn: () => api.get<{ channels: HelpChannel[]; articles: { slug: string; title: string }[] }>('/api/help'),
  });
}

/** One help article. */
export function useHelpArticle(slug: string) {
  const language = currentLanguage();
  return useQuery({
    queryKey: ['help', language, 'article', slug],
    queryFn: () => api.get<HelpArticle>(`/api/help/articles/${encodeURIComponent(slug)}`),
  });
}
