import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { DocumentOrigin, PartialDate } from '../model.js';
import type { RawArticle } from './document.js';
import { parsePartialDate } from './date.js';

/**
 * A web page to an article: the main text by Readability (the reader view of Firefox) over
 * linkedom, metadata from JSON-LD (NewsArticle and kin), Open Graph / article: / Dublin Core meta
 * tags, and Readability's own guesses, in that order. Metadata is read before Readability runs
 * because it rewrites the DOM.
 */

/** The few DOM members used here (the project compiles without the DOM lib). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  querySelector(selector: string): DomElement | null;
}
interface DomDocument extends DomElement {
  documentElement: DomElement | null;
  title: string;
}

const BLOCK = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'BLOCKQUOTE', 'PRE', 'FIGCAPTION', 'FIGURE', 'TABLE', 'TR', 'TD', 'TH',
  'CAPTION', 'HR', 'ADDRESS', 'DETAILS', 'SUMMARY',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'BUTTON', 'FORM', 'NAV', 'SELECT', 'OBJECT']);

/** The text of a DOM subtree as paragraphs separated by blank lines (block elements end one). */
export function blocksToText(root: DomNode): string {
  const blocks: string[] = [];
  let current = '';
  const flush = (): void => {
    const t = current.replace(/[ \t\r\f\v\u00a0]+/g, ' ').replace(/ ?\n ?/g, '\n').trim();
    if (t) blocks.push(t);
    current = '';
  };
  // iterative walk: deep pages must not overflow the stack
  const stack: { node: DomNode; exit: boolean }[] = [{ node: root, exit: false }];
  while (stack.length > 0) {
    const { node, exit } = stack.pop()!;
    if (exit) {
      flush();
      continue;
    }
    if (node.nodeType === 3) {
      current += (node.textContent ?? '').replace(/\s+/g, ' ');
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) continue;
    if (name === 'BR') {
      current += '\n';
      continue;
    }
    const block = BLOCK.has(name);
    if (block) {
      flush();
      stack.push({ node, exit: true });
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i], exit: false });
  }
  flush();
  return blocks.join('\n\n');
}

interface PageMeta {
  title: string | null;
  published: PartialDate | null;
  author: string | null;
  outlet: string | null;
  url: string | null;
  language: string | null;
  /** the article body given by JSON-LD, used when Readability finds nothing */
  body: string | null;
}

const ARTICLE_TYPES = /(?:^|:)(?:NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|Article|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle)$/;

function nameOf(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) return v.map(nameOf).filter((x) => x).join(', ') || null;
  if (v !== null && typeof v === 'object') return nameOf((v as Record<string, unknown>).name);
  return null;
}

/** The first JSON-LD object typed as an article, looking inside @graph and arrays. */
function jsonLdArticle(doc: DomDocument): Record<string, unknown> | null {
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    let data: unknown;
    try {
      data = JSON.parse(scripts[i].textContent ?? '');
    } catch {
      continue; // a broken JSON-LD block is common and says nothing about the article
    }
    const queue: unknown[] = [data];
    for (let seen = 0; queue.length > 0 && seen < 200; seen++) {
      const v = queue.shift();
      if (Array.isArray(v)) queue.push(...v);
      else if (v !== null && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        const types = Array.isArray(o['@type']) ? o['@type'] : [o['@type']];
        if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) return o;
        if (o['@graph']) queue.push(o['@graph']);
      }
    }
  }
  return null;
}

function meta(doc: DomDocument, ...keys: string[]): string | null {
  for (const key of keys) {
    for (const attr of ['property', 'name', 'itemprop']) {
      const el = doc.querySelector(`meta[${attr}="${key}" i]`);
      const content = el?.getAttribute('content')?.trim();
      if (content) return content;
    }
  }
  return null;
}

