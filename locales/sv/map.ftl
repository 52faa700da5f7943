# Samverkanskartan: möten mellan myndigheter, vem som deltar, vad som är till nytta, saknas eller överlappar.

audit-entity-map = samverkanskarta
audit-entity-map_actor = aktör i samverkanskartan
audit-entity-map_meeting = möte i samverkanskartan
audit-entity-map_attendance = deltagande i möte
audit-entity-map_need = behov av kontakt
audit-entity-map_rating = bedömning av ett mötes nytta
audit-entity-map_interview = genomgång med en informant (samverkanskartan)
audit-entity-map_survey = mötesenkät i samverkanskartan
audit-entity-map_break_point = brytpunkt i samverkanskartan

nav-maps = Samverkan
map-title = Samverkanskartor
map-lead = Vilka möten mellan myndigheter och verksamheter som finns kring en målgrupp, vem som deltar, vad de är till nytta för och vilka kontakter som saknas.
map-new = Ny samverkanskarta
map-none = Det finns ingen samverkanskarta ännu.
map-name = Kartans namn
hint-map-name = Till exempel ”Unga vuxna i Sjuhärad 2026”.
map-target-group = Målgrupp
hint-map-target-group = Vilka mötena ska hjälpa, till exempel unga vuxna 18–29 år utan egen försörjning.
map-period = Period
map-starts-on = Från
map-ends-on = Till
map-create = Skapa kartan
map-actors = Aktörer
map-meetings = Möten
map-meetings-none = Inga möten är inlagda ännu.
map-actors-none = Inga aktörer är inlagda ännu.
map-network = Nätverket
map-meeting-new = Lägg till möte
map-actor-new = Lägg till aktör
map-actor-lead = En aktör är en organisation, gärna med enhet och funktion. Aktören sparas för organisationen och kan användas i flera kartor.
map-organisation = Organisation
hint-map-organisation = Till exempel Arbetsförmedlingen.
map-unit = Enhet
hint-map-unit = Till exempel marknadsområde Sjuhärad.
map-function = Funktion
hint-map-function = Till exempel arbetsförmedlare.
map-agency = Huvudman
map-agency-municipality = Kommun
map-agency-employment_service = Arbetsförmedlingen
map-agency-social_insurance = Försäkringskassan
map-agency-region = Region
map-agency-other = Annan
# The agencies as a sentence names them.
map-agency-in-text-municipality = kommunen
map-agency-in-text-employment_service = Arbetsförmedlingen
map-agency-in-text-social_insurance = Försäkringskassan
map-agency-in-text-region = regionen
map-agency-in-text-other = andra huvudmän
map-actor-add = Lägg till aktören
map-actor = Aktör
map-meeting-name = Möte
map-purpose = Syfte
hint-map-purpose = Vad mötet är till för.
map-level = Nivå
map-level-strategic = Strategisk
map-level-tactical = Taktisk
map-level-operational = Operativ
map-per-year = Gånger per år
hint-map-per-year = Till exempel 10, eller 0,5 för vartannat år.
map-hours = Timmar per gång
hint-map-hours = Till exempel 1,5.
map-convener = Sammankallande
map-convener-none = Ingen angiven
map-basis = Grund i lag eller överenskommelse
hint-map-basis = Till exempel en samverkansöverenskommelse eller en paragraf.
hint-map-meeting-target-group = Fyll i om mötet gäller en snävare grupp än kartans.
map-meeting-add = Lägg till mötet
map-attendance = Deltagare
map-attendance-none = Ingen deltagare är inlagd ännu.
map-attendance-add = Lägg till deltagare
map-attendance-save = Spara deltagandet
map-role = Roll
map-role-chair = Ordförande
map-role-member = Ledamot
map-role-invited = Adjungerad vid behov
map-ratings = Nytta
map-ratings-none = Ingen har bedömt mötets nytta ännu.
map-rating-add = Bedöm nyttan
map-rating-save = Spara bedömningen
map-useful-own = Nytta för det egna arbetet
map-useful-group = Nytta för målgruppen
map-useful-unsaid = Inte angivet
map-useful-1 = ingen nytta
map-useful-2 = liten nytta
map-useful-3 = ganska stor nytta
map-useful-4 = stor nytta
map-works = Det som fungerar
map-change = Det som borde ändras
map-source = Källa
map-source-entry = inlagt av processledaren
map-source-interview = från intervju
map-source-survey = från enkät
map-attendees = Deltagare
map-person-hours = Persontimmar per år
map-useful = Nytta (medel)
map-overlaps = Delar deltagare med
map-degree = Kontakter
map-hours-per-year = Timmar per år
map-weighted-degree = Vägda kontakter
map-betweenness = Mellanliggande
map-brokerage = Förmedlande
map-brokerage-counts = samordnare { $coordinator }, konsult { $consultant }, gränsöverskridande { $boundary }, länk { $liaison }
map-density = Täthet
map-centralization = Centralisering
map-components = Delar som inte möts
map-unmet-needs = Behov utan mötesplats
map-unmet-needs-none = Varje uttalat behov av kontakt har ett gemensamt möte.
map-need-new = Lägg till ett behov av kontakt
map-need-from = Aktören som behöver kontakt
map-need-to = Med aktören
map-need-about = Om vad
map-need-add = Lägg till behovet
map-definitions = Så räknas måtten
map-define-person-hours = Gånger per år × timmar per gång × antal deltagare.
map-define-useful = Medelvärdet av deltagarnas bedömningar av nyttan för det egna arbetet, från 1 (ingen) till 4 (stor). Processledarens egen uppgift räknas före intervjuns och enkätens.
map-define-overlaps = Andra möten där minst hälften av de två mötenas sammanlagda deltagare går på båda (Jaccardindex ≥ 0,5).
map-define-degree = Hur många andra aktörer aktören träffar i minst ett möte.
map-define-hours-per-year = Summan av gånger per år × timmar per gång för de möten aktören går på.
map-define-weighted-degree = För varje annan aktör: tiden per år i möten som båda går på, summerad.
map-define-betweenness = Hur stor andel av de kortaste vägarna mellan andra aktörer som går via aktören (0–1). Högt värde: kontakter går genom den här aktören.
map-define-brokerage = Par av aktörens kontakter som inte träffar varandra, efter huvudman: samordnare (alla tre samma), konsult (de två lika, aktören en annan), gränsöverskridande (en av de två samma som aktören), länk (alla tre olika).
map-define-density = Andelen av alla möjliga kontakter mellan aktörerna som finns (0–1).
map-define-centralization = Hur mycket kontakterna samlas hos en aktör: 1 när allt går genom en, 0 när alla har lika många.
map-define-components = Grupper av aktörer som inte har något möte med varandra; en aktör utan möten är en egen grupp.
map-define-unmet-needs = Par av aktörer där den ena har uttalat ett behov av kontakt med den andra men de inte har något gemensamt möte.
map-useful-by-agency = Nytta per huvudman (antal)
map-suggestions = Frågor att ta upp
map-suggestions-lead = Kartan vet inte varför ett möte finns eller varför kontakten går som den gör. Det här är frågor för gruppen, inga slutsatser.
map-suggestions-none = Kartan väcker inga frågor om sammanslagning, sårbara kontakter eller saknade möten.
map-suggest-merge_meetings = Kunde { $first } och { $second } bli ett möte? De delar de flesta deltagarna (Jaccardindex { $jaccard }) och minst ett av dem bedöms ge liten nytta.
map-suggest-only_bridge = Vem håller kontakten mellan { $agency } och { $other } när { $actor } inte är med? All kontakt mellan dem går via { $actor }.
map-suggest-missing_meeting = Saknas ett möte mellan { $first } och { $second }? { $needs ->
    [one] Ett behov av kontakt är uttalat
   *[other] { $needs } behov av kontakt är uttalade
} men de har inget gemensamt möte.
map-pictures = Kartan
map-picture-two-mode = Aktörer och möten
map-picture-two-mode-desc = { $actors } aktörer (rutor i huvudmannens färg, grupperade per huvudman) och { $meetings } möten (cirklar, större ju fler persontimmar), med ett streck för vart och ett av { $rows } deltaganden. Tabellerna nedan har samma uppgifter.
map-picture-actors = Vem möter vem
map-picture-actors-desc = { $actors } aktörer och { $ties ->
    [one] en kontakt
   *[other] { $ties } kontakter
}: ett streck mellan två aktörer som går på minst ett möte tillsammans.
map-picture-heaviest = De { $shown } kontakter som tar mest tid per år visas.
map-legend-meeting = Möte (storlek efter persontimmar per år)
map-download = Hämta kartans uppgifter (XLSX med aktörer, möten, deltagande och mått; deltagandet som CSV; GraphML för Gephi och yEd)
map-attendance-remove = Ta bort
map-meeting-remove = Ta bort mötet
map-meeting-remove-question = Ta bort mötet { $name }?
map-meeting-remove-consequence = Mötets deltagare och bedömningar tas bort med det. Aktörerna finns kvar i kartan.

