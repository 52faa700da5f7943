//! Assessments made through the store's own functions, as the pages make them: for tests and for
//! the demo, which need an assessment in a given state without writing rows by hand (which would
//! skip the rules these functions keep — the team, the blind rule, reporting only when complete).

use parat_core::readiness::assessment::{AssessmentDraft, InformantDraft, InterviewDraft};

use super::*;

/// One interview to make: who was interviewed, what was said, what each scorer submitted and
/// what they agreed.
#[derive(Debug, Clone)]
pub struct PlannedInterview {
    pub informant: InformantDraft,
    pub transcript: Option<String>,
    /// Each scorer's submitted levels, in the order the scorers were given; `None`: not yet.
    pub scored: [Option<[u8; 6]>; 2],
    /// The agreed levels; only possible once both have submitted.
    pub agreed: Option<[u8; 6]>,
}

impl PlannedInterview {
    /// An interview with the `n`th key informant whose six dimensions both scorers score, and
    /// agree, at these levels.
    pub fn agreed(n: usize, levels: [u8; 6]) -> Self {
        PlannedInterview {
            informant: InformantDraft {
                label: format!("Nyckelperson {n}"),
                role: "Enhetschef".into(),
                sector: "Kommun".into(),
                contact: None,
            },
            transcript: None,
            scored: [Some(levels), Some(levels)],
            agreed: Some(levels),
        }
    }
}

/// An assessment to make: who runs it, who interviews and scores, and its interviews.
pub struct AssessmentBuilder<'a> {
    coordinator: &'a OrgScope,
    scorers: [&'a OrgScope; 2],
    interviewer: Option<&'a OrgScope>,
    initiative_id: i64,
    measured: String,
    issue: String,
    interviews: Vec<PlannedInterview>,
    report: bool,
    created_at: Option<i64>,
    existing: Option<i64>,
}

