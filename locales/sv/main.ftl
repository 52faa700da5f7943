# Parat – svenska (standardspråk)

app-tagline = Parat – beredskap, implementering, samverkan och uppföljning för välfärdens organisationer
skip-to-content = Hoppa till innehållet
current-organisation = Organisation
switch-organisation = Byt organisation
log-out = Logga ut
language = Språk
language-change = Byt språk
nav-label = Huvudmeny
nav-home = Start
nav-initiatives = Insatser
nav-organisations = Organisationer
nav-members = Medlemmar
nav-audit = Händelselogg
nav-account = Mitt konto
actions = Åtgärder
all = Alla
choose = Välj …
cancel = Avbryt
save = Spara
edit = Redigera
archive = Arkivera
restore = Återställ
archived = Arkiverad
search = Sök

# Fält
field-name = Namn
field-description = Beskrivning
field-topic = Område
field-custom-topic = Eget område
field-target-group = Målgrupp
field-start-date = Startdatum
field-end-date = Slutdatum
field-period = Period
field-status = Status
field-owner = Ansvarig
field-partners = Samverkanspartner
field-email = E-postadress
field-password = Lösenord
field-password-confirmation = Upprepa lösenordet
field-display-name = Namn
field-organisation-name = Organisationens namn
field-organisation-kind = Typ av organisation
field-parent = Överordnad organisation
field-role = Roll
field-initial-password = Första lösenord
field-token-name = Namn på nyckeln

hint-custom-topic = Fyll i om du valt ”Eget område”.
hint-target-group = Till exempel ”unga vuxna 18–29 år utan egen försörjning”.
hint-date = Skriv datumet som ÅÅÅÅ-MM-DD.
hint-partners = Organisationer som deltar i insatsen.
hint-parent = Till exempel länsstyrelsen för en kommun, eller kommunen för en stadsdel.
hint-roles = Rollerna beskrivs längst ner på sidan.
hint-token-name = Så att du känner igen nyckeln, till exempel ”rapportverktyg”.
password-hint = Minst { $n } tecken. En fras av flera ord är lätt att minnas och svår att gissa.
no-owner = Ingen ansvarig
no-parent = Ingen

# Fel i formulär
error-prefix = Fel
error-summary-title = Något behöver rättas
problem-required = Fyll i det här fältet.
problem-too-long = Får vara högst { $n } tecken.
problem-too-short = Måste vara minst { $n } tecken.
problem-invalid-email = Skriv en e-postadress, till exempel namn@kommun.se.
problem-invalid-date = Skriv ett datum som ÅÅÅÅ-MM-DD, till exempel 2026-03-31.
problem-end-before-start = Slutdatumet kan inte ligga före startdatumet.
problem-unknown-choice = Det alternativet finns inte. Välj ett av alternativen i listan.
problem-taken = Det finns redan.
problem-mismatch = Lösenorden är inte lika.
problem-control-characters = Texten innehåller otillåtna tecken.

# Inloggning och start
login-title = Logga in
login-submit = Logga in
login-failed = E-postadressen eller lösenordet stämmer inte.
login-throttled = För många misslyckade försök. Vänta en kvart och försök igen.
setup-title = Kom igång med Parat
setup-intro = Skapa den första administratören och den organisation du arbetar i. Länken fungerar en gång.
setup-you = Du
setup-organisation = Din organisation
setup-submit = Skapa och logga in
not-set-up-title = Parat är inte igång än
not-set-up-body = Ingen kan logga in ännu. Öppna engångslänken som skrevs ut när Parat startade, eller kör ”parat setup-link” för en ny.

# Startsidan
home-title = Mina insatser
home-greeting = Välkommen, { $name }.
home-mine = Insatser där du är ansvarig
home-mine-empty = Du är inte ansvarig för någon insats än.
no-organisation-title = Ingen organisation
initiatives-all = Alla insatser
initiatives-all-mine = Visa alla dina insatser

