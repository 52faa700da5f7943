//! The audit log of the current organisation, for its administrators: filtered by person,
//! kind of record and dates, a page at a time, each change shown as labelled fields.

use axum::extract::{Query, State};
use maud::{html, Markup};
use parat_core::initiative::parse_date;
use parat_core::FieldErrors;
use parat_store::audit::{self, AuditFilter, AuditRecord};
use serde::Deserialize;
use serde_json::Value;

use crate::context::Member;
use crate::error::encode_query_value;
use crate::views::forms::{self, error_summary, Field};
use crate::views::layout::{page, Nav};
use crate::{i18n, AppError, AppState, Ctx};

#[derive(Debug, Default, Deserialize, Clone)]
#[serde(default)]
pub struct AuditQuery {
    before: String,
    person: String,
    record: String,
    from: String,
    to: String,
}

/// Unix seconds at the start of a date in Scandinavian time.
fn start_of(date: time::Date) -> i64 {
    let midnight = date.midnight().assume_utc();
    (midnight - time::Duration::seconds(parat_core::locale::scandinavian_offset(midnight).whole_seconds().into()))
        .unix_timestamp()
}

impl AuditQuery {
    /// The filter, or the problems with the dates typed (kept in the form).
    fn filter(&self) -> (AuditFilter, FieldErrors) {
        let mut errors = FieldErrors::new();
        let from = errors.check("from", parse_date(&self.from)).flatten();
        let to = errors.check("to", parse_date(&self.to)).flatten();
        let filter = AuditFilter {
            actor_id: self.person.trim().parse().ok(),
            entity: audit::ENTITIES.iter().find(|e| **e == self.record.trim()).map(|e| (*e).to_owned()),
            from: from.map(start_of),
            until: to.and_then(|d| d.next_day()).map(start_of),
            before_id: self.before.trim().parse().ok(),
        };
        (filter, errors)
    }

    /// The query string of this filter, for the link to older entries.
    fn older_than(&self, id: i64) -> String {
        format!(
            "/audit?person={}&record={}&from={}&to={}&before={id}",
            encode_query_value(&self.person),
            encode_query_value(&self.record),
            encode_query_value(&self.from),
            encode_query_value(&self.to)
        )
    }
}

pub async fn list(
    State(state): State<AppState>,
    member: Member,
    Query(query): Query<AuditQuery>,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let (filter, errors) = query.filter();
    let entries = if errors.is_empty() { audit::list(&state.db, &member.scope, &filter).await? } else { Vec::new() };
    let people: Vec<(String, String)> =
        audit::actors(&state.db, &member.scope).await?.into_iter().map(|(id, name)| (id.to_string(), name)).collect();
    let records: Vec<(String, String)> =
        audit::ENTITIES.iter().map(|e| ((*e).to_owned(), ctx.t(&format!("audit-entity-{e}")))).collect();
    let oldest = entries.last().map(|e| e.id);
    let body = html! {
        h1 { (ctx.t("nav-audit")) }
        p { (ctx.t("audit-intro")) }
        (error_summary(ctx, &errors, &[("from", ctx.t("audit-from")), ("to", ctx.t("audit-to"))]))
        form.filters method="get" action="/audit" {
            (forms::select(ctx, Field::new(ctx, "person", "audit-who", &errors), &people, &query.person, Some(ctx.t("all"))))
            (forms::select(ctx, Field::new(ctx, "record", "audit-record", &errors), &records, &query.record, Some(ctx.t("all"))))
            (forms::input(ctx, Field::new(ctx, "from", "audit-from", &errors), "date", &query.from, None))
            (forms::input(ctx, Field::new(ctx, "to", "audit-to", &errors), "date", &query.to, None))
            button type="submit" { (ctx.t("filter-submit")) }
        }
        @if entries.is_empty() {
            p { (ctx.t(if filter.actor_id.is_some() || filter.entity.is_some() || filter.from.is_some() || filter.until.is_some() { "audit-none-match" } else { "audit-empty" })) }
        } @else {
            div.table-wrap { table.audit {
                caption.visually-hidden { (ctx.t("nav-audit")) }
                thead { tr {
                    th scope="col" { (ctx.t("audit-when")) }
                    th scope="col" { (ctx.t("audit-who")) }
                    th scope="col" { (ctx.t("audit-what")) }
                    th scope="col" { (ctx.t("audit-changes")) }
                } }
                tbody {
                    @for e in &entries {
                        tr {
                            td.date { (ctx.date_time(e.at)) }
                            td { (e.actor_label) }
                            td { (ctx.t(&format!("audit-action-{}", e.action))) " · " (ctx.t(&format!("audit-entity-{}", e.entity)))
                                @if let Some(id) = e.entity_id { " #" (id) } }
                            td { (changes(ctx, e)) }
                        }
                    }
                }
            } }
            @if entries.len() as i64 == audit::PAGE_SIZE {
                @if let Some(oldest) = oldest { p { a href=(query.older_than(oldest)) { (ctx.t("audit-older")) } } }
            }
        }
        @if !query.before.is_empty() { p { a href="/audit" { (ctx.t("audit-newest")) } } }
    };
    Ok(page(ctx, &ctx.t("nav-audit"), Nav::Audit, body))
}

