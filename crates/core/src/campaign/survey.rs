//! The county report of a questionnaire campaign: each organisation's round closed, its
//! respondents' scale scores averaged (only where the round's anonymity threshold is reached),
//! the county's mean per scale — every organisation counting once, however many answered — the
//! areas most often among an organisation's two lowest, and the change since the board's
//! previous campaign with the same questionnaire.

use super::county::{Label, Naming};
use crate::questionnaire::{lowest_areas, score_all, summarise, Answers, Definition, Threshold};

/// One organisation's closed round in a campaign: its submitted answers.
#[derive(Debug, Clone)]
pub struct SurveyMeasured {
    pub org_id: i64,
    pub name: String,
    pub threshold: Threshold,
    pub answers: Vec<Answers>,
}

/// One organisation's line.
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyRow {
    pub org_id: i64,
    pub label: Label,
    /// The organisation reading the report: named even when the others are not.
    pub own: bool,
    pub responses: usize,
    /// Each scale's mean, in the definition's order; `None` below the round's threshold.
    pub scales: Vec<Option<f64>>,
    /// The items among its two lowest (with ties), lowest first.
    pub lowest: Vec<String>,
}

/// One scale across the county.
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyScale {
    pub key: String,
    /// The mean of the organisations' means, each counting once; `None` when no organisation
    /// reached its threshold.
    pub mean: Option<f64>,
    /// How many organisations' means it is made of.
    pub organisations: usize,
    /// The same in the previous campaign, when it had one.
    pub previous_mean: Option<f64>,
}

/// What the report says.
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyReport {
    pub rows: Vec<SurveyRow>,
    pub scales: Vec<SurveyScale>,
    /// The items most often among an organisation's lowest, most often first (ties in the
    /// questionnaire's order); those never lowest are left out.
    pub most_often_lowest: Vec<(String, u32)>,
    /// How many organisations the previous campaign reported, when there was one.
    pub previous_measured: Option<usize>,
}

/// Each scale's mean for one organisation, `None` below its threshold.
fn organisation_means(definition: &Definition, measured: &SurveyMeasured) -> Vec<Option<f64>> {
    let scores = score_all(definition, &measured.answers);
    let summaries = summarise(definition, &scores, measured.threshold);
    definition.scales.iter().map(|scale| summaries.get(&scale.id).and_then(|s| s.mean)).collect()
}

fn mean(values: impl IntoIterator<Item = f64>) -> (Option<f64>, usize) {
    let values: Vec<f64> = values.into_iter().collect();
    let n = values.len();
    ((n > 0).then(|| values.iter().sum::<f64>() / n as f64), n)
}

/// The report over a campaign's closed rounds of `definition` (`None` when none is closed), with
/// the previous campaign's rounds of the same questionnaire for the change.
pub fn survey_report(
    definition: &Definition,
    measured: &[SurveyMeasured],
    previous: Option<&[SurveyMeasured]>,
    naming: Naming,
) -> Option<SurveyReport> {
    if measured.is_empty() {
        return None;
    }
    let previous = previous.filter(|p| !p.is_empty());
    let now: Vec<Vec<Option<f64>>> = measured.iter().map(|m| organisation_means(definition, m)).collect();
    let then: Vec<Vec<Option<f64>>> =
        previous.unwrap_or_default().iter().map(|m| organisation_means(definition, m)).collect();
    let scales = definition
        .scales
        .iter()
        .enumerate()
        .map(|(k, scale)| {
            let (mean, organisations) = mean(now.iter().filter_map(|means| means[k]));
            let previous_mean = mean_of(&then, k);
            SurveyScale { key: scale.id.clone(), mean, organisations, previous_mean }
        })
        .collect();

    let mut rows: Vec<SurveyRow> = measured
        .iter()
        .zip(now)
        .map(|(m, scales)| SurveyRow {
            org_id: m.org_id,
            label: Label::Named(m.name.clone()),
            own: matches!(naming, Naming::Anonymised { own: Some(own) } if own == m.org_id),
            responses: m.answers.len(),
            scales,
            lowest: lowest_areas(definition, &m.answers, m.threshold).into_iter().map(|(id, _)| id).collect(),
        })
        .collect();

    // Items in the questionnaire's order, for the ties.
    let mut order: Vec<&str> = Vec::new();
    for member in definition.scales.iter().flat_map(|s| &s.items) {
        if definition.item(member).is_some() && !order.contains(&member.as_str()) {
            order.push(member);
        }
    }
    let mut most_often_lowest: Vec<(String, u32)> = order
        .iter()
        .map(|id| (id.to_string(), rows.iter().filter(|r| r.lowest.iter().any(|l| l == id)).count() as u32))
        .filter(|(_, count)| *count > 0)
        .collect();
    most_often_lowest.sort_by_key(|item| std::cmp::Reverse(item.1));

    if let Naming::Anonymised { .. } = naming {
        // Numbered by result (the mean of the scales shown, highest first), never by name.
        let overall = |row: &SurveyRow| mean(row.scales.iter().flatten().copied()).0;
        rows.sort_by(|a, b| {
            let (a_overall, b_overall) = (overall(a), overall(b));
            b_overall
                .is_some()
                .cmp(&a_overall.is_some())
                .then(b_overall.unwrap_or(0.0).total_cmp(&a_overall.unwrap_or(0.0)).then(a.org_id.cmp(&b.org_id)))
        });
        for (n, row) in rows.iter_mut().enumerate() {
            if !row.own {
                row.label = Label::Numbered(n + 1);
            }
        }
    }
    Some(SurveyReport { rows, scales, most_often_lowest, previous_measured: previous.map(<[SurveyMeasured]>::len) })
}

