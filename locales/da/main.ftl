# Parat – dansk

app-tagline = Parat – parathed, implementering, samarbejde og opfølgning for velfærdens organisationer
skip-to-content = Spring til indholdet
current-organisation = Organisation
switch-organisation = Skift organisation
log-out = Log ud
language = Sprog
language-change = Skift sprog
nav-label = Hovedmenu
nav-home = Forside
nav-initiatives = Indsatser
nav-organisations = Organisationer
nav-members = Medlemmer
nav-audit = Hændelseslog
nav-account = Min konto
actions = Handlinger
all = Alle
choose = Vælg …
cancel = Annuller
save = Gem
edit = Rediger
archive = Arkivér
restore = Gendan
archived = Arkiveret
search = Søg

# Felter
field-name = Navn
field-description = Beskrivelse
field-topic = Område
field-custom-topic = Eget område
field-target-group = Målgruppe
field-start-date = Startdato
field-end-date = Slutdato
field-period = Periode
field-status = Status
field-owner = Ansvarlig
field-partners = Samarbejdspartnere
field-email = E-mailadresse
field-password = Adgangskode
field-password-confirmation = Gentag adgangskoden
field-display-name = Navn
field-organisation-name = Organisationens navn
field-organisation-kind = Type organisation
field-parent = Overordnet organisation
field-role = Rolle
field-initial-password = Første adgangskode
field-token-name = Nøglens navn

hint-custom-topic = Udfyld, hvis du har valgt "Eget område".
hint-target-group = For eksempel "unge voksne 18–29 år uden egen forsørgelse".
hint-date = Skriv datoen som ÅÅÅÅ-MM-DD.
hint-partners = Organisationer, der deltager i indsatsen.
hint-parent = For eksempel regionen for en kommune.
hint-roles = Rollerne er beskrevet nederst på siden.
hint-token-name = Så du kan genkende nøglen, for eksempel "rapportværktøj".
password-hint = Mindst { $n } tegn. En sætning af flere ord er let at huske og svær at gætte.
no-owner = Ingen ansvarlig
no-parent = Ingen

# Fejl i formularer
error-prefix = Fejl
error-summary-title = Noget skal rettes
problem-required = Udfyld dette felt.
problem-too-long = Må højst være { $n } tegn.
problem-too-short = Skal være mindst { $n } tegn.
problem-invalid-email = Skriv en e-mailadresse, for eksempel navn@kommune.dk.
problem-invalid-date = Skriv en dato som ÅÅÅÅ-MM-DD, for eksempel 2026-03-31.
problem-end-before-start = Slutdatoen kan ikke ligge før startdatoen.
problem-unknown-choice = Den mulighed findes ikke. Vælg en af mulighederne på listen.
problem-taken = Findes allerede.
problem-mismatch = Adgangskoderne er ikke ens.
problem-control-characters = Teksten indeholder ugyldige tegn.

# Log ind og opstart
login-title = Log ind
login-submit = Log ind
login-failed = E-mailadressen eller adgangskoden passer ikke.
login-throttled = For mange mislykkede forsøg. Vent et kvarter, og prøv igen.
setup-title = Kom i gang med Parat
setup-intro = Opret den første administrator og den organisation, du arbejder i. Linket virker én gang.
setup-you = Dig
setup-organisation = Din organisation
setup-submit = Opret og log ind
not-set-up-title = Parat er ikke sat op endnu
not-set-up-body = Ingen kan logge ind endnu. Åbn engangslinket, som blev skrevet ud, da Parat startede, eller kør "parat setup-link" for at få et nyt.

# Forsiden
home-title = Mine indsatser
home-greeting = Velkommen, { $name }.
home-mine = Indsatser, du er ansvarlig for
home-mine-empty = Du er ikke ansvarlig for nogen indsats endnu.
no-organisation-title = Ingen organisation
initiatives-all = Alle indsatser
initiatives-all-mine = Vis alle dine indsatser

