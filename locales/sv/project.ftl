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
project-remove = Ta bort
project-gender-woman = Kvinna
project-gender-man = Man
project-gender-other = Annat
project-gender-unknown = Vill inte ange eller okänt
project-head-count = Räknade utan namn
project-head-count-lead = Där namn inte ska antecknas: skriv hur många som kom. Talet ersätter det förra.
project-head-count-save = Spara antalet
project-signature = Underskrift

project-title = Projektuppföljning
project-activities = Aktivitetsplan och genomförda aktiviteter
project-activities-open = Aktivitetsplan och genomförda aktiviteter
project-activities-lead = Vad som planeras, när, av vem, för vilket mål och till vilken kostnad, och sedan vad som faktiskt blev gjort: när, med hur många och hur det avvek från planen.
project-activities-none = Inga aktiviteter är inlagda än.
project-activities-total = Planerad kostnad sammanlagt
project-activity-new = Lägg till en aktivitet
project-activity-create = Lägg till aktiviteten
project-activity-delete = Ta bort aktiviteten
project-activity-title = Aktivitet
project-activity-planned-on = Planerad till
project-activity-responsible = Ansvarig
project-activity-goal = Mål den ska bidra till
project-activity-no-goal = Inget särskilt mål
project-activity-planned-cost = Planerad kostnad (kr)
project-activity-carried-out = När den är genomförd
project-activity-done-on = Genomförd
project-activity-participants = Antal deltagare
project-activity-deviation = Avvikelse från planen och varför
hint-project-amount = I kronor, till exempel 12 500 eller 12 500,50.
hint-project-deviation = Till exempel annat datum, färre deltagare eller annat innehåll, och skälet.
audit-entity-project_activity = aktivitet

project-people = En persons uppgifter i närvarolistorna
project-people-link = En person vill se eller radera sina uppgifter i närvarolistorna
project-people-lead = Sök på namnet för att se allt som organisationens närvarolistor har om personen, ge hen det som en fil, eller radera det. Sökningen loggas.
project-people-find = Sök
project-people-none = Inga närvarolistor har det namnet.
project-people-found = Närvaro under namnet
project-people-found-count = { $n ->
    [one] Ett tillfälle
   *[other] { $n } tillfällen
}
project-people-export = Hämta uppgifterna som fil (JSON)
project-people-erase = { $n ->
    [one] Radera personen från närvarolistan
   *[other] Radera personen från alla { $n } närvarolistor
}
audit-entity-project_person = person i närvarolistor

project-budget = Budget och utfall
project-budget-lead = Budgeten per år, kostnadsslag och finansiär, och kostnaderna som bokförts mot den. Beloppen räknas exakt på öret.
project-budget-by-category = Budget och utfall per kostnadsslag, hela projektet
project-budget-funders = Finansiärernas andelar av budgeten
project-budget-per-tertial = Budget och utfall per tertial
project-budget-per-tertial-how = Årets budget fördelas jämnt över årets månader: ett tertial har en tredjedel av den, avrundat till helt öre. Utfallet är det som bokförts inom tertialets datum.
project-budget-category = Kostnadsslag
project-budget-budget = Budget (kr)
project-budget-outcome = Utfall (kr)
project-budget-left = Kvar (kr)
project-budget-total = Sammanlagt
project-budget-funder = Finansiär
project-budget-share = Andel
project-budget-period = Period
project-budget-lines = Budgetrader
project-budget-lines-none = Ingen budget är inlagd än.
project-budget-line-add = Lägg till en budgetrad
project-budget-line-create = Lägg till raden
project-budget-year = År
project-budget-amount = Belopp (kr)
project-budget-note = Anteckning
project-budget-costs = Bokförda kostnader
project-budget-costs-none = Inga kostnader är bokförda än.
project-budget-cost-add = Bokför en kostnad
project-budget-cost-create = Bokför kostnaden
project-budget-booked-on = Bokförd
project-budget-text = Vad
hint-project-funder = Till exempel Länsstyrelsen eller kommunen.
hint-project-cost = I kronor; en rättelse skrivs med minus, till exempel -500.
project-category-staff = Personal
project-category-external-suppliers = Externa leverantörer
project-category-premises = Lokaler
project-category-travel = Resor
project-category-material = Material
project-category-other = Övrigt
audit-entity-project_budget_line = budgetrad
audit-entity-project_cost = bokförd kostnad
audit-entity-project_costs = bokförda kostnader

## Importing costs from the accounting system
project-import = Importera kostnader från ekonomisystemet
project-import-lead = Exportera kostnaderna från ekonomisystemet som CSV- eller Excelfil. Första raden ska namnge kolumnerna: { $columns }. Kostnadsslag kan utelämnas om du väljer ett nedan, och Text får saknas. Är en enda rad fel importeras ingenting, och felen visas med radnummer.
project-import-template = Ladda ner en mall (Excel)
project-import-template-file = Kostnader mall
project-import-example = Tågresa till utbildningen
project-import-file = Fil från ekonomisystemet
hint-project-import-file = CSV (semikolon, tabb eller komma) eller Excel (.xlsx, .xls, .ods), högst 8 MB. Belopp som text skrivs som på svenska, till exempel 1 250,50.
project-import-default-category = Kostnadsslag för rader utan kostnadsslag
project-import-default-none = Står i filen
hint-project-import-default-category = Saknar exporten kolumnen Kostnadsslag väljer du här vilket slag alla rader bokförs som.
project-import-submit = Importera kostnaderna
project-import-refused = Inget importerades. Rätta filen och försök igen:
project-import-empty = Filen har ingen rad med en kostnad under rubrikraden.
project-import-missing = Rubrikraden saknar kolumnen { $column }.
project-import-too-many = Filen har fler än { $max } rader. Dela upp den i flera filer.
project-import-row = Rad { $row }, { $column }: { $problem }
project-import-column-booked-on = Datum
project-import-column-category = Kostnadsslag
project-import-column-amount = Belopp
project-import-column-text = Text
notice-costs-imported = Kostnaderna är importerade och bokförda.
