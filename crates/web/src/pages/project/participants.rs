//! Participants in an initiative's individual-oriented activities: who is in and out by gender
//! per tertial, income and occupation before and after, the list, and registration in and out.

use parat_core::periods::{Period, PeriodKind};
use parat_core::project::{
    before_and_after, participants_in, AgeBand, ExitReason, Gender, Income, JoinInput, LeaveInput, Occupation,
    ParticipationFacts,
};
use parat_store::project::Participation;

use super::*;

fn label(ctx: &Ctx, kind: &str, key: &str) -> String {
    ctx.t(&format!("project-participant-{kind}-{}", key.replace('_', "-")))
}

fn options<T: Copy>(ctx: &Ctx, kind: &str, all: &[T], key: fn(T) -> &'static str) -> Vec<(String, String)> {
    all.iter().map(|v| (key(*v).to_owned(), label(ctx, kind, key(*v)))).collect()
}

/// A table of how many went from each value before (rows) to each after (columns).
fn crosstab<T: Copy + Eq + Ord>(ctx: &Ctx, caption: &str, cells: &[(T, T, u32)], name: impl Fn(T) -> String) -> Markup {
    let mut befores: Vec<T> = cells.iter().map(|c| c.0).collect();
    befores.dedup();
    let mut afters: Vec<T> = cells.iter().map(|c| c.1).collect();
    afters.sort();
    afters.dedup();
    let count = |b: T, a: T| cells.iter().find(|c| c.0 == b && c.1 == a).map_or(0, |c| c.2);
    html! {
        div.table-wrap tabindex="0" role="region" aria-label=(caption) { table {
            caption { (caption) }
            thead { tr {
                th scope="col" { (ctx.t("project-participant-before-after")) }
                @for after in &afters { th scope="col" { (name(*after)) } }
            } }
            tbody { @for before in &befores { tr {
                th scope="row" { (name(*before)) }
                @for after in &afters { td.number { (count(*before, *after)) } }
            } } }
        } }
    }
}

