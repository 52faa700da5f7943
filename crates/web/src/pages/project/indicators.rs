//! Goals' indicators: each with its definition, unit, baseline, target and source; every
//! period's value (counted by Parat or typed), its status and a comment, drawn as a chart.

use parat_core::periods::{Period, PeriodKind};
use parat_core::project::{
    Direction, IndicatorDefinition, IndicatorInput, IndicatorSource, IndicatorStatus, PeriodEntryInput, Reading,
};
use parat_store::project::Indicator;

use super::*;
use crate::views::charts::{self, IndicatorColumn};

/// The most periods shown for one indicator (six years of months).
const PERIODS_MAX: usize = 72;

pub fn status_label(ctx: &Ctx, status: IndicatorStatus) -> String {
    ctx.t(&format!("project-indicator-status-{}", status.key().replace('_', "-")))
}

/// The mark that says what the status's colour says.
pub fn status_mark(status: IndicatorStatus) -> &'static str {
    match status {
        IndicatorStatus::OnTrack => "✓",
        IndicatorStatus::AtRisk => "!",
        IndicatorStatus::OffTrack => "✗",
    }
}

fn source_label(ctx: &Ctx, source: IndicatorSource) -> String {
    ctx.t(&format!("project-indicator-source-{}", source.key().replace('_', "-")))
}

fn every_label(ctx: &Ctx, every: PeriodKind) -> String {
    ctx.t(&format!("project-indicator-every-{}", every.key()))
}

/// A number as the reader writes it: whole numbers without decimals, others with up to two.
pub fn number(ctx: &Ctx, value: f64) -> String {
    if value.fract() == 0.0 {
        ctx.locale.format_decimal(value, 0)
    } else {
        let text = ctx.locale.format_decimal(value, 2);
        text.trim_end_matches('0').to_owned()
    }
}

/// The periods an indicator is followed over: the initiative's dates (up to today when it has no
/// end), or this year so far; and any period with an entry outside them.
fn periods(initiative: &parat_store::initiatives::Initiative, indicator: &Indicator) -> Vec<Period> {
    let today = parat_store::now_date();
    let every = indicator.definition.every;
    let start = initiative.start_date.unwrap_or_else(|| Period::containing(PeriodKind::Year, today).first_day());
    let end = initiative.end_date.unwrap_or(today).max(start);
    let mut periods = Period::span(every, start, end);
    for entry in &indicator.entries {
        if !periods.contains(&entry.period) {
            periods.push(entry.period);
        }
    }
    periods.sort_by_key(|p| p.first_day());
    let skip = periods.len().saturating_sub(PERIODS_MAX);
    periods.into_iter().skip(skip).collect()
}

fn definition_facts(ctx: &Ctx, indicator: &Indicator) -> Markup {
    let d = &indicator.definition;
    let with_unit = |v: f64| format!("{} {}", number(ctx, v), d.unit).trim_end().to_owned();
    html! {
        dl.details {
            dt { (ctx.t("project-indicator-goal")) } dd { (indicator.goal.as_deref().unwrap_or("–")) }
            @if !d.definition.is_empty() { dt { (ctx.t("project-indicator-definition")) } dd { (d.definition) } }
            dt { (ctx.t("project-indicator-baseline")) } dd { (with_unit(d.baseline)) }
            dt { (ctx.t("project-indicator-target")) } dd { (with_unit(d.target)) " " (every_label(ctx, d.every)) }
            dt { (ctx.t("project-indicator-direction")) } dd { (ctx.t(&format!("project-indicator-direction-{}", d.direction.key()))) }
            dt { (ctx.t("project-indicator-source")) } dd { (source_label(ctx, d.source)) }
        }
    }
}

/// The status of a reading as text with its mark, noting whether it was judged or derived.
fn status_cell(ctx: &Ctx, reading: &Reading) -> Markup {
    html! {
        @if let Some(status) = reading.status {
            span class=(format!("status-mark {}", status.key())) { (status_mark(status)) " " (status_label(ctx, status)) }
            @if !reading.judged { " " span.hint { "(" (ctx.t("project-indicator-derived")) ")" } }
        } @else { "–" }
    }
}

