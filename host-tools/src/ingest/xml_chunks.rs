//! Recovery for XML feeds that are not well formed: the items of the document, found by their
//! tags, so each can be given to the XML parser on its own. A broken item then costs only
//! itself; the parser, not this scan, still decides what is well formed.

/// One item's text and where it starts in the document.
pub struct Chunk<'a> {
    pub start: usize,
    pub text: &'a str,
}

/// The elements named `local` (with or without a namespace prefix, as `<cap:alert>`), in order,
/// not nested. An element without its closing tag runs up to the next one's start or the end.
pub fn chunks<'a>(doc: &'a str, local: &str) -> Vec<Chunk<'a>> {
    let starts: Vec<(usize, &str)> = start_tags(doc, local).collect();
    let mut out = Vec::with_capacity(starts.len());
    for (i, &(start, qname)) in starts.iter().enumerate() {
        let limit = starts.get(i + 1).map_or(doc.len(), |&(next, _)| next);
        let body = &doc[start..limit];
        let close = format!("</{qname}>");
        let end = body.find(&close).map_or(limit, |e| start + e + close.len());
        out.push(Chunk {
            start,
            text: &doc[start..end],
        });
    }
    out
}

/// Offsets and qualified names of the start tags `<local …>` and `<prefix:local …>`.
fn start_tags<'a>(doc: &'a str, local: &'a str) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    doc.match_indices('<').filter_map(move |(at, _)| {
        let rest = &doc[at + 1..];
        let name_len = rest
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .unwrap_or(rest.len());
        let qname = &rest[..name_len];
        let bare = qname.rsplit(':').next().unwrap_or(qname);
        let closed_here = rest[name_len..].starts_with("/>");
        (bare == local && !closed_here).then_some((at, qname))
    })
}

/// The 1-based line of byte `offset` in `doc`.
pub fn line_of(doc: &str, offset: usize) -> usize {
    doc.as_bytes()[..offset.min(doc.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_found_with_or_without_a_prefix_and_a_broken_one_ends_at_the_next() {
        let doc = "<rss><item><title>a</title></item>\n<item><title>b</item>\n<cap:item x='1'>c</cap:item></rss>";
        let found: Vec<&str> = chunks(doc, "item").iter().map(|c| c.text).collect();
        assert_eq!(
            found,
            [
                "<item><title>a</title></item>",
                "<item><title>b</item>",
                "<cap:item x='1'>c</cap:item>"
            ]
        );
        assert_eq!(line_of(doc, chunks(doc, "item")[2].start), 3);
    }

    #[test]
    fn longer_names_and_empty_elements_are_not_items() {
        let doc = "<items/><itemize>x</itemize><item/>";
        assert!(chunks(doc, "item").is_empty());
    }
}
