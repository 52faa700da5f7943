# Samarbejdskortet: møder mellem myndigheder, hvem der deltager, hvad der er nyttigt, mangler eller overlapper.

audit-entity-map = samarbejdskort
audit-entity-map_actor = aktør i samarbejdskortet
audit-entity-map_meeting = møde i samarbejdskortet
audit-entity-map_attendance = deltagelse i møde
audit-entity-map_need = behov for kontakt
audit-entity-map_rating = vurdering af et mødes nytte
audit-entity-map_interview = gennemgang med en informant (samarbejdskortet)
audit-entity-map_survey = mødeundersøgelse i samarbejdskortet
audit-entity-map_break_point = overgang i samarbejdskortet

nav-maps = Samarbejde
map-title = Samarbejdskort
map-lead = Hvilke møder mellem myndigheder og tilbud der findes omkring en målgruppe, hvem der deltager, hvad de er nyttige til, og hvilke kontakter der mangler.
map-new = Nyt samarbejdskort
map-none = Der er endnu ikke noget samarbejdskort.
map-name = Kortets navn
hint-map-name = For eksempel "Unge voksne i kommunen 2026".
map-target-group = Målgruppe
hint-map-target-group = Hvem møderne skal hjælpe, for eksempel unge voksne 18–29 år uden egen forsørgelse.
map-period = Periode
map-starts-on = Fra
map-ends-on = Til
map-create = Opret kortet
map-actors = Aktører
map-meetings = Møder
map-meetings-none = Der er endnu ingen møder.
map-actors-none = Der er endnu ingen aktører.
map-network = Netværket
map-meeting-new = Tilføj møde
map-actor-new = Tilføj aktør
map-actor-lead = En aktør er en organisation, gerne med enhed og funktion. Aktøren gemmes for organisationen og kan bruges i flere kort.
map-organisation = Organisation
hint-map-organisation = For eksempel jobcentret.
map-unit = Enhed
hint-map-unit = For eksempel ungeindsatsen.
map-function = Funktion
hint-map-function = For eksempel jobkonsulent.
map-agency = Myndighed
map-agency-municipality = Kommune
map-agency-employment_service = Beskæftigelsesindsats
map-agency-social_insurance = Socialforsikring
map-agency-region = Region
map-agency-other = Anden
# The agencies as a sentence names them.
map-agency-in-text-municipality = kommunen
map-agency-in-text-employment_service = beskæftigelsesindsatsen
map-agency-in-text-social_insurance = socialforsikringen
map-agency-in-text-region = regionen
map-agency-in-text-other = andre aktører
map-actor-add = Tilføj aktøren
map-actor = Aktør
map-meeting-name = Møde
map-purpose = Formål
hint-map-purpose = Hvad mødet er til for.
map-level = Niveau
map-level-strategic = Strategisk
map-level-tactical = Taktisk
map-level-operational = Operationelt
map-per-year = Gange om året
hint-map-per-year = For eksempel 10, eller 0,5 for hvert andet år.
map-hours = Timer pr. gang
hint-map-hours = For eksempel 1,5.
map-convener = Indkalder
map-convener-none = Ikke angivet
map-basis = Grundlag i lov eller aftale
hint-map-basis = For eksempel en samarbejdsaftale eller en paragraf.
hint-map-meeting-target-group = Udfyld hvis mødet gælder en snævrere gruppe end kortets.
map-meeting-add = Tilføj mødet
map-attendance = Deltagere
map-attendance-none = Der er endnu ingen deltagere.
map-attendance-add = Tilføj deltager
map-attendance-save = Gem deltagelsen
map-role = Rolle
map-role-chair = Formand
map-role-member = Medlem
map-role-invited = Deltager efter behov
map-ratings = Nytte
map-ratings-none = Ingen har vurderet mødets nytte endnu.
map-rating-add = Vurder nytten
map-rating-save = Gem vurderingen
map-useful-own = Nytte for eget arbejde
map-useful-group = Nytte for målgruppen
map-useful-unsaid = Ikke angivet
map-useful-1 = ingen nytte
map-useful-2 = lidt nytte
map-useful-3 = en del nytte
map-useful-4 = stor nytte
map-works = Det der virker
map-change = Det der bør ændres
map-source = Kilde
map-source-entry = indtastet af proceslederen
map-source-interview = fra interview
map-source-survey = fra spørgeskema
map-attendees = Deltagere
map-person-hours = Persontimer om året
map-useful = Nytte (gennemsnit)
map-overlaps = Deler deltagere med
map-degree = Kontakter
map-hours-per-year = Timer om året
map-weighted-degree = Vægtede kontakter
map-betweenness = Mellemliggende
map-brokerage = Formidlende
map-brokerage-counts = koordinator { $coordinator }, konsulent { $consultant }, grænsegænger { $boundary }, bindeled { $liaison }
map-density = Tæthed
map-centralization = Centralisering
map-components = Dele der ikke mødes
map-unmet-needs = Behov uden mødested
map-unmet-needs-none = Hvert udtalt behov for kontakt har et fælles møde.
map-need-new = Tilføj et behov for kontakt
map-need-from = Aktøren der har brug for kontakt
map-need-to = Med aktøren
map-need-about = Om hvad
map-need-add = Tilføj behovet
map-definitions = Sådan beregnes målene
map-define-person-hours = Gange om året × timer pr. gang × antal deltagere.
map-define-useful = Gennemsnittet af deltagernes vurderinger af nytten for eget arbejde, fra 1 (ingen) til 4 (stor). Proceslederens egen angivelse tæller før interviewets og spørgeskemaets.
map-define-overlaps = Andre møder hvor mindst halvdelen af de to mødernes samlede deltagere går til begge (Jaccard-indeks ≥ 0,5).
map-define-degree = Hvor mange andre aktører aktøren mødes med i mindst ét møde.
map-define-hours-per-year = Summen af gange om året × timer pr. gang for de møder aktøren deltager i.
map-define-weighted-degree = For hver anden aktør: tiden om året i møder som begge deltager i, lagt sammen.
map-define-betweenness = Hvor stor en andel af de korteste veje mellem andre aktører der går via aktøren (0–1). Højt tal: kontakten går gennem denne aktør.
map-define-brokerage = Par af aktørens kontakter som ikke mødes med hinanden, efter myndighed: koordinator (alle tre ens), konsulent (de to ens, aktøren en anden), grænsegænger (en af de to som aktøren), bindeled (alle tre forskellige).
map-define-density = Andelen af alle mulige kontakter mellem aktørerne som findes (0–1).
map-define-centralization = Hvor meget kontakterne samles hos én aktør: 1 når alt går gennem én, 0 når alle har lige mange.
map-define-components = Grupper af aktører uden noget møde med hinanden; en aktør uden møder er sin egen gruppe.
map-define-unmet-needs = Par af aktører hvor den ene har udtalt et behov for kontakt med den anden, men de har intet fælles møde.
map-useful-by-agency = Nytte pr. myndighed (antal)
map-suggestions = Spørgsmål at tage op
map-suggestions-lead = Kortet ved ikke, hvorfor et møde findes, eller hvorfor kontakten går, som den gør. Det her er spørgsmål til gruppen, ikke konklusioner.
map-suggestions-none = Kortet rejser ingen spørgsmål om sammenlægning, sårbare kontakter eller manglende møder.
map-suggest-merge_meetings = Kunne { $first } og { $second } blive ét møde? De deler de fleste deltagere (Jaccard-indeks { $jaccard }), og mindst ét af dem vurderes at give lidt nytte.
map-suggest-only_bridge = Hvem holder kontakten mellem { $agency } og { $other }, når { $actor } ikke er med? Al kontakt mellem dem går via { $actor }.
map-suggest-missing_meeting = Mangler der et møde mellem { $first } og { $second }? { $needs ->
    [one] Et behov for kontakt er udtalt
   *[other] { $needs } behov for kontakt er udtalt
}, men de har intet fælles møde.
map-pictures = Kortet
map-picture-two-mode = Aktører og møder
map-picture-two-mode-desc = { $actors } aktører (firkanter i myndighedens farve, grupperet efter myndighed) og { $meetings } møder (cirkler, større jo flere persontimer), med en streg for hver af { $rows } deltagelser. Tabellerne nedenfor har de samme oplysninger.
map-picture-actors = Hvem mødes med hvem
map-picture-actors-desc = { $actors } aktører og { $ties ->
    [one] én kontakt
   *[other] { $ties } kontakter
}: en streg mellem to aktører, der deltager i mindst ét møde sammen.
map-picture-heaviest = De { $shown } kontakter, der tager mest tid om året, vises.
map-legend-meeting = Møde (størrelse efter persontimer om året)
map-download = Hent kortets data (XLSX med aktører, møder, deltagelse og mål; deltagelsen som CSV; GraphML til Gephi og yEd)
map-attendance-remove = Fjern
map-meeting-remove = Fjern mødet
map-meeting-remove-question = Fjern mødet { $name }?
map-meeting-remove-consequence = Mødets deltagere og vurderinger fjernes sammen med det. Aktørerne bliver i kortet.