/// Fields that say nothing to a reader of the log (ids shown by name elsewhere, bookkeeping).
const HIDDEN_FIELDS: &[&str] =
    &["id", "org_id", "owner_id", "created_at", "updated_at", "definition", "team", "edition", "name_key"];

/// No value worth a line: nothing, an empty text or an empty list.
fn is_blank(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.is_empty(),
        Some(Value::Array(items)) => items.is_empty(),
        _ => false,
    }
}

/// What an entry changed, field by field in the reader's language: for a change, the fields
/// whose value differs (before → after); for a creation or a removal, the values.
fn changes(ctx: &Ctx, entry: &AuditRecord) -> Markup {
    let parse = |raw: &Option<String>| raw.as_deref().and_then(|r| serde_json::from_str::<Value>(r).ok());
    let (before, after) = (parse(&entry.before), parse(&entry.after));
    let empty = serde_json::Map::new();
    let before_fields = before.as_ref().and_then(Value::as_object).unwrap_or(&empty);
    let after_fields = after.as_ref().and_then(Value::as_object).unwrap_or(&empty);
    let mut keys: Vec<&String> = after_fields.keys().chain(before_fields.keys()).collect();
    keys.dedup();
    let mut seen = std::collections::BTreeSet::new();
    let rows: Vec<(String, Option<String>, Option<String>)> = keys
        .into_iter()
        .filter(|k| seen.insert(k.as_str()) && !HIDDEN_FIELDS.contains(&k.as_str()))
        .filter_map(|key| {
            let old = before_fields.get(key);
            let new = after_fields.get(key);
            if (old.is_some() && new.is_some() && old == new) || (is_blank(old) && is_blank(new)) {
                return None;
            }
            Some((field_label(ctx, key), old.map(|v| value_text(ctx, key, v)), new.map(|v| value_text(ctx, key, v))))
        })
        .collect();
    html! {
        @if !rows.is_empty() {
            dl.changes {
                @for (label, old, new) in &rows {
                    dt { (label) }
                    dd {
                        @match (old, new) {
                            (Some(old), Some(new)) => { del { (old) } " → " ins { (new) } },
                            (Some(old), None) => del { (old) },
                            (None, Some(new)) => (new),
                            (None, None) => {},
                        }
                    }
                }
            }
        }
    }
}

fn field_label(ctx: &Ctx, key: &str) -> String {
    if key.len() == 1 && key.chars().all(|c| c.is_ascii_uppercase()) {
        return ctx.t_with("audit-field-dimension", &[("name", key.to_owned().into())]);
    }
    let id = format!("audit-field-{key}");
    if i18n::has(ctx.locale, &id) {
        ctx.t(&id)
    } else {
        key.replace('_', " ")
    }
}

/// A stored value as the reader would say it: choices by their names, dates, yes and no.
fn value_text(ctx: &Ctx, key: &str, value: &Value) -> String {
    match value {
        Value::Null => "–".into(),
        Value::Bool(b) => ctx.t(if *b { "yes" } else { "no" }),
        Value::Number(n) => {
            n.as_f64().map(|f| ctx.locale.format_decimal(f, if f.fract() == 0.0 { 0 } else { 1 })).unwrap_or_default()
        }
        Value::String(s) => {
            let candidates: &[&str] = match key {
                "status" => &["status", "assessment-status", "plan-status"],
                "role" => &["role"],
                "topic" => &["topic"],
                "kind" => &["org-kind"],
                _ => &[],
            };
            candidates
                .iter()
                .map(|prefix| format!("{prefix}-{s}"))
                .find(|id| i18n::has(ctx.locale, id))
                .map(|id| ctx.t(&id))
                .unwrap_or_else(|| s.clone())
        }
        Value::Array(items) => items
            .iter()
            .map(|item| match item.get("name") {
                Some(Value::String(name)) => name.clone(),
                _ => value_text(ctx, key, item),
            })
            .collect::<Vec<_>>()
            .join(", "),
        Value::Object(_) => value.to_string(),
    }
}