# Indsatser
initiative-new = Ny indsats
initiative-edit = Rediger indsats
initiatives-count = { $n ->
    [one] { $n } indsats
   *[other] { $n } indsatser
}
initiatives-none = Ingen indsatser passer.
filter-mine = Kun mine
filter-archived = Vis arkiverede
filter-submit = Filtrér
pager-label = Sider
pager-previous = Forrige
pager-next = Næste
pager-position = Side { $page } af { $pages }

topic-violence_close_relationships = Vold i nære relationer
topic-honour_related_violence = Æresrelateret vold og social kontrol
topic-andt_prevention = Alkohol, stoffer, doping og tobak
topic-minority_rights = Nationale mindretals rettigheder
topic-integration = Integration
topic-vocational_rehabilitation = Beskæftigelsesrettet rehabilitering
topic-mental_health_recovery = Psykisk sundhed og recovery
topic-custom = Eget område

status-planned = Planlagt
status-active = I gang
status-paused = Sat på pause
status-completed = Afsluttet

# Organisationer
org-kind-municipality = Kommune
org-kind-district = Bydel
org-kind-region = Region
org-kind-county_board = Statsforvaltning (länsstyrelse)
org-kind-coordination_association = Samordningsforbund
org-kind-national_agency = Statslig myndighed
org-kind-other = Anden
organisations-mine = Dine organisationer
organisations-all = Alle organisationer
organisation-new = Ny organisation
organisation-edit = Rediger organisationen
organisation-current = Du arbejder i denne nu
organisation-switch-to = Arbejd i { $name }

# Roller og medlemmer
role-admin = Administrator
role-coordinator = Koordinator
role-scorer = Bedømmer
role-practitioner = Praktiker
role-viewer = Læser
role-admin-description = Håndterer medlemmer og organisationens oplysninger, læser hændelsesloggen og kan alt, hvad en koordinator kan.
role-coordinator-description = Ejer indsatser: opretter, ændrer og arkiverer dem og driver målinger og rapporter.
role-scorer-description = Gennemfører og bedømmer interview i de målinger, vedkommende er tildelt.
role-practitioner-description = Registrerer opfølgning med deltagere og fremmøde.
role-viewer-description = Læser indsatser og færdige rapporter, for eksempel i en styregruppe.
roles-title = Roller
role-of = Rolle for { $name }
role-change = Skift rolle
member-remove = Fjern { $name }
member-add = Tilføj medlem
member-add-intro = Tilføj en person, der allerede har en konto, med vedkommendes e-mailadresse, eller opret en ny konto.
member-new-account = Ny konto
member-new-account-hint = Udfyld kun, hvis personen ikke har en konto. Giv vedkommende den første adgangskode på en sikker måde.

# Hændelseslog
audit-intro = Hver ændring i organisationen: hvem, hvornår, hvad, før og efter.
audit-empty = Ingen hændelser endnu.
audit-when = Hvornår
audit-who = Hvem
audit-what = Hvad
audit-before = Før
audit-after = Efter
audit-older = Ældre hændelser
audit-action-create = Oprettede
audit-action-update = Ændrede
audit-action-delete = Fjernede
audit-action-archive = Arkiverede
audit-action-restore = Gendannede
audit-action-setup = Satte Parat op
audit-entity-user = konto
audit-entity-organisation = organisation
audit-entity-membership = medlemskab
audit-entity-initiative = indsats
audit-entity-api_token = API-nøgle

# Konto og API-nøgler
tokens-title = API-nøgler
tokens-intro = En personlig nøgle lader et andet program læse og ændre denne organisations indsatser via API'et, med dine rettigheder.
tokens-none = Du har ingen nøgler.
token-new = Ny nøgle
token-create = Opret nøgle
token-created = Oprettet
token-last-used = Sidst brugt
token-revoke = Tilbagekald { $name }
token-created-once = Kopiér nøglen nu. Den vises kun denne ene gang.
api-documentation = API-beskrivelse (OpenAPI)

