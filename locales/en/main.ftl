# Parat – English

app-tagline = Parat – readiness, implementation, cooperation and follow-up for welfare organisations
skip-to-content = Skip to content
current-organisation = Organisation
switch-organisation = Switch organisation
log-out = Log out
language = Language
language-change = Change language
nav-label = Main menu
nav-home = Home
nav-initiatives = Initiatives
nav-organisations = Organisations
nav-members = Members
nav-audit = Audit log
nav-account = My account
actions = Actions
all = All
choose = Choose …
cancel = Cancel
save = Save
edit = Edit
archive = Archive
restore = Restore
archived = Archived
search = Search

# Fields
field-name = Name
field-description = Description
field-topic = Topic area
field-custom-topic = Own topic area
field-target-group = Target group
field-start-date = Start date
field-end-date = End date
field-period = Period
field-status = Status
field-owner = Owner
field-partners = Partner organisations
field-email = E-mail address
field-password = Password
field-password-confirmation = Repeat the password
field-display-name = Name
field-organisation-name = Organisation name
field-organisation-kind = Kind of organisation
field-parent = Parent organisation
field-role = Role
field-initial-password = First password
field-token-name = Token name

hint-custom-topic = Fill in if you chose "Own topic area".
hint-target-group = For example "young adults aged 18–29 without their own income".
hint-date = Write the date as YYYY-MM-DD.
hint-partners = Organisations taking part in the initiative.
hint-parent = For example the county board for a municipality, or the municipality for a district.
hint-roles = The roles are described at the bottom of the page.
hint-token-name = So that you recognise the token, for example "reporting tool".
password-hint = At least { $n } characters. A phrase of several words is easy to remember and hard to guess.
no-owner = No owner
no-parent = None

# Form errors
error-prefix = Error
error-summary-title = Something needs correcting
problem-required = Fill in this field.
problem-too-long = May be at most { $n } characters.
problem-too-short = Must be at least { $n } characters.
problem-invalid-email = Enter an e-mail address, for example name@municipality.se.
problem-invalid-date = Enter a date as YYYY-MM-DD, for example 2026-03-31.
problem-end-before-start = The end date cannot be before the start date.
problem-unknown-choice = That option does not exist. Choose one of the options in the list.
problem-taken = This exists already.
problem-mismatch = The passwords do not match.
problem-control-characters = The text contains characters that are not allowed.

# Login and setup
login-title = Log in
login-submit = Log in
login-failed = The e-mail address or the password is wrong.
login-throttled = Too many failed attempts. Wait fifteen minutes and try again.
setup-title = Get started with Parat
setup-intro = Create the first administrator and the organisation you work in. The link works once.
setup-you = You
setup-organisation = Your organisation
setup-submit = Create and log in
not-set-up-title = Parat is not set up yet
not-set-up-body = Nobody can log in yet. Open the one-time link printed when Parat started, or run "parat setup-link" for a new one.

# Home
home-title = My initiatives
home-greeting = Welcome, { $name }.
home-mine = Initiatives you own
home-mine-empty = You do not own any initiative yet.
no-organisation-title = No organisation
initiatives-all = All initiatives
initiatives-all-mine = Show all your initiatives

# Initiatives
initiative-new = New initiative
initiative-edit = Edit initiative
initiatives-count = { $n ->
    [one] { $n } initiative
   *[other] { $n } initiatives
}
initiatives-none = No initiatives match.
filter-mine = Only mine
filter-archived = Show archived
filter-submit = Filter
pager-label = Pages
pager-previous = Previous
pager-next = Next
pager-position = Page { $page } of { $pages }

topic-violence_close_relationships = Violence in close relationships
topic-honour_related_violence = Honour-related violence and oppression
topic-andt_prevention = Alcohol, drugs, doping and tobacco prevention
topic-minority_rights = Rights of national minorities
topic-integration = Integration
topic-vocational_rehabilitation = Vocational rehabilitation
topic-mental_health_recovery = Mental health and recovery
topic-custom = Own topic area

status-planned = Planned
status-active = Active
status-paused = Paused
status-completed = Completed

# Organisations
org-kind-municipality = Municipality
org-kind-district = District
org-kind-region = Region
org-kind-county_board = County board
org-kind-coordination_association = Coordination association
org-kind-national_agency = National agency
org-kind-other = Other
organisations-mine = Your organisations
organisations-all = All organisations
organisation-new = New organisation
organisation-edit = Edit the organisation
organisation-current = You work in this one now
organisation-switch-to = Work in { $name }

