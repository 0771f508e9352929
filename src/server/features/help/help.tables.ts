import type { Bool, Id } from '../../db/columns';

/** A way to get help (the guide's phone options); names and descriptions per language (JSON). */
export interface HelpChannelTable {
  id: Id;
  names: string;
  descriptions: string;
  phone: string | null;
  option: string | null;
  url: string | null;
  position: number;
  active: Bool;
}

/** A help article; the vendor's guide is the first. */
export interface HelpArticleTable {
  id: Id;
  slug: string;
  titles: string;
  body: string;
  /** The language the body is written in. */
  language: string;
  position: number;
  active: Bool;
}

export interface HelpTables {
  help_channel: HelpChannelTable;
  help_article: HelpArticleTable;
}
