import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import type { PartialDate } from '../model.js';
import type { RawArticle } from './document.js';
import { parsePartialDate } from './date.js';
import { isJsonFeed } from './detect.js';
import { blocksToText } from './html.js';
import { errorMessage, type ReadResult } from './types.js';

/**
 * RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed (1.0, 1.1). feed-parser is lenient by design (it
 * parses broken XML without complaint) and its XML layer expands entities declared in a DOCTYPE,
 * so the XML is checked here first: any entity declaration is refused outright (no external entity
 * is ever resolved, no "billion laughs" expansion ever runs), then well-formedness is validated.
 * The one slip real feeds make all the time, a bare `&` in a title or a link, is escaped first.
 *
 * Item links are fetched when an item is only a summary. A feed read from a public address may not
 * send sitrep to a private one (loopback, private ranges, link-local, `localhost`): such a link is
 * not fetched and the item keeps its own text. The check reads the link's host as written; a public
 * name that resolves to a private address is not caught here.
 */

/** An item whose own text is at least this long is taken as the whole article. */
export const COMPLETE_ITEM_CHARS = 500;
/** How excerpts end ("[…]", "Read more", "Continue reading"): long, but not the whole article. */
const TRUNCATED = /(?:\[(?:…|\.\.\.|&hellip;)\]|…|\.\.\.|read more|continue reading|lire la suite|la suite)\W{0,8}$/i;

/** Item links fetched at once. */
const FETCH_AHEAD = 4;

/** `&` that starts no entity or character reference, as in "Mali & Niger" or `?a=1&b=2`. */
const BARE_AMPERSAND = /&(?![A-Za-z][\w.-]*;|#\d+;|#x[\dA-Fa-f]+;)/g;

/** The feed's XML with bare ampersands escaped, so a feed with that slip is still read. */
export function repairFeedXml(xml: string): string {
  return xml.replace(BARE_AMPERSAND, '&amp;');
}

export function checkFeedXml(xml: string): void {
  // case-insensitive on purpose: a parser that is lenient about case must not get a chance
  if (/<!ENTITY/i.test(xml)) throw new Error('feed declares an XML entity (refused)');
  const result = XMLValidator.validate(xml, { allowBooleanAttributes: true });
  if (result !== true) {
    const { msg, line } = result.err;
    const unclosed = /^Invalid '\[(.*)\]' found\.$/s.exec(msg);
    const reason = unclosed ? `unclosed element(s) ${unclosed[1].replace(/[\s"]+/g, '')}` : msg;
    throw new Error(`malformed feed: ${reason} (line ${line})`);
  }
}

function htmlToText(html: string | null): string {
  if (!html) return '';
  if (!/[<&]/.test(html)) return html;
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`) as unknown as {
    document: { body: Parameters<typeof blocksToText>[0] };
  };
  return blocksToText(document.body);
}

interface XmlElement {
  findElementWithName(name: string): { textContent: string } | null;
}

/** The item's date as written, so a day stays a day; feed-parser's Date as a fallback. */
function itemDate(element: XmlElement, parsed: Date | null): PartialDate | null {
  for (const name of ['pubdate', 'published', 'issued', 'date', 'created', 'updated', 'modified']) {
    const text = element.findElementWithName(name)?.textContent;
    const d = text ? parsePartialDate(text) : null;
    if (d) return d;
  }
  return parsed ? parsePartialDate(parsed) : null;
}

export type ArticleFetcher = (url: string) => Promise<RawArticle>;

/** What sitrep needs of a feed and its items, whatever the feed's format. */
interface FeedItem {
  url: string | null;
  title: string | null;
  /** the item's own text, HTML already turned into text */
  text: string;
  author: string | null;
  published: PartialDate | null;
}

interface ParsedFeed {
  title: string | null;
  language: string | null;
  items: FeedItem[];
}

function parseXmlFeed(xml: string): ParsedFeed {
  const repaired = repairFeedXml(xml);
  checkFeedXml(repaired);
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(repaired);
  } catch (e) {
    throw new Error(`malformed feed: ${errorMessage(e)}`);
  }
  return {
    title: feed.title?.trim() || null,
    language: feed.language,
    items: feed.items.map((item) => ({
      url: item.url,
      title: item.title,
      text: htmlToText(item.content ?? item.description),
      author: item.authors.map((a) => a.name).filter((n): n is string => !!n).join(', ') || null,
      published: itemDate(item.element as unknown as XmlElement, item.published),
    })),
  };
}

function jsonString(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

function jsonAuthors(o: Record<string, unknown>): string | null {
  const list = Array.isArray(o.authors) ? o.authors : o.author ? [o.author] : [];
  const names = list.map((a) => (a !== null && typeof a === 'object' ? jsonString((a as Record<string, unknown>).name) : null)).filter((n): n is string => !!n);
  return names.join(', ') || null;
}

function parseJsonFeed(text: string): ParsedFeed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new Error(`malformed JSON Feed: ${errorMessage(e)}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('malformed JSON Feed: not an object');
  const feed = value as Record<string, unknown>;
  if (!Array.isArray(feed.items)) throw new Error('malformed JSON Feed: no "items" list');
  const feedAuthor = jsonAuthors(feed);
  return {
    title: jsonString(feed.title),
    language: jsonString(feed.language),
    items: feed.items.map((raw): FeedItem => {
      const o = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
      const own = jsonString(o.content_text) ?? htmlToText(jsonString(o.content_html));
      return {
        url: jsonString(o.url) ?? jsonString(o.external_url),
        title: jsonString(o.title),
        text: own || jsonString(o.summary) || '',
        author: jsonAuthors(o) ?? feedAuthor,
        published: parsePartialDate(jsonString(o.date_published) ?? jsonString(o.date_modified)),
      };
    }),
  };
}

/** A host that names this machine or a private network, as written in a URL. */
export function isPrivateHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost') || h.endsWith('.local') || h.endsWith('.internal')) return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  if (h.includes(':')) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
    if (mapped) return isPrivateHost(mapped[1]);
    return h === '::' || h === '::1' || /^f[cd][0-9a-f]{2}:/.test(h) || /^fe[89ab][0-9a-f]:/.test(h);
  }
  return false;
}