# Insatser
initiative-new = Ny insats
initiative-edit = Redigera insats
initiatives-count = { $n ->
    [one] { $n } insats
   *[other] { $n } insatser
}
initiatives-none = Inga insatser matchar.
filter-mine = Bara mina
filter-archived = Visa arkiverade
filter-submit = Filtrera
pager-label = Sidor
pager-previous = Föregående
pager-next = Nästa
pager-position = Sida { $page } av { $pages }

topic-violence_close_relationships = Våld i nära relationer
topic-honour_related_violence = Hedersrelaterat våld och förtryck
topic-andt_prevention = Alkohol, narkotika, dopning och tobak (ANDT)
topic-minority_rights = Nationella minoriteters rättigheter
topic-integration = Integration
topic-vocational_rehabilitation = Arbetslivsinriktad rehabilitering
topic-mental_health_recovery = Psykisk hälsa och återhämtning
topic-custom = Eget område

status-planned = Planerad
status-active = Pågår
status-paused = Pausad
status-completed = Avslutad

# Organisationer
org-kind-municipality = Kommun
org-kind-district = Stadsdel
org-kind-region = Region
org-kind-county_board = Länsstyrelse
org-kind-coordination_association = Samordningsförbund
org-kind-national_agency = Statlig myndighet
org-kind-other = Annan
organisations-mine = Dina organisationer
organisations-all = Alla organisationer
organisation-new = Ny organisation
organisation-edit = Redigera organisationen
organisation-current = Du arbetar i den här nu
organisation-switch-to = Arbeta i { $name }

# Roller och medlemmar
role-admin = Administratör
role-coordinator = Samordnare
role-scorer = Bedömare
role-practitioner = Praktiker
role-viewer = Läsare
role-admin-description = Hanterar medlemmar och organisationens uppgifter, läser händelseloggen och gör allt som en samordnare gör.
role-coordinator-description = Äger insatser: skapar, ändrar och arkiverar dem, och driver mätningar och rapporter.
role-scorer-description = Genomför och bedömer intervjuer i de mätningar hen är tilldelad.
role-practitioner-description = Registrerar uppföljning med deltagare och närvaro.
role-viewer-description = Läser insatser och färdiga rapporter, till exempel i en styrgrupp.
roles-title = Roller
role-of = Roll för { $name }
role-change = Ändra roll
member-remove = Ta bort { $name }
member-add = Lägg till medlem
member-add-intro = Lägg till en person som redan har ett konto med hens e-postadress, eller skapa ett nytt konto.
member-new-account = Nytt konto
member-new-account-hint = Fyll bara i om personen saknar konto. Ge hen det första lösenordet på ett säkert sätt.

# Händelselogg
audit-intro = Varje ändring i organisationen: vem, när, vad, före och efter.
audit-empty = Inga händelser än.
audit-when = När
audit-who = Vem
audit-what = Vad
audit-before = Före
audit-after = Efter
audit-older = Äldre händelser
audit-action-create = Skapade
audit-action-update = Ändrade
audit-action-delete = Tog bort
audit-action-archive = Arkiverade
audit-action-restore = Återställde
audit-action-setup = Startade Parat
audit-entity-user = konto
audit-entity-organisation = organisation
audit-entity-membership = medlemskap
audit-entity-initiative = insats
audit-entity-api_token = API-nyckel

# Konto och API-nycklar
tokens-title = API-nycklar
tokens-intro = En personlig nyckel låter ett annat program läsa och ändra den här organisationens insatser via API:t, med dina rättigheter.
tokens-none = Du har inga nycklar.
token-new = Ny nyckel
token-create = Skapa nyckel
token-created = Skapad
token-last-used = Senast använd
token-revoke = Återkalla { $name }
token-created-once = Kopiera nyckeln nu. Den visas bara den här gången.
api-documentation = API-beskrivning (OpenAPI)

