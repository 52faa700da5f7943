//! Budget and outcome: the budget by year, category and funder, the costs booked against it, and
//! the two compared by category, by funder's share and per tertial.

use parat_core::periods::{Period, PeriodKind};
use parat_core::project::money::Amount;
use parat_core::project::{budget_in, BudgetLineInput, CostCategory, CostColumn, CostImport, CostInput, ImportError};
use parat_core::Problem;
use parat_reports::table::{self, TableFile};
use parat_store::project::{BudgetEntry, BudgetLine, Cost};

use super::*;
use crate::pages::{blocking, download, upload_problem, Upload, XLSX};

/// The forms' typed values and problems after a refusal, or the notice after a change.
#[derive(Default)]
struct Shown<'a> {
    notice: Option<&'a str>,
    line: (BudgetLineInput, FieldErrors),
    cost: (CostInput, FieldErrors),
    import: ImportShown,
}

/// The import form after a refusal: the category chosen, a problem with the file itself, or
/// what is wrong in it (nothing was imported).
#[derive(Default)]
struct ImportShown {
    default_category: String,
    file: FieldErrors,
    refusal: Option<ImportError>,
}

fn category_options(ctx: &Ctx) -> Vec<(String, String)> {
    CostCategory::ALL.iter().map(|c| (c.key().to_owned(), category_label(ctx, *c))).collect()
}

fn category_label(ctx: &Ctx, category: CostCategory) -> String {
    ctx.t(&format!("project-category-{}", category.key().replace('_', "-")))
}

/// Budget, booked and what is left, as a table row's cells.
fn money_cells(ctx: &Ctx, budget: Amount, outcome: Amount) -> Markup {
    html! {
        td.number { (budget.format(ctx.locale)) }
        td.number { (outcome.format(ctx.locale)) }
        td.number { ((budget - outcome).format(ctx.locale)) }
    }
}