# Guidet interview
map-interview-title = Guidet interview
map-interview-lead = Gå kortets møder igennem sammen med en informant: hvilke vedkommende deltager i, i hvilken rolle, og hvor nyttige de er. Svarene gemmes i kortet, markeret som interview.
map-interview-informant = Informant
map-interview-start = Begynd interviewet
map-interview-new-actor = Findes informanten ikke? Tilføj en aktør først.
map-interview-walk-lead = Spørg til hvert møde. Et møde uden svar forbliver som det er; "Nej" fjerner informantens deltagelse.
map-interview-meeting-facts = { $per_year } gange om året, { $hours } timer
map-interview-attends = Deltager informanten i mødet?
map-interview-added = Et møde, der mangler
map-interview-added-hint = Udfyld, hvis informanten deltager i et møde, der ikke er på listen. Vedkommende tilføjes som deltager.
map-interview-need = Behov for kontakt
map-interview-save = Gem interviewet

# Mødeundersøgelse
map-survey-title = Mødeundersøgelse
map-survey-lead = Hver aktør i kortet får sit eget link med kortets møder og svarer for sig selv: om de deltager, hvor ofte, og hvor nyttigt mødet er. Svarene føres ikke ind i kortet, før du har valgt, hvad der skal med.
map-survey-sent = Udsendte undersøgelser
map-survey-name = Undersøgelsens navn
map-survey-answered = Svaret
map-survey-state = Status
map-survey-links = Links og påmindelser
map-survey-closed = Lukket
map-survey-open = Åben
map-survey-proposals = At tage stilling til: { $survey }
map-survey-proposals-lead = Tilføjelser er valgt på forhånd. Hvor undersøgelsen siger kortet imod, vises begge, og kortet beholdes, indtil du vælger undersøgelsens svar.
map-survey-proposals-none = Der er intet nyt at tage stilling til.
map-survey-proposals-caption = Forslag fra undersøgelsens svar
map-survey-map-now = I kortet nu
map-survey-survey-says = Undersøgelsen siger
map-survey-choice = Valg
map-survey-conflict = Siger kortet imod
map-survey-take_in = Tag med
map-survey-keep = Lad være
map-survey-take_in-conflict = Brug undersøgelsens
map-survey-keep-conflict = Behold kortets
map-survey-save-choices = Gem valgene
map-survey-usefulness = eget arbejde { $own }, målgruppen { $group }
map-survey-map-absent = Ikke med
map-survey-map-attends = Deltager
map-survey-map-unrated = Ingen vurdering
map-survey-says-attends = Deltager
map-survey-says-absent = Deltager ikke
map-survey-new-meeting = Nyt møde
map-survey-frequency = Hvor ofte de svarende siger, de er med
map-survey-attending = Svarende, der deltager
map-survey-stated-per-year = Oplyst antal gange om året (gennemsnit)
map-survey-free = Møder, der mangler, og møder, der kunne undværes
map-survey-free-none = Ingen har skrevet noget her endnu.
map-survey-missing = Mangler
map-survey-could-go = Kunne undværes
map-survey-send = Send en ny mødeundersøgelse
map-survey-send-lead = Hver aktør i kortet får et personligt link. Linkene vises én gang; nye links og e-mail findes på undersøgelsens side.
map-survey-nothing-to-ask = Kortet skal have mindst ét møde og én aktør, før en undersøgelse kan sendes.
map-survey-too-many = En undersøgelse kan spørge til højst { $max } møder. Del kortet op, eller brug interviewet.
map-survey-closes-on = Sidste svardag
map-survey-send-button = Lav linkene
map-survey-default-title = Mødeundersøgelse: { $map }
map-survey-links-lead = Her er hver aktørs personlige link. Send dem nu: de vises kun denne ene gang.
map-survey-link = Link
map-survey-round-page = Undersøgelsens side: svar, nye links og påmindelser
map-survey-to-answers = Til svarene