# Meddelanden efter en åtgärd
notice-saved = Ändringarna är sparade.
notice-initiative-created = Insatsen är skapad.
notice-organisation-created = Organisationen är skapad.
notice-assessment-created = Beredskapsmätningen är skapad.
notice-status-advanced = Mätningen har gått vidare till nästa steg.
notice-informant-added = Nyckelpersonen är tillagd.
notice-interview-created = Intervjun är skapad. Skriv in svaren medan ni pratar, eller ladda upp en utskrift.
notice-consensus-saved = Samstämningen är sparad.
notice-instrument-loaded = Instrumentet är inläst och kan väljas i nya mätningar.
notice-archived = Insatsen är arkiverad.
notice-restored = Insatsen är återställd.
notice-language-changed = Språket är bytt.
notice-member-added = Medlemmen är tillagd.
notice-member-updated = Rollen är ändrad.
notice-member-removed = Medlemmen är borttagen.
notice-token-revoked = Nyckeln är återkallad.
notice-token-created = Nyckeln är skapad.
notice-switched = Du arbetar nu i en annan organisation.
notice-last-admin = Organisationen måste ha minst en administratör.

# Felsidor
error-status = Felkod
error-go-home = Till startsidan
error-not-found-title = Sidan finns inte
error-not-found = Sidan eller uppgiften finns inte, eller så har du inte tillgång till den.
error-forbidden-title = Ingen behörighet
error-forbidden = Din roll i organisationen räcker inte för det här.
error-login-required-title = Logga in
error-login-required = Du behöver logga in först.
error-no-organisation-title = Ingen organisation
error-no-organisation = Du är inte medlem i någon organisation än. Be en administratör lägga till dig.
error-csrf-title = Formuläret har gått ut
error-csrf = Formuläret kunde inte skickas säkert. Ladda om sidan och försök igen.
error-too-many-attempts-title = För många försök
error-too-many-attempts = Vänta en stund och försök igen.
error-bad-request-title = Felaktig begäran
error-bad-request = Begäran kunde inte tolkas.
error-unauthorised-title = Inte inloggad
error-unauthorised = Begäran saknar giltig inloggning eller API-nyckel.
error-invalid-title = Uppgifterna behöver rättas
error-invalid = Några uppgifter är inte giltiga.
error-internal-title = Något gick fel
error-internal = Något gick fel hos oss. Inget av det du skickade har sparats till hälften; försök igen om en stund.
error-unavailable-title = Tillfälligt otillgänglig
error-unavailable = Parat når inte sin databas just nu. Inget av det du skickade sparades till hälften. Försök igen om en stund.
error-method-not-allowed-title = Fel metod
error-method-not-allowed = Adressen stöder inte den här metoden.
error-too-large-title = För stor begäran
error-too-large = Det du skickade är för stort.
error-unsupported-media-type-title = Fel format
error-unsupported-media-type = Innehållet har ett format som inte stöds.

# Beredskapsmätningar (Community Readiness)
yes = Ja
no = Nej
assessments-title = Beredskapsmätningar
assessments-none = Inga mätningar än.
assessment-new = Ny beredskapsmätning
assessment-new-intro = En mätning bygger på intervjuer med nyckelpersoner som två bedömare poängsätter var för sig och sedan enas om.
assessment-create = Skapa mätningen
assessment-title = Beredskapsmätning
assessment-instrument = Instrument
assessment-measured = Vad som mäts
assessment-issue = Frågans namn i intervjuerna
assessment-half-points = Tillåt halva poäng
assessment-interviewers = Intervjuare
assessment-scorers = Bedömare
assessment-interviews = Intervjuer
assessment-steps = Mätningens steg
assessment-advance = Gå vidare till: { $status }
assessment-advance-refused-interviewing = Mätningen kan inte gå vidare just nu.
assessment-advance-refused-scoring = Lägg till minst en intervju innan bedömningen börjar.
assessment-advance-refused-consensus = Mätningen kan inte gå vidare just nu.
assessment-advance-refused-reported = Varje intervju behöver en samstämd poäng för alla dimensioner innan resultatet kan rapporteras.
assessment-status-planned = Planerad
assessment-status-interviewing = Intervjuer pågår
assessment-status-scoring = Bedömning
assessment-status-consensus = Samstämning
assessment-status-reported = Rapporterad
hint-instrument = Utgåvan väljs en gång och gäller hela mätningen.
hint-measured = Till exempel kommunen, förvaltningen eller stadsdelen som mäts.
hint-issue = Så som frågan ska heta när den läses upp, till exempel ”våld i nära relationer”.
hint-scorers = Välj två personer som bedömer varje intervju oberoende av varandra.

