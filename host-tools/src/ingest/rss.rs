//! RSS 2.0 and Atom items to event records: headline, text, time, url.
//!
//! feed-rs reads both formats. When the feed is not well formed, each item is parsed on its
//! own inside the feed's own header (so its namespace declarations still apply), and the broken
//! ones are named.

use alert_digest::record::{MAX_HEADLINE_BYTES, MAX_ID_BYTES, MAX_NAME_BYTES, MAX_URL_BYTES};
use feed_rs::model::{Entry, Feed};
use serde_json::{Map, Value};

use super::xml_chunks::{Chunk, chunks, line_of};
use super::{Outcome, plain_text, put_str, shorten};

/// How much of an item's description a record carries.
const TEXT_BYTES: usize = 1024;

pub fn ingest(bytes: &[u8]) -> anyhow::Result<Outcome> {
    let mut outcome = Outcome::default();
    match feed_rs::parser::parse(bytes) {
        Ok(feed) => {
            let source = feed_title(&feed);
            for (i, entry) in feed.entries.iter().enumerate() {
                push(
                    &mut outcome,
                    format!("item {}", i + 1),
                    entry,
                    source.as_deref(),
                );
            }
        }
        Err(whole) => {
            let text = String::from_utf8_lossy(bytes);
            let (items, closing) = match chunks(&text, "item") {
                items if !items.is_empty() => (items, "</channel></rss>"),
                _ => (chunks(&text, "entry"), "</feed>"),
            };
            let Some(first) = items.first() else {
                anyhow::bail!("not an RSS or Atom feed: {whole}");
            };
            let header = &text[..first.start];
            for (i, item) in items.iter().enumerate() {
                let at = format!("item {} (line {})", i + 1, line_of(&text, item.start));
                match parse_alone(header, item, closing) {
                    Ok(feed) => match feed.entries.first() {
                        Some(entry) => push(&mut outcome, at, entry, feed_title(&feed).as_deref()),
                        None => outcome.skipped.push((at, "no item found".into())),
                    },
                    Err(e) => outcome.skipped.push((at, format!("not well formed: {e}"))),
                }
            }
        }
    }
    Ok(outcome)
}

fn parse_alone(
    header: &str,
    item: &Chunk,
    closing: &str,
) -> Result<Feed, feed_rs::parser::ParseFeedError> {
    let doc = format!("{header}{}{closing}", item.text);
    feed_rs::parser::parse(doc.as_bytes())
}

fn feed_title(feed: &Feed) -> Option<String> {
    feed.title.as_ref().map(|t| plain_text(&t.content))
}

fn push(outcome: &mut Outcome, at: String, entry: &Entry, source: Option<&str>) {
    match record(entry, source) {
        Ok(r) => outcome.records.push(r),
        Err(why) => outcome.skipped.push((at, why)),
    }
}

fn record(entry: &Entry, source: Option<&str>) -> Result<Map<String, Value>, String> {
    let headline = entry.title.as_ref().map(|t| plain_text(&t.content));
    let text = entry
        .summary
        .as_ref()
        .map(|s| plain_text(&s.content))
        .or_else(|| {
            entry
                .content
                .as_ref()
                .and_then(|c| c.body.as_deref())
                .map(plain_text)
        })
        .filter(|t| !t.is_empty());
    if headline.as_deref().is_none_or(str::is_empty) && text.is_none() {
        return Err("item has neither a title nor a description".into());
    }
    let mut r = Map::new();
    // Long guids (whole URLs) are named by their hash: ids only need to be stable.
    let id = if entry.id.len() <= MAX_ID_BYTES {
        entry.id.clone()
    } else {
        format!("rss-{:08x}", alert_digest::id_hash(&entry.id))
    };
    put_str(&mut r, "id", Some(&id));
    if let Some(t) = entry.published.or(entry.updated) {
        put_str(&mut r, "time", Some(&t.to_rfc3339()));
    }
    r.insert("kind".into(), "other".into());
    put_str(
        &mut r,
        "headline",
        headline
            .as_deref()
            .map(|h| shorten(h, MAX_HEADLINE_BYTES, &[' '])),
    );
    put_str(
        &mut r,
        "text",
        text.as_deref().map(|t| shorten(t, TEXT_BYTES, &[' '])),
    );
    let url = entry.links.first().map(|l| l.href.as_str());
    put_str(&mut r, "url", url.filter(|u| u.len() <= MAX_URL_BYTES));
    put_str(
        &mut r,
        "source",
        source.map(|s| shorten(s, MAX_NAME_BYTES, &[' '])),
    );
    Ok(r)
}
