# Projektopfølgning: kurser og arrangementer med fremmøde.
audit-entity-project_event = arrangement
audit-entity-project_attendance = fremmødeliste

project-events = Arrangementer
project-events-lead = Kurser, netværksmøder og andre arrangementer i indsatsen, med hvem der kom. Fremmødet tælles i måneds- og kvartalsopfølgningen efter arrangementets dato.
project-events-none = Der er ingen arrangementer endnu.
project-events-summary = { $events ->
    [0] Ingen arrangementer endnu.
    [one] Ét arrangement, { $people } deltagere talt.
   *[other] { $events } arrangementer, { $people } deltagere talt.
}
project-events-next = Næste:
project-events-open = Arrangementer og fremmøde
project-event-new = Tilføj et arrangement
project-event-create = Tilføj arrangementet
project-event-edit = Ret arrangementet
project-event-delete = Slet arrangementet og dets fremmødeliste
project-event-title = Overskrift
project-event-starts-at = Begynder
project-event-ends-at = Slutter
project-event-place = Sted
project-event-organiser = Arrangør
project-event-target-group = Målgruppe
project-event-capacity = Antal pladser
hint-project-local-time = Dansk tid, for eksempel 2026-09-01 13:30.
hint-project-organiser = Organisationen selv eller en ekstern leverandør.
project-came = Kom
project-came-text = { $named } med navn, { $counted } talt uden navn
project-attendance = Fremmødeliste
project-attendance-pdf = Udskriv fremmødelisten til underskrift (PDF)
project-attendance-pdf-lead = Skriv under på din linje. Står du ikke på listen, så skriv dit navn på en tom linje.
project-attendees = Med navn
project-attendees-none = Ingen er noteret endnu.
project-attendee-name = Navn
project-attendee-organisation = Organisation
project-attendee-unit = Enhed
project-attendee-gender = Køn
project-attendee-add = Notér fremmøde
project-attendee-add-button = Notér
project-attendee-remove = Fjern
project-gender-woman = Kvinde
project-gender-man = Mand
project-gender-other = Andet
project-gender-unknown = Vil ikke oplyse eller ukendt
project-head-count = Talt uden navn
project-head-count-lead = Hvor navne ikke skal noteres: skriv hvor mange der kom. Tallet erstatter det forrige.
project-head-count-save = Gem antallet
project-signature = Underskrift