informants-title = Nyckelpersoner
informants-intro = Nyckelpersoner väljs tillsammans med organisationen för att de känner till hur frågan arbetas med. Spara så lite som möjligt om dem; kontaktuppgifterna kan tas bort när de inte längre behövs, och poängen finns kvar.
informant = Nyckelperson
informant-none = Ingen vald
informant-add = Lägg till nyckelperson
informant-label = Benämning
informant-label-default = Nyckelperson
informant-role = Roll
informant-sector = Sektor
informant-contact = Kontaktuppgifter
informant-erase = Radera uppgifterna om { $name }
confirm-member-remove = Ta bort { $name } från organisationen?
confirm-member-remove-consequence = { $name } kommer inte längre åt organisationens uppgifter. Kontot finns kvar, och det som { $name } har gjort står kvar i händelseloggen. Du kan lägga till personen igen senare.
confirm-informant-erase = Radera uppgifterna om { $name }?
confirm-informant-erase-consequence = Benämning, roll, sektor och kontaktuppgifter raderas och går inte att få tillbaka. Intervjuerna och alla poäng finns kvar, men utan koppling till personen.
hint-informant-label = En pseudonym räcker, till exempel ”Nyckelperson 3”.
hint-informant-role = Till exempel ”enhetschef, socialtjänsten”.
hint-informant-sector = Till exempel ”kommun”, ”region”, ”civilsamhälle”.
hint-informant-contact = Frivilligt. Telefon eller e-post för att boka intervjun.

interviews-title = Intervjuer
interviews-none = Inga intervjuer än.
interviews-recommended = Metoden bygger på minst { $n } intervjuer.
interview = Intervju
interview-new = Ny intervju
interview-add = Lägg till intervju
interview-held-on = Datum
interviewer = Intervjuare
interview-answers = Svar
interview-scoring = Bedömning
interview-consensus = Samstämda dimensioner
interview-submissions = { $n } av 2 klara
interview-transcript = Utskrift
interview-guide = Intervjuguide
interview-guide-intro = Skriv in svaren medan du intervjuar; varje svar sparas när du lämnar fältet. Frågor med en skala 1–10 ger sammanhang och är aldrig poäng.
hint-transcript = Klistra in en utskrift av hela intervjun om ni har en. Bedömarna läser både svaren och utskriften.
context-rating = Nyckelpersonens skattning (1–10)
context-rating-hint = Fråga också varför. Skattningen är sammanhang, inte poäng.

score-title = Bedöm intervjun
score-intro = Läs hela intervjun först. Börja sedan på nivå 1 för varje dimension och gå uppåt så länge intervjun helt uppfyller påståendet. Poängen är den högsta nivå som är helt uppfylld. Den andra bedömarens poäng syns först när ni båda har lämnat in.
score-action = Bedöm
score-evidence = Belägg ur intervjun
score-half-step = (mellan två nivåer)
score-save = Spara utkast
score-submit = Lämna in
score-submit-hint = När du lämnat in går poängen inte att ändra; skillnader hanteras i samstämningen.
score-submitted = Du har lämnat in din bedömning av intervjun.
notice-submitted = Bedömningen är inlämnad.
notice-informant-erased = Uppgifterna om nyckelpersonen är raderade. Poängen finns kvar.