# Beskeder efter en handling
notice-saved = Ændringerne er gemt.
notice-initiative-created = Indsatsen er oprettet.
notice-organisation-created = Organisationen er oprettet.
notice-assessment-created = Parathedsmålingen er oprettet.
notice-status-advanced = Målingen er gået videre til næste trin.
notice-informant-added = Nøglepersonen er tilføjet.
notice-interview-created = Interviewet er oprettet. Skriv svarene ind, mens I taler, eller upload en udskrift.
notice-consensus-saved = Konsensus er gemt.
notice-instrument-loaded = Instrumentet er indlæst og kan vælges i nye målinger.
notice-archived = Indsatsen er arkiveret.
notice-restored = Indsatsen er gendannet.
notice-language-changed = Sproget er skiftet.
notice-member-added = Medlemmet er tilføjet.
notice-member-updated = Rollen er ændret.
notice-member-removed = Medlemmet er fjernet.
notice-token-revoked = Nøglen er tilbagekaldt.
notice-token-created = Nøglen er oprettet.
notice-switched = Du arbejder nu i en anden organisation.
notice-last-admin = Organisationen skal have mindst én administrator.

# Fejlsider
error-status = Fejlkode
error-go-home = Til forsiden
error-not-found-title = Siden findes ikke
error-not-found = Siden eller oplysningen findes ikke, eller du har ikke adgang til den.
error-forbidden-title = Ingen adgang
error-forbidden = Din rolle i organisationen giver ikke adgang til dette.
error-login-required-title = Log ind
error-login-required = Du skal logge ind først.
error-no-organisation-title = Ingen organisation
error-no-organisation = Du er ikke medlem af nogen organisation endnu. Bed en administrator om at tilføje dig.
error-csrf-title = Formularen er udløbet
error-csrf = Formularen kunne ikke sendes sikkert. Genindlæs siden, og prøv igen.
error-too-many-attempts-title = For mange forsøg
error-too-many-attempts = Vent lidt, og prøv igen.
error-bad-request-title = Ugyldig forespørgsel
error-bad-request = Forespørgslen kunne ikke forstås.
error-unauthorised-title = Ikke logget ind
error-unauthorised = Forespørgslen mangler et gyldigt login eller en API-nøgle.
error-invalid-title = Oplysningerne skal rettes
error-invalid = Nogle oplysninger er ikke gyldige.
error-internal-title = Noget gik galt
error-internal = Noget gik galt hos os. Intet af det, du sendte, er gemt halvt; prøv igen om lidt.
error-unavailable-title = Midlertidigt utilgængelig
error-unavailable = Parat kan ikke nå sin database lige nu. Intet af det, du sendte, blev gemt halvt. Prøv igen om lidt.
error-method-not-allowed-title = Forkert metode
error-method-not-allowed = Adressen understøtter ikke denne metode.
error-too-large-title = For stor forespørgsel
error-too-large = Det, du sendte, er for stort.
error-unsupported-media-type-title = Forkert format
error-unsupported-media-type = Indholdet har et format, der ikke understøttes.

# Parathedsmålinger (Community Readiness)
yes = Ja
no = Nej
assessments-title = Parathedsmålinger
assessments-none = Ingen målinger endnu.
assessment-new = Ny parathedsmåling
assessment-new-intro = En måling bygger på interviews med nøglepersoner, som to bedømmere scorer hver for sig og derefter bliver enige om.
assessment-create = Opret målingen
assessment-title = Parathedsmåling
assessment-instrument = Instrument
assessment-measured = Hvad der måles
assessment-issue = Emnets navn i interviewene
assessment-half-points = Tillad halve point
assessment-interviewers = Interviewere
assessment-scorers = Bedømmere
assessment-interviews = Interviews
assessment-steps = Målingens forløb
assessment-advance = Gå videre til: { $status }
assessment-advance-refused-interviewing = Målingen kan ikke gå videre lige nu.
assessment-advance-refused-scoring = Tilføj mindst ét interview, før bedømmelsen begynder.
assessment-advance-refused-consensus = Målingen kan ikke gå videre lige nu.
assessment-advance-refused-reported = Hvert interview skal have en fælles score for alle dimensioner, før resultatet kan rapporteres.
assessment-status-planned = Planlagt
assessment-status-interviewing = Interviews i gang
assessment-status-scoring = Bedømmelse
assessment-status-consensus = Konsensus
assessment-status-reported = Rapporteret
hint-instrument = Udgaven vælges én gang og gælder for hele målingen.
hint-measured = For eksempel kommunen, forvaltningen eller bydelen, der måles.
hint-issue = Sådan som emnet skal hedde, når det læses op, for eksempel "vold i nære relationer".
hint-scorers = Vælg to personer, der bedømmer hvert interview uafhængigt af hinanden.