# Roles and members
role-admin = Administrator
role-coordinator = Coordinator
role-scorer = Scorer
role-practitioner = Practitioner
role-viewer = Viewer
role-admin-description = Manages members and the organisation's details, reads the audit log, and can do everything a coordinator can.
role-coordinator-description = Owns initiatives: creates, edits and archives them, and runs assessments and reports.
role-scorer-description = Conducts and scores interviews in the assessments they are assigned to.
role-practitioner-description = Records follow-up with participants and attendance.
role-viewer-description = Reads initiatives and finished reports, for example in a steering group.
roles-title = Roles
role-of = Role of { $name }
role-change = Change role
member-remove = Remove { $name }
member-add = Add member
member-add-intro = Add a person who already has an account by their e-mail address, or create a new account.
member-new-account = New account
member-new-account-hint = Fill in only if the person has no account. Give them the first password in a safe way.

# Audit log
audit-intro = Every change in the organisation: who, when, what, before and after.
audit-empty = No events yet.
audit-when = When
audit-who = Who
audit-what = What
audit-before = Before
audit-after = After
audit-older = Older events
audit-action-create = Created
audit-action-update = Changed
audit-action-delete = Removed
audit-action-archive = Archived
audit-action-restore = Restored
audit-action-setup = Set up Parat
audit-entity-user = account
audit-entity-organisation = organisation
audit-entity-membership = membership
audit-entity-initiative = initiative
audit-entity-api_token = API token

# Account and API tokens
tokens-title = API tokens
tokens-intro = A personal token lets another program read and change this organisation's initiatives through the API, with your permissions.
tokens-none = You have no tokens.
token-new = New token
token-create = Create token
token-created = Created
token-last-used = Last used
token-revoke = Revoke { $name }
token-created-once = Copy the token now. It is shown only this once.
api-documentation = API description (OpenAPI)

# Notices after an action
notice-saved = The changes are saved.
notice-initiative-created = The initiative has been created.
notice-organisation-created = The organisation has been created.
notice-assessment-created = The readiness assessment has been created.
notice-status-advanced = The assessment has moved on to the next step.
notice-informant-added = The key informant has been added.
notice-interview-created = The interview has been created. Type the answers as you talk, or upload a transcript.
notice-consensus-saved = The consensus has been saved.
notice-instrument-loaded = The instrument has been loaded and can be chosen for new assessments.
notice-archived = The initiative is archived.
notice-restored = The initiative is restored.
notice-language-changed = The language is changed.
notice-member-added = The member is added.
notice-member-updated = The role is changed.
notice-member-removed = The member is removed.
notice-token-revoked = The token is revoked.
notice-token-created = The token is created.
notice-switched = You now work in another organisation.
notice-last-admin = The organisation must keep at least one administrator.

# Error pages
error-status = Error code
error-go-home = Go to the home page
error-not-found-title = Page not found
error-not-found = The page or record does not exist, or you do not have access to it.
error-forbidden-title = Not allowed
error-forbidden = Your role in the organisation does not allow this.
error-login-required-title = Log in
error-login-required = You need to log in first.
error-no-organisation-title = No organisation
error-no-organisation = You are not a member of any organisation yet. Ask an administrator to add you.
error-csrf-title = The form has expired
error-csrf = The form could not be sent safely. Reload the page and try again.
error-too-many-attempts-title = Too many attempts
error-too-many-attempts = Wait a while and try again.
error-bad-request-title = Bad request
error-bad-request = The request could not be understood.
error-unauthorised-title = Not logged in
error-unauthorised = The request lacks a valid login or API token.
error-invalid-title = The details need correcting
error-invalid = Some details are not valid.
error-internal-title = Something went wrong
error-internal = Something went wrong on our side. Nothing you sent was half-saved; try again in a while.
error-unavailable-title = Temporarily unavailable
error-unavailable = Parat cannot reach its database right now. Nothing you sent was half-saved. Try again in a moment.
error-method-not-allowed-title = Wrong method
error-method-not-allowed = The address does not support this method.
error-too-large-title = Request too large
error-too-large = What you sent is too large.
error-unsupported-media-type-title = Wrong format
error-unsupported-media-type = The content has a format that is not supported.

