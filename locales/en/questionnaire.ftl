# Questionnaires: rounds, answering without an account, and results.

qn-rounds-title = Questionnaires
qn-rounds-none = No questionnaires have been sent out for this initiative yet.
qn-round-new = New questionnaire round
qn-round-new-intro = A round sends a questionnaire out with an open link, personal links or both. The answers are collected here, and the results are computed at once.
qn-questionnaire = Questionnaire
qn-round-title = Title
qn-round-title-hint = What respondents and colleagues see, for example “Staff survey spring 2027”.
qn-round-issue = What the questionnaire is about
qn-round-issue-hint = Replaces {"{issue}"} in the questions, for example “the new IPS working method”.
qn-how = How the questionnaire is sent out
qn-anonymous = Anonymous answers
qn-anonymous-hint = Nobody can see who answered what, and no figures are shown for groups smaller than the threshold.
qn-open-link = Open link and QR code
qn-open-link-hint = Anyone with the link can answer, for example a room of participants at a training day.
qn-threshold = Anonymity threshold
qn-threshold-hint = The fewest answers behind any figure shown. Leave empty for 5.
qn-opens-on = Opens
qn-closes-on = Closes
qn-round-create = Create the round
qn-status-open = Open for answers
qn-status-closed = Closed
qn-status-running = Running
qn-results = Results
qn-close = Close for answers
qn-reopen = Open again
qn-anonymity = Anonymity
qn-anonymous-yes = Anonymous answers, threshold { $n }
qn-anonymous-no = Answers are linked to the respondents
qn-no-dates = No dates: open until it is closed
qn-period = Period
qn-respondents = Respondents with a personal link
qn-answered-of = { $answered } of { $total } have answered
qn-open-link-title = Open link
qn-link-shown-once = Copy the link now. Parat keeps only a fingerprint of it and cannot show it again; a new link can always be made.
qn-personal-links-title = Personal links
qn-respondent = Respondent
qn-link = Link
qn-links-title = Links
qn-open-link-exists = The round has an open link. Making a new one stops the old one from working.
qn-open-link-none = The round has no open link.
qn-open-link-new = Make a new open link
qn-respondents-none = No personal links yet.
qn-group = Group
qn-has-answered = Has answered
qn-link-new = New link
qn-add-respondents = Add respondents
qn-add-respondents-hint = One person per line: name; e-mail address; group. E-mail and group may be left out. Each person gets a link of their own.
qn-add-respondents-button = Make personal links
qn-qr-label = QR code for the link { $url }
qn-responses = Responses
qn-organisation = Organisation
qn-response-rate = Response rate
qn-too-few = Results are shown once at least { $n } have answered.
qn-scales = Scales
qn-scales-chart = Mean per scale for all respondents.
qn-scales-table = Mean per scale, for everyone and per group
qn-scale = Scale
qn-all = Everyone
qn-threshold-note = Groups with fewer than { $n } answers are shown with a dash.
qn-items = Questions
qn-item-n = { $n } answers
qn-answer = Answer
qn-count = Count
qn-share = Share
qn-response-number = Response no.
qn-file-answers = answers
qn-download-xlsx = Download the answers (Excel)
qn-download-csv = Download the answers (CSV)
qn-download-pdf = Download a summary (PDF)
qn-mean = Mean
qn-answer-anonymous = Your answers are anonymous: nobody can see what you in particular answered.
qn-answer-identified = Your answers are kept with your name and seen by those running the questionnaire.
qn-answer-optional-marked = Every question except those marked optional needs an answer. Your answers are saved as you go.
qn-optional = optional
qn-condition = Answer only if you answered { $answers } to the question “{ $question }”.
qn-submit = Send my answers
qn-save-later = Save and continue later
qn-saved = Saved.
qn-missing = { $n ->
    [one] One question has no answer yet:
   *[other] { $n } questions have no answer yet:
}
qn-problem-required = Answer the question.
qn-problem-not-a-number = Enter a number, for example 6.5.
qn-problem-off-scale = Enter a number from { $min } to { $max }.
qn-problem-too-precise = Use at most { $n } decimals.
qn-problem-unknown-option = Choose one of the options.
qn-problem-unknown-item = The question is not in this questionnaire.
qn-link-unknown-title = The link does not work
qn-link-unknown = The link does not exist, or it has been replaced by a new one. Ask whoever sent the questionnaire for a new link.
qn-round-closed-title = The questionnaire is closed
qn-round-closed = The questionnaire is not taking answers now. It may have closed, or not opened yet.
qn-thanks-title = Thank you for your answers
qn-thanks = Your answers have been sent. You may close this page.
qn-thanks-again = Your answers were already sent and cannot be changed. Thank you!

error-too-few-answers-title = Too few answers yet
error-too-few-answers = The answers can be downloaded once at least as many have answered as the round's anonymity threshold requires.