async fn participants_view(
    state: &AppState,
    member: &Member,
    initiative_id: i64,
    shown_notice: Option<&str>,
    input: &JoinInput,
    errors: &FieldErrors,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let initiative = parat_store::initiatives::get(&state.db, &member.scope, initiative_id).await?;
    let participations = store::participations_of(&state.db, &member.scope, initiative_id).await?;
    let facts: Vec<ParticipationFacts> = participations.iter().map(Participation::facts).collect();
    let today = parat_store::now_date();
    let first = participations.iter().map(|p| p.joined_on).min().unwrap_or(today).min(today);
    let tertials = Period::span(PeriodKind::Tertial, first, today);
    let can_edit = member.scope.role().can_edit_initiatives();
    let genders: Vec<(String, String)> =
        Gender::ALL.iter().map(|g| (g.key().to_owned(), ctx.t(&format!("project-gender-{}", g.key())))).collect();
    let body = html! {
        p.breadcrumb { a href=(format!("/initiatives/{initiative_id}")) { (initiative.name) } }
        h1 { (ctx.t("project-participants")) }
        (notice(ctx, shown_notice))
        p.lead { (ctx.t("project-participants-lead")) }
        div.table-wrap tabindex="0" role="region" aria-label=(ctx.t("project-participants-by-gender")) { table {
            caption { (ctx.t("project-participants-by-gender")) }
            thead { tr {
                th scope="col" { (ctx.t("project-budget-period")) }
                @for (_, name) in &genders { th scope="col" { (name) } }
                th scope="col" { (ctx.t("project-budget-total")) }
            } }
            tbody { @for period in &tertials {
                @let counts = participants_in(period, &facts);
                tr {
                    th scope="row" { (period.key()) }
                    td.number { (counts.woman) } td.number { (counts.man) } td.number { (counts.other) } td.number { (counts.unknown) }
                    td.number { (counts.total()) }
                }
            } }
        } }
        @let incomes = before_and_after(&facts, |(income, _)| income);
        @if incomes.is_empty() { p { (ctx.t("project-participants-none-left")) } } @else {
            (crosstab(ctx, &ctx.t("project-participants-income-table"), &incomes, |i: Income| label(ctx, "income", i.key())))
            (crosstab(ctx, &ctx.t("project-participants-occupation-table"), &before_and_after(&facts, |(_, o)| o), |o: Occupation| label(ctx, "occupation", o.key())))
        }
        h2 #list { (ctx.t("project-participants-list")) }
        @if participations.is_empty() { p { (ctx.t("project-participants-none")) } } @else {
            div.table-wrap tabindex="0" role="region" aria-label=(ctx.t("project-participants-list")) { table {
                thead { tr {
                    th scope="col" { (ctx.t("project-participant-code")) }
                    th scope="col" { (ctx.t("project-attendee-gender")) }
                    th scope="col" { (ctx.t("project-participant-age-band")) }
                    th scope="col" { (ctx.t("project-participant-joined-on")) }
                    th scope="col" { (ctx.t("project-participant-left-on")) }
                    th scope="col" { (ctx.t("project-participant-reason")) }
                } }
                tbody { @for p in &participations { tr {
                    th scope="row" { a href=(format!("/participations/{}", p.id)) { (p.code) } }
                    td { (ctx.t(&format!("project-gender-{}", p.gender.key()))) }
                    td { (label(ctx, "age", p.age_band.key())) }
                    td.date { (ctx.locale.format_date(p.joined_on)) }
                    td.date { (p.leaving.as_ref().map(|l| ctx.locale.format_date(l.left_on)).unwrap_or_else(|| "–".into())) }
                    td { (p.leaving.as_ref().map(|l| label(ctx, "reason", l.reason.key())).unwrap_or_default()) }
                } } }
            } }
        }
        @if can_edit {
            h2 #join { (ctx.t("project-participant-join")) }
            (error_summary(ctx, errors, &[("code", ctx.t("project-participant-code")), ("gender", ctx.t("project-attendee-gender")),
                ("age_band", ctx.t("project-participant-age-band")), ("joined_on", ctx.t("project-participant-joined-on")),
                ("income_before", ctx.t("project-participant-income-before")), ("occupation_before", ctx.t("project-participant-occupation-before"))]))
            form.stacked method="post" action=(format!("/initiatives/{initiative_id}/participants#join")) novalidate {
                (csrf(ctx))
                (forms::input(ctx, Field::new(ctx, "code", "project-participant-code", errors).required().hint(ctx.t("hint-project-participant-code")), "text", &input.code, Some("off")))
                (forms::select(ctx, Field::new(ctx, "gender", "project-attendee-gender", errors).required(), &genders, &input.gender, Some(ctx.t("choose"))))
                (forms::select(ctx, Field::new(ctx, "age_band", "project-participant-age-band", errors).required(), &options(ctx, "age", AgeBand::ALL, AgeBand::key), &input.age_band, Some(ctx.t("choose"))))
                (forms::input(ctx, Field::new(ctx, "joined_on", "project-participant-joined-on", errors).required(), "date", &input.joined_on, None))
                (forms::select(ctx, Field::new(ctx, "income_before", "project-participant-income-before", errors).required(), &options(ctx, "income", Income::ALL, Income::key), &input.income_before, Some(ctx.t("choose"))))
                (forms::select(ctx, Field::new(ctx, "occupation_before", "project-participant-occupation-before", errors).required(), &options(ctx, "occupation", Occupation::ALL, Occupation::key), &input.occupation_before, Some(ctx.t("choose"))))
                div.field {
                    div.checkbox {
                        input #f-consent type="checkbox" name="consent" value="yes" aria-describedby="f-consent-hint" checked[input.consent == "yes"];
                        label for="f-consent" { (ctx.t("project-participant-consent")) }
                    }
                    p.hint #f-consent-hint { (ctx.t("hint-project-participant-consent")) }
                }
                div.actions { button type="submit" { (ctx.t("project-participant-join-submit")) } }
            }
        }
    };
    Ok(page(ctx, &ctx.t("project-participants"), Nav::Initiatives, body))
}

pub async fn participants_page(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Query(query): Query<NoticeQuery>,
) -> Result<Markup, AppError> {
    participants_view(&state, &member, id, query.notice.as_deref(), &JoinInput::default(), &FieldErrors::new()).await
}