informants-title = Nøglepersoner
informants-intro = Nøglepersoner vælges sammen med organisationen, fordi de ved, hvordan der arbejdes med emnet. Gem så lidt som muligt om dem; kontaktoplysningerne kan slettes, når der ikke længere er brug for dem, og scorerne bevares.
informant = Nøgleperson
informant-none = Ingen valgt
informant-add = Tilføj nøgleperson
informant-label = Betegnelse
informant-label-default = Nøgleperson
informant-role = Rolle
informant-sector = Sektor
informant-contact = Kontaktoplysninger
informant-erase = Slet oplysningerne om { $name }
confirm-member-remove = Fjern { $name } fra organisationen?
confirm-member-remove-consequence = { $name } får ikke længere adgang til organisationens oplysninger. Kontoen findes stadig, og det, { $name } har gjort, står fortsat i hændelsesloggen. Du kan tilføje personen igen senere.
confirm-informant-erase = Slet oplysningerne om { $name }?
confirm-informant-erase-consequence = Betegnelse, rolle, sektor og kontaktoplysninger slettes og kan ikke gendannes. Interviewene og alle point bevares, men uden forbindelse til personen.
hint-informant-label = Et pseudonym er nok, for eksempel "Nøgleperson 3".
hint-informant-role = For eksempel "afdelingsleder, socialforvaltningen".
hint-informant-sector = For eksempel "kommune", "region", "civilsamfund".
hint-informant-contact = Frivilligt. Telefon eller e-mail til at aftale interviewet.

interviews-title = Interviews
interviews-none = Ingen interviews endnu.
interviews-recommended = Metoden bygger på mindst { $n } interviews.
interview = Interview
interview-new = Nyt interview
interview-add = Tilføj interview
interview-held-on = Dato
interviewer = Interviewer
interview-answers = Svar
interview-scoring = Bedømmelse
interview-consensus = Dimensioner med fælles score
interview-submissions = { $n } af 2 færdige
interview-transcript = Udskrift
interview-guide = Interviewguide
interview-guide-intro = Skriv svarene ind, mens du interviewer; hvert svar gemmes, når du forlader feltet. Spørgsmål med en skala 1–10 giver kontekst og tæller aldrig som point.
hint-transcript = Indsæt en udskrift af hele interviewet, hvis I har en. Bedømmerne læser både svarene og udskriften.
context-rating = Nøglepersonens vurdering (1–10)
context-rating-hint = Spørg også hvorfor. Vurderingen er kontekst, ikke point.

score-title = Bedøm interviewet
score-intro = Læs hele interviewet først. Begynd derefter på niveau 1 for hver dimension, og gå opad, så længe interviewet fuldt ud opfylder udsagnet. Scoren er det højeste niveau, der er fuldt opfyldt. Den anden bedømmers scorer vises først, når I begge har afleveret.
score-action = Bedøm
score-evidence = Belæg fra interviewet
score-half-step = (mellem to niveauer)
score-save = Gem kladde
score-submit = Aflever
score-submit-hint = Når du har afleveret, kan scorerne ikke ændres; forskelle håndteres i konsensusdrøftelsen.
score-submitted = Du har afleveret din bedømmelse af interviewet.
notice-submitted = Bedømmelsen er afleveret.
notice-informant-erased = Oplysningerne om nøglepersonen er slettet. Pointene er bevaret.