# Editing
map-actor-edit = Ret aktøren
map-meeting-edit = Ret mødet
map-save = Gem

# Udvalg
map-filter-all = Alle
map-filter-show = Vis udvalget
map-filter-clear = Vis hele kortet
map-filter-showing = Udvalg: { $meetings } af { $all_meetings } møder og { $actors } af { $all_actors } aktører. Målene gælder hele kortet.
map-meeting-target-group = Mødets målgruppe

# Overgange
map-break-title = Overgange
map-break-lead = Punkter, hvor målgruppen går fra ét regelsæt til et andet – en alder eller et tidspunkt – og hvilke møder der dækker dem. En punkt, som intet møde dækker, er der, hvor en person kan falde mellem to stole.
map-break-none = Der er ikke indtastet nogen overgange endnu.
map-break-axis = Akse
map-break-axis-age = Alder (år)
map-break-axis-months = Tid (måneder)
map-break-at = Hvor på aksen
hint-map-break-at = For eksempel 25 for alderen, hvor ungeindsatserne ophører, eller 12 for måneden, hvor en ydelse slutter.
map-break-label = Hvad der sker
hint-map-break-label = For eksempel "Ungeindsatsen ophører" eller "Ydelsen ophører".
map-break-meetings = Møder, der dækker punktet
hint-map-break-meetings = De møder, hvor overgangen tages op.
map-break-cover = Dækkes af
map-break-covered = { $meetings ->
    [one] ét møde
   *[other] { $meetings } møder
}: { $agencies }
map-break-uncovered = Dækkes ikke af noget møde
map-break-picture-desc = { $points ->
    [one] Én overgang
   *[other] { $points } overgange
}, hvoraf { $uncovered } ikke dækkes af noget møde.
map-break-new = Tilføj en overgang
map-break-edit = Ret overgangen
map-break-add = Tilføj
map-break-change = Ret
map-break-remove = Fjern