async fn indicators_view(
    state: &AppState,
    member: &Member,
    initiative_id: i64,
    shown_notice: Option<&str>,
    input: &IndicatorInput,
    errors: &FieldErrors,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let initiative = parat_store::initiatives::get(&state.db, &member.scope, initiative_id).await?;
    let indicators = store::indicators_of(&state.db, &member.scope, initiative_id).await?;
    let goals = store::goal_choices(&state.db, &member.scope, initiative_id).await?;
    let facts = store::project_facts(&state.db, &member.scope, initiative_id).await?;
    let today = parat_store::now_date();
    let can_edit = member.scope.role().can_edit_initiatives();
    let body = html! {
        p.breadcrumb { a href=(format!("/initiatives/{initiative_id}")) { (initiative.name) } }
        h1 { (ctx.t("project-indicators")) }
        (notice(ctx, shown_notice))
        p.lead { (ctx.t("project-indicators-lead")) }
        @if indicators.is_empty() { p { (ctx.t("project-indicators-none")) } } @else {
            div.table-wrap tabindex="0" role="region" aria-label=(ctx.t("project-indicators")) { table {
                thead { tr {
                    th scope="col" { (ctx.t("project-indicator-name")) }
                    th scope="col" { (ctx.t("project-indicator-goal")) }
                    th scope="col" { (ctx.t("project-indicator-target")) }
                    th scope="col" { (ctx.t("project-indicator-now")) }
                    th scope="col" { (ctx.t("project-indicator-status")) }
                } }
                tbody { @for indicator in &indicators {
                    @let d = &indicator.definition;
                    @let current = Period::containing(d.every, today);
                    @let reading = d.reading(&current, &indicator.entries, facts.records(), today);
                    tr {
                        th scope="row" { a href=(format!("/indicators/{}", indicator.id)) { (d.name) } }
                        td { (indicator.goal.as_deref().unwrap_or("–")) }
                        td.number { (number(ctx, d.target)) " " (d.unit) }
                        td.number { (current.key()) ": " (reading.value.map(|v| number(ctx, v)).unwrap_or_else(|| "–".into())) }
                        td { (status_cell(ctx, &reading)) }
                    }
                } }
            } }
        }
        @if can_edit {
            h2 #add { (ctx.t("project-indicator-add")) }
            (indicator_form(ctx, initiative_id, &goals, input, errors))
        }
    };
    Ok(page(ctx, &ctx.t("project-indicators"), Nav::Initiatives, body))
}

fn indicator_form(
    ctx: &Ctx,
    initiative_id: i64,
    goals: &[(i64, String)],
    input: &IndicatorInput,
    errors: &FieldErrors,
) -> Markup {
    let kinds: Vec<(String, String)> =
        PeriodKind::ALL.iter().map(|k| (k.key().to_owned(), every_label(ctx, *k))).collect();
    let sources: Vec<(String, String)> =
        IndicatorSource::ALL.iter().map(|s| (s.key().to_owned(), source_label(ctx, *s))).collect();
    let directions: Vec<(String, String)> = Direction::ALL
        .iter()
        .map(|d| (d.key().to_owned(), ctx.t(&format!("project-indicator-direction-{}", d.key()))))
        .collect();
    let goals: Vec<(String, String)> = goals.iter().map(|(id, text)| (id.to_string(), text.clone())).collect();
    let labels = [
        ("name", ctx.t("project-indicator-name")),
        ("definition", ctx.t("project-indicator-definition")),
        ("unit", ctx.t("project-indicator-unit")),
        ("baseline", ctx.t("project-indicator-baseline")),
        ("target", ctx.t("project-indicator-target")),
        ("every", ctx.t("project-indicator-every")),
        ("source", ctx.t("project-indicator-source")),
        ("direction", ctx.t("project-indicator-direction")),
        ("goal_id", ctx.t("project-indicator-goal")),
    ];
    html! {
        (error_summary(ctx, errors, &labels))
        form.stacked method="post" action=(format!("/initiatives/{initiative_id}/indicators#add")) novalidate {
            (csrf(ctx))
            (forms::input(ctx, Field::new(ctx, "name", "project-indicator-name", errors).required(), "text", &input.name, None))
            (forms::textarea(ctx, Field::new(ctx, "definition", "project-indicator-definition", errors).hint(ctx.t("hint-project-indicator-definition")), &input.definition))
            (forms::select(ctx, Field::new(ctx, "goal_id", "project-indicator-goal", errors).hint(ctx.t("hint-project-indicator-goal")), &goals, &input.goal_id, Some(ctx.t("project-indicator-goal-none"))))
            (forms::select(ctx, Field::new(ctx, "source", "project-indicator-source", errors).required().hint(ctx.t("hint-project-indicator-source")), &sources, &input.source, Some(ctx.t("choose"))))
            (forms::input(ctx, Field::new(ctx, "unit", "project-indicator-unit", errors).hint(ctx.t("hint-project-indicator-unit")), "text", &input.unit, Some("off")))
            (forms::input(ctx, Field::new(ctx, "baseline", "project-indicator-baseline", errors).hint(ctx.t("hint-project-indicator-baseline")), "text", &input.baseline, Some("off")))
            (forms::input(ctx, Field::new(ctx, "target", "project-indicator-target", errors).required().hint(ctx.t("hint-project-indicator-target")), "text", &input.target, Some("off")))
            (forms::select(ctx, Field::new(ctx, "every", "project-indicator-every", errors).required(), &kinds, &input.every, Some(ctx.t("choose"))))
            (forms::select(ctx, Field::new(ctx, "direction", "project-indicator-direction", errors).required(), &directions, &input.direction, Some(ctx.t("choose"))))
            div.actions { button type="submit" { (ctx.t("project-indicator-create")) } }
        }
    }
}