# Readiness assessments (Community Readiness)
yes = Yes
no = No
assessments-title = Readiness assessments
assessments-none = No assessments yet.
assessment-new = New readiness assessment
assessment-new-intro = An assessment is based on interviews with key informants. Two scorers score each interview independently and then agree on the scores.
assessment-create = Create the assessment
assessment-title = Readiness assessment
assessment-instrument = Instrument
assessment-measured = What is assessed
assessment-issue = Name of the issue in the interviews
assessment-half-points = Allow half points
assessment-interviewers = Interviewers
assessment-scorers = Scorers
assessment-interviews = Interviews
assessment-steps = Steps of the assessment
assessment-advance = Move on to: { $status }
assessment-advance-refused-interviewing = The assessment cannot move on right now.
assessment-advance-refused-scoring = Add at least one interview before scoring starts.
assessment-advance-refused-consensus = The assessment cannot move on right now.
assessment-advance-refused-reported = Every interview needs a consensus score for all dimensions before the result can be reported.
assessment-status-planned = Planned
assessment-status-interviewing = Interviewing
assessment-status-scoring = Scoring
assessment-status-consensus = Consensus
assessment-status-reported = Reported
hint-instrument = The edition is chosen once and applies to the whole assessment.
hint-measured = For example the municipality, the department or the district being assessed.
hint-issue = The issue as it should be named when read aloud, for example "violence in close relationships".
hint-scorers = Choose two people who score each interview independently of each other.

informants-title = Key informants
informants-intro = Key informants are chosen together with the organisation because they know how the issue is being worked on. Store as little as possible about them; the contact details can be deleted when they are no longer needed, and the scores remain.
informant = Key informant
informant-none = None chosen
informant-add = Add key informant
informant-label = Label
informant-label-default = Key informant
informant-role = Role
informant-sector = Sector
informant-contact = Contact details
informant-erase = Erase the details about { $name }
confirm-member-remove = Remove { $name } from the organisation?
confirm-member-remove-consequence = { $name } will no longer see the organisation's data. The account stays, and what { $name } did stays in the audit log. You can add the person again later.
confirm-informant-erase = Erase the details about { $name }?
confirm-informant-erase-consequence = The label, role, sector and contact details are erased for good. The interviews and every score stay, with no link to the person.
hint-informant-label = A pseudonym is enough, for example "Key informant 3".
hint-informant-role = For example "unit manager, social services".
hint-informant-sector = For example "municipality", "region", "civil society".
hint-informant-contact = Optional. Phone or e-mail for booking the interview.

interviews-title = Interviews
interviews-none = No interviews yet.
interviews-recommended = The method is based on at least { $n } interviews.
interview = Interview
interview-new = New interview
interview-add = Add interview
interview-held-on = Date
interviewer = Interviewer
interview-answers = Answers
interview-scoring = Scoring
interview-consensus = Dimensions with a consensus score
interview-submissions = { $n } of 2 done
interview-transcript = Transcript
interview-guide = Interview guide
interview-guide-intro = Type in the answers as you interview; each answer is saved when you leave the field. Questions with a 1–10 scale give context and are never scores.
hint-transcript = Paste in a transcript of the whole interview if you have one. The scorers read both the answers and the transcript.
context-rating = Key informant's rating (1–10)
context-rating-hint = Also ask why. The rating is context, not a score.

score-title = Score the interview
score-intro = Read the whole interview first. Then start at level 1 for each dimension and move up as long as the interview fully meets the statement. The score is the highest level that is fully met. The other scorer's scores are shown only once you have both submitted.
score-action = Score
score-evidence = Evidence from the interview
score-half-step = (between two levels)
score-save = Save draft
score-submit = Submit
score-submit-hint = Once you have submitted, the scores cannot be changed; differences are dealt with at the consensus stage.
score-submitted = You have submitted your scoring of the interview.
notice-submitted = The scoring is submitted.
notice-informant-erased = The details about the key informant are erased. The scores stay.

consensus-title = Consensus
consensus-intro = Here you can see both scorers' scores. Discuss each dimension where you differ and agree on a score – do not take the average. The original scores are kept.
consensus-agreed = Consensus score
consensus-rationale = Rationale
consensus-disagreement = Scores differ
consensus-save = Save the consensus
consensus-awaiting = The consensus opens when both scorers have submitted their scores for this interview. Neither sees the other's scores before then.
consensus-awaiting-who = Not submitted yet:
consensus-awaiting-team = The assessment does not have two scorers. Add them to the assessment's team.
consensus-back = Back to the assessment
dimension = Dimension