# Runder
map-wave-new = Ny runde af kortet
map-wave-lead = En ny runde begynder med kortets aktører, møder, deltagelse og overgange. Vurderinger og behov spørges der om igen. Sammenligningen viser derefter, hvad der er ændret.
map-wave-create = Opret den nye runde
map-wave-default-name = { $map }, opfølgning
map-compare-title = Sammenligning med forrige runde
map-compare-none = Kortet har ingen tidligere runde at sammenligne med.
map-compare-lead = Fra "{ $before }" til "{ $after }".
map-compare-measure = Mål
map-compare-before = Forrige runde
map-compare-after = Nu
map-compare-change = Ændring
map-compare-added = Nye møder
map-compare-removed = Møder, der er ophørt
map-compare-kept = Møder i begge runder
map-compare-actors = Aktører, hvis placering er ændret
map-compare-nothing = Ingen.

# Rapport
map-report-link = Rapport (PDF)
map-report-subtitle = Samarbejdskort – rapport til styregruppen
map-report-organisation = Organisation
map-report-value = Værdi
map-report-meaning = Hvad det betyder
map-report-file = Samarbejdskort { $name }

# Overgange: hvem der dækker dem
map-break-actors = Aktører på møderne
map-break-meetings-under = Møder: { $meetings }

map-figures-updating = Målene beregnes igen efter den seneste ændring. Tallene, billederne og spørgsmålene nedenfor gælder kortet, som det var før ændringen.
map-figures-show-updated = Vis de opdaterede mål