async fn indicator_view(
    state: &AppState,
    member: &Member,
    id: i64,
    shown_notice: Option<&str>,
    shown: Option<(&PeriodEntryInput, &FieldErrors)>,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let indicator = store::indicator(&state.db, &member.scope, id).await?;
    let initiative = parat_store::initiatives::get(&state.db, &member.scope, indicator.initiative_id).await?;
    let facts = store::project_facts(&state.db, &member.scope, indicator.initiative_id).await?;
    let d = &indicator.definition;
    let today = parat_store::now_date();
    let periods = periods(&initiative, &indicator);
    let readings: Vec<(Period, Reading)> =
        periods.iter().map(|p| (*p, d.reading(p, &indicator.entries, facts.records(), today))).collect();
    let keys: Vec<String> = periods.iter().map(|p| p.key()).collect();
    let columns: Vec<IndicatorColumn> = readings
        .iter()
        .zip(&keys)
        .map(|((_, r), key)| IndicatorColumn {
            label: key,
            value: r.value,
            shown: r.value.map(|v| number(ctx, v)).unwrap_or_default(),
            status: r.status.map(|s| (s.key(), status_mark(s))),
        })
        .collect();
    let can_edit = member.scope.role().can_edit_initiatives();
    let none = FieldErrors::new();
    let current = Period::containing(d.every, today).key();
    let default_entry = PeriodEntryInput { period: current, ..PeriodEntryInput::default() };
    let (entry, errors) = shown.unwrap_or((&default_entry, &none));
    let period_choices: Vec<(String, String)> = keys.iter().map(|k| (k.clone(), k.clone())).collect();
    let statuses: Vec<(String, String)> =
        IndicatorStatus::ALL.iter().map(|s| (s.key().to_owned(), status_label(ctx, *s))).collect();
    let target_text = ctx.t_with("project-indicator-chart-target", &[("value", number(ctx, d.target).into())]);
    let baseline_text = ctx.t_with("project-indicator-chart-baseline", &[("value", number(ctx, d.baseline).into())]);
    let body = html! {
        p.breadcrumb {
            a href=(format!("/initiatives/{}", indicator.initiative_id)) { (initiative.name) } " › "
            a href=(format!("/initiatives/{}/indicators", indicator.initiative_id)) { (ctx.t("project-indicators")) }
        }
        h1 { (d.name) }
        (notice(ctx, shown_notice))
        (definition_facts(ctx, &indicator))
        figure {
            div.chart-scroll tabindex="0" role="region" aria-label=(ctx.t("project-indicator-periods")) {
                (charts::indicator((&d.name, &ctx.t("project-indicator-chart-description")), &columns, (d.target, &target_text), (d.baseline, &baseline_text)))
            }
            figcaption { (ctx.t("project-indicator-chart-caption")) }
        }
        div.table-wrap tabindex="0" role="region" aria-label=(ctx.t("project-indicator-periods")) { table {
            caption { (ctx.t("project-indicator-periods")) }
            thead { tr {
                th scope="col" { (ctx.t("project-budget-period")) }
                th scope="col" { (ctx.t("project-indicator-value")) }
                th scope="col" { (ctx.t("project-indicator-status")) }
                th scope="col" { (ctx.t("project-indicator-comment")) }
            } }
            tbody { @for (period, reading) in &readings { tr {
                th scope="row" { (period.key()) }
                td.number { (reading.value.map(|v| number(ctx, v)).unwrap_or_else(|| "–".into())) }
                td { (status_cell(ctx, reading)) }
                td { (reading.comment) }
            } } }
        } }
        p.hint { (ctx.t("project-indicator-status-how")) }
        @if can_edit {
            h2 #record { (ctx.t("project-indicator-record")) }
            (error_summary(ctx, errors, &[("period", ctx.t("project-budget-period")), ("value", ctx.t("project-indicator-value")),
                ("status", ctx.t("project-indicator-status")), ("comment", ctx.t("project-indicator-comment"))]))
            form.stacked method="post" action=(format!("/indicators/{id}/entries#record")) novalidate {
                (csrf(ctx))
                (forms::select(ctx, Field::new(ctx, "period", "project-budget-period", errors).required(), &period_choices, &entry.period, None))
                @if d.source == IndicatorSource::Manual {
                    (forms::input(ctx, Field::new(ctx, "value", "project-indicator-value", errors).hint(ctx.t("hint-project-indicator-value")), "text", &entry.value, Some("off")))
                } @else {
                    p.hint { (ctx.t("project-indicator-counted")) }
                }
                (forms::select(ctx, Field::new(ctx, "status", "project-indicator-status", errors).hint(ctx.t("hint-project-indicator-status")), &statuses, &entry.status, Some(ctx.t("project-indicator-status-derive"))))
                (forms::textarea(ctx, Field::new(ctx, "comment", "project-indicator-comment", errors), &entry.comment))
                div.actions { button type="submit" { (ctx.t("project-indicator-record-save")) } }
            }
            form.inline method="post" action=(format!("/indicators/{id}/delete")) {
                (csrf(ctx))
                button.secondary type="submit" { (ctx.t("project-indicator-delete")) }
            }
        }
    };
    Ok(page(ctx, &d.name, Nav::Initiatives, body))
}