# Guidad intervju
map-interview-title = Guidad intervju
map-interview-lead = Gå igenom kartans möten tillsammans med en informant: vilka hen går på, i vilken roll och hur användbara de är. Svaren sparas i kartan, märkta som intervju.
map-interview-informant = Informant
map-interview-start = Börja intervjun
map-interview-new-actor = Finns inte informanten? Lägg till en aktör först.
map-interview-walk-lead = Fråga om varje möte. Ett möte som inte besvaras lämnas som det är; ”Nej” tar bort informantens deltagande.
map-interview-meeting-facts = { $per_year } gånger per år, { $hours } timmar
map-interview-attends = Går informanten på mötet?
map-interview-added = Ett möte som saknas
map-interview-added-hint = Fyll i om informanten går på ett möte som inte finns i listan. Hen läggs till som deltagare.
map-interview-need = Behov av kontakt
map-interview-save = Spara intervjun

# Mötesenkät
map-survey-title = Mötesenkät
map-survey-lead = Varje aktör i kartan får en egen länk med kartans möten och svarar för sin del: om de går på mötet, hur ofta och hur användbart det är. Svaren förs inte in i kartan förrän du har valt vad som ska tas in.
map-survey-sent = Skickade enkäter
map-survey-name = Enkätens namn
map-survey-answered = Svarat
map-survey-state = Läge
map-survey-links = Länkar och påminnelser
map-survey-closed = Stängd
map-survey-open = Öppen
map-survey-proposals = Att ta ställning till: { $survey }
map-survey-proposals-lead = Tillägg är förvalda att tas in. Där enkäten säger emot det som redan finns i kartan visas båda, och kartan behålls tills du väljer enkätens svar.
map-survey-proposals-none = Det finns inget nytt att ta ställning till.
map-survey-proposals-caption = Förslag från enkätens svar
map-survey-map-now = I kartan nu
map-survey-survey-says = Enkäten säger
map-survey-choice = Val
map-survey-conflict = Säger emot kartan
map-survey-take_in = Ta in
map-survey-keep = Låt bli
map-survey-take_in-conflict = Använd enkätens
map-survey-keep-conflict = Behåll kartans
map-survey-save-choices = Spara valen
map-survey-usefulness = eget arbete { $own }, målgruppen { $group }
map-survey-map-absent = Inte med
map-survey-map-attends = Deltar
map-survey-map-unrated = Ingen bedömning
map-survey-says-attends = Deltar
map-survey-says-absent = Deltar inte
map-survey-new-meeting = Nytt möte
map-survey-frequency = Hur ofta de svarande säger att de är med
map-survey-attending = Svarande som deltar
map-survey-stated-per-year = Uppgivet antal gånger per år (medel)
map-survey-free = Möten som saknas och möten som kunde bort
map-survey-free-none = Ingen har skrivit något här ännu.
map-survey-missing = Saknas
map-survey-could-go = Kunde bort
map-survey-send = Skicka en ny mötesenkät
map-survey-send-lead = Varje aktör i kartan får en personlig länk. Länkarna visas en gång; nya länkar och e-post finns på enkätens sida.
map-survey-nothing-to-ask = Kartan behöver minst ett möte och en aktör innan en enkät kan skickas.
map-survey-too-many = En enkät kan fråga om högst { $max } möten. Dela upp kartan eller använd intervjun.
map-survey-closes-on = Sista svarsdag
map-survey-send-button = Skapa länkarna
map-survey-default-title = Mötesenkät: { $map }
map-survey-links-lead = Här är varje aktörs personliga länk. Skicka dem nu: de visas bara den här gången.
map-survey-link = Länk
map-survey-round-page = Enkätens sida: svar, nya länkar och påminnelser
map-survey-to-answers = Till svaren

