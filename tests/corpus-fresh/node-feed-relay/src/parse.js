const ITEM_RE = /<(item|entry)\b[^>]*>([\s\S]*?)<\/\1>/g;

function tag(block, name) {
  const m = block.match(new RegExp(`<${name}\\b[^>]*>([\\s\\S]*?)</${name}>`));
  if (!m) return undefined;
  return m[1].replace(/^<!\[CDATA\[|\]\]>$/g, '').trim();
}

function link(block) {
  const atom = block.match(/<link\b[^>]*href="([^"]+)"/);
  return atom ? atom[1] : tag(block, 'link');
}

export class FeedParseError extends Error {}

/**
 * Minimal RSS 2.0 / Atom parser. Throws FeedParseError for documents that are
 * neither, so callers can distinguish "empty feed" from "not a feed".
 */
export function parseFeed(xml) {
  if (!/<(rss|feed)\b/.test(xml)) {
    throw new FeedParseError('document is not an RSS or Atom feed');
  }
  const title = tag(xml, 'title') ?? 'untitled feed';
  const entries = [...xml.matchAll(ITEM_RE)].map(([, , block], _index) => ({
    id: tag(block, 'guid') ?? tag(block, 'id') ?? link(block),
    title: tag(block, 'title') ?? '(no title)',
    link: link(block),
    published: tag(block, 'pubDate') ?? tag(block, 'updated'),
  }));
  for (const e of entries) {
    if (!e.id) throw new FeedParseError(`entry without id in "${title}"`);
  }
  return { title, entries };
}
