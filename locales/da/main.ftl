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
problem-invalid-date-time = Skriv dato og klokkeslæt som ÅÅÅÅ-MM-DD TT:MM, for eksempel 2026-09-01 13:30.
problem-no-such-local-time = Det tidspunkt findes ikke: natten hvor sommertiden begynder, springer uret fra 02:00 til 03:00.
problem-two-decimals = Skriv beløbet med højst to decimaler (hele øre).
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

yes = Ja
no = Nej

confirm-member-remove = Fjern { $name } fra organisationen?
confirm-member-remove-consequence = { $name } får ikke længere adgang til organisationens oplysninger. Kontoen findes stadig, og det, { $name } har gjort, står fortsat i hændelsesloggen. Du kan tilføje personen igen senere.

audit-action-read = Læste

problem-unreadable-file = Filen kunne ikke læses. Upload en tekstfil (.txt) eller et Word-dokument (.docx).
problem-file-too-large = Filen indeholder mere tekst, end Parat modtager. Del udskriften op, eller indsæt den.
problem-file-too-complex = Filens opbygning er for dyb eller for stor til at blive læst. Gem den igen i Word eller som tekstfil (.txt).
problem-file-not-text = Teksten i filen kunne ikke tolkes. Gem den som tekst i UTF-8 (i Notesblok: Gem som → Kodning: UTF-8), og upload den igen.
problem-not-chosen = Vælg en af mulighederne.
problem-file-missing = Vælg en fil, der skal uploades.

xlsx-summary = Sammenfatning
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
problem-date-in-past = Datoen er allerede passeret. Vælg i dag eller en senere dato.
problem-out-of-range = Skriv et heltal fra { $min } til { $max }.
problem-not-a-number = Skriv et tal, for eksempel 10 eller 2,5.
problem-option-count = Skriv { $min }–{ $max } svarmuligheder, én pr. linje.
problem-pair-letters = Skriv to bogstaver.
problem-pair-digits = Skriv to cifre.
problem-date-in-future = Datoen er endnu ikke kommet. Angiv hvornår det faktisk skete.
problem-reached-only-when-reached = Angiv kun datoen, når milepælen er nået, og vælg så Nået.
problem-wrong-parent = Vælg en post på niveauet ovenover.
problem-decimal-out-of-range = Skriv et tal fra { $min } til { $max } (decimaler går fint, for eksempel 0,5).
problem-same-twice = Vælg to forskellige.
problem-names-not-recorded = Organisationen registrerer kun deltagere med kode. Lad navn og CPR-nummer stå tomme.
problem-one-decimal = Angiv tallet med højst én decimal, for eksempel 6,4.
problem-no-rating = Udfyld vurderingen af hvordan det går, af samtalen, eller begge.
problem-total-mismatch = Summen passer ikke med de fire værdier. Ret summen, eller lad den stå tom.
work-title = Opgaver
work-none = Intet venter på dig lige nu.
work-due = senest
audit-record = Type af oplysning
audit-from = Fra og med
audit-to = Til og med
audit-changes = Ændringer
audit-newest = Til de seneste hændelser
audit-field-name = Navn
audit-field-description = Beskrivelse
audit-field-topic = Område
audit-field-custom_topic = Eget område
audit-field-target_group = Målgruppe
audit-field-start_date = Startdato
audit-field-end_date = Slutdato
audit-field-status = Status
audit-field-owner_id = Ansvarlig (id)
audit-field-owner_name = Ansvarlig
audit-field-archived = Arkiveret
audit-field-partners = Samarbejdspartnere
audit-field-role = Rolle
audit-field-kind = Type af organisation
audit-field-parent_id = Overordnet organisation (id)
audit-field-user_id = Konto (id)
audit-field-display_name = Navn
audit-field-initiative_id = Indsats (id)
audit-field-initiative_name = Indsats
audit-none-match = Ingen hændelser passer til udvalget.

error-changed-meanwhile-title = Ændret af en anden
error-changed-meanwhile = En anden gemte en ændring, efter du åbnede siden, så din ændring blev ikke gemt. Gå tilbage, genindlæs siden, og lav ændringen igen.
document-generated = Lavet i Parat { $at }
audit-action-mail = Sendte e-mail
