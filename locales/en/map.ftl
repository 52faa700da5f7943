# The cooperation map: meetings between agencies, who attends, what is useful, missing or redundant.

audit-entity-map = cooperation map
audit-entity-map_actor = cooperation map actor
audit-entity-map_meeting = cooperation map meeting
audit-entity-map_attendance = attendance at a meeting
audit-entity-map_need = need for contact
audit-entity-map_rating = rating of a meeting's usefulness
audit-entity-map_interview = walk-through with an informant (cooperation map)
audit-entity-map_survey = meeting survey of a cooperation map
audit-entity-map_break_point = break point of a cooperation map

nav-maps = Cooperation
map-title = Cooperation maps
map-lead = Which meetings between agencies and services exist around a target group, who attends them, what they are useful for, and which contacts are missing.
map-new = New cooperation map
map-none = There is no cooperation map yet.
map-name = Name of the map
hint-map-name = For example "Young adults in the county 2026".
map-target-group = Target group
hint-map-target-group = Whom the meetings are meant to help, for example young adults aged 18–29 without their own income.
map-period = Period
map-starts-on = From
map-ends-on = To
map-create = Create the map
map-actors = Actors
map-meetings = Meetings
map-meetings-none = No meetings have been entered yet.
map-actors-none = No actors have been entered yet.
map-network = The network
map-meeting-new = Add a meeting
map-actor-new = Add an actor
map-actor-lead = An actor is an organisation, preferably with its unit and function. The actor is kept for the organisation and can be used in several maps.
map-organisation = Organisation
hint-map-organisation = For example the employment service.
map-unit = Unit
hint-map-unit = For example the local office.
map-function = Function
hint-map-function = For example employment officer.
map-agency = Agency
map-agency-municipality = Municipality
map-agency-employment_service = Employment service
map-agency-social_insurance = Social insurance
map-agency-region = Region
map-agency-other = Other
# The agencies as a sentence names them.
map-agency-in-text-municipality = the municipality
map-agency-in-text-employment_service = the employment service
map-agency-in-text-social_insurance = social insurance
map-agency-in-text-region = the region
map-agency-in-text-other = other agencies
map-actor-add = Add the actor
map-actor = Actor
map-meeting-name = Meeting
map-purpose = Purpose
hint-map-purpose = What the meeting is for.
map-level = Level
map-level-strategic = Strategic
map-level-tactical = Tactical
map-level-operational = Operational
map-per-year = Times a year
hint-map-per-year = For example 10, or 0.5 for every other year.
map-hours = Hours each time
hint-map-hours = For example 1.5.
map-convener = Convened by
map-convener-none = Not given
map-basis = Legal or agreement basis
hint-map-basis = For example a cooperation agreement or a section of an act.
hint-map-meeting-target-group = Fill in if the meeting concerns a narrower group than the map's.
map-meeting-add = Add the meeting
map-attendance = Attendees
map-attendance-none = No attendee has been entered yet.
map-attendance-add = Add an attendee
map-attendance-save = Save the attendance
map-role = Role
map-role-chair = Chair
map-role-member = Member
map-role-invited = Invited when needed
map-ratings = Usefulness
map-ratings-none = Nobody has rated the meeting's usefulness yet.
map-rating-add = Rate its usefulness
map-rating-save = Save the rating
map-useful-own = Useful for one's own work
map-useful-group = Useful for the target group
map-useful-unsaid = Not given
map-useful-1 = not useful
map-useful-2 = a little useful
map-useful-3 = quite useful
map-useful-4 = very useful
map-works = What works
map-change = What should change
map-source = Source
map-source-entry = entered by the process leader
map-source-interview = from an interview
map-source-survey = from a survey
map-attendees = Attendees
map-person-hours = Person-hours a year
map-useful = Usefulness (mean)
map-overlaps = Shares attendees with
map-degree = Contacts
map-hours-per-year = Hours a year
map-weighted-degree = Weighted contacts
map-betweenness = Betweenness
map-brokerage = Brokerage
map-brokerage-counts = coordinator { $coordinator }, consultant { $consultant }, boundary { $boundary }, liaison { $liaison }
map-density = Density
map-centralization = Centralisation
map-components = Parts that do not meet
map-unmet-needs = Needs without a meeting
map-unmet-needs-none = Every stated need for contact has a shared meeting.
map-need-new = Add a need for contact
map-need-from = The actor who needs contact
map-need-to = With the actor
map-need-about = About what
map-need-add = Add the need
map-definitions = How the measures are computed
map-define-person-hours = Times a year × hours each time × number of attendees.
map-define-useful = The mean of the attendees' ratings of how useful the meeting is for their own work, from 1 (not useful) to 4 (very useful). The process leader's own entry counts before an interview's and a survey's.
map-define-overlaps = Other meetings where at least half of the two meetings' attendees together attend both (Jaccard index ≥ 0.5).
map-define-degree = How many other actors the actor meets in at least one meeting.
map-define-hours-per-year = The sum of times a year × hours each time over the meetings the actor attends.
map-define-weighted-degree = For every other actor, the time a year in meetings both attend, added up.
map-define-betweenness = The share of the shortest paths between other actors that pass through the actor (0–1). A high value: contact goes through this actor.
map-define-brokerage = Pairs of the actor's contacts who do not meet each other, by agency: coordinator (all three the same), consultant (the two the same, the actor another), boundary (one of the two the same as the actor), liaison (all three different).
map-define-density = The share of all possible contacts between the actors that exist (0–1).
map-define-centralization = How much the contacts gather at one actor: 1 when everything goes through one, 0 when all have as many.
map-define-components = Groups of actors with no meeting between them; an actor without meetings is a group of its own.
map-define-unmet-needs = Pairs of actors where one has stated a need for contact with the other but they share no meeting.
map-useful-by-agency = Usefulness by agency (ratings)
map-suggestions = Questions to raise
map-suggestions-lead = The map cannot know why a meeting exists or why contact goes the way it does. These are questions for the group, not conclusions.
map-suggestions-none = The map raises no questions about merging meetings, fragile contacts or missing meetings.
map-suggest-merge_meetings = Could { $first } and { $second } be one meeting? They share most of their attendees (Jaccard index { $jaccard }) and at least one of them is rated of little use.
map-suggest-only_bridge = Who keeps contact between { $agency } and { $other } when { $actor } is away? All contact between them goes through { $actor }.
map-suggest-missing_meeting = Is a meeting missing between { $first } and { $second }? { $needs ->
    [one] One need for contact is stated
   *[other] { $needs } needs for contact are stated
}, but they share no meeting.
map-pictures = The map
map-picture-two-mode = Actors and meetings
map-picture-two-mode-desc = { $actors } actors (squares in their agency's colour, grouped by agency) and { $meetings } meetings (circles, larger with more person-hours), with a line for each of { $rows } attendances. The tables below hold the same figures.
map-picture-actors = Who meets whom
map-picture-actors-desc = { $actors } actors and { $ties ->
    [one] one tie
   *[other] { $ties } ties
}: a line between two actors who attend at least one meeting together.
map-picture-heaviest = The { $shown } ties that take the most time a year are shown.
map-legend-meeting = Meeting (sized by person-hours a year)
map-download = Download the map's data (XLSX with actors, meetings, attendance and measures; the attendance as CSV; GraphML for Gephi and yEd)
map-attendance-remove = Remove
map-meeting-remove = Remove the meeting
map-meeting-remove-question = Remove the meeting { $name }?
map-meeting-remove-consequence = Its attendees and ratings go with it. The actors stay in the map.

# Guided interview
map-interview-title = Guided interview
map-interview-lead = Walk through the map's meetings with one informant: which they attend, in which role, and how useful they are. The answers are saved in the map, marked as from an interview.
map-interview-informant = Informant
map-interview-start = Start the interview
map-interview-new-actor = Informant not listed? Add an actor first.
map-interview-walk-lead = Ask about each meeting. A meeting left unanswered stays as it is; "No" removes the informant's attendance.
map-interview-meeting-facts = { $per_year } times a year, { $hours } hours
map-interview-attends = Does the informant attend this meeting?
map-interview-added = A meeting that is missing
map-interview-added-hint = Fill in if the informant attends a meeting not on the list. They are added as an attendee.
map-interview-need = Need for contact
map-interview-save = Save the interview

# Meeting survey
map-survey-title = Meeting survey
map-survey-lead = Every actor on the map gets a link of their own listing the map's meetings, and answers for themselves: whether they attend, how often, and how useful each is. The answers do not enter the map until you choose what to take in.
map-survey-sent = Surveys sent
map-survey-name = Survey name
map-survey-answered = Answered
map-survey-state = State
map-survey-links = Links and reminders
map-survey-closed = Closed
map-survey-open = Open
map-survey-proposals = To decide: { $survey }
map-survey-proposals-lead = Additions are chosen to be taken in. Where the survey contradicts what the map already holds, both are shown, and the map is kept until you choose the survey's answer.
map-survey-proposals-none = There is nothing new to decide.
map-survey-proposals-caption = Proposals from the survey's answers
map-survey-map-now = In the map now
map-survey-survey-says = The survey says
map-survey-choice = Choice
map-survey-conflict = Contradicts the map
map-survey-take_in = Take in
map-survey-keep = Leave out
map-survey-take_in-conflict = Use the survey's
map-survey-keep-conflict = Keep the map's
map-survey-save-choices = Save the choices
map-survey-usefulness = own work { $own }, target group { $group }
map-survey-map-absent = Not there
map-survey-map-attends = Attends
map-survey-map-unrated = No rating
map-survey-says-attends = Attends
map-survey-says-absent = Does not attend
map-survey-new-meeting = New meeting
map-survey-frequency = How often respondents say they take part
map-survey-attending = Respondents attending
map-survey-stated-per-year = Stated times a year (mean)
map-survey-free = Meetings missing and meetings that could go
map-survey-free-none = Nobody has written anything here yet.
map-survey-missing = Missing
map-survey-could-go = Could go
map-survey-send = Send a new meeting survey
map-survey-send-lead = Every actor on the map gets a personal link. The links are shown once; new links and e-mail are on the survey's page.
map-survey-nothing-to-ask = The map needs at least one meeting and one actor before a survey can be sent.
map-survey-too-many = A survey can ask about at most { $max } meetings. Split the map or use the interview.
map-survey-closes-on = Last day to answer
map-survey-send-button = Make the links
map-survey-default-title = Meeting survey: { $map }
map-survey-links-lead = Here is each actor's personal link. Send them now: they are shown only this once.
map-survey-link = Link
map-survey-round-page = The survey's page: answers, new links and reminders
map-survey-to-answers = To the answers

# Editing
map-actor-edit = Edit the actor
map-meeting-edit = Edit the meeting
map-save = Save

# Filters
map-filter-all = All
map-filter-show = Show the selection
map-filter-clear = Show the whole map
map-filter-showing = Showing { $meetings } of { $all_meetings } meetings and { $actors } of { $all_actors } actors. The measures are those of the whole map.
map-meeting-target-group = The meeting's target group

# Break points
map-break-title = Break points
map-break-lead = Points where the target group leaves one set of rules for another – an age or a point in time – and which meetings cover them. A point no meeting covers is where a person can fall between two stools.
map-break-none = No break points have been entered yet.
map-break-axis = Axis
map-break-axis-age = Age (years)
map-break-axis-months = Time (months)
map-break-at = Where on the axis
hint-map-break-at = For example 25 for the age at which youth measures end, or 12 for the month a benefit runs out.
map-break-label = What happens
hint-map-break-label = For example "The youth guarantee ends" or "Activity compensation ends".
map-break-meetings = Meetings that cover the point
hint-map-break-meetings = The meetings where the handover is taken up.
map-break-cover = Covered by
map-break-covered = { $meetings ->
    [one] one meeting
   *[other] { $meetings } meetings
}: { $agencies }
map-break-uncovered = Not covered by any meeting
map-break-picture-desc = { $points ->
    [one] One break point
   *[other] { $points } break points
}, of which { $uncovered } not covered by any meeting.
map-break-new = Add a break point
map-break-edit = Change the break point
map-break-add = Add
map-break-change = Change
map-break-remove = Remove

# Waves
map-wave-new = New wave of the map
map-wave-lead = A new wave starts with the map's actors, meetings, attendance and break points. Ratings and needs are asked for again. The comparison then shows what has changed.
map-wave-create = Create the new wave
map-wave-default-name = { $map }, follow-up
map-compare-title = Comparison with the previous wave
map-compare-none = The map has no earlier wave to compare with.
map-compare-lead = From "{ $before }" to "{ $after }".
map-compare-measure = Measure
map-compare-before = Previous wave
map-compare-after = Now
map-compare-change = Change
map-compare-added = New meetings
map-compare-removed = Meetings that have ended
map-compare-kept = Meetings in both waves
map-compare-actors = Actors whose position has changed
map-compare-nothing = None.

# Report
map-report-link = Report (PDF)
map-report-subtitle = Cooperation map – report for the steering group
map-report-organisation = Organisation
map-report-value = Value
map-report-meaning = What it means
map-report-file = Cooperation map { $name }

# Break points: who covers them
map-break-actors = Actors at the meetings
map-break-meetings-under = Meetings: { $meetings }

map-figures-updating = The measures are being recalculated after the latest change. The figures, pictures and questions below are those of the map as it was before the change.
map-figures-show-updated = Show the updated measures