# Editing
map-actor-edit = Ändra aktören
map-meeting-edit = Ändra mötet
map-save = Spara

# Urval
map-filter-all = Alla
map-filter-show = Visa urvalet
map-filter-clear = Visa hela kartan
map-filter-showing = Urval: { $meetings } av { $all_meetings } möten och { $actors } av { $all_actors } aktörer. Måtten gäller hela kartan.
map-meeting-target-group = Mötets målgrupp

# Brytpunkter
map-break-title = Brytpunkter
map-break-lead = Punkter där målgruppen lämnar ett regelverk för ett annat – en ålder eller en tidpunkt – och vilka möten som täcker dem. En punkt som inget möte täcker är där en person kan hamna mellan stolarna.
map-break-none = Inga brytpunkter är inlagda ännu.
map-break-axis = Axel
map-break-axis-age = Ålder (år)
map-break-axis-months = Tid (månader)
map-break-at = Var på axeln
hint-map-break-at = Till exempel 25 för åldern då ungdomsinsatserna upphör, eller 12 för månaden då en ersättning tar slut.
map-break-label = Vad som händer
hint-map-break-label = Till exempel ”Ungdomsgarantin upphör” eller ”Aktivitetsersättningen upphör”.
map-break-meetings = Möten som täcker punkten
hint-map-break-meetings = De möten där övergången tas upp.
map-break-cover = Täcks av
map-break-covered = { $meetings ->
    [one] ett möte
   *[other] { $meetings } möten
}: { $agencies }
map-break-uncovered = Täcks inte av något möte
map-break-picture-desc = { $points ->
    [one] En brytpunkt
   *[other] { $points } brytpunkter
}, varav { $uncovered } inte täcks av något möte.
map-break-new = Lägg till en brytpunkt
map-break-edit = Ändra brytpunkten
map-break-add = Lägg till
map-break-change = Ändra
map-break-remove = Ta bort