consensus-title = Konsensus
consensus-intro = Her ses begge bedømmeres scorer. Drøft hver dimension, hvor I er uenige, og bliv enige om en score – tag ikke gennemsnittet. De oprindelige scorer gemmes.
consensus-agreed = Fælles score
consensus-rationale = Begrundelse
consensus-disagreement = Forskellige scorer
consensus-save = Gem konsensus
consensus-awaiting = Konsensus åbner, når begge bedømmere har afleveret deres scorer for dette interview. Ingen ser den andens scorer før da.
consensus-awaiting-who = Endnu ikke afleveret:
consensus-awaiting-team = Målingen har ikke to bedømmere. Tilføj dem til målingens team.
consensus-back = Tilbage til målingen
dimension = Dimension

results-title = Resultat
results-none = Der er intet resultat endnu: mindst ét interview skal have fælles score for alle dimensioner.
results-incomplete = { $n ->
    [one] Ét interview mangler stadig fælles score og indgår ikke.
   *[other] { $n } interviews mangler stadig fælles score og indgår ikke.
}
results-overall = Samlet score
results-stage = Trin
results-goal = Mål
results-based-on = { $n ->
    [one] Bygger på ét interview.
   *[other] Bygger på { $n } interviews.
}
results-radar = Score pr. dimension, radardiagram
results-bars = Score pr. dimension, søjlediagram
results-dimensions = Dimensioner
results-score = Score
results-focus = Begynd her
results-strategies = Foreslåede strategier
results-strategies-intro = Strategierne passer til det samlede trin. Ret dem først og fremmest mod de laveste dimensioner: { $dimensions }.
results-agreement = Enighed mellem bedømmerne før konsensus
agreement-exact = Præcis samme score
agreement-within-one = Højst ét niveau fra hinanden
agreement-kappa = Vægtet kappa (kvadratisk)
agreement-pairs = Antal scorepar
results-method = Om metoden
results-method-text = Hver dimensions score er gennemsnittet af de fælles scorer på tværs af interviewene, og den samlede score er gennemsnittet af dimensionerne. Trinnet er scoren afkortet, aldrig afrundet: 4,83 er trin 4.
results-warning-few-interviews = Resultatet bygger på færre end fire interviews. Metoden kræver mindst fire; fortolk det med forsigtighed.
results-warning-kappa-undefined = Kappa kan ikke beregnes, fordi bedømmerne kun har brugt ét og samme niveau.
results-warning-no-scorer-pairs = Intet interview har begge bedømmeres scorer, så enigheden vises ikke.
results-download-csv = Download alle scorer (CSV)
csv-first-scorer = Bedømmer 1
csv-second-scorer = Bedømmer 2

audit-action-read = Læste
audit-action-submit = Afleverede
audit-action-update_after_report = Ændrede efter rapportering
audit-entity-assessment = parathedsmåling
audit-entity-informant = nøgleperson
audit-entity-interview = interview
audit-entity-scores = bedømmelse
audit-entity-consensus = konsensus

