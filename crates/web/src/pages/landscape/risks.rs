//! The risk analysis: risks with likelihood and consequence (1–5), their score and band, a
//! mitigation and an owner; the risk matrix as a picture.

// The area's shared imports and helpers live in mod.rs.
use super::*;
use crate::context::PathIds;
use crate::views::charts;
use crate::views::forms::action_button;
use parat_core::landscape::plan::{RiskInput, RiskLevel};
use parat_store::landscape::Risk;

fn steps(ctx: &Ctx, prefix: &str) -> Vec<(String, String)> {
    (1..=5).map(|n| (n.to_string(), format!("{n} – {}", ctx.t(&format!("{prefix}-{n}"))))).collect()
}

fn band_name(ctx: &Ctx, level: RiskLevel) -> String {
    ctx.t(&format!("land-risk-level-{}", level.key()))
}

/// The form's fields, for adding and for changing a risk.
fn risk_fields(ctx: &Ctx, input: &RiskInput, errors: &FieldErrors, people: &[(String, String)]) -> Markup {
    html! {
        (forms::input(ctx, Field::new(ctx, "what", "land-risk-what", errors).required(), "text", &input.what, None))
        (forms::select(ctx, Field::new(ctx, "likelihood", "land-risk-likelihood", errors).required(), &steps(ctx, "land-risk-likelihood"), &input.likelihood, Some(ctx.t("choose"))))
        (forms::select(ctx, Field::new(ctx, "consequence", "land-risk-consequence", errors).required(), &steps(ctx, "land-risk-consequence"), &input.consequence, Some(ctx.t("choose"))))
        (forms::textarea(ctx, Field::new(ctx, "mitigation", "land-risk-mitigation", errors).hint(ctx.t("hint-land-risk-mitigation")), &input.mitigation))
        (forms::select(ctx, Field::new(ctx, "owner_id", "land-owner", errors), people, &input.owner_id, Some(ctx.t("plan-owner-other"))))
        (forms::input(ctx, Field::new(ctx, "who", "plan-who-name", errors).hint(ctx.t("hint-plan-who")), "text", &input.who, None))
    }
}