pub async fn join_participant(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(input): Submitted<JoinInput>,
) -> Result<Response, AppError> {
    let joined = match input.parse(parat_store::now_date()) {
        Ok(draft) => store::join(&state.db, &member.scope, id, &draft).await,
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match joined {
        Ok(_) => Ok(redirect_with_cookies(&format!("/initiatives/{id}/participants?notice=saved#list"), &[])),
        Err(StoreError::Invalid(errors)) => {
            member.scope.role().can_edit_initiatives().then_some(()).ok_or(AppError::Forbidden)?;
            Ok(rejected(participants_view(&state, &member, id, None, &input, &errors).await?))
        }
        Err(other) => Err(other.into()),
    }
}

async fn participation_view(
    state: &AppState,
    member: &Member,
    id: i64,
    input: &LeaveInput,
    errors: &FieldErrors,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let p = store::participation(&state.db, &member.scope, id).await?;
    let can_edit = member.scope.role().can_edit_initiatives();
    let body = html! {
        p.breadcrumb { a href=(format!("/initiatives/{}/participants", p.initiative_id)) { (ctx.t("project-participants")) } }
        h1 { (p.code) }
        dl.details {
            dt { (ctx.t("project-attendee-gender")) } dd { (ctx.t(&format!("project-gender-{}", p.gender.key()))) }
            dt { (ctx.t("project-participant-age-band")) } dd { (label(ctx, "age", p.age_band.key())) }
            dt { (ctx.t("project-participant-joined-on")) } dd { (ctx.locale.format_date(p.joined_on)) }
            dt { (ctx.t("project-participant-consent-short")) } dd { (ctx.t(if p.consent { "project-participant-consent-yes" } else { "project-participant-consent-no" })) }
            dt { (ctx.t("project-participant-income-before")) } dd { (label(ctx, "income", p.income_before.key())) }
            dt { (ctx.t("project-participant-occupation-before")) } dd { (label(ctx, "occupation", p.occupation_before.key())) }
            @if let Some(l) = &p.leaving {
                dt { (ctx.t("project-participant-left-on")) } dd { (ctx.locale.format_date(l.left_on)) }
                dt { (ctx.t("project-participant-reason")) } dd { (label(ctx, "reason", l.reason.key())) }
                dt { (ctx.t("project-participant-income-after")) } dd { (label(ctx, "income", l.income_after.key())) }
                dt { (ctx.t("project-participant-occupation-after")) } dd { (label(ctx, "occupation", l.occupation_after.key())) }
            }
        }
        @if can_edit && p.leaving.is_none() {
            h2 #leave { (ctx.t("project-participant-leave")) }
            (error_summary(ctx, errors, &[("left_on", ctx.t("project-participant-left-on")), ("reason", ctx.t("project-participant-reason")),
                ("income_after", ctx.t("project-participant-income-after")), ("occupation_after", ctx.t("project-participant-occupation-after"))]))
            form.stacked method="post" action=(format!("/participations/{id}/leave#leave")) novalidate {
                (csrf(ctx))
                (forms::input(ctx, Field::new(ctx, "left_on", "project-participant-left-on", errors).required(), "date", &input.left_on, None))
                (forms::select(ctx, Field::new(ctx, "reason", "project-participant-reason", errors).required(), &options(ctx, "reason", ExitReason::ALL, ExitReason::key), &input.reason, Some(ctx.t("choose"))))
                (forms::select(ctx, Field::new(ctx, "income_after", "project-participant-income-after", errors).required(), &options(ctx, "income", Income::ALL, Income::key), &input.income_after, Some(ctx.t("choose"))))
                (forms::select(ctx, Field::new(ctx, "occupation_after", "project-participant-occupation-after", errors).required(), &options(ctx, "occupation", Occupation::ALL, Occupation::key), &input.occupation_after, Some(ctx.t("choose"))))
                div.actions { button type="submit" { (ctx.t("project-participant-leave-submit")) } }
            }
        }
    };
    Ok(page(ctx, &p.code, Nav::Initiatives, body))
}

pub async fn participation_page(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
) -> Result<Markup, AppError> {
    participation_view(&state, &member, id, &LeaveInput::default(), &FieldErrors::new()).await
}

pub async fn leave_participant(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(input): Submitted<LeaveInput>,
) -> Result<Response, AppError> {
    let participation = store::participation(&state.db, &member.scope, id).await?;
    let left = match input.parse(participation.joined_on, parat_store::now_date()) {
        Ok(draft) => store::leave(&state.db, &member.scope, id, &draft).await,
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match left {
        Ok(()) => Ok(redirect_with_cookies(
            &format!("/initiatives/{}/participants?notice=saved#list", participation.initiative_id),
            &[],
        )),
        Err(StoreError::Invalid(errors)) => {
            member.scope.role().can_edit_initiatives().then_some(()).ok_or(AppError::Forbidden)?;
            Ok(rejected(participation_view(&state, &member, id, &input, &errors).await?))
        }
        Err(other) => Err(other.into()),
    }
}

#[cfg(test)]
mod tests {
    use parat_core::locale::Locale;

    use super::*;

    #[test]
    fn every_choice_has_its_name_in_every_language() {
        let keys: Vec<(&str, Vec<&str>)> = vec![
            ("age", AgeBand::ALL.iter().map(|v| v.key()).collect()),
            ("income", Income::ALL.iter().map(|v| v.key()).collect()),
            ("occupation", Occupation::ALL.iter().map(|v| v.key()).collect()),
            ("reason", ExitReason::ALL.iter().map(|v| v.key()).collect()),
        ];
        for locale in Locale::ALL {
            for (kind, all) in &keys {
                for key in all {
                    let id = format!("project-participant-{kind}-{}", key.replace('_', "-"));
                    assert!(crate::i18n::has(*locale, &id), "{locale:?} lacks {id}");
                }
            }
        }
    }
}