results-change-since = Ændring siden { $date }
results-previous = Forrige måling
results-download-xlsx = Hent alle scorer (Excel)
results-download-pdf = Rapport til styregruppen (PDF)
guide-download-pdf = Interviewguide (PDF)
plan-title = Handleplan
plan-intro = Vælg strategier, der passer til trinnet og de laveste dimensioner, og aftal, hvem der gør hvad og hvornår.
plan-empty = Handleplanen er tom.
plan-add = Føj til handleplanen
plan-strategy = Strategi
plan-own = Egen handling
plan-what = Hvad
plan-who = Hvem
plan-due = Færdig senest
plan-remove = Fjern "{ $name }"
hint-plan-strategy = Vælg en foreslået strategi, eller skriv en egen handling nedenfor.
hint-plan-what = Lad feltet stå tomt for at bruge strategien, som den er.
pdf-summary = Sammenfatning
pdf-warnings = Bemærk
pdf-generated = Lavet i Parat
pdf-guide-intro = Interviewet tager cirka 30 minutter. Læs spørgsmålene, som de står, bed om eksempler, og notér svarene. Vurderingerne 1–10 giver sammenhæng og er aldrig scorer.
portfolio-title = Parathed i medlemsorganisationerne
portfolio-intro = Trin pr. dimension i de organisationer, der hører under jer. Tallet er trinnet (1–9); farven viser det samme. Kun rapporterede målinger har trin.
portfolio-empty = Ingen målinger i medlemsorganisationerne passer.
portfolio-link = Parathed i medlemsorganisationerne
audit-entity-action_item = handling i handleplanen
problem-unreadable-file = Filen kunne ikke læses. Upload en tekstfil (.txt) eller et Word-dokument (.docx).
problem-file-too-large = Filen indeholder mere tekst, end Parat modtager. Del udskriften op, eller indsæt den.
problem-file-too-complex = Filens opbygning er for dyb eller for stor til at blive læst. Gem den igen i Word eller som tekstfil (.txt).
problem-file-not-text = Teksten i filen kunne ikke tolkes. Gem den som tekst i UTF-8 (i Notesblok: Gem som → Kodning: UTF-8), og upload den igen.
problem-two-scorers = Vælg præcis to bedømmere: hver scorer hvert interview for sig.
problem-not-chosen = Vælg en af mulighederne.
problem-file-missing = Vælg en fil, der skal uploades.
transcript-upload = Upload udskrift
hint-transcript-upload = En tekstfil (.txt) eller et Word-dokument (.docx). Teksten erstatter udskriften ovenfor.
transcript-upload-submit = Upload

instruments-title = Instrumenter
instruments-intro = Parat leverer egne formuleringer af instrumenterne. En organisation med licens til de officielle tekster kan indlæse dem som et eget instrument i samme format og bruge dem i sine målinger.
instruments-builtin = Parats instrumenter
instruments-own = Organisationens egne instrumenter
instruments-own-none = Organisationen har ingen egne instrumenter.
instruments-own-one = Eget instrument
instruments-download = Hent definitionen (TOML)
instruments-load = Indlæs et eget instrument
instruments-load-hint = Tag udgangspunkt i en af Parats definitioner, udskift teksterne, og indsæt hele filen her. Alle tekster skal findes på svensk, dansk og engelsk.
instruments-definition = Definition (TOML)
instruments-refused = Definitionen kunne ikke bruges:
audit-entity-instrument = instrument
file-scores = Parathed { $measured } – scorer
file-report = Parathed { $measured } – rapport
file-guide = Interviewguide { $measured }
file-portfolio = Parathed i medlemsorganisationerne
assessment-closed = Målingen er rapporteret og dermed lukket: ingen nye interview, scorer eller ændringer i konsensus. Den, der koordinerer, kan åbne den igen; det fremgår af loggen.
assessment-reopen = Åbn målingen igen
confirm-reopen = Åbn målingen af { $measured } igen?
confirm-reopen-consequence = Målingen går tilbage til konsensustrinnet, så interview, scorer og konsensus kan ændres. Styregruppen ser ikke resultaterne, før den rapporteres igen. At den blev åbnet, og alt der ændres bagefter, skrives i loggen.
confirm-few-interviews = Gå videre til scoring med færre end fire interview?
confirm-few-interviews-consequence = Målingen har { $n ->
        [one] { $n } interview
       *[other] { $n } interview
    }. Metoden bygger på mindst { $recommended } nøglepersoner: med færre hviler hver dimension på en eller to personers billede, og resultatet vises med en advarsel. Flere interview kan tilføjes, indtil målingen rapporteres.