qn-questionnaires-title = Questionnaires to send out
qn-questionnaires-intro = Parat's own questionnaires and the organisation's own. Preview one to see it as respondents do.
qn-follows = Follows
qn-preview = Preview
qn-load = Load a questionnaire of your own
qn-load-hint = Paste a definition in Parat's format (TOML) – for example a licensed questionnaire with its original texts. Download one of Parat's definitions as a template. One with the id of one of the organisation's own replaces it; rounds already sent keep their version.
qn-load-refused = The definition could not be read:
qn-definition = Definition (TOML)
qn-load-button = Load the questionnaire
qn-preview-note = Preview: this is how respondents see the questionnaire. Nothing is saved.
qn-preview-issue = the new working method
qn-preview-entry = Example { $n } from the list
qn-questionnaires-link = See and load questionnaires.

qn-on-behalf = Enter a response
qn-on-behalf-note = You are entering answers on a respondent's behalf, for example from a paper form or a phone interview. They are kept when you send them.
qn-on-behalf-respondent = For whom
qn-on-behalf-respondent-hint = Choose the person if the answers come from someone with a personal link; they then count as having answered. Leave empty for an anonymous paper form.
qn-on-behalf-nobody = Nobody in particular (anonymous)
qn-on-behalf-submit = Keep the response

notice-qn-round-created = The round has been created.
notice-qn-respondents-added = The personal links have been made.
notice-qn-link-replaced = A new link has been made; the old one no longer works.
notice-qn-closed-notice = The round is closed for answers.
notice-qn-reopened-notice = The round is open again.
notice-qn-loaded = The questionnaire has been loaded.
notice-qn-entered = The response has been entered.
notice-qn-saved-notice = Your answers are saved. Open the same link when you want to continue.

audit-entity-questionnaire = questionnaire
audit-entity-round = questionnaire round
audit-entity-respondent = respondent
audit-entity-response = response
audit-field-title = Title
audit-field-questionnaire = Questionnaire
audit-field-anonymous = Anonymous
audit-field-threshold = Threshold
audit-field-closed = Closed
audit-field-round_id = Round
audit-field-added = Added

## E-mail: invitations and reminders
qn-mailed = E-mailed
qn-started = Begun
qn-send-by-mail = E-mail each person their link now (those without an address get their link shown here)
qn-remind = E-mail the { $n } who have not answered
qn-remind-hint = { $n } people with an e-mail address have not answered. Those never e-mailed get an invitation, the others a reminder. Those who have not begun get a new link that replaces the old one; in an anonymous round, someone who has begun is reminded of their own link, because their answers are found only through it.
qn-mail-not-configured = E-mail is not set up on this server (PARAT_SMTP_URL and PARAT_MAIL_FROM). Copy the links and send them yourself.
qn-mail-round-closed = The round takes no answers now, so no reminder was sent.
qn-mail-sent = { $n ->
    [one] E-mail was sent to one person.
   *[other] E-mail was sent to { $n } people.
}
qn-mail-failed = { $n ->
    [one] E-mail could not be sent to one person; their link is shown below.
   *[other] E-mail could not be sent to { $n } people; their links are shown below.
}
qn-mail-subject = A few questions from { $title }
qn-mail-reminder-subject = Reminder: { $title }
qn-mail-greeting = Hello { $name },
qn-mail-invite = { $org } would like to know how you see { $issue }. The questions take a few minutes, and you need no account.
qn-mail-reminder = We have not yet had your answers about { $issue }. It is not too late, and every answer makes the result more certain.
qn-mail-link = Answer here:
qn-mail-new-link = This link replaces the one you had before.
qn-mail-resume = You have already begun answering. Go on with the link in your first e-mail – your answers are saved there.
qn-mail-closes = The last day to answer is { $date }.
qn-mail-anonymous = Your answers are anonymous: they are kept apart from your name, and no figures are shown for groups of fewer than { $n } answers.
qn-mail-identified = Your answers are kept with your name and read by those who run the questionnaire.
qn-mail-sender = Sent by { $org } with Parat.