async fn budget_view(
    state: &AppState,
    member: &Member,
    initiative_id: i64,
    shown: Shown<'_>,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let initiative = parat_store::initiatives::get(&state.db, &member.scope, initiative_id).await?;
    let lines = store::budget_lines(&state.db, &member.scope, initiative_id).await?;
    let costs = store::costs(&state.db, &member.scope, initiative_id).await?;
    let can_edit = member.scope.role().can_edit_initiatives();
    let total_budget: Amount = lines.iter().map(|l| l.amount).sum();
    let total_outcome: Amount = costs.iter().map(|c| c.amount).sum();
    let by_category: Vec<(CostCategory, Amount, Amount)> = CostCategory::ALL
        .iter()
        .map(|c| {
            let budget = lines.iter().filter(|l| l.category == *c).map(|l| l.amount).sum();
            let outcome = costs.iter().filter(|x| x.category == *c).map(|x| x.amount).sum();
            (*c, budget, outcome)
        })
        .filter(|(_, b, o)| *b != Amount::ZERO || *o != Amount::ZERO)
        .collect();
    let mut funders: Vec<(String, Amount)> = Vec::new();
    for line in &lines {
        match funders.iter_mut().find(|(f, _)| *f == line.funder) {
            Some((_, sum)) => *sum = *sum + line.amount,
            None => funders.push((line.funder.clone(), line.amount)),
        }
    }
    let year_lines: Vec<(i32, Amount)> = lines.iter().map(|l| (l.year, l.amount)).collect();
    let booked: Vec<(time::Date, Amount)> = costs.iter().map(|c| (c.booked_on, c.amount)).collect();
    let mut years: Vec<i32> = lines.iter().map(|l| l.year).chain(costs.iter().map(|c| c.booked_on.year())).collect();
    years.sort_unstable();
    years.dedup();
    let tertials: Vec<Period> = years
        .iter()
        .flat_map(|y| {
            Period::parse(&y.to_string()).map(|p| Period::span(PeriodKind::Tertial, p.first_day(), p.last_day()))
        })
        .flatten()
        .collect();
    let share = |part: Amount| match total_budget.ore() {
        0 => "–".to_owned(),
        total => format!("{} %", ctx.locale.format_decimal(part.ore() as f64 * 100.0 / total as f64, 1)),
    };
    let line_input = &shown.line.0;
    let cost_input = &shown.cost.0;
    let categories = category_options(ctx);
    let body = html! {
        p.breadcrumb { a href=(format!("/initiatives/{initiative_id}")) { (initiative.name) } }
        h1 { (ctx.t("project-budget")) }
        (notice(ctx, shown.notice))
        p.lead { (ctx.t("project-budget-lead")) }
        div.table-wrap tabindex="0" role="region" aria-label=(ctx.t("project-budget-by-category")) { table {
            caption { (ctx.t("project-budget-by-category")) }
            thead { tr {
                th scope="col" { (ctx.t("project-budget-category")) }
                th scope="col" { (ctx.t("project-budget-budget")) }
                th scope="col" { (ctx.t("project-budget-outcome")) }
                th scope="col" { (ctx.t("project-budget-left")) }
            } }
            tbody { @for (category, budget, outcome) in &by_category { tr {
                th scope="row" { (category_label(ctx, *category)) }
                (money_cells(ctx, *budget, *outcome))
            } } }
            tfoot { tr { th scope="row" { (ctx.t("project-budget-total")) } (money_cells(ctx, total_budget, total_outcome)) } }
        } }
        @if !funders.is_empty() {
            div.table-wrap tabindex="0" role="region" aria-label=(ctx.t("project-budget-funders")) { table {
                caption { (ctx.t("project-budget-funders")) }
                thead { tr {
                    th scope="col" { (ctx.t("project-budget-funder")) }
                    th scope="col" { (ctx.t("project-budget-budget")) }
                    th scope="col" { (ctx.t("project-budget-share")) }
                } }
                tbody { @for (funder, amount) in &funders { tr {
                    th scope="row" { (if funder.is_empty() { "–" } else { funder }) }
                    td.number { (amount.format(ctx.locale)) }
                    td.number { (share(*amount)) }
                } } }
            } }
        }
        @if !tertials.is_empty() {
            div.table-wrap tabindex="0" role="region" aria-label=(ctx.t("project-budget-per-tertial")) { table {
                caption { (ctx.t("project-budget-per-tertial")) }
                thead { tr {
                    th scope="col" { (ctx.t("project-budget-period")) }
                    th scope="col" { (ctx.t("project-budget-budget")) }
                    th scope="col" { (ctx.t("project-budget-outcome")) }
                    th scope="col" { (ctx.t("project-budget-left")) }
                } }
                tbody { @for period in &tertials {
                    @let figures = budget_in(period, &year_lines, &booked);
                    tr { th scope="row" { (period.key()) } (money_cells(ctx, figures.budget, figures.outcome)) }
                } }
            } }
            p.hint { (ctx.t("project-budget-per-tertial-how")) }
        }
        h2 #lines { (ctx.t("project-budget-lines")) }
        (lines_table(ctx, initiative_id, &lines, can_edit))
        @if can_edit {
            h3 #add-line { (ctx.t("project-budget-line-add")) }
            (error_summary(ctx, &shown.line.1, &[("year", ctx.t("project-budget-year")), ("category", ctx.t("project-budget-category")),
                ("funder", ctx.t("project-budget-funder")), ("amount", ctx.t("project-budget-amount")), ("note", ctx.t("project-budget-note"))]))
            form.stacked method="post" action=(format!("/initiatives/{initiative_id}/budget/lines#add-line")) novalidate {
                (csrf(ctx))
                (forms::input(ctx, Field::new(ctx, "year", "project-budget-year", &shown.line.1).required(), "text", &line_input.year, Some("off")))
                (forms::select(ctx, Field::new(ctx, "category", "project-budget-category", &shown.line.1).required(), &categories, &line_input.category, Some(ctx.t("choose"))))
                (forms::input(ctx, Field::new(ctx, "funder", "project-budget-funder", &shown.line.1).hint(ctx.t("hint-project-funder")), "text", &line_input.funder, None))
                (forms::input(ctx, Field::new(ctx, "amount", "project-budget-amount", &shown.line.1).required().hint(ctx.t("hint-project-amount")), "text", &line_input.amount, Some("off")))
                (forms::input(ctx, Field::new(ctx, "note", "project-budget-note", &shown.line.1), "text", &line_input.note, None))
                div.actions { button type="submit" { (ctx.t("project-budget-line-create")) } }
            }
        }
        h2 #costs { (ctx.t("project-budget-costs")) }
        (costs_table(ctx, initiative_id, &costs, can_edit))
        @if can_edit {
            h3 #add-cost { (ctx.t("project-budget-cost-add")) }
            (error_summary(ctx, &shown.cost.1, &[("booked_on", ctx.t("project-budget-booked-on")), ("category", ctx.t("project-budget-category")),
                ("amount", ctx.t("project-budget-amount")), ("text", ctx.t("project-budget-text"))]))
            form.stacked method="post" action=(format!("/initiatives/{initiative_id}/budget/costs#add-cost")) novalidate {
                (csrf(ctx))
                (forms::input(ctx, Field::new(ctx, "booked_on", "project-budget-booked-on", &shown.cost.1).required(), "date", &cost_input.booked_on, None))
                (forms::select(ctx, Field::new(ctx, "category", "project-budget-category", &shown.cost.1).required(), &categories, &cost_input.category, Some(ctx.t("choose"))))
                (forms::input(ctx, Field::new(ctx, "amount", "project-budget-amount", &shown.cost.1).required().hint(ctx.t("hint-project-cost")), "text", &cost_input.amount, Some("off")))
                (forms::input(ctx, Field::new(ctx, "text", "project-budget-text", &shown.cost.1), "text", &cost_input.text, None))
                div.actions { button type="submit" { (ctx.t("project-budget-cost-create")) } }
            }
            (import_form(ctx, initiative_id, &categories, &shown.import))
        }
    };
    Ok(page(ctx, &ctx.t("project-budget"), Nav::Initiatives, body))
}