function hostOf(location: string): string | null {
  try {
    const u = new URL(location);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname : null;
  } catch {
    return null;
  }
}

/** Why a feed at `feedLocation` may not send sitrep to `link`, or null when it may. */
export function refusedLink(feedLocation: string, link: string): string | null {
  const feedHost = hostOf(feedLocation);
  const linkHost = hostOf(link);
  if (linkHost === null) return 'not an http(s) link';
  // a feed file or a feed on a private address is the user's own: its links are theirs to follow
  if (feedHost === null || isPrivateHost(feedHost)) return null;
  return isPrivateHost(linkHost) ? `link to a private address (${linkHost}) from a public feed refused` : null;
}

export async function* readFeed(
  text: string,
  feedLocation: string,
  readAt: string,
  fetchArticle: ArticleFetcher,
): AsyncGenerator<ReadResult> {
  let feed: ParsedFeed;
  try {
    feed = isJsonFeed(text) ? parseJsonFeed(text) : parseXmlFeed(text);
  } catch (e) {
    yield { input: feedLocation, error: errorMessage(e) };
    return;
  }
  if (feed.items.length === 0) {
    yield { input: feedLocation, error: 'feed has no items' };
    return;
  }
  const outlet = feed.title;
  // first pass: what each item is and whether its link must be fetched
  const plans = feed.items.map((item, i) => {
    const link = item.url;
    const own = item.text;
    const base: RawArticle = {
      text: own,
      title: item.title,
      url: link,
      outlet,
      author: item.author,
      published: item.published,
      languageHint: feed.language,
      origin: { location: link ?? feedLocation, format: 'feed', feed: feedLocation, readAt },
    };
    const ownLength = own.replace(/\s+/g, ' ').trim().length;
    const complete = ownLength >= COMPLETE_ITEM_CHARS && !TRUNCATED.test(own);
    const refused = !complete && link ? refusedLink(feedLocation, link) : null;
    return {
      input: `${feedLocation} > ${link ?? item.title ?? `item ${i + 1}`}`,
      base,
      ownLength,
      refused,
      fetchLink: !complete && link && !refused ? link : null,
      page: null as Promise<RawArticle> | null,
    };
  });
  // links are fetched a few at a time ahead of the item being yielded, so a feed of summaries
  // costs about its slowest pages rather than the sum of all of them; items stay in feed order
  const start = (k: number): void => {
    const plan = plans[k];
    if (plan && plan.fetchLink && !plan.page) {
      plan.page = fetchArticle(plan.fetchLink);
      plan.page.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
    }
  };
  for (let k = 0; k < FETCH_AHEAD; k++) start(k);
  for (const [i, plan] of plans.entries()) {
    start(i + FETCH_AHEAD);
    const { input, base, ownLength, refused } = plan;
    if (!plan.fetchLink) {
      if (ownLength === 0) yield { input, error: refused ? `feed item has no text and its ${refused}` : 'feed item has no text and no link' };
      else if (refused) yield { input, raw: base, warning: `${refused}; kept the feed's summary` };
      else yield { input, raw: base };
      continue;
    }
    start(i);
    try {
      const page = await plan.page!;
      yield {
        input,
        raw: {
          ...page,
          // the page's own metadata first, the feed's where the page says nothing
          title: page.title ?? base.title,
          url: page.url ?? plan.fetchLink,
          outlet: page.outlet ?? outlet,
          author: page.author ?? base.author,
          published: page.published ?? base.published,
          languageHint: page.languageHint ?? feed.language,
          origin: base.origin,
        },
      };
    } catch (e) {
      if (ownLength > 0) yield { input, raw: base, warning: `link not read (${errorMessage(e)}); kept the feed's summary` };
      else yield { input, error: `link not read: ${errorMessage(e)}` };
    }
  }
}