consensus-title = Samstämning
consensus-intro = Här syns båda bedömarnas poäng. Diskutera varje dimension där ni skiljer er åt och enas om en poäng – ta inte medelvärdet. De ursprungliga poängen sparas.
consensus-agreed = Samstämd poäng
consensus-rationale = Motivering
consensus-disagreement = Olika poäng
consensus-save = Spara samstämningen
consensus-awaiting = Samstämningen öppnar när båda bedömarna har lämnat in sina poäng för den här intervjun. Ingen ser den andras poäng innan dess.
consensus-awaiting-who = Inte inlämnat än:
consensus-awaiting-team = Mätningen har inte två bedömare. Lägg till dem i mätningens team.
consensus-back = Tillbaka till mätningen
dimension = Dimension

results-title = Resultat
results-none = Det finns inget resultat än: minst en intervju behöver samstämda poäng för alla dimensioner.
results-incomplete = { $n ->
    [one] En intervju saknar ännu samstämda poäng och ingår inte.
   *[other] { $n } intervjuer saknar ännu samstämda poäng och ingår inte.
}
results-overall = Sammanvägd poäng
results-stage = Steg
results-goal = Mål
results-based-on = { $n ->
    [one] Bygger på en intervju.
   *[other] Bygger på { $n } intervjuer.
}
results-radar = Poäng per dimension, spindeldiagram
results-bars = Poäng per dimension, stapeldiagram
results-dimensions = Dimensioner
results-score = Poäng
results-focus = Börja här
results-strategies = Föreslagna strategier
results-strategies-intro = Strategierna passar det sammanvägda steget. Rikta dem främst mot de lägsta dimensionerna: { $dimensions }.
results-agreement = Samstämmighet mellan bedömarna före samstämning
agreement-exact = Exakt samma poäng
agreement-within-one = Högst en nivå ifrån varandra
agreement-kappa = Viktad kappa (kvadratisk)
agreement-pairs = Antal poängpar
results-method = Om metoden
results-method-text = Varje dimensions poäng är medelvärdet av de samstämda poängen över intervjuerna, och den sammanvägda poängen är medelvärdet av dimensionerna. Steget är poängen avkortad, aldrig avrundad: 4,83 är steg 4.
results-warning-few-interviews = Resultatet bygger på färre än fyra intervjuer. Metoden kräver minst fyra; tolka det med försiktighet.
results-warning-kappa-undefined = Kappa kan inte beräknas eftersom bedömarna bara använt en och samma nivå.
results-warning-no-scorer-pairs = Ingen intervju har båda bedömarnas poäng, så samstämmigheten redovisas inte.
results-download-csv = Ladda ner alla poäng (CSV)
csv-first-scorer = Bedömare 1
csv-second-scorer = Bedömare 2

audit-action-read = Läste
audit-action-submit = Lämnade in
audit-action-update_after_report = Ändrade efter rapport
audit-entity-assessment = beredskapsmätning
audit-entity-informant = nyckelperson
audit-entity-interview = intervju
audit-entity-scores = bedömning
audit-entity-consensus = samstämning