fn lines_table(ctx: &Ctx, initiative_id: i64, lines: &[BudgetLine], can_edit: bool) -> Markup {
    html! {
        @if lines.is_empty() { p { (ctx.t("project-budget-lines-none")) } } @else {
            div.table-wrap tabindex="0" role="region" aria-label=(ctx.t("project-budget-lines")) { table {
                thead { tr {
                    th scope="col" { (ctx.t("project-budget-year")) }
                    th scope="col" { (ctx.t("project-budget-category")) }
                    th scope="col" { (ctx.t("project-budget-funder")) }
                    th scope="col" { (ctx.t("project-budget-amount")) }
                    th scope="col" { (ctx.t("project-budget-note")) }
                    @if can_edit { th scope="col" { span.visually-hidden { (ctx.t("project-remove")) } } }
                } }
                tbody { @for line in lines { tr {
                    th scope="row" { (line.year) }
                    td { (category_label(ctx, line.category)) }
                    td { (line.funder) }
                    td.number { (line.amount.format(ctx.locale)) }
                    td { (line.note) }
                    @if can_edit { td { (remove_button(ctx, format!("/initiatives/{initiative_id}/budget/lines/{}/remove", line.id),
                        &format!("{} {}", line.year, category_label(ctx, line.category)))) } }
                } } }
            } }
        }
    }
}

fn costs_table(ctx: &Ctx, initiative_id: i64, costs: &[Cost], can_edit: bool) -> Markup {
    html! {
        @if costs.is_empty() { p { (ctx.t("project-budget-costs-none")) } } @else {
            div.table-wrap tabindex="0" role="region" aria-label=(ctx.t("project-budget-costs")) { table {
                thead { tr {
                    th scope="col" { (ctx.t("project-budget-booked-on")) }
                    th scope="col" { (ctx.t("project-budget-category")) }
                    th scope="col" { (ctx.t("project-budget-amount")) }
                    th scope="col" { (ctx.t("project-budget-text")) }
                    @if can_edit { th scope="col" { span.visually-hidden { (ctx.t("project-remove")) } } }
                } }
                tbody { @for cost in costs { tr {
                    td.date { (ctx.locale.format_date(cost.booked_on)) }
                    td { (category_label(ctx, cost.category)) }
                    td.number { (cost.amount.format(ctx.locale)) }
                    th scope="row" { (cost.text) }
                    @if can_edit { td { (remove_button(ctx, format!("/initiatives/{initiative_id}/budget/costs/{}/remove", cost.id), &cost.text)) } }
                } } }
            } }
        }
    }
}

pub async fn budget_page(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Query(query): Query<NoticeQuery>,
) -> Result<Markup, AppError> {
    budget_view(&state, &member, id, Shown { notice: query.notice.as_deref(), ..Shown::default() }).await
}

