//! CAP 1.2 XML alerts to event records, through the same mapping as the NWS GeoJSON feed.
//!
//! The input is one `<alert>` document, several one after another (an archive of a CAP feed),
//! or any document that holds `<alert>` elements. When it is not well formed, each alert is
//! parsed on its own, so one broken alert does not cost the others.

use anyhow::Context as _;
use roxmltree::{Document, Node};

use super::Outcome;
use super::nws::Alert;
use super::xml_chunks::{chunks, line_of};

/// The CAP element that holds one message.
const ALERT: &str = "alert";

pub fn ingest(bytes: &[u8]) -> anyhow::Result<Outcome> {
    let text = std::str::from_utf8(bytes).context("CAP feed is not UTF-8")?;
    let mut outcome = Outcome::default();
    match Document::parse(text) {
        Ok(doc) => {
            let alerts: Vec<Node> = doc
                .descendants()
                .filter(|n| n.is_element() && n.tag_name().name() == ALERT)
                .collect();
            if alerts.is_empty() {
                anyhow::bail!("no CAP <alert> element in the document");
            }
            for (i, node) in alerts.iter().enumerate() {
                let at = format!(
                    "alert {} (line {})",
                    i + 1,
                    line_of(text, node.range().start)
                );
                push(&mut outcome, at, read_alert(*node).record());
            }
        }
        Err(whole) => {
            // Several documents one after another are not one well-formed document either:
            // parse alert by alert, and name the broken ones.
            let items = chunks(text, ALERT);
            if items.is_empty() {
                anyhow::bail!("CAP feed is not well-formed XML: {whole}");
            }
            for (i, item) in items.iter().enumerate() {
                let line = line_of(text, item.start);
                let at = format!("alert {} (line {line})", i + 1);
                match Document::parse(item.text) {
                    Ok(doc) => push(&mut outcome, at, read_alert(doc.root_element()).record()),
                    Err(e) => outcome
                        .skipped
                        .push((at, format!("not well-formed XML: {}", relative(&e, line)))),
                }
            }
        }
    }
    Ok(outcome)
}

fn push(
    outcome: &mut Outcome,
    at: String,
    record: Result<serde_json::Map<String, serde_json::Value>, String>,
) {
    match record {
        Ok(r) => outcome.records.push(r),
        Err(why) => outcome.skipped.push((at, why)),
    }
}

/// A parse error of an alert parsed alone, with its line made a line of the whole feed.
fn relative(e: &roxmltree::Error, first_line: usize) -> String {
    let pos = e.pos();
    let line = first_line + pos.row as usize - 1;
    let message = e.to_string();
    let message = message
        .rsplit_once(" at ")
        .map_or(message.as_str(), |(m, _)| m);
    format!("{message} at line {line}, column {}", pos.col)
}

/// The text of the first child element named `name`.
fn child<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
        .and_then(|c| c.text())
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

fn read_alert<'a>(alert: Node<'a, '_>) -> Alert<'a> {
    // One <info> per language; English first, as the other feeds are English.
    let infos: Vec<Node> = alert
        .children()
        .filter(|c| c.is_element() && c.tag_name().name() == "info")
        .collect();
    let info = infos
        .iter()
        .find(|i| child(**i, "language").is_none_or(|l| l.to_ascii_lowercase().starts_with("en")))
        .or(infos.first())
        .copied();
    let references = child(alert, "references")
        .map(|refs| {
            refs.split_whitespace()
                // `sender,identifier,sent`: records are named by the identifier alone.
                .map(|triple| triple.split(',').nth(1).unwrap_or(triple))
                .collect()
        })
        .unwrap_or_default();
    let mut a = Alert {
        id: child(alert, "identifier"),
        sent: child(alert, "sent"),
        status: child(alert, "status"),
        msg_type: child(alert, "msgType"),
        references,
        ..Alert::default()
    };
    let Some(info) = info else {
        return a;
    };
    let parameter = |wanted: &str| {
        info.children()
            .filter(|c| c.is_element() && c.tag_name().name() == "parameter")
            .find(|p| child(*p, "valueName") == Some(wanted))
            .and_then(|p| child(p, "value"))
    };
    let areas: Vec<&str> = info
        .children()
        .filter(|c| c.is_element() && c.tag_name().name() == "area")
        .filter_map(|area| child(area, "areaDesc"))
        .collect();
    a.category = child(info, "category");
    a.event = child(info, "event");
    a.severity = child(info, "severity");
    a.urgency = child(info, "urgency");
    a.certainty = child(info, "certainty");
    // NWS gives the hazard's end as a parameter; <expires> is when the message lapses.
    a.ends = parameter("eventEndingTime");
    a.expires = child(info, "expires");
    a.area = (!areas.is_empty()).then(|| areas.join("; "));
    a.headline = child(info, "headline");
    a.description = child(info, "description");
    a.sender_name = child(info, "senderName");
    if a.sent.is_none() {
        a.sent = child(info, "effective");
    }
    a
}