# Omgångar
map-wave-new = Ny omgång av kartan
map-wave-lead = En ny omgång börjar med kartans aktörer, möten, deltagande och brytpunkter. Bedömningar och behov frågas efter på nytt. Jämförelsen visar sedan vad som har ändrats.
map-wave-create = Skapa den nya omgången
map-wave-default-name = { $map }, uppföljning
map-compare-title = Jämförelse med förra omgången
map-compare-none = Kartan har ingen tidigare omgång att jämföra med.
map-compare-lead = Från ”{ $before }” till ”{ $after }”.
map-compare-measure = Mått
map-compare-before = Förra omgången
map-compare-after = Nu
map-compare-change = Förändring
map-compare-added = Nya möten
map-compare-removed = Möten som har upphört
map-compare-kept = Möten i båda omgångarna
map-compare-actors = Aktörer vars ställning har ändrats
map-compare-nothing = Inga.

# Rapport
map-report-link = Rapport (PDF)
map-report-subtitle = Samverkanskarta – rapport till styrgruppen
map-report-organisation = Organisation
map-report-value = Värde
map-report-meaning = Vad det betyder
map-report-file = Samverkanskarta { $name }

# Brytpunkter: vem som täcker dem
map-break-actors = Aktörer på mötena
map-break-meetings-under = Möten: { $meetings }

map-figures-updating = Måtten räknas om efter den senaste ändringen. Siffrorna, bilderna och frågorna nedan gäller kartan som den var före ändringen.
map-figures-show-updated = Visa de uppdaterade måtten
