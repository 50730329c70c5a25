import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import type { PartialDate } from '../model.js';
import type { RawArticle } from './document.js';
import { parsePartialDate } from './date.js';
import { blocksToText } from './html.js';
import { errorMessage, type ReadResult } from './types.js';

/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds. feed-parser is lenient by design (it parses broken XML
 * without complaint) and its XML layer expands entities declared in a DOCTYPE, so the XML is
 * checked here first: any entity declaration is refused outright (no external entity is ever
 * resolved, no "billion laughs" expansion ever runs), then well-formedness is validated.
 */

/** An item whose own text is at least this long is taken as the whole article. */
export const COMPLETE_ITEM_CHARS = 500;
/** How excerpts end ("[…]", "Read more", "Continue reading"): long, but not the whole article. */
const TRUNCATED = /(?:\[(?:…|\.\.\.|&hellip;)\]|…|\.\.\.|read more|continue reading|lire la suite|la suite)\W{0,8}$/i;

/** Item links fetched at once. */
const FETCH_AHEAD = 4;

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

export async function* readFeed(
  xml: string,
  feedLocation: string,
  readAt: string,
  fetchArticle: ArticleFetcher,
): AsyncGenerator<ReadResult> {
  try {
    checkFeedXml(xml);
  } catch (e) {
    yield { input: feedLocation, error: errorMessage(e) };
    return;
  }
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(xml);
  } catch (e) {
    yield { input: feedLocation, error: `malformed feed: ${errorMessage(e)}` };
    return;
  }
  if (feed.items.length === 0) {
    yield { input: feedLocation, error: 'feed has no items' };
    return;
  }
  const outlet = feed.title?.trim() || null;
  // first pass: what each item is and whether its link must be fetched
  const plans = feed.items.map((item, i) => {
    const link = item.url;
    const own = htmlToText(item.content ?? item.description);
    const author = item.authors.map((a) => a.name).filter((n): n is string => !!n).join(', ') || null;
    const base: RawArticle = {
      text: own,
      title: item.title,
      url: link,
      outlet,
      author,
      published: itemDate(item.element as unknown as XmlElement, item.published),
      languageHint: feed.language,
      origin: { location: link ?? feedLocation, format: 'feed', feed: feedLocation, readAt },
    };
    const ownLength = own.replace(/\s+/g, ' ').trim().length;
    const complete = ownLength >= COMPLETE_ITEM_CHARS && !TRUNCATED.test(own);
    return {
      input: `${feedLocation} > ${link ?? item.title ?? `item ${i + 1}`}`,
      base,
      ownLength,
      fetchLink: !complete && link ? link : null,
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
    const { input, base, ownLength } = plan;
    if (!plan.fetchLink) {
      if (ownLength === 0) yield { input, error: 'feed item has no text and no link' };
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