pub async fn add_budget_line(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(input): Submitted<BudgetLineInput>,
) -> Result<Response, AppError> {
    let added = match input.parse(member.ctx.locale) {
        Ok(line) => store::add_budget_line(&state.db, &member.scope, id, &line).await.map(|_| ()),
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match added {
        Ok(()) => Ok(redirect_with_cookies(&format!("/initiatives/{id}/budget?notice=saved#lines"), &[])),
        Err(StoreError::Invalid(errors)) => {
            Ok(rejected(budget_view(&state, &member, id, Shown { line: (input, errors), ..Shown::default() }).await?))
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn add_cost(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(input): Submitted<CostInput>,
) -> Result<Response, AppError> {
    let added = match input.parse(member.ctx.locale) {
        Ok(cost) => store::add_costs(&state.db, &member.scope, id, &[cost]).await.map(|_| ()),
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match added {
        Ok(()) => Ok(redirect_with_cookies(&format!("/initiatives/{id}/budget?notice=saved#costs"), &[])),
        Err(StoreError::Invalid(errors)) => {
            Ok(rejected(budget_view(&state, &member, id, Shown { cost: (input, errors), ..Shown::default() }).await?))
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn remove_budget_line(
    State(state): State<AppState>,
    member: Member,
    PathIds(id, line): PathIds,
    Submitted(_): Submitted<EmptyForm>,
) -> Result<Response, AppError> {
    store::remove_budget_entry(&state.db, &member.scope, id, BudgetEntry::Line(line)).await?;
    Ok(redirect_with_cookies(&format!("/initiatives/{id}/budget?notice=saved#lines"), &[]))
}

pub async fn remove_cost(
    State(state): State<AppState>,
    member: Member,
    PathIds(id, cost): PathIds,
    Submitted(_): Submitted<EmptyForm>,
) -> Result<Response, AppError> {
    store::remove_budget_entry(&state.db, &member.scope, id, BudgetEntry::Cost(cost)).await?;
    Ok(redirect_with_cookies(&format!("/initiatives/{id}/budget?notice=saved#costs"), &[]))
}

fn column_label(ctx: &Ctx, column: CostColumn) -> String {
    ctx.t(&format!("project-import-column-{}", column.key().replace('_', "-")))
}

/// Importing costs from the accounting system's export, with a template to start from.
fn import_form(ctx: &Ctx, initiative_id: i64, categories: &[(String, String)], shown: &ImportShown) -> Markup {
    let columns = [CostColumn::BookedOn, CostColumn::Amount, CostColumn::Category, CostColumn::Text];
    let column_names: Vec<String> = columns.iter().map(|c| column_label(ctx, *c)).collect();
    html! {
        h3 #import { (ctx.t("project-import")) }
        p { (ctx.t_with("project-import-lead", &[("columns", column_names.join(", ").into())])) }
        p { a href=(format!("/initiatives/{initiative_id}/budget/costs/template.xlsx")) download { (ctx.t("project-import-template")) } }
        (error_summary(ctx, &shown.file, &[("file", ctx.t("project-import-file"))]))
        @if let Some(refusal) = &shown.refusal {
            div.error-summary #error-summary role="alert" tabindex="-1" aria-labelledby="import-refused" {
                h2 #import-refused { (ctx.t("project-import-refused")) }
                ul { @for line in refusal_lines(ctx, refusal) { li { a href="#f-file" { (line) } } } }
            }
        }
        form.stacked method="post" action=(format!("/initiatives/{initiative_id}/budget/costs/import#import")) enctype="multipart/form-data" {
            (csrf(ctx))
            (forms::input(ctx, Field::new(ctx, "file", "project-import-file", &shown.file).required().hint(ctx.t("hint-project-import-file")), "file", "", None))
            (forms::select(ctx, Field::new(ctx, "default_category", "project-import-default-category", &FieldErrors::new()).hint(ctx.t("hint-project-import-default-category")),
                categories, &shown.default_category, Some(ctx.t("project-import-default-none"))))
            div.actions { button type="submit" { (ctx.t("project-import-submit")) } }
        }
    }
}

/// What is wrong with a refused file, one line each, wrong rows by their number.
fn refusal_lines(ctx: &Ctx, refusal: &ImportError) -> Vec<String> {
    match refusal {
        ImportError::Empty => vec![ctx.t("project-import-empty")],
        ImportError::TooManyRows { max } => {
            vec![ctx.t_with("project-import-too-many", &[("max", (*max as f64).into())])]
        }
        ImportError::MissingColumns(columns) => columns
            .iter()
            .map(|c| ctx.t_with("project-import-missing", &[("column", column_label(ctx, *c).into())]))
            .collect(),
        ImportError::Rows(problems) => problems
            .iter()
            .map(|p| {
                ctx.t_with(
                    "project-import-row",
                    &[
                        ("row", (p.row as f64).into()),
                        ("column", column_label(ctx, p.column).into()),
                        ("problem", crate::views::forms::problem_text(ctx.locale, p.problem).into()),
                    ],
                )
            })
            .collect(),
    }
}

/// A category as a person may name it in an export: its name in any of Parat's languages.
fn category_named(name: &str) -> Option<CostCategory> {
    let name = name.trim().to_lowercase();
    CostCategory::ALL.iter().copied().find(|category| {
        let id = format!("project-category-{}", category.key().replace('_', "-"));
        parat_core::locale::Locale::ALL.iter().any(|locale| crate::i18n::text(*locale, &id).to_lowercase() == name)
    })
}

/// Books every cost of an uploaded export, or none: a wrong row is named and nothing is kept.
pub async fn import_costs(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    multipart: axum::extract::Multipart,
) -> Result<Response, AppError> {
    let upload = Upload::read(&member.ctx, multipart).await?;
    let default_category = upload.field("default_category").to_owned();
    let mut shown = ImportShown { default_category: default_category.clone(), ..ImportShown::default() };
    let chosen = match default_category.as_str() {
        "" => Ok(None),
        key => CostCategory::parse(key).map(Some),
    };
    let rows = match (upload.file, chosen) {
        (_, Err(_)) => return Err(AppError::BadRequest("unknown cost category".into())),
        (None, _) => Err(Problem::FileMissing),
        (Some((name, bytes)), _) => match TableFile::from_name(&name) {
            None => Err(Problem::UnreadableFile),
            Some(kind) => tokio::task::spawn_blocking(move || table::read(kind, &bytes))
                .await
                .map_err(|e| AppError::Internal(Box::new(e)))?
                .map_err(upload_problem),
        },
    };
    let import = CostImport {
        locale: member.ctx.locale,
        category_named: &category_named,
        default_category: chosen.ok().flatten(),
    };
    match rows.map(|rows| import.read(&rows)) {
        Ok(Ok(costs)) => {
            store::add_costs(&state.db, &member.scope, id, &costs).await?;
            return Ok(redirect_with_cookies(&format!("/initiatives/{id}/budget?notice=costs-imported#costs"), &[]));
        }
        Ok(Err(refusal)) => shown.refusal = Some(refusal),
        Err(problem) => shown.file.add("file", problem),
    }
    // Checked before showing the refusal, so that a viewer or another organisation learns nothing.
    member.scope.role().can_edit_initiatives().then_some(()).ok_or(AppError::Forbidden)?;
    Ok(rejected(budget_view(&state, &member, id, Shown { import: shown, ..Shown::default() }).await?))
}

/// An empty import template with the column names in the person's language.
pub async fn cost_template(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
) -> Result<Response, AppError> {
    let ctx = &member.ctx;
    parat_store::initiatives::get(&state.db, &member.scope, id).await?;
    let headers: Vec<String> = CostColumn::ALL.iter().map(|c| column_label(ctx, *c)).collect();
    let example = vec![
        parat_reports::xlsx::Cell::Text(time::OffsetDateTime::now_utc().date().to_string()),
        parat_reports::xlsx::Cell::Text(category_label(ctx, CostCategory::Travel)),
        parat_reports::xlsx::Cell::Number(312.5),
        parat_reports::xlsx::Cell::Text(ctx.t("project-import-example")),
    ];
    let sheet = ctx.t("project-budget-costs");
    let bytes = blocking(move || parat_reports::xlsx::table(&sheet, &headers, &[example])).await?;
    Ok(download(bytes, XLSX, &format!("{}.xlsx", ctx.t("project-import-template-file"))))
}

#[cfg(test)]
mod tests {
    use parat_core::locale::Locale;

    use super::*;

    #[test]
    fn the_templates_column_names_and_the_category_names_are_read_back_in_every_language() {
        for locale in Locale::ALL {
            for column in CostColumn::ALL {
                let name =
                    crate::i18n::text(*locale, &format!("project-import-column-{}", column.key().replace('_', "-")));
                assert!(column.recognises(&name), "{locale:?} {name}");
            }
            for category in CostCategory::ALL {
                let name =
                    crate::i18n::text(*locale, &format!("project-category-{}", category.key().replace('_', "-")));
                assert_eq!(category_named(&format!(" {} ", name.to_uppercase())), Some(*category), "{locale:?} {name}");
            }
        }
    }
}