pub async fn indicators_page(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Query(query): Query<NoticeQuery>,
) -> Result<Markup, AppError> {
    let input = IndicatorInput { source: "manual".into(), direction: "increase".into(), ..IndicatorInput::default() };
    indicators_view(&state, &member, id, query.notice.as_deref(), &input, &FieldErrors::new()).await
}

pub async fn create_indicator(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(input): Submitted<IndicatorInput>,
) -> Result<Response, AppError> {
    let made = match input.parse(member.ctx.locale) {
        Ok(definition) => store::create_indicator(&state.db, &member.scope, id, &definition).await,
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match made {
        Ok(indicator) => Ok(redirect_with_cookies(&format!("/indicators/{indicator}?notice=saved"), &[])),
        Err(StoreError::Invalid(errors)) => {
            Ok(rejected(indicators_view(&state, &member, id, None, &input, &errors).await?))
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn indicator_page(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Query(query): Query<NoticeQuery>,
) -> Result<Markup, AppError> {
    indicator_view(&state, &member, id, query.notice.as_deref(), None).await
}

pub async fn record_indicator_entry(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(input): Submitted<PeriodEntryInput>,
) -> Result<Response, AppError> {
    let indicator = store::indicator(&state.db, &member.scope, id).await?;
    let IndicatorDefinition { every, source, .. } = indicator.definition;
    let saved = match input.parse(every, source, member.ctx.locale) {
        Ok(entry) => store::record_indicator_entry(&state.db, &member.scope, id, &entry).await,
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match saved {
        Ok(()) => Ok(redirect_with_cookies(&format!("/indicators/{id}?notice=saved#record"), &[])),
        Err(StoreError::Invalid(errors)) => {
            member.scope.role().can_edit_initiatives().then_some(()).ok_or(AppError::Forbidden)?;
            Ok(rejected(indicator_view(&state, &member, id, None, Some((&input, &errors))).await?))
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn delete_indicator(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(_): Submitted<EmptyForm>,
) -> Result<Response, AppError> {
    let initiative = store::delete_indicator(&state.db, &member.scope, id).await?;
    Ok(redirect_with_cookies(&format!("/initiatives/{initiative}/indicators?notice=saved"), &[]))
}

#[cfg(test)]
mod tests {
    use parat_core::locale::Locale;
    use parat_core::project::{Direction, IndicatorSource, IndicatorStatus};

    #[test]
    fn every_source_direction_and_status_has_its_name_in_every_language() {
        let ids: Vec<String> = IndicatorSource::ALL
            .iter()
            .map(|s| format!("project-indicator-source-{}", s.key().replace('_', "-")))
            .chain(Direction::ALL.iter().map(|d| format!("project-indicator-direction-{}", d.key())))
            .chain(
                IndicatorStatus::ALL.iter().map(|s| format!("project-indicator-status-{}", s.key().replace('_', "-"))),
            )
            .collect();
        for locale in Locale::ALL {
            for id in &ids {
                assert!(crate::i18n::has(*locale, id), "{locale:?} lacks {id}");
            }
        }
    }
}
