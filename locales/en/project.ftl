# Project follow-up: training events and attendance.
audit-entity-project_event = training event
audit-entity-project_attendance = attendance list

project-events = Training events
project-events-lead = Courses, network meetings and other events of the initiative, with who came. Attendance counts in the monthly and tertial follow-up by the event's date.
project-events-none = No events yet.
project-events-summary = { $events ->
    [0] No events yet.
    [one] One event, { $people } people counted.
   *[other] { $events } events, { $people } people counted.
}
project-events-next = Next:
project-events-open = Events and attendance
project-event-new = Add an event
project-event-create = Add the event
project-event-edit = Change the event
project-event-delete = Delete the event and its attendance list
project-event-title = Title
project-event-starts-at = Starts
project-event-ends-at = Ends
project-event-place = Place
project-event-organiser = Organiser
project-event-target-group = Target group
project-event-capacity = Places
hint-project-local-time = Local time in Scandinavia, for example 2026-09-01 13:30.
hint-project-organiser = The organisation itself or an outside supplier.
project-came = Came
project-came-text = { $named } by name, { $counted } counted without names
project-attendance = Attendance list
project-attendance-pdf = Print the attendance list for signatures (PDF)
project-attendance-pdf-lead = Sign on your line. If you are not listed, write your name on an empty line.
project-attendees = By name
project-attendees-none = Nobody recorded yet.
project-attendee-name = Name
project-attendee-organisation = Organisation
project-attendee-unit = Unit
project-attendee-gender = Gender
project-attendee-add = Record attendance
project-attendee-add-button = Record
project-remove = Remove
project-gender-woman = Woman
project-gender-man = Man
project-gender-other = Other
project-gender-unknown = Prefers not to say, or unknown
project-head-count = Counted without names
project-head-count-lead = Where names are not to be recorded: enter how many came. The number replaces the last one.
project-head-count-save = Save the number
project-signature = Signature

project-title = Project follow-up
project-activities = Activity plan and activities carried out
project-activities-open = Activity plan and activities carried out
project-activities-lead = What is planned, when, by whom, for which goal and at what cost, and then what was actually done: when, with how many, and how it departed from the plan.
project-activities-none = No activities yet.
project-activities-total = Planned cost in total
project-activity-new = Add an activity
project-activity-create = Add the activity
project-activity-delete = Delete the activity
project-activity-title = Activity
project-activity-planned-on = Planned for
project-activity-responsible = Responsible
project-activity-goal = Goal it serves
project-activity-no-goal = No particular goal
project-activity-planned-cost = Planned cost (kronor)
project-activity-carried-out = Once carried out
project-activity-done-on = Carried out
project-activity-participants = Participants
project-activity-deviation = Departure from the plan, and why
hint-project-amount = In kronor, for example 12,500 or 12,500.50.
hint-project-deviation = For example another date, fewer participants or other content, and the reason.
audit-entity-project_activity = activity

project-people = A person's entries on the attendance lists
project-people-link = A person wants to see or erase their entries on the attendance lists
project-people-lead = Search by name to see everything the organisation's attendance lists hold about the person, give it to them as a file, or erase it. The search is logged.
project-people-find = Search
project-people-none = No attendance list has that name.
project-people-found = Attendance under the name
project-people-found-count = { $n ->
    [one] One event
   *[other] { $n } events
}
project-people-export = Download the entries as a file (JSON)
project-people-erase = { $n ->
    [one] Erase the person from the attendance list
   *[other] Erase the person from all { $n } attendance lists
}
audit-entity-project_person = person on attendance lists

project-budget = Budget and outcome
project-budget-lead = The budget by year, category and funder, and the costs booked against it. Amounts are exact to the öre.
project-budget-by-category = Budget and outcome by category, the whole project
project-budget-funders = The funders' shares of the budget
project-budget-per-tertial = Budget and outcome per tertial
project-budget-per-tertial-how = A year's budget is spread evenly over its months: a tertial holds a third of it, rounded to the öre. The outcome is what was booked within the tertial's dates.
project-budget-category = Category
project-budget-budget = Budget (kronor)
project-budget-outcome = Outcome (kronor)
project-budget-left = Left (kronor)
project-budget-total = In total
project-budget-funder = Funder
project-budget-share = Share
project-budget-period = Period
project-budget-lines = Budget lines
project-budget-lines-none = No budget yet.
project-budget-line-add = Add a budget line
project-budget-line-create = Add the line
project-budget-year = Year
project-budget-amount = Amount (kronor)
project-budget-note = Note
project-budget-costs = Costs booked
project-budget-costs-none = No costs booked yet.
project-budget-cost-add = Book a cost
project-budget-cost-create = Book the cost
project-budget-booked-on = Booked
project-budget-text = What
hint-project-funder = For example the county board or the municipality.
hint-project-cost = In kronor; a correction is written with a minus, for example -500.
project-category-staff = Staff
project-category-external-suppliers = External suppliers
project-category-premises = Premises
project-category-travel = Travel
project-category-material = Material
project-category-other = Other
audit-entity-project_budget_line = budget line
audit-entity-project_cost = booked cost
audit-entity-project_costs = booked costs

## Importing costs from the accounting system
project-import = Import costs from the accounting system
project-import-lead = Export the costs from the accounting system as a CSV or Excel file. Its first row names the columns: { $columns }. Category may be left out if you choose one below, and Text is optional. If a single row is wrong, nothing is imported, and the problems are listed by row number.
project-import-template = Download a template (Excel)
project-import-template-file = Costs template
project-import-example = Train to the course
project-import-file = File from the accounting system
hint-project-import-file = CSV (semicolons, tabs or commas) or Excel (.xlsx, .xls, .ods), at most 8 MB. Amounts written as text are read as in English, for example 1,250.50.
project-import-default-category = Category for rows without one
project-import-default-none = Given in the file
hint-project-import-default-category = If the export has no Category column, choose here which category every row is booked in.
project-import-submit = Import the costs
project-import-refused = Nothing was imported. Correct the file and try again:
project-import-empty = The file has no row with a cost below its header row.
project-import-missing = The header row has no { $column } column.
project-import-too-many = The file has more than { $max } rows. Split it into several files.
project-import-row = Row { $row }, { $column }: { $problem }
project-import-column-booked-on = Date
project-import-column-category = Category
project-import-column-amount = Amount
project-import-column-text = Text
notice-costs-imported = The costs are imported and booked.
