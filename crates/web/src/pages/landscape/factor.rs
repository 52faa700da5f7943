//! One factor's assessment: in focus or not, how it stands on the five-step scale, the note
//! behind that, and who follows it up.

// The area's shared imports and helpers live in mod.rs.
use super::*;
use parat_core::landscape::FactorInput;

/// What a saved factor puts back in its form.
fn input_from(entry: Option<&FactorEntry>) -> FactorInput {
    let Some(e) = entry else { return FactorInput::default() };
    let (follow_up_id, follow_up) = owner_fields(e.follow_up_owner());
    FactorInput {
        in_focus: if e.in_focus { "1".into() } else { String::new() },
        state: e.state.map(|s| s.value().to_string()).unwrap_or_default(),
        note: e.note.clone(),
        follow_up_id,
        follow_up,
    }
}

fn factor_view(
    ctx: &Ctx,
    landscape: &Landscape,
    (level, factor): (&Level, &Factor),
    input: &FactorInput,
    errors: &FieldErrors,
    people: &[(String, String)],
) -> Markup {
    let id = landscape.initiative_id;
    let states: Vec<(String, String)> = FactorState::ALL
        .iter()
        .map(|s| (s.value().to_string(), format!("{} {}", state_sign(Some(*s)), state_name(ctx, Some(*s)))))
        .collect();
    let has_next = landscape.framework().factor_after(&factor.key).is_some();
    let body = html! {
        (tabs(ctx, landscape, "overview"))
        p.hint { (level.name.get(ctx.locale)) }
        h1 { (factor.name.get(ctx.locale)) }
        p.lead { (factor.description.get(ctx.locale)) }
        @if landscape.can_edit {
            (error_summary(ctx, errors, &[("state", ctx.t("land-state")), ("note", ctx.t("land-note")), ("follow_up_id", ctx.t("land-follow-up")), ("follow_up", ctx.t("plan-who-name"))]))
            form.stacked method="post" action=(format!("/initiatives/{id}/landscape/factors/{}", factor.key)) novalidate {
                (csrf(ctx))
                div.checkbox {
                    input #f-in_focus type="checkbox" name="in_focus" value="1" checked[!input.in_focus.is_empty()] aria-describedby="f-in_focus-hint";
                    label for="f-in_focus" { (ctx.t("land-in-focus")) }
                    p.hint #f-in_focus-hint { (ctx.t("hint-land-in-focus")) }
                }
                (forms::select(ctx, Field::new(ctx, "state", "land-state", errors).hint(ctx.t("hint-land-state")), &states, &input.state, Some(ctx.t("land-state-none"))))
                (forms::textarea(ctx, Field::new(ctx, "note", "land-note", errors).hint(ctx.t("hint-land-note")), &input.note))
                (forms::select(ctx, Field::new(ctx, "follow_up_id", "land-follow-up", errors).hint(ctx.t("hint-land-follow-up")), people, &input.follow_up_id, Some(ctx.t("plan-owner-other"))))
                (forms::input(ctx, Field::new(ctx, "follow_up", "plan-who-name", errors).hint(ctx.t("hint-plan-who")), "text", &input.follow_up, None))
                div.actions {
                    button.primary type="submit" { (ctx.t("save")) }
                    @if has_next { button type="submit" name="next" value="1" { (ctx.t("land-save-next")) } }
                    a.button href=(format!("/initiatives/{id}/landscape#level-{}", level.key)) { (ctx.t("cancel")) }
                }
            }
        } @else {
            dl.details {
                dt { (ctx.t("land-in-focus")) } dd { @if input.in_focus.is_empty() { "–" } @else { (ctx.t("yes")) } }
                dt { (ctx.t("land-state")) } dd { (state_name(ctx, FactorState::parse_field(&input.state).ok().flatten())) }
                dt { (ctx.t("land-note")) } dd { (if input.note.is_empty() { "–" } else { &input.note }) }
            }
        }
    };
    page(ctx, factor.name.get(ctx.locale), Nav::Initiatives, body)
}

pub async fn factor_page(
    State(state): State<AppState>,
    member: Member,
    PathIdAndKey(id, key): PathIdAndKey,
) -> Result<Markup, AppError> {
    let landscape = landscape::open(&state.db, &member.scope, id).await?;
    let found = factor_of(landscape.framework(), &key)?;
    let recorded = landscape::factors(&state.db, &landscape).await?;
    let input = input_from(recorded.iter().find(|f| f.key == key));
    let people = if landscape.can_edit { people(&state, &member).await? } else { Vec::new() };
    Ok(factor_view(&member.ctx, &landscape, found, &input, &FieldErrors::new(), &people))
}

#[derive(Debug, Default, Deserialize)]
pub struct FactorForm {
    #[serde(flatten)]
    input: FactorInput,
    #[serde(flatten)]
    next: Next,
}

pub async fn save_factor(
    State(state): State<AppState>,
    member: Member,
    PathIdAndKey(id, key): PathIdAndKey,
    Submitted(form): Submitted<FactorForm>,
) -> Result<Response, AppError> {
    let landscape = landscape::open(&state.db, &member.scope, id).await?;
    require_edit(&landscape)?;
    let found = factor_of(landscape.framework(), &key)?;
    let saved = match form.input.parse() {
        Ok(draft) => landscape::save_factor(&state.db, &member.scope, &landscape, &key, &draft).await,
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match saved {
        Ok(()) => {
            let to = match landscape.framework().factor_after(&key).filter(|_| form.next.wanted()) {
                Some(next) => format!("/initiatives/{id}/landscape/factors/{}", next.key),
                None => format!("/initiatives/{id}/landscape?notice=saved#level-{}", found.0.key),
            };
            Ok(redirect_with_cookies(&to, &[]))
        }
        Err(StoreError::Invalid(errors)) => {
            let people = people(&state, &member).await?;
            Ok(rejected(factor_view(&member.ctx, &landscape, found, &form.input, &errors, &people)))
        }
        Err(other) => Err(other.into()),
    }
}