results-change-since = Förändring sedan { $date }
results-previous = Föregående mätning
results-download-xlsx = Ladda ner alla poäng (Excel)
results-download-pdf = Rapport för styrgruppen (PDF)
guide-download-pdf = Intervjuguide (PDF)
plan-title = Handlingsplan
plan-intro = Välj strategier som passar steget och de lägsta dimensionerna, och bestäm vem som gör vad och när.
plan-empty = Handlingsplanen är tom.
plan-add = Lägg till i handlingsplanen
plan-strategy = Strategi
plan-own = Egen åtgärd
plan-what = Vad
plan-who = Vem
plan-due = Klart senast
plan-remove = Ta bort ”{ $name }”
hint-plan-strategy = Välj en föreslagen strategi, eller skriv en egen åtgärd nedan.
hint-plan-what = Lämna tomt för att använda strategin som den är.
pdf-summary = Sammanfattning
pdf-warnings = Observera
pdf-generated = Skapad i Parat
pdf-guide-intro = Intervjun tar ungefär 30 minuter. Läs frågorna som de står, be om exempel, och anteckna svaren. Skattningarna 1–10 ger sammanhang och är aldrig poäng.
portfolio-title = Beredskap i medlemsorganisationerna
portfolio-intro = Steg per dimension i de organisationer som hör till er. Siffran är steget (1–9); färgen visar samma sak. Bara rapporterade mätningar har steg.
portfolio-empty = Inga mätningar i medlemsorganisationerna matchar.
portfolio-link = Beredskap i medlemsorganisationerna
audit-entity-action_item = åtgärd i handlingsplanen
problem-unreadable-file = Filen kunde inte läsas. Ladda upp en textfil (.txt) eller ett Word-dokument (.docx).
problem-file-too-large = Filen innehåller mer text än Parat tar emot. Dela upp utskriften eller klistra in den.
problem-file-too-complex = Filens uppbyggnad är för djup eller för stor för att läsas. Spara den på nytt i Word, eller som textfil (.txt).
problem-file-not-text = Texten i filen kunde inte tolkas. Spara den som text i UTF-8 (i Anteckningar: Spara som → Kodning: UTF-8) och ladda upp igen.
problem-two-scorers = Välj exakt två bedömare: var och en poängsätter varje intervju för sig.
problem-not-chosen = Välj ett av alternativen.
problem-file-missing = Välj en fil att ladda upp.
transcript-upload = Ladda upp utskrift
hint-transcript-upload = En textfil (.txt) eller ett Word-dokument (.docx). Texten ersätter utskriften ovan.
transcript-upload-submit = Ladda upp

instruments-title = Instrument
instruments-intro = Parat levererar egna formuleringar av instrumenten. En organisation som har licens för de officiella texterna kan läsa in dem som ett eget instrument i samma format och använda dem i sina mätningar.
instruments-builtin = Parats instrument
instruments-own = Organisationens egna instrument
instruments-own-none = Organisationen har inga egna instrument.
instruments-own-one = Eget instrument
instruments-download = Hämta definitionen (TOML)
instruments-load = Läs in ett eget instrument
instruments-load-hint = Utgå från en av Parats definitioner, byt texterna och klistra in hela filen här. Alla texter behövs på svenska, danska och engelska.
instruments-definition = Definition (TOML)
instruments-refused = Definitionen kunde inte användas:
audit-entity-instrument = instrument
file-scores = Beredskap { $measured } – poäng
file-report = Beredskap { $measured } – rapport
file-guide = Intervjuguide { $measured }
file-portfolio = Beredskap i medlemsorganisationerna
assessment-closed = Mätningen är rapporterad och därmed stängd: inga nya intervjuer, poäng eller ändringar i samstämningen. Den som samordnar kan öppna den igen; det syns i loggen.
assessment-reopen = Öppna mätningen igen
confirm-reopen = Öppna mätningen av { $measured } igen?
confirm-reopen-consequence = Mätningen går tillbaka till samstämningssteget så att intervjuer, poäng och samstämning kan ändras. Styrgruppen ser inte resultaten förrän den rapporteras på nytt. Att den öppnades och allt som ändras efteråt skrivs i loggen.
confirm-few-interviews = Gå vidare till poängsättning med färre än fyra intervjuer?
confirm-few-interviews-consequence = Mätningen har { $n ->
        [one] { $n } intervju
       *[other] { $n } intervjuer
    }. Metoden bygger på minst { $recommended } nyckelpersoner: med färre vilar varje dimension på en eller två personers bild, och resultatet visas med en varning. Fler intervjuer kan läggas till fram till att mätningen rapporteras.