impl<'a> AssessmentBuilder<'a> {
    /// A CRM 2006 assessment of `initiative_id`, run by `coordinator` (who may edit initiatives)
    /// and scored by the two `scorers`, members of the same organisation.
    pub fn new(coordinator: &'a OrgScope, scorers: [&'a OrgScope; 2], initiative_id: i64) -> Self {
        AssessmentBuilder {
            coordinator,
            scorers,
            interviewer: None,
            initiative_id,
            measured: "Testkommunen".into(),
            issue: "våld i nära relationer".into(),
            interviews: Vec::new(),
            report: false,
            created_at: None,
            existing: None,
        }
    }

    /// The community measured and the issue the questions ask about.
    pub fn measuring(mut self, measured: &str, issue: &str) -> Self {
        measured.clone_into(&mut self.measured);
        issue.clone_into(&mut self.issue);
        self
    }

    /// The team's interviewer, who records the interviews; otherwise the coordinator does.
    pub fn interviewer(mut self, interviewer: &'a OrgScope) -> Self {
        self.interviewer = Some(interviewer);
        self
    }

    /// An interview whose six dimensions both scorers score, and agree, at these levels.
    pub fn interview(mut self, levels: [u8; 6]) -> Self {
        let n = self.interviews.len() + 1;
        self.interviews.push(PlannedInterview::agreed(n, levels));
        self
    }

    /// An interview in any state of scoring.
    pub fn planned(mut self, interview: PlannedInterview) -> Self {
        self.interviews.push(interview);
        self
    }

    /// Carries on with an assessment already planned (one a campaign made on approval, its team
    /// set) instead of creating one; the initiative given to [`new`](Self::new) is then unused.
    pub fn continuing(mut self, assessment_id: i64) -> Self {
        self.existing = Some(assessment_id);
        self
    }

    /// Report the assessment once every interview is agreed.
    pub fn reported(mut self) -> Self {
        self.report = true;
        self
    }

    /// Dates the assessment as begun at `created_at` (Unix seconds): its own times, and those of
    /// its informants, interviews, submissions and consensus, move back by the same amount, so a
    /// history of assessments reads as it would have happened. The audit log keeps the real times.
    pub fn begun_at(mut self, created_at: i64) -> Self {
        self.created_at = Some(created_at);
        self
    }

    pub async fn build(self, db: &Db) -> StoreResult<Assessment> {
        let interviewer = self.interviewer.unwrap_or(self.coordinator);
        let draft = AssessmentDraft {
            instrument_id: "crm-2006".into(),
            measured: self.measured,
            issue: self.issue,
            half_points: false,
            interviewers: self.interviewer.iter().map(|s| s.user_id).collect(),
            scorers: self.scorers.iter().map(|s| s.user_id).collect(),
        };
        let planned = match self.existing {
            Some(id) => get(db, self.coordinator, id).await?.0,
            None => create(db, self.coordinator, self.initiative_id, &draft).await?,
        };
        let assessment = advance(db, self.coordinator, planned.id).await?;
        let mut interviews = Vec::new();
        for planned in &self.interviews {
            let informant_id = add_informant(db, interviewer, &assessment, &planned.informant).await?;
            let draft = InterviewDraft {
                informant_id: Some(informant_id),
                held_on: None,
                interviewer_id: self.interviewer.map(|s| s.user_id),
            };
            let interview_id = add_interview(db, interviewer, &assessment, &draft).await?;
            if let Some(transcript) = &planned.transcript {
                let (_, _, interview) = interview_for_change(db, interviewer, interview_id).await?;
                save_transcript(db, interviewer, &assessment, interview, transcript).await?;
            }
            interviews.push((interview_id, planned));
        }
        let mut assessment = match interviews.is_empty() {
            true => assessment,
            false => advance(db, self.coordinator, assessment.id).await?,
        };
        for (interview_id, planned) in &interviews {
            for (scorer, levels) in self.scorers.iter().zip(&planned.scored) {
                let Some(levels) = levels else { continue };
                let sheet = dimensions(levels)?
                    .map(|(key, level)| (key, Score { level: Some(level), evidence: String::new() }))
                    .collect();
                let (_, _, interview) = interview_for_change(db, scorer, *interview_id).await?;
                save_scores(db, scorer, &assessment, interview, &sheet, true).await?;
            }
            if let Some(agreed) = &planned.agreed {
                let agreed = dimensions(agreed)?.map(|(key, level)| (key, (level, String::new()))).collect();
                let (_, _, interview) = interview_for_change(db, self.coordinator, *interview_id).await?;
                save_consensus(db, self.coordinator, &assessment, interview, &agreed).await?;
            }
        }
        if self.report {
            assessment = advance(db, self.coordinator, assessment.id).await?;
            assessment = advance(db, self.coordinator, assessment.id).await?;
        }
        if let Some(created_at) = self.created_at {
            move_back(db, assessment.id, assessment.created_at - created_at).await?;
            assessment = get(db, self.coordinator, assessment.id).await?.0;
        }
        Ok(assessment)
    }
}

/// The CRM 2006 dimensions with these whole levels.
fn dimensions(levels: &[u8; 6]) -> StoreResult<impl Iterator<Item = (String, HalfPoints)> + '_> {
    let keys = Edition::Crm2006.dimension_keys();
    let levels = levels
        .iter()
        .map(|l| HalfPoints::from_whole(*l).ok_or(StoreError::Unsupported("a level is 1–9")))
        .collect::<StoreResult<Vec<_>>>()?;
    Ok(keys.iter().map(|k| (*k).to_owned()).zip(levels))
}

/// Moves every time of an assessment and of what belongs to it `seconds` back.
async fn move_back(db: &Db, assessment_id: i64, seconds: i64) -> StoreResult<()> {
    const SHIFTS: [&str; 5] = [
        "UPDATE assessments SET created_at = created_at - $2, updated_at = updated_at - $2, \
         reported_at = reported_at - $2 WHERE id = $1",
        "UPDATE informants SET created_at = created_at - $2 WHERE assessment_id = $1",
        "UPDATE interviews SET created_at = created_at - $2, updated_at = updated_at - $2 WHERE assessment_id = $1",
        "UPDATE score_submissions SET submitted_at = submitted_at - $2 \
         WHERE interview_id IN (SELECT id FROM interviews WHERE assessment_id = $1)",
        "UPDATE consensus SET decided_at = decided_at - $2 \
         WHERE interview_id IN (SELECT id FROM interviews WHERE assessment_id = $1)",
    ];
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        for shift in SHIFTS {
            sqlx::query(shift).bind(assessment_id).bind(seconds).execute(&mut *tx).await?;
        }
        tx.commit().await?;
    });
    Ok(())
}
