# Projektuppföljning: utbildningstillfällen och närvaro.
audit-entity-project_event = utbildningstillfälle
audit-entity-project_attendance = närvarolista

project-events = Utbildningstillfällen
project-events-lead = Utbildningar, nätverksträffar och andra tillfällen i insatsen, med vilka som kom. Närvaron räknas i månads- och tertialuppföljningen efter tillfällets datum.
project-events-none = Inga tillfällen är inlagda än.
project-events-summary = { $events ->
    [0] Inga tillfällen än.
    [one] Ett tillfälle, { $people } deltagare räknade.
   *[other] { $events } tillfällen, { $people } deltagare räknade.
}
project-events-next = Nästa:
project-events-open = Tillfällen och närvaro
project-event-new = Lägg till ett tillfälle
project-event-create = Lägg till tillfället
project-event-edit = Ändra tillfället
project-event-delete = Ta bort tillfället och dess närvarolista
project-event-title = Rubrik
project-event-starts-at = Börjar
project-event-ends-at = Slutar
project-event-place = Plats
project-event-organiser = Arrangör
project-event-target-group = Målgrupp
project-event-capacity = Antal platser
hint-project-local-time = Svensk tid, till exempel 2026-09-01 13:30.
hint-project-organiser = Organisationen själv eller en extern leverantör.
project-came = Kom
project-came-text = { $named } med namn, { $counted } räknade utan namn
project-attendance = Närvarolista
project-attendance-pdf = Skriv ut närvarolistan för underskrift (PDF)
project-attendance-pdf-lead = Skriv under på din rad. Står du inte med, skriv ditt namn på en tom rad.
project-attendees = Med namn
project-attendees-none = Ingen är antecknad än.
project-attendee-name = Namn
project-attendee-organisation = Organisation
project-attendee-unit = Enhet
project-attendee-gender = Kön
project-attendee-add = Anteckna närvaro
project-attendee-add-button = Anteckna
project-attendee-remove = Ta bort
project-gender-woman = Kvinna
project-gender-man = Man
project-gender-other = Annat
project-gender-unknown = Vill inte ange eller okänt
project-head-count = Räknade utan namn
project-head-count-lead = Där namn inte ska antecknas: skriv hur många som kom. Talet ersätter det förra.
project-head-count-save = Spara antalet
project-signature = Underskrift