fn mean_of(means: &[Vec<Option<f64>>], k: usize) -> Option<f64> {
    mean(means.iter().filter_map(|m| m.get(k).copied().flatten())).0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::{Answer, Lists, RawAnswer};

    const TEXT: &str = "{ sv = \"Text\", da = \"Tekst\", en = \"Text\" }";

    /// Three statements on 1–5, a scale of the first two, and a scale of all three.
    fn definition() -> Definition {
        let item = |id: &str| {
            format!("[[sections.items]]\nid = \"{id}\"\nkind = \"agreement\"\nresponses = \"agree5\"\ntext = {TEXT}\n")
        };
        let source = format!(
            "id = \"county_test\"\npurpose = \"readiness\"\nname = {TEXT}\ndescription = {TEXT}\n\n\
             [response_sets.agree5]\nmin = 1\nmax = 5\nlabels = [{TEXT}, {TEXT}]\n\n\
             [[sections]]\nid = \"one\"\ntitle = {TEXT}\n\n{}{}{}\n\
             [[scales]]\nid = \"ab\"\nname = {TEXT}\nitems = [\"a\", \"b\"]\nrule = \"mean\"\n\n\
             [[scales]]\nid = \"all\"\nname = {TEXT}\nitems = [\"a\", \"b\", \"c\"]\nrule = \"mean\"\n",
            item("a"),
            item("b"),
            item("c")
        );
        Definition::from_toml(&source).expect("the test's questionnaire parses")
    }

    fn answers(definition: &Definition, a: u8, b: u8, c: u8) -> Answers {
        let raw = [("a", a), ("b", b), ("c", c)]
            .iter()
            .map(|(id, v)| ((*id).to_owned(), RawAnswer::Number(f64::from(*v))))
            .collect();
        Answers::parse(definition, &raw, &Lists::new()).expect("answers fit")
    }

    fn measured(org_id: i64, name: &str, threshold: i64, rows: &[(u8, u8, u8)]) -> SurveyMeasured {
        let d = definition();
        SurveyMeasured {
            org_id,
            name: name.into(),
            threshold: Threshold::new(threshold).unwrap_or_default(),
            answers: rows.iter().map(|(a, b, c)| answers(&d, *a, *b, *c)).collect(),
        }
    }

    fn close(actual: Option<f64>, expected: f64) {
        let v = actual.expect("a mean");
        assert!((v - expected).abs() < 1e-9, "{v} ≠ {expected}");
    }

    #[test]
    fn each_organisation_counts_once_and_a_round_below_its_threshold_shows_nothing() {
        let d = definition();
        // Alingsås: (4,2,3) and (2,2,5): ab 3 and 2 → 2.5; all 3 and 3 → 3. Lowest: b (2.0)
        // then a (3.0); c is 4.0.
        // Borås: (5,5,1), (5,3,1), (5,4,1): ab 5, 4, 4.5 → 4.5; all 11/3, 3, 10/3 → 10/3.
        // Lowest: c (1.0), then b (4.0).
        // Vårgårda: one answer under a threshold of 2: no mean, no lowest.
        let now = [
            measured(1, "Alingsås", 2, &[(4, 2, 3), (2, 2, 5)]),
            measured(2, "Borås", 2, &[(5, 5, 1), (5, 3, 1), (5, 4, 1)]),
            measured(3, "Vårgårda", 2, &[(1, 1, 1)]),
        ];
        let report = survey_report(&d, &now, None, Naming::Named).expect("a report");
        assert_eq!(report.rows.len(), 3);
        close(report.rows[0].scales[0], 2.5);
        close(report.rows[0].scales[1], 3.0);
        close(report.rows[1].scales[0], 4.5);
        close(report.rows[1].scales[1], 10.0 / 3.0);
        assert_eq!(report.rows[2].scales, vec![None, None]);
        assert_eq!(report.rows[2].responses, 1);
        assert_eq!(report.rows[0].lowest, vec!["b", "a"]);
        assert_eq!(report.rows[1].lowest, vec!["c", "b"]);
        assert!(report.rows[2].lowest.is_empty());
        // The county: (2.5 + 4.5) / 2 = 3.5 and (3 + 10/3) / 2 = 19/6, of two organisations.
        close(report.scales[0].mean, 3.5);
        close(report.scales[1].mean, 19.0 / 6.0);
        assert_eq!(report.scales[0].organisations, 2);
        assert_eq!(report.scales[0].previous_mean, None);
        // b is lowest in both; a and c once each, in the questionnaire's order.
        assert_eq!(report.most_often_lowest, vec![("b".into(), 2), ("a".into(), 1), ("c".into(), 1)]);
        assert_eq!(report.previous_measured, None);
    }

    #[test]
    fn the_change_is_against_the_previous_campaigns_county_means() {
        let d = definition();
        let now = [measured(1, "Alingsås", 1, &[(4, 4, 4)]), measured(2, "Borås", 1, &[(2, 2, 2)])];
        // Before: only Alingsås, at (3,1,2): ab 2, all 2.
        let before = [measured(1, "Alingsås", 1, &[(3, 1, 2)])];
        let report = survey_report(&d, &now, Some(&before), Naming::Named).expect("a report");
        close(report.scales[0].mean, 3.0);
        close(report.scales[0].previous_mean, 2.0);
        close(report.scales[1].previous_mean, 2.0);
        assert_eq!(report.previous_measured, Some(1));
        // An empty previous campaign compares with nothing.
        let report = survey_report(&d, &now, Some(&[]), Naming::Named).expect("a report");
        assert_eq!(report.previous_measured, None);
        assert!(survey_report(&d, &[], None, Naming::Named).is_none());
    }

    #[test]
    fn anonymised_rows_are_numbered_by_result_with_the_readers_own_named() {
        let d = definition();
        let now = [
            measured(1, "Alingsås", 1, &[(2, 2, 2)]),
            measured(2, "Borås", 1, &[(5, 5, 5)]),
            measured(3, "Vårgårda", 5, &[(5, 5, 5)]),
        ];
        let report = survey_report(&d, &now, None, Naming::Anonymised { own: Some(1) }).expect("a report");
        let labels: Vec<(i64, &Label)> = report.rows.iter().map(|r| (r.org_id, &r.label)).collect();
        // Borås highest, Alingsås (the reader, named) next, Vårgårda (nothing shown) last.
        assert_eq!(
            labels,
            vec![(2, &Label::Numbered(1)), (1, &Label::Named("Alingsås".into())), (3, &Label::Numbered(3))]
        );
        assert!(report.rows[1].own);
    }

    #[test]
    fn answers_parse_as_numbers() {
        let d = definition();
        assert_eq!(answers(&d, 3, 4, 5).get("b"), Some(&Answer::Number(4.0)));
    }
}