results-title = Result
results-none = There is no result yet: at least one interview needs consensus scores for all dimensions.
results-incomplete = { $n ->
    [one] One interview does not have consensus scores yet and is not included.
   *[other] { $n } interviews do not have consensus scores yet and are not included.
}
results-overall = Overall score
results-stage = Stage
results-goal = Goal
results-based-on = { $n ->
    [one] Based on one interview.
   *[other] Based on { $n } interviews.
}
results-radar = Score per dimension, radar chart
results-bars = Score per dimension, bar chart
results-dimensions = Dimensions
results-score = Score
results-focus = Start here
results-strategies = Suggested strategies
results-strategies-intro = The strategies suit the overall stage. Aim them mainly at the lowest dimensions: { $dimensions }.
results-agreement = Agreement between the scorers before consensus
agreement-exact = Exactly the same score
agreement-within-one = At most one level apart
agreement-kappa = Weighted kappa (quadratic)
agreement-pairs = Number of score pairs
results-method = About the method
results-method-text = Each dimension's score is the mean of the consensus scores across the interviews, and the overall score is the mean of the dimensions. The stage is the score truncated, never rounded: 4.83 is stage 4.
results-warning-few-interviews = The result is based on fewer than four interviews. The method requires at least four; interpret it with caution.
results-warning-kappa-undefined = Kappa cannot be calculated because the scorers used only one and the same level.
results-warning-no-scorer-pairs = No interview has both scorers' scores, so agreement is not reported.
results-download-csv = Download all scores (CSV)
csv-first-scorer = Scorer 1
csv-second-scorer = Scorer 2

audit-action-read = Read
audit-action-submit = Submitted
audit-action-update_after_report = Changed after report
audit-entity-assessment = readiness assessment
audit-entity-informant = key informant
audit-entity-interview = interview
audit-entity-scores = scoring
audit-entity-consensus = consensus

results-change-since = Change since { $date }
results-previous = Previous assessment
results-download-xlsx = Download all scores (Excel)
results-download-pdf = Report for the steering group (PDF)
guide-download-pdf = Interview guide (PDF)
plan-title = Action plan
plan-intro = Choose strategies that fit the stage and the lowest dimensions, and agree who does what by when.
plan-empty = The action plan is empty.
plan-add = Add to the action plan
plan-strategy = Strategy
plan-own = Own action
plan-what = What
plan-who = Who
plan-due = Done by
plan-remove = Remove "{ $name }"
hint-plan-strategy = Choose a proposed strategy, or write your own action below.
hint-plan-what = Leave empty to use the strategy as it stands.
pdf-summary = Summary
pdf-warnings = Please note
pdf-generated = Made with Parat
pdf-guide-intro = The interview takes about 30 minutes. Read the questions as written, ask for examples, and note the answers. The 1–10 ratings give context and are never scores.
portfolio-title = Readiness in the member organisations
portfolio-intro = Stages per dimension in the organisations below yours. The number is the stage (1–9); the colour shows the same. Only reported assessments have stages.
portfolio-empty = No assessments in the member organisations match.
portfolio-link = Readiness in the member organisations
audit-entity-action_item = action plan step
problem-unreadable-file = The file could not be read. Upload a text file (.txt) or a Word document (.docx).
problem-file-too-large = The file holds more text than Parat accepts. Split the transcript, or paste it in.
problem-file-too-complex = The file is nested too deeply or is too large to read. Save it again in Word, or as a text file (.txt).
problem-file-not-text = The text in the file could not be decoded. Save it as UTF-8 text (in Notepad: Save as → Encoding: UTF-8) and upload it again.
problem-two-scorers = Choose exactly two scorers: each scores every interview independently.
problem-not-chosen = Choose one of the options.
problem-file-missing = Choose a file to upload.
transcript-upload = Upload a transcript
hint-transcript-upload = A text file (.txt) or a Word document (.docx). Its text replaces the transcript above.
transcript-upload-submit = Upload