## The questionnaire builder
qn-kind-agreement = Statement (agree 1–5)
qn-kind-rating = Rating on a scale (e.g. 0–10)
qn-kind-line = Line to mark (0–10)
qn-kind-single = One choice
qn-kind-multiple = Several choices
qn-kind-number = Number
qn-kind-date = Date
qn-kind-short-text = Short text
qn-kind-long-text = Long text
qn-kind-roster = Questions for each entry of a list
qn-item-kind = Kind of question
qn-item-kind-hint = Decides how the question is answered. Leave the fields below that do not apply to the kind empty.
qn-item-text = The question or statement
qn-item-text-hint = Write {"{"}issue{"}"} where the name of what the questionnaire is about should stand, e.g. the working method.
qn-item-help = Explanation below the question (optional)
qn-item-required = The question must be answered
qn-item-required-short = must be answered
qn-item-options = Choices
qn-item-options-hint = For questions with one or several choices: one choice per line, at least two.
qn-item-range = Scale
qn-item-range-hint = For statements, ratings, lines and numbers. Left empty, statements run 1–5 and ratings and lines 0–10. A line and a rating need a text for both ends; statements have "Do not agree at all" and "Fully agree" unless you write others.
qn-item-min = Lowest value
qn-item-max = Highest value
qn-item-low = Text at the lowest end
qn-item-high = Text at the highest end
qn-item-section = Section
qn-builder-new = Build a new questionnaire
qn-builder-new-intro = Give the questionnaire a name. Then add the questions one at a time, change their order and preview it. Everything is saved at once.
qn-builder-create = Create and add questions
qn-builder-name = The questionnaire's name
qn-builder-description = Description (optional)
qn-builder-description-hint = Shown to respondents at the top of the questionnaire.
qn-purpose = What the questionnaire is for
qn-purpose-evaluation = Evaluation (of a training, an activity, a project)
qn-purpose-readiness = Measuring readiness
qn-purpose-other = Other
qn-builder-ready = The questionnaire is ready to send out.
qn-builder-empty = The questionnaire has no questions yet. Add the first one below.
qn-builder-not-ready = The questionnaire cannot be sent out yet: { $reason }
qn-builder-section-empty = No questions in this section yet.
qn-builder-section-remove = Remove the empty section
qn-builder-edit-label = Edit question { $n }
qn-builder-up = Up
qn-builder-down = Down
qn-builder-up-label = Up, question { $n }
qn-builder-down-label = Down, question { $n }
qn-builder-remove = Remove
qn-builder-remove-label = Remove question { $n }
qn-builder-add = Add a question
qn-builder-add-button = Add the question
qn-builder-more = Sections, name and file
qn-builder-section-title = New section
qn-builder-section-hint = A heading the questions after it stand under. New questions go to the last section unless you choose another.
qn-builder-section-add = Add the section
qn-builder-rename = Save name and description
qn-builder-download = Download the questionnaire as a file (TOML), e.g. to translate it or add conditions and scales
qn-builder-edit-title = Edit the question
qn-builder-start = Build a new questionnaire
qn-own-title = The organisation's own questionnaires
qn-own-none = The organisation has no questionnaires of its own yet.
qn-own-ready = Ready to send
qn-own-draft = Being built
notice-qn-item-removed = The question is removed.
notice-qn-renamed = The name is saved.
error-item-in-use-title = The question is in use
error-item-in-use = A condition of another question or a scale builds on this question, so it cannot be removed. Change the condition or the scale in the questionnaire's file first.
error-questionnaire-full-title = The questionnaire is full
error-questionnaire-full = A questionnaire can have at most 500 questions. Split it into two questionnaires.

## Before and after
qn-before-after = Before and after
qn-previous-round = Follows up the round
qn-previous-round-hint = Choose an earlier round of the same questionnaire to see the results side by side.
qn-previous-none = None – a first measurement
qn-pair-code = Ask respondents for a code of their own
qn-pair-code-hint = The code is made from three things only the respondent knows. With the same code in both rounds, the answers before and after can be paired without names. Parat keeps only a fingerprint of the code. Tick the box in both rounds.
qn-pair-code-short = Own code for pairing
qn-follows-up = Follows up
qn-follows-up-link = The earlier round
qn-pair-title = Your own code (optional)
qn-pair-hint = The code lets your answers now be compared with your answers next time, without anyone knowing who you are. Write the same three things both times. If you have already written the code, you need not write it again.
qn-pair-letters = The first two letters of your mother's first name
qn-pair-day = The day of the month you were born (1–31)
qn-pair-digits = The last two digits of your mobile number
qn-compare-title = Compared with the earlier round
qn-compare-intro = Everyone who answered in each round. The earlier round:
qn-compare-caption = Mean per scale in both rounds
qn-paired-title = The same people before and after
qn-paired-intro = { $n ->
    [one] One person answered in both rounds with the same code.
   *[other] { $n } people answered in both rounds with the same code.
}
qn-paired-caption = Change per scale for those who answered both times
qn-paired-pairs = Pairs
qn-paired-before = Before
qn-paired-after = After
qn-paired-change = Change

## Lists for questions per entry
qn-lists = Lists to ask about
qn-lists-hint = A questionnaire with questions per entry – for example about each meeting on a cooperation map – asks about a list given here, one entry per line. Fill in only the list the chosen questionnaire asks about.
qn-list-label = The list "{ $list }", one entry per line
qn-too-fast = Many answers have come from your network in a short time, so yours were not saved just now. Wait a minute and send again – what you filled in is still here.
notice-qn-too-fast = Many answers have come from your network in a short time, so yours were not saved just now. Wait a minute and send again – what you filled in is still here.
qn-question = Question