fn labels(ctx: &Ctx) -> [(&'static str, String); 6] {
    [
        ("what", ctx.t("land-risk-what")),
        ("likelihood", ctx.t("land-risk-likelihood")),
        ("consequence", ctx.t("land-risk-consequence")),
        ("mitigation", ctx.t("land-risk-mitigation")),
        ("owner_id", ctx.t("land-owner")),
        ("who", ctx.t("plan-who-name")),
    ]
}

fn risks_view(
    ctx: &Ctx,
    landscape: &Landscape,
    risks: &[Risk],
    input: &RiskInput,
    errors: &FieldErrors,
    people: &[(String, String)],
    notice_key: Option<&str>,
) -> Markup {
    let id = landscape.initiative_id;
    let mut counts = [[0usize; 5]; 5];
    for r in risks {
        if let (Some(l), Some(c)) = (usize::try_from(r.likelihood - 1).ok(), usize::try_from(r.consequence - 1).ok()) {
            if let Some(cell) = counts.get_mut(l).and_then(|row| row.get_mut(c)) {
                *cell += 1;
            }
        }
    }
    html! {
        (notice(ctx, notice_key))
        (tabs(ctx, landscape, "risks"))
        h1 { (ctx.t("land-risks-title")) ": " (landscape.initiative_name) }
        p.lead { (ctx.t("land-risks-intro")) }
        figure {
            (charts::risk_matrix(&ctx.t("land-risks-matrix"), &ctx.t("land-risks-matrix-desc"), (&ctx.t("land-risk-likelihood"), &ctx.t("land-risk-consequence")), &counts, |l, c| RiskLevel::of(l, c).key()))
            figcaption { ul.legend {
                @for level in RiskLevel::ALL {
                    li { span class=(format!("swatch risk-{}", level.key())) aria-hidden="true" {} " " (band_name(ctx, *level)) }
                }
            } }
        }
        @if risks.is_empty() { p { (ctx.t("land-risks-none")) } } @else {
            div.table-wrap { table {
                caption.visually-hidden { (ctx.t("land-risks-title")) }
                thead { tr {
                    th scope="col" { (ctx.t("land-risk-what")) }
                    th scope="col" { (ctx.t("land-risk-likelihood")) }
                    th scope="col" { (ctx.t("land-risk-consequence")) }
                    th scope="col" { (ctx.t("land-risk-score")) }
                    th scope="col" { (ctx.t("land-risk-mitigation")) }
                    th scope="col" { (ctx.t("land-owner")) }
                    @if landscape.can_edit { th scope="col" { span.visually-hidden { (ctx.t("actions")) } } }
                } }
                tbody { @for r in risks {
                    tr {
                        th scope="row" { (r.what) }
                        td.number { (r.likelihood) }
                        td.number { (r.consequence) }
                        td { span class=(format!("risk risk-{}", r.level().key())) { (r.score()) " · " (band_name(ctx, r.level())) } }
                        td { (if r.mitigation.is_empty() { "–" } else { &r.mitigation }) }
                        td { (if r.who.is_empty() { "–" } else { &r.who }) }
                        @if landscape.can_edit { td.row-actions {
                            a.button.small.secondary href=(format!("/initiatives/{id}/risks/{}/edit", r.id)) { (ctx.t_with("plan-edit", &[("name", short(&r.what).into())])) }
                            (action_button(ctx, &format!("/initiatives/{id}/risks/{}/delete", r.id), &ctx.t_with("plan-remove", &[("name", short(&r.what).into())]), "small secondary"))
                        } }
                    }
                } }
            } }
        }
        @if landscape.can_edit {
            h2 #add { (ctx.t("land-risk-add")) }
            (error_summary(ctx, errors, &labels(ctx)))
            form.stacked method="post" action=(format!("/initiatives/{id}/risks")) novalidate {
                (csrf(ctx))
                (risk_fields(ctx, input, errors, people))
                button.primary type="submit" { (ctx.t("land-risk-add")) }
            }
        }
    }
}

pub async fn risks_page(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Query(query): Query<NoticeQuery>,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let landscape = landscape::open(&state.db, &member.scope, id).await?;
    let risks = landscape::risks(&state.db, &landscape).await?;
    let people = if landscape.can_edit { people(&state, &member).await? } else { Vec::new() };
    let body = risks_view(
        ctx,
        &landscape,
        &risks,
        &RiskInput::default(),
        &FieldErrors::new(),
        &people,
        query.notice.as_deref(),
    );
    Ok(page(ctx, &ctx.t("land-risks-title"), Nav::Initiatives, body))
}

pub async fn add_risk(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(input): Submitted<RiskInput>,
) -> Result<Response, AppError> {
    let landscape = landscape::open(&state.db, &member.scope, id).await?;
    require_edit(&landscape)?;
    let saved = match input.parse() {
        Ok(draft) => landscape::add_risk(&state.db, &member.scope, &landscape, &draft, "").await.map(|_| ()),
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match saved {
        Ok(()) => Ok(redirect_with_cookies(&format!("/initiatives/{id}/risks?notice=saved"), &[])),
        Err(StoreError::Invalid(errors)) => {
            let ctx = &member.ctx;
            let risks = landscape::risks(&state.db, &landscape).await?;
            let people = people(&state, &member).await?;
            let body = risks_view(ctx, &landscape, &risks, &input, &errors, &people, None);
            Ok(rejected(page(ctx, &ctx.t("land-risks-title"), Nav::Initiatives, body)))
        }
        Err(other) => Err(other.into()),
    }
}

fn edit_view(
    ctx: &Ctx,
    landscape: &Landscape,
    risk: i64,
    input: &RiskInput,
    errors: &FieldErrors,
    people: &[(String, String)],
) -> Markup {
    let id = landscape.initiative_id;
    let body = html! {
        (tabs(ctx, landscape, "risks"))
        h1 { (ctx.t("land-risk-edit")) }
        (error_summary(ctx, errors, &labels(ctx)))
        form.stacked method="post" action=(format!("/initiatives/{id}/risks/{risk}")) novalidate {
            (csrf(ctx))
            (risk_fields(ctx, input, errors, people))
            div.actions {
                button.primary type="submit" { (ctx.t("save")) }
                a.button href=(format!("/initiatives/{id}/risks")) { (ctx.t("cancel")) }
            }
        }
    };
    page(ctx, &ctx.t("land-risk-edit"), Nav::Initiatives, body)
}

pub async fn edit_risk_page(
    State(state): State<AppState>,
    member: Member,
    PathIds(id, risk): PathIds,
) -> Result<Markup, AppError> {
    let landscape = landscape::open(&state.db, &member.scope, id).await?;
    require_edit(&landscape)?;
    let r = landscape::risk(&state.db, &landscape, risk).await?;
    let (owner_id, who) = owner_fields(r.owner());
    let input = RiskInput {
        what: r.what.clone(),
        likelihood: r.likelihood.to_string(),
        consequence: r.consequence.to_string(),
        mitigation: r.mitigation.clone(),
        owner_id,
        who,
    };
    let people = people(&state, &member).await?;
    Ok(edit_view(&member.ctx, &landscape, risk, &input, &FieldErrors::new(), &people))
}

pub async fn update_risk(
    State(state): State<AppState>,
    member: Member,
    PathIds(id, risk): PathIds,
    Submitted(input): Submitted<RiskInput>,
) -> Result<Response, AppError> {
    let landscape = landscape::open(&state.db, &member.scope, id).await?;
    require_edit(&landscape)?;
    let saved = match input.parse() {
        Ok(draft) => landscape::update_risk(&state.db, &member.scope, &landscape, risk, &draft).await,
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match saved {
        Ok(()) => Ok(redirect_with_cookies(&format!("/initiatives/{id}/risks?notice=saved"), &[])),
        Err(StoreError::Invalid(errors)) => {
            let people = people(&state, &member).await?;
            Ok(rejected(edit_view(&member.ctx, &landscape, risk, &input, &errors, &people)))
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn delete_risk(
    State(state): State<AppState>,
    member: Member,
    PathIds(id, risk): PathIds,
    Submitted(_): Submitted<super::super::EmptyForm>,
) -> Result<Response, AppError> {
    let landscape = landscape::open(&state.db, &member.scope, id).await?;
    landscape::delete_risk(&state.db, &member.scope, &landscape, risk).await?;
    Ok(redirect_with_cookies(&format!("/initiatives/{id}/risks"), &[]))
}