instruments-title = Instruments
instruments-intro = Parat ships its own wording of the instruments. An organisation that holds a licence for the official texts can load them as its own instrument in the same format and use them in its assessments.
instruments-builtin = Parat's instruments
instruments-own = The organisation's own instruments
instruments-own-none = The organisation has no instruments of its own.
instruments-own-one = Own instrument
instruments-download = Download the definition (TOML)
instruments-load = Load an instrument of your own
instruments-load-hint = Start from one of Parat's definitions, replace the texts and paste the whole file here. Every text is needed in Swedish, Danish and English.
instruments-definition = Definition (TOML)
instruments-refused = The definition could not be used:
audit-entity-instrument = instrument
file-scores = Readiness { $measured } – scores
file-report = Readiness { $measured } – report
file-guide = Interview guide { $measured }
file-portfolio = Readiness in member organisations
assessment-closed = The assessment is reported and therefore closed: no new interviews, scores or changes to the consensus. A coordinator can reopen it; that shows in the log.
assessment-reopen = Reopen the assessment
confirm-reopen = Reopen the assessment of { $measured }?
confirm-reopen-consequence = The assessment goes back to the consensus step, so that interviews, scores and the consensus can be changed. The steering group does not see the results until it is reported again. The reopening, and every change after it, is written to the log.
confirm-few-interviews = Go on to scoring with fewer than four interviews?
confirm-few-interviews-consequence = The assessment has { $n ->
        [one] { $n } interview
       *[other] { $n } interviews
    }. The method builds on at least { $recommended } key informants: with fewer, each dimension rests on one or two people's view, and the results carry a warning. More interviews can be added until the assessment is reported.
confirm-few-interviews-go-on = Go on anyway
notice-assessment-reopened = The assessment is open again, at the consensus step.
error-closed-title = The assessment is closed
error-closed = The assessment is reported and takes no changes. A coordinator can reopen it from the assessment's page.
audit-action-reopen = Reopened
nav-portfolio = Members' readiness
portfolio-score = Overall score
portfolio-stage = Overall stage
portfolio-legend-early = Stages 1–3: early stages
portfolio-legend-planning = Stages 4–6: planning and starting
portfolio-legend-established = Stages 7–9: established work
portfolio-open = Show the results for { $org }
portfolio-report-intro = The results of the reported assessment in { $org }: scores, stages and strategies – never interviews or a single scorer's scores.
portfolio-back = Back to the members' readiness
portfolio-edition-2014 = 2014 edition: dimension A covers both the efforts and the knowledge of them.
xlsx-summary = Summary
results-based-on-interviews = Interviews with agreed scores
password-title = Password
password-change = Change password
field-current-password = Current password
field-new-password = New password
field-new-password-confirmation = Repeat the new password
hint-password = At least 10 characters. A phrase of a few words is easy to remember and hard to guess.
problem-wrong-password = The password is not right.
notice-password-changed = The password has been changed. Other logins with your account have been logged out.
notice-password-reset = The password has been changed. Log in with the new one.
forgot-link = Forgotten your password?
forgot-title = Forgotten password
forgot-text = Ask an administrator of your organisation for a link to choose a new password. The administrator makes it under Members; it is valid for a day and works once.
forgot-several = If you belong to several organisations, for example as a consultant, whoever runs Parat makes the link for you.
forgot-back = Back to logging in
reset-title = Choose a new password
reset-intro = Choose a new password for { $name }. Afterwards every login with the account is logged out.
reset-submit = Save the new password
member-reset-link = New-password link for { $name }
reset-link-title = New-password link for { $name }
reset-link-intro = Give the link to the person in a safe way. It is valid for { $hours } hours and works once; it is shown only now.
reset-link-back = Back to the members
audit-entity-password = password
audit-entity-password_reset = new-password link
audit-action-reset = Changed with a link
plan-owner = Owner
hint-plan-owner = One of the organisation's people; the task then shows on their home page.
plan-owner-other = Someone else (type the name below)
plan-who-name = Other owner
hint-plan-who = The name of a person or group outside Parat, for example the head teachers' network.
plan-status = Status
plan-status-open = Not started
plan-status-in_progress = In progress
plan-status-done = Done
plan-overdue = Overdue
plan-edit = Change “{ $name }”
plan-mark-done = Mark “{ $name }” as done
plan-download-csv = Download the action plan (CSV)
plan-edit-title = Change the task
plan-done-on = Done on
file-plan = Action plan { $measured }
notice-action-added = The task has been added to the action plan.
notice-action-done = The task has been marked as done.
problem-date-in-past = The date has passed already. Choose today or a later date.
work-title = To do
work-none = Nothing is waiting for you just now.
work-due = due by
work-score = Score interview { $n }
work-consensus = Agree the scores for interview { $n }
assessment-name = { $measured }: { $issue } (from { $date })
interview-sections = The questions by dimension
interview-question-count = { $n } { $n ->
        [one] question
       *[other] questions
    }
answer-saved = Saved { $time }
answer-saving = Saving …
answer-unsaved = Not saved yet
answer-failed = Could not be saved. Try again, or save with the button at the bottom.
answer-leave = An answer is not saved yet.
informant-contact-show = Show for { $name }
informant-contact-logged = That the details were shown is in the log (the details themselves are not).
informant-contact-back = Back to the assessment
