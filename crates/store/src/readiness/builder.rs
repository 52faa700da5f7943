//! Assessments made through the store's own functions, as the pages make them: for tests that
//! need an assessment in a given state, without writing rows by hand (which would skip the
//! rules these functions keep — the team, the blind rule, reporting only when complete).

use parat_core::readiness::assessment::{AssessmentDraft, InformantDraft, InterviewDraft};

use super::*;

/// An assessment to make: who runs it, who scores, and each interview's agreed levels.
pub struct AssessmentBuilder<'a> {
    coordinator: &'a OrgScope,
    scorers: [&'a OrgScope; 2],
    initiative_id: i64,
    measured: String,
    issue: String,
    interviews: Vec<Vec<u8>>,
    report: bool,
}

impl<'a> AssessmentBuilder<'a> {
    /// A CRM 2006 assessment of `initiative_id`, run by `coordinator` (who may edit initiatives)
    /// and scored by the two `scorers`, members of the same organisation.
    pub fn new(coordinator: &'a OrgScope, scorers: [&'a OrgScope; 2], initiative_id: i64) -> Self {
        AssessmentBuilder {
            coordinator,
            scorers,
            initiative_id,
            measured: "Testkommunen".into(),
            issue: "våld i nära relationer".into(),
            interviews: Vec::new(),
            report: false,
        }
    }

    /// An interview whose six dimensions both scorers score, and agree, at these levels.
    pub fn interview(mut self, levels: [u8; 6]) -> Self {
        self.interviews.push(levels.to_vec());
        self
    }

    /// Report the assessment once every interview is agreed.
    pub fn reported(mut self) -> Self {
        self.report = true;
        self
    }

    pub async fn build(self, db: &Db) -> StoreResult<Assessment> {
        let draft = AssessmentDraft {
            instrument_id: "crm-2006".into(),
            measured: self.measured,
            issue: self.issue,
            half_points: false,
            interviewers: Vec::new(),
            scorers: self.scorers.iter().map(|s| s.user_id).collect(),
        };
        let created = create(db, self.coordinator, self.initiative_id, &draft).await?;
        let assessment = advance(db, self.coordinator, created.id).await?;
        let mut interviews = Vec::new();
        for (n, levels) in self.interviews.iter().enumerate() {
            let informant = InformantDraft {
                label: format!("Nyckelperson {}", n + 1),
                role: "Enhetschef".into(),
                sector: "Kommun".into(),
                contact: None,
            };
            let informant_id = add_informant(db, self.coordinator, &assessment, &informant).await?;
            let interview = InterviewDraft { informant_id: Some(informant_id), held_on: None, interviewer_id: None };
            interviews.push((add_interview(db, self.coordinator, &assessment, &interview).await?, levels));
        }
        let assessment = advance(db, self.coordinator, assessment.id).await?;
        for (interview_id, levels) in &interviews {
            let level = |l: u8| HalfPoints::from_whole(l).ok_or(StoreError::Unsupported("a level is 1–9"));
            let mut sheet = BTreeMap::new();
            let mut agreed = BTreeMap::new();
            for (key, l) in Edition::Crm2006.dimension_keys().iter().zip(levels.iter()) {
                sheet.insert((*key).to_owned(), Score { level: Some(level(*l)?), evidence: String::new() });
                agreed.insert((*key).to_owned(), (level(*l)?, String::new()));
            }
            for scorer in self.scorers {
                let (_, _, interview) = interview_for_change(db, scorer, *interview_id).await?;
                save_scores(db, scorer, &assessment, interview, &sheet, true).await?;
            }
            let (_, _, interview) = interview_for_change(db, self.coordinator, *interview_id).await?;
            save_consensus(db, self.coordinator, &assessment, interview, &agreed).await?;
        }
        let mut assessment = assessment;
        if self.report {
            assessment = advance(db, self.coordinator, assessment.id).await?;
            assessment = advance(db, self.coordinator, assessment.id).await?;
        }
        Ok(assessment)
    }
}