function readMeta(doc: DomDocument, pageUrl: string | null): PageMeta {
  const ld = jsonLdArticle(doc);
  const ldDate = ld ? parsePartialDate(ld.datePublished ?? ld.dateCreated ?? null) : null;
  const metaDate =
    ldDate ??
    parsePartialDate(
      meta(doc, 'article:published_time', 'og:published_time', 'datePublished', 'date', 'pubdate', 'publishdate', 'publish-date',
        'dc.date.issued', 'dc.date', 'dcterms.issued', 'dcterms.date', 'sailthru.date', 'parsely-pub-date') ?? null,
    ) ??
    parsePartialDate(doc.querySelector('time[datetime][pubdate], article time[datetime]')?.getAttribute('datetime') ?? null);
  const byMeta = meta(doc, 'author', 'dc.creator', 'dcterms.creator', 'parsely-author', 'sailthru.author');
  const articleAuthor = meta(doc, 'article:author');
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const body = ld && typeof ld.articleBody === 'string' ? ld.articleBody : null;
  return {
    title: nameOf(ld?.headline) ?? meta(doc, 'og:title', 'twitter:title', 'dc.title', 'headline'),
    published: metaDate,
    author: nameOf(ld?.author) ?? byMeta ?? (articleAuthor && !/^https?:/.test(articleAuthor) ? articleAuthor : null),
    outlet: nameOf(ld?.publisher) ?? meta(doc, 'og:site_name', 'application-name', 'dc.publisher'),
    url: absolute(nameOfUrl(ld?.url) ?? meta(doc, 'og:url') ?? canonical, pageUrl) ?? pageUrl,
    language: (typeof ld?.inLanguage === 'string' ? ld.inLanguage : null) ?? doc.documentElement?.getAttribute('lang') ?? meta(doc, 'og:locale', 'dc.language', 'language'),
    body,
  };
}

function nameOfUrl(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

function absolute(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    return new URL(href, base ?? undefined).href;
  } catch {
    return null;
  }
}

/** Consent banners, newsletter boxes and modal dialogs: never article text, and Readability keeps
 * them when the article is short. */
const FURNITURE = [
  '[id*="cookie" i]', '[class*="cookie" i]', '[id*="consent" i]', '[class*="consent" i]',
  '[id*="newsletter" i]', '[class*="newsletter" i]', '[class*="subscribe" i]', '[class*="paywall" i]',
  '[role="dialog"]', '[aria-modal="true"]', '[role="navigation"]', '[role="complementary"]',
].join(', ');

interface Removable {
  remove(): void;
}

/** A byline left at the top of the text ("By Jane Doe"): metadata, not article text. */
const BYLINE = /^(?:By|BY|Par|PAR|Por|Von)\s+\p{Lu}[\p{L}.'’-]*(?:,?\s+(?:\p{Lu}[\p{L}.'’-]*|and|et|y|und|&))*$/u;

function dropLeadingByline(text: string): string {
  const blocks = text.split('\n\n');
  for (let i = 0; i < Math.min(2, blocks.length - 1); i++) {
    const block = blocks[i].trim();
    if (block.length <= 80 && BYLINE.test(block)) return [...blocks.slice(0, i), ...blocks.slice(i + 1)].join('\n\n');
  }
  return text;
}

/** Minimum characters of text for a page to count as having an article at all. */
const MIN_TEXT = 20;

export function readHtml(html: string, origin: DocumentOrigin, pageUrl: string | null = null): RawArticle {
  const { document } = parseHTML(html) as unknown as { document: DomDocument };
  const info = readMeta(document, pageUrl);
  const fallbackTitle = document.title?.trim() || null;
  const furniture = document.querySelectorAll(FURNITURE) as unknown as ArrayLike<Removable>;
  for (let i = furniture.length - 1; i >= 0; i--) furniture[i].remove();
  let text = '';
  let readabilityTitle: string | null = null;
  let byline: string | null = null;
  let siteName: string | null = null;
  let published: string | null = null;
  try {
    const reader = new Readability<DomNode>(document as never, { serializer: (node: unknown) => node as DomNode });
    const article = reader.parse();
    if (article?.content) text = dropLeadingByline(blocksToText(article.content));
    readabilityTitle = article?.title?.trim() || null;
    byline = article?.byline?.trim() || null;
    siteName = article?.siteName?.trim() || null;
    published = article?.publishedTime ?? null;
  } catch {
    text = ''; // Readability gives up on some markup; the fallbacks below still apply
  }
  if (text.replace(/\s+/g, '').length < MIN_TEXT && info.body) text = info.body;
  if (text.replace(/\s+/g, '').length < MIN_TEXT) {
    const { document: again } = parseHTML(html) as unknown as { document: DomDocument };
    const body = again.querySelector('body');
    text = body ? blocksToText(body) : '';
  }
  if (text.replace(/\s+/g, '').length < MIN_TEXT) throw new Error('no article text found in HTML');
  return {
    text,
    title: info.title ?? readabilityTitle ?? fallbackTitle,
    url: info.url,
    outlet: info.outlet ?? siteName,
    author: info.author ?? byline,
    published: info.published ?? parsePartialDate(published),
    languageHint: info.language,
    origin,
  };
}
