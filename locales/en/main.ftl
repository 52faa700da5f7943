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
problem-invalid-date-time = Enter the date and time as YYYY-MM-DD HH:MM, for example 2026-09-01 13:30.
problem-no-such-local-time = That time does not exist: on the night summer time begins, clocks jump from 02:00 to 03:00.
problem-two-decimals = Enter the amount with at most two decimals.
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

yes = Yes
no = No

confirm-member-remove = Remove { $name } from the organisation?
confirm-member-remove-consequence = { $name } will no longer see the organisation's data. The account stays, and what { $name } did stays in the audit log. You can add the person again later.

audit-action-read = Read

problem-unreadable-file = The file could not be read. Upload a text file (.txt) or a Word document (.docx).
problem-file-too-large = The file holds more text than Parat accepts. Split the transcript, or paste it in.
problem-file-too-complex = The file is nested too deeply or is too large to read. Save it again in Word, or as a text file (.txt).
problem-file-not-text = The text in the file could not be decoded. Save it as UTF-8 text (in Notepad: Save as → Encoding: UTF-8) and upload it again.
problem-not-chosen = Choose one of the options.
problem-file-missing = Choose a file to upload.

xlsx-summary = Summary
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
problem-date-in-past = The date has passed already. Choose today or a later date.
problem-out-of-range = Enter a whole number from { $min } to { $max }.
problem-not-a-number = Enter a number, for example 10 or 2.5.
problem-option-count = Write { $min }–{ $max } choices, one per line.
problem-pair-letters = Enter two letters.
problem-pair-digits = Enter two digits.
problem-date-in-future = That date has not come yet. Give the date it actually happened.
problem-reached-only-when-reached = Give this date only once the milestone is reached, and choose Reached.
problem-wrong-parent = Choose one on the level above.
problem-decimal-out-of-range = Enter a number from { $min } to { $max } (decimals are fine, such as 0.5).
problem-same-twice = Choose two different ones.
problem-names-not-recorded = The organisation records participants by code only. Leave the name and personal identity number empty.
problem-one-decimal = Give the number with at most one decimal, for example 6.4.
problem-no-rating = Fill in the rating of how things are going, of the session, or both.
problem-total-mismatch = The total does not match the four values. Correct the total or leave it empty.
work-title = To do
work-none = Nothing is waiting for you just now.
work-due = due by
audit-record = Kind of record
audit-from = From
audit-to = To
audit-changes = Changes
audit-newest = To the newest events
audit-field-name = Name
audit-field-description = Description
audit-field-topic = Topic area
audit-field-custom_topic = Own topic
audit-field-target_group = Target group
audit-field-start_date = Start date
audit-field-end_date = End date
audit-field-status = Status
audit-field-owner_id = Owner (id)
audit-field-owner_name = Owner
audit-field-archived = Archived
audit-field-partners = Partners
audit-field-role = Role
audit-field-kind = Kind of organisation
audit-field-parent_id = Parent organisation (id)
audit-field-user_id = Account (id)
audit-field-display_name = Name
audit-field-initiative_id = Initiative (id)
audit-field-initiative_name = Initiative
audit-none-match = No events match the selection.

error-changed-meanwhile-title = Changed by someone else
error-changed-meanwhile = Someone else saved a change after you opened the page, so your change was not saved. Go back, reload the page and make the change again.
document-generated = Made in Parat { $at }
audit-action-mail = Sent e-mail