confirm-few-interviews-go-on = Gå vidare ändå
notice-assessment-reopened = Mätningen är öppnad igen och står i samstämningssteget.
error-closed-title = Mätningen är stängd
error-closed = Mätningen är rapporterad och tar inte emot ändringar. Den som samordnar kan öppna den igen från mätningens sida.
audit-action-reopen = Öppnade igen
nav-portfolio = Medlemmarnas beredskap
portfolio-score = Poäng totalt
portfolio-stage = Steg totalt
portfolio-legend-early = Steg 1–3: tidiga steg
portfolio-legend-planning = Steg 4–6: planering och start
portfolio-legend-established = Steg 7–9: etablerat arbete
portfolio-open = Visa resultatet för { $org }
portfolio-report-intro = Resultatet av den rapporterade mätningen i { $org }: poäng, steg och strategier – aldrig intervjuer eller enskilda bedömares poäng.
portfolio-back = Tillbaka till medlemmarnas beredskap
portfolio-edition-2014 = Utgåva 2014: dimension A omfattar både insatserna och kunskapen om dem.
xlsx-summary = Sammanfattning
results-based-on-interviews = Intervjuer med samstämda poäng
password-title = Lösenord
password-change = Byt lösenord
field-current-password = Nuvarande lösenord
field-new-password = Nytt lösenord
field-new-password-confirmation = Upprepa det nya lösenordet
hint-password = Minst 10 tecken. En fras med några ord är lätt att minnas och svår att gissa.
problem-wrong-password = Lösenordet stämmer inte.
notice-password-changed = Lösenordet är bytt. Andra inloggningar med ditt konto är utloggade.
notice-password-reset = Lösenordet är bytt. Logga in med det nya.
forgot-link = Glömt lösenordet?
forgot-title = Glömt lösenordet
forgot-text = Be en administratör i din organisation om en länk för att välja nytt lösenord. Administratören skapar den under Medlemmar; den gäller ett dygn och kan användas en gång.
forgot-several = Hör du till flera organisationer, till exempel som konsult, skapar den som sköter Parat länken åt dig.
forgot-back = Tillbaka till inloggningen
reset-title = Välj nytt lösenord
reset-intro = Välj ett nytt lösenord för { $name }. Efteråt loggas alla inloggningar med kontot ut.
reset-submit = Spara det nya lösenordet
member-reset-link = Länk för nytt lösenord till { $name }
reset-link-title = Länk för nytt lösenord till { $name }
reset-link-intro = Ge länken till personen på ett säkert sätt. Den gäller i { $hours } timmar och kan användas en gång; den visas bara nu.
reset-link-back = Tillbaka till medlemmarna
audit-entity-password = lösenord
audit-entity-password_reset = länk för nytt lösenord
audit-action-reset = Bytte med länk
plan-owner = Ansvarig
hint-plan-owner = En av organisationens personer; uppgiften syns då på hens startsida.
plan-owner-other = Någon annan (skriv namnet nedan)
plan-who-name = Annan ansvarig
hint-plan-who = Namnet på en person eller grupp utanför Parat, till exempel rektorsnätverket.
plan-status = Status
plan-status-open = Inte påbörjad
plan-status-in_progress = Pågår
plan-status-done = Klar
plan-overdue = Försenad
plan-edit = Ändra ”{ $name }”
plan-mark-done = Markera ”{ $name }” som klar
plan-download-csv = Ladda ner handlingsplanen (CSV)
plan-edit-title = Ändra uppgiften
plan-done-on = Klar den
file-plan = Handlingsplan { $measured }
notice-action-added = Uppgiften är tillagd i handlingsplanen.
notice-action-done = Uppgiften är markerad som klar.
problem-date-in-past = Datumet har redan passerat. Välj i dag eller ett senare datum.
work-title = Att göra
work-none = Inget väntar på dig just nu.
work-due = klart senast
work-score = Poängsätt intervju { $n }
work-consensus = Enas om poängen för intervju { $n }
assessment-name = { $measured }: { $issue } (från { $date })
interview-sections = Frågorna per dimension
interview-question-count = { $n } { $n ->
        [one] fråga
       *[other] frågor
    }
answer-saved = Sparat { $time }
answer-saving = Sparar …
answer-unsaved = Inte sparat än
answer-failed = Kunde inte sparas. Försök igen, eller spara med knappen längst ner.
answer-leave = Ett svar är inte sparat än.
informant-contact-show = Visa för { $name }
informant-contact-logged = Att uppgifterna visades står i loggen (uppgifterna själva gör det inte).
informant-contact-back = Tillbaka till mätningen