confirm-few-interviews-go-on = Gå videre alligevel
notice-assessment-reopened = Målingen er åbnet igen og står i konsensustrinnet.
error-closed-title = Målingen er lukket
error-closed = Målingen er rapporteret og modtager ikke ændringer. Den, der koordinerer, kan åbne den igen fra målingens side.
audit-action-reopen = Åbnede igen
nav-portfolio = Medlemmernes parathed
portfolio-score = Samlet score
portfolio-stage = Samlet trin
portfolio-legend-early = Trin 1–3: tidlige trin
portfolio-legend-planning = Trin 4–6: planlægning og start
portfolio-legend-established = Trin 7–9: etableret arbejde
portfolio-open = Vis resultatet for { $org }
portfolio-report-intro = Resultatet af den rapporterede måling i { $org }: score, trin og strategier – aldrig interview eller den enkelte bedømmers scorer.
portfolio-back = Tilbage til medlemmernes parathed
portfolio-edition-2014 = 2014-udgaven: dimension A omfatter både indsatserne og kendskabet til dem.
xlsx-summary = Sammenfatning
results-based-on-interviews = Interview med fælles scorer
password-title = Adgangskode
password-change = Skift adgangskode
field-current-password = Nuværende adgangskode
field-new-password = Ny adgangskode
field-new-password-confirmation = Gentag den nye adgangskode
hint-password = Mindst 10 tegn. En sætning på nogle få ord er let at huske og svær at gætte.
problem-wrong-password = Adgangskoden er forkert.
notice-password-changed = Adgangskoden er skiftet. Andre logins med din konto er logget ud.
notice-password-reset = Adgangskoden er skiftet. Log ind med den nye.
forgot-link = Glemt adgangskoden?
forgot-title = Glemt adgangskoden
forgot-text = Bed en administrator i din organisation om et link til at vælge en ny adgangskode. Administratoren opretter det under Medlemmer; det gælder et døgn og kan bruges én gang.
forgot-several = Hører du til flere organisationer, for eksempel som konsulent, opretter den, der driver Parat, linket til dig.
forgot-back = Tilbage til login
reset-title = Vælg ny adgangskode
reset-intro = Vælg en ny adgangskode for { $name }. Bagefter logges alle logins med kontoen ud.
reset-submit = Gem den nye adgangskode
member-reset-link = Link til ny adgangskode til { $name }
reset-link-title = Link til ny adgangskode til { $name }
reset-link-intro = Giv linket til personen på en sikker måde. Det gælder i { $hours } timer og kan bruges én gang; det vises kun nu.
reset-link-back = Tilbage til medlemmerne
audit-entity-password = adgangskode
audit-entity-password_reset = link til ny adgangskode
audit-action-reset = Skiftede med link
plan-owner = Ansvarlig
hint-plan-owner = En af organisationens personer; opgaven vises så på vedkommendes startside.
plan-owner-other = En anden (skriv navnet nedenfor)
plan-who-name = Anden ansvarlig
hint-plan-who = Navnet på en person eller gruppe uden for Parat, for eksempel skoleledernetværket.
plan-status = Status
plan-status-open = Ikke påbegyndt
plan-status-in_progress = I gang
plan-status-done = Færdig
plan-overdue = Forsinket
plan-edit = Ret ”{ $name }”
plan-mark-done = Markér ”{ $name }” som færdig
plan-download-csv = Hent handlingsplanen (CSV)
plan-edit-title = Ret opgaven
plan-done-on = Færdig den
file-plan = Handlingsplan { $measured }
notice-action-added = Opgaven er tilføjet handlingsplanen.
notice-action-done = Opgaven er markeret som færdig.
problem-date-in-past = Datoen er allerede passeret. Vælg i dag eller en senere dato.
work-title = Opgaver
work-none = Intet venter på dig lige nu.
work-due = senest
work-score = Scor interview { $n }
work-consensus = Bliv enige om scorerne for interview { $n }
assessment-name = { $measured }: { $issue } (fra { $date })
interview-sections = Spørgsmålene per dimension
interview-question-count = { $n } { $n ->
        [one] spørgsmål
       *[other] spørgsmål
    }
answer-saved = Gemt { $time }
answer-saving = Gemmer …
answer-unsaved = Ikke gemt endnu
answer-failed = Kunne ikke gemmes. Prøv igen, eller gem med knappen nederst.
answer-leave = Et svar er ikke gemt endnu.
informant-contact-show = Vis for { $name }
informant-contact-logged = At oplysningerne blev vist, står i loggen (oplysningerne selv gør ikke).
informant-contact-back = Tilbage til målingen
