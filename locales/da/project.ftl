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
project-remove = Fjern
project-gender-woman = Kvinde
project-gender-man = Mand
project-gender-other = Andet
project-gender-unknown = Vil ikke oplyse eller ukendt
project-head-count = Talt uden navn
project-head-count-lead = Hvor navne ikke skal noteres: skriv hvor mange der kom. Tallet erstatter det forrige.
project-head-count-save = Gem antallet
project-signature = Underskrift

project-title = Projektopfølgning
project-activities = Aktivitetsplan og gennemførte aktiviteter
project-activities-open = Aktivitetsplan og gennemførte aktiviteter
project-activities-lead = Hvad der planlægges, hvornår, af hvem, for hvilket mål og til hvilken pris, og derefter hvad der faktisk blev gjort: hvornår, med hvor mange og hvordan det afveg fra planen.
project-activities-none = Der er ingen aktiviteter endnu.
project-activities-total = Planlagt udgift i alt
project-activity-new = Tilføj en aktivitet
project-activity-create = Tilføj aktiviteten
project-activity-delete = Slet aktiviteten
project-activity-title = Aktivitet
project-activity-planned-on = Planlagt til
project-activity-responsible = Ansvarlig
project-activity-goal = Mål den skal bidrage til
project-activity-no-goal = Intet særligt mål
project-activity-planned-cost = Planlagt udgift (kr.)
project-activity-carried-out = Når den er gennemført
project-activity-done-on = Gennemført
project-activity-participants = Antal deltagere
project-activity-deviation = Afvigelse fra planen og hvorfor
hint-project-amount = I kroner, for eksempel 12.500 eller 12.500,50.
hint-project-deviation = For eksempel en anden dato, færre deltagere eller andet indhold, og grunden.
audit-entity-project_activity = aktivitet

project-people = En persons oplysninger i fremmødelisterne
project-people-link = En person vil se eller slette sine oplysninger i fremmødelisterne
project-people-lead = Søg på navnet for at se alt, hvad organisationens fremmødelister har om personen, give personen det som en fil eller slette det. Søgningen logges.
project-people-find = Søg
project-people-none = Ingen fremmødelister har det navn.
project-people-found = Fremmøde under navnet
project-people-found-count = { $n ->
    [one] Ét arrangement
   *[other] { $n } arrangementer
}
project-people-export = Hent oplysningerne som fil (JSON)
project-people-erase = { $n ->
    [one] Slet personen fra fremmødelisten
   *[other] Slet personen fra alle { $n } fremmødelister
}
audit-entity-project_person = person i fremmødelister

project-budget = Budget og regnskab
project-budget-lead = Budgettet pr. år, udgiftsart og bevillingsgiver, og udgifterne bogført mod det. Beløbene regnes præcist på øret.
project-budget-by-category = Budget og regnskab pr. udgiftsart, hele projektet
project-budget-funders = Bevillingsgivernes andele af budgettet
project-budget-per-tertial = Budget og regnskab pr. tertial
project-budget-per-tertial-how = Årets budget fordeles ligeligt over årets måneder: et tertial har en tredjedel af det, afrundet til hele øre. Regnskabet er det, der er bogført inden for tertialets datoer.
project-budget-category = Udgiftsart
project-budget-budget = Budget (kr.)
project-budget-outcome = Regnskab (kr.)
project-budget-left = Tilbage (kr.)
project-budget-total = I alt
project-budget-funder = Bevillingsgiver
project-budget-share = Andel
project-budget-period = Periode
project-budget-lines = Budgetlinjer
project-budget-lines-none = Der er intet budget endnu.
project-budget-line-add = Tilføj en budgetlinje
project-budget-line-create = Tilføj linjen
project-budget-year = År
project-budget-amount = Beløb (kr.)
project-budget-note = Note
project-budget-costs = Bogførte udgifter
project-budget-costs-none = Der er ingen bogførte udgifter endnu.
project-budget-cost-add = Bogfør en udgift
project-budget-cost-create = Bogfør udgiften
project-budget-booked-on = Bogført
project-budget-text = Hvad
hint-project-funder = For eksempel en fond eller kommunen.
hint-project-cost = I kroner; en rettelse skrives med minus, for eksempel -500.
project-category-staff = Personale
project-category-external-suppliers = Eksterne leverandører
project-category-premises = Lokaler
project-category-travel = Rejser
project-category-material = Materialer
project-category-other = Andet
audit-entity-project_budget_line = budgetlinje
audit-entity-project_cost = bogført udgift
audit-entity-project_costs = bogførte udgifter

## Importing costs from the accounting system
project-import = Importér udgifter fra økonomisystemet
project-import-lead = Eksportér udgifterne fra økonomisystemet som CSV- eller Excel-fil. Første række skal navngive kolonnerne: { $columns }. Omkostningstype kan udelades, hvis du vælger en nedenfor, og Tekst må mangle. Er en enkelt række forkert, importeres intet, og fejlene vises med rækkenummer.
project-import-template = Hent en skabelon (Excel)
project-import-template-file = Udgifter skabelon
project-import-example = Togrejse til kurset
project-import-file = Fil fra økonomisystemet
hint-project-import-file = CSV (semikolon, tabulator eller komma) eller Excel (.xlsx, .xls, .ods), højst 8 MB. Beløb som tekst skrives som på dansk, for eksempel 1.250,50.
project-import-default-category = Omkostningstype for rækker uden omkostningstype
project-import-default-none = Står i filen
hint-project-import-default-category = Mangler eksporten kolonnen Omkostningstype, vælger du her, hvilken type alle rækker bogføres som.
project-import-submit = Importér udgifterne
project-import-refused = Intet blev importeret. Ret filen, og prøv igen:
project-import-empty = Filen har ingen række med en udgift under overskriftsrækken.
project-import-missing = Overskriftsrækken mangler kolonnen { $column }.
project-import-too-many = Filen har flere end { $max } rækker. Del den op i flere filer.
project-import-row = Række { $row }, { $column }: { $problem }
project-import-column-booked-on = Dato
project-import-column-category = Omkostningstype
project-import-column-amount = Beløb
project-import-column-text = Tekst
notice-costs-imported = Udgifterne er importeret og bogført.
