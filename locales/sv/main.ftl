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
problem-invalid-date-time = Skriv datum och klockslag som ÅÅÅÅ-MM-DD TT:MM, till exempel 2026-09-01 13:30.
problem-no-such-local-time = Den tiden finns inte: natten då sommartiden börjar hoppar klockan från 02:00 till 03:00.
problem-two-decimals = Skriv beloppet med högst två decimaler (hela ören).
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

yes = Ja
no = Nej

confirm-member-remove = Ta bort { $name } från organisationen?
confirm-member-remove-consequence = { $name } kommer inte längre åt organisationens uppgifter. Kontot finns kvar, och det som { $name } har gjort står kvar i händelseloggen. Du kan lägga till personen igen senare.

audit-action-read = Läste

problem-unreadable-file = Filen kunde inte läsas. Ladda upp en textfil (.txt) eller ett Word-dokument (.docx).
problem-file-too-large = Filen innehåller mer text än Parat tar emot. Dela upp utskriften eller klistra in den.
problem-file-too-complex = Filens uppbyggnad är för djup eller för stor för att läsas. Spara den på nytt i Word, eller som textfil (.txt).
problem-file-not-text = Texten i filen kunde inte tolkas. Spara den som text i UTF-8 (i Anteckningar: Spara som → Kodning: UTF-8) och ladda upp igen.
problem-not-chosen = Välj ett av alternativen.
problem-file-missing = Välj en fil att ladda upp.

xlsx-summary = Sammanfattning
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
problem-date-in-past = Datumet har redan passerat. Välj i dag eller ett senare datum.
problem-out-of-range = Skriv ett heltal från { $min } till { $max }.
problem-not-a-number = Skriv ett tal, till exempel 10 eller 2,5.
problem-option-count = Skriv { $min }–{ $max } svarsalternativ, ett per rad.
problem-pair-letters = Skriv två bokstäver.
problem-pair-digits = Skriv två siffror.
problem-date-in-future = Datumet har inte kommit än. Ange när det faktiskt hände.
problem-reached-only-when-reached = Ange datumet bara när milstolpen är nådd, och välj då Nådd.
problem-wrong-parent = Välj en post på nivån ovanför.
problem-decimal-out-of-range = Skriv ett tal från { $min } till { $max } (decimaler går bra, till exempel 0,5).
problem-same-twice = Välj två olika.
problem-names-not-recorded = Organisationen registrerar deltagare bara med kod. Lämna namn och personnummer tomma.
problem-one-decimal = Ange talet med högst en decimal, till exempel 6,4.
problem-no-rating = Fyll i skattningen av hur det går, av samtalet, eller båda.
problem-total-mismatch = Summan stämmer inte med de fyra värdena. Rätta summan eller lämna den tom.
work-title = Att göra
work-none = Inget väntar på dig just nu.
work-due = klart senast
audit-record = Typ av uppgift
audit-from = Från och med
audit-to = Till och med
audit-changes = Ändringar
audit-newest = Till de senaste händelserna
audit-field-name = Namn
audit-field-description = Beskrivning
audit-field-topic = Område
audit-field-custom_topic = Eget område
audit-field-target_group = Målgrupp
audit-field-start_date = Startdatum
audit-field-end_date = Slutdatum
audit-field-status = Status
audit-field-owner_id = Ansvarig (id)
audit-field-owner_name = Ansvarig
audit-field-archived = Arkiverad
audit-field-partners = Samverkanspartner
audit-field-role = Roll
audit-field-kind = Typ av organisation
audit-field-parent_id = Överordnad organisation (id)
audit-field-user_id = Konto (id)
audit-field-display_name = Namn
audit-field-initiative_id = Insats (id)
audit-field-initiative_name = Insats
audit-none-match = Inga händelser matchar urvalet.

error-changed-meanwhile-title = Ändrat av någon annan
error-changed-meanwhile = Någon annan sparade en ändring efter att du öppnade sidan, så din ändring sparades inte. Gå tillbaka, ladda om sidan och gör ändringen igen.
document-generated = Skapad i Parat { $at }
audit-action-mail = Skickade e-post
