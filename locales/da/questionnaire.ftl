# Spørgeskemaer: runder, besvarelse uden konto og resultater.

qn-rounds-title = Spørgeskemaer
qn-rounds-none = Der er endnu ikke sendt spørgeskemaer ud for indsatsen.
qn-round-new = Ny spørgeskemarunde
qn-round-new-intro = En runde sender et spørgeskema ud med et åbent link, personlige links eller begge dele. Svarene samles her, og resultaterne beregnes med det samme.
qn-questionnaire = Spørgeskema
qn-round-title = Overskrift
qn-round-title-hint = Det, som besvarere og kolleger ser, for eksempel ”Medarbejderundersøgelse forår 2027”.
qn-round-issue = Hvad spørgeskemaet handler om
qn-round-issue-hint = Erstatter {"{issue}"} i spørgsmålene, for eksempel ”den nye arbejdsmetode IPS”.
qn-how = Hvordan spørgeskemaet sendes ud
qn-anonymous = Anonyme svar
qn-anonymous-hint = Ingen kan se, hvem der har svaret hvad, og der vises ingen tal for grupper mindre end tærsklen.
qn-open-link = Åbent link og QR-kode
qn-open-link-hint = Alle med linket kan svare, for eksempel et lokale med deltagere på en kursusdag.
qn-threshold = Tærskel for anonymitet
qn-threshold-hint = Mindste antal svar bag hvert tal, der vises. Lad feltet stå tomt for 5.
qn-opens-on = Åbner
qn-closes-on = Lukker
qn-round-create = Opret runden
qn-status-open = Åben for svar
qn-status-closed = Lukket
qn-status-running = I gang
qn-results = Resultater
qn-close = Luk for svar
qn-reopen = Åbn igen
qn-anonymity = Anonymitet
qn-anonymous-yes = Anonyme svar, tærskel { $n }
qn-anonymous-no = Svarene er knyttet til besvarerne
qn-no-dates = Ingen datoer: åben, indtil den lukkes
qn-period = Periode
qn-respondents = Besvarere med personligt link
qn-answered-of = { $answered } af { $total } har svaret
qn-open-link-title = Åbent link
qn-link-shown-once = Kopiér linket nu. Parat gemmer kun et fingeraftryk af det og kan ikke vise det igen; et nyt link kan altid oprettes.
qn-personal-links-title = Personlige links
qn-respondent = Besvarer
qn-link = Link
qn-links-title = Links
qn-open-link-exists = Runden har et åbent link. Opretter du et nyt, holder det gamle op med at virke.
qn-open-link-none = Runden har intet åbent link.
qn-open-link-new = Opret nyt åbent link
qn-respondents-none = Ingen personlige links endnu.
qn-group = Gruppe
qn-has-answered = Har svaret
qn-link-new = Nyt link
qn-add-respondents = Tilføj besvarere
qn-add-respondents-hint = Én person pr. linje: navn; e-mailadresse; gruppe. E-mail og gruppe kan udelades. Hver person får sit eget link.
qn-add-respondents-button = Opret personlige links
qn-qr-label = QR-kode til linket { $url }
qn-responses = Svar
qn-organisation = Organisation
qn-response-rate = Svarprocent
qn-too-few = Resultaterne vises, når mindst { $n } har svaret.
qn-scales = Skalaer
qn-scales-chart = Gennemsnit pr. skala for alle besvarere.
qn-scales-table = Gennemsnit pr. skala, for alle og pr. gruppe
qn-scale = Skala
qn-all = Alle
qn-threshold-note = Grupper med færre end { $n } svar vises med en streg.
qn-items = Spørgsmål
qn-item-n = { $n } svar
qn-answer = Svar
qn-count = Antal
qn-share = Andel
qn-response-number = Svar nr.
qn-file-answers = svar
qn-download-xlsx = Hent svarene (Excel)
qn-download-csv = Hent svarene (CSV)
qn-download-pdf = Hent et resumé (PDF)
qn-mean = Gennemsnit
qn-answer-anonymous = Dine svar er anonyme: ingen kan se, hvad netop du har svaret.
qn-answer-identified = Dine svar gemmes med dit navn og ses af dem, der gennemfører undersøgelsen.
qn-answer-optional-marked = Alle spørgsmål undtagen dem, der er markeret valgfrit, skal besvares. Svarene gemmes, mens du udfylder.
qn-optional = valgfrit
qn-condition = Svar kun, hvis du svarede { $answers } på spørgsmålet ”{ $question }”.
qn-submit = Send svarene
qn-save-later = Gem og fortsæt senere
qn-saved = Gemt.
qn-missing = { $n ->
    [one] Et spørgsmål mangler svar:
   *[other] { $n } spørgsmål mangler svar:
}
qn-problem-required = Besvar spørgsmålet.
qn-problem-not-a-number = Skriv et tal, for eksempel 6,5.
qn-problem-off-scale = Skriv et tal fra { $min } til { $max }.
qn-problem-too-precise = Brug højst { $n } decimaler.
qn-problem-unknown-option = Vælg en af mulighederne.
qn-problem-unknown-item = Spørgsmålet findes ikke i spørgeskemaet.
qn-link-unknown-title = Linket virker ikke
qn-link-unknown = Linket findes ikke, eller det er erstattet af et nyt. Bed den, der sendte spørgeskemaet, om et nyt link.
qn-round-closed-title = Spørgeskemaet er lukket
qn-round-closed = Spørgeskemaet modtager ikke svar lige nu. Det kan være lukket eller endnu ikke åbnet.
qn-thanks-title = Tak for dine svar
qn-thanks = Svarene er sendt. Du kan lukke siden.
qn-thanks-again = Svarene er allerede sendt og kan ikke ændres. Tak!

error-too-few-answers-title = For få svar endnu
error-too-few-answers = Svarene kan hentes, når mindst så mange har svaret, som rundens tærskel for anonymitet kræver.

qn-questionnaires-title = Spørgeskemaer at sende ud
qn-questionnaires-intro = Parats egne spørgeskemaer og organisationens egne. Se et spørgeskema, som besvarerne ser det.
qn-follows = Følger
qn-preview = Se eksempel
qn-load = Indlæs et eget spørgeskema
qn-load-hint = Indsæt en definition i Parats format (TOML) – for eksempel et licenseret spørgeskema med de originale tekster. Hent en af Parats definitioner som skabelon. Har den samme id som et af organisationens egne, erstatter den det; udsendte runder beholder deres version.
qn-load-refused = Definitionen kunne ikke læses:
qn-definition = Definition (TOML)
qn-load-button = Indlæs spørgeskemaet
qn-preview-note = Eksempel: sådan ser besvarerne spørgeskemaet. Intet gemmes.
qn-preview-issue = den nye arbejdsmetode
qn-preview-entry = Eksempel { $n } fra listen
qn-questionnaires-link = Se og indlæs spørgeskemaer.

qn-on-behalf = Indtast et svar
qn-on-behalf-note = Du indtaster svar for en besvarer, for eksempel fra et papirskema eller et telefoninterview. Det gemmes, når du sender.
qn-on-behalf-respondent = For hvem
qn-on-behalf-respondent-hint = Vælg personen, hvis svaret kommer fra en med personligt link; de tælles så som besvarere. Lad feltet stå tomt for et anonymt papirskema.
qn-on-behalf-nobody = Ingen bestemt (anonymt)
qn-on-behalf-submit = Gem svaret

notice-qn-round-created = Runden er oprettet.
notice-qn-respondents-added = De personlige links er oprettet.
notice-qn-link-replaced = Et nyt link er oprettet; det gamle virker ikke længere.
notice-qn-closed-notice = Runden er lukket for svar.
notice-qn-reopened-notice = Runden er åben igen.
notice-qn-loaded = Spørgeskemaet er indlæst.
notice-qn-entered = Svaret er indtastet.
notice-qn-saved-notice = Svarene er gemt. Åbn det samme link, når du vil fortsætte.

audit-entity-questionnaire = spørgeskema
audit-entity-round = spørgeskemarunde
audit-entity-respondent = besvarer
audit-entity-response = besvarelse
audit-field-title = Overskrift
audit-field-questionnaire = Spørgeskema
audit-field-anonymous = Anonym
audit-field-threshold = Tærskel
audit-field-closed = Lukket
audit-field-round_id = Runde
audit-field-added = Tilføjet

## E-mail: invitationer og påmindelser
qn-mailed = E-mail sendt
qn-started = Påbegyndt
qn-send-by-mail = Send hver person deres link med e-mail nu (de uden e-mailadresse får deres link vist her)
qn-remind = Send e-mail til de { $n }, der ikke har svaret
qn-remind-hint = { $n } personer med e-mailadresse har ikke svaret. De, der aldrig har fået e-mail, får en invitation, de øvrige en påmindelse. De, der ikke er begyndt, får et nyt link, som erstatter det gamle; i et anonymt spørgeskema bliver den, der allerede er begyndt, mindet om sit eget link, fordi svarene kun findes gennem det.
qn-mail-not-configured = E-mail er ikke sat op på denne server (PARAT_SMTP_URL og PARAT_MAIL_FROM). Kopiér linkene, og send dem selv.
qn-mail-round-closed = Spørgeskemaet tager ikke imod svar lige nu, så der blev ikke sendt nogen påmindelse.
qn-mail-sent = { $n ->
    [one] Der blev sendt e-mail til én person.
   *[other] Der blev sendt e-mail til { $n } personer.
}
qn-mail-failed = { $n ->
    [one] E-mail kunne ikke sendes til én person; linket vises nedenfor.
   *[other] E-mail kunne ikke sendes til { $n } personer; deres links vises nedenfor.
}
qn-mail-subject = Nogle spørgsmål fra { $title }
qn-mail-reminder-subject = Påmindelse: { $title }
qn-mail-greeting = Hej { $name }
qn-mail-invite = { $org } vil gerne vide, hvordan du ser på { $issue }. Spørgsmålene tager nogle minutter, og du behøver ingen konto.
qn-mail-reminder = Vi har endnu ikke fået dine svar om { $issue }. Det er ikke for sent, og hvert svar gør resultatet mere sikkert.
qn-mail-link = Svar her:
qn-mail-new-link = Linket erstatter det, du fik tidligere.
qn-mail-resume = Du er allerede begyndt at svare. Fortsæt med linket i din første e-mail – dine svar er gemt der.
qn-mail-closes = Sidste frist for at svare er { $date }.
qn-mail-anonymous = Dine svar er anonyme: de gemmes adskilt fra dit navn, og der vises ingen tal for grupper med færre end { $n } svar.
qn-mail-identified = Dine svar gemmes med dit navn og læses af dem, der gennemfører spørgeskemaet.
qn-mail-sender = Sendt af { $org } med Parat.

## Spørgeskemabyggeren
qn-kind-agreement = Udsagn (enig 1–5)
qn-kind-rating = Karakter på en skala (fx 0–10)
qn-kind-line = Linje at markere på (0–10)
qn-kind-single = Én svarmulighed
qn-kind-multiple = Flere svarmuligheder
qn-kind-number = Tal
qn-kind-date = Dato
qn-kind-short-text = Kort tekst
qn-kind-long-text = Lang tekst
qn-kind-roster = Liste med spørgsmål pr. række
qn-item-kind = Type spørgsmål
qn-item-kind-hint = Bestemmer, hvordan spørgsmålet besvares. Felterne nedenfor, som ikke gælder typen, lades tomme.
qn-item-text = Spørgsmålet eller udsagnet
qn-item-text-hint = Skriv {"{"}issue{"}"}, hvor navnet på det, spørgeskemaet handler om, skal stå, fx arbejdsmetoden.
qn-item-help = Forklaring under spørgsmålet (valgfri)
qn-item-required = Spørgsmålet skal besvares
qn-item-required-short = skal besvares
qn-item-options = Svarmuligheder
qn-item-options-hint = Til spørgsmål med en eller flere svarmuligheder: én mulighed pr. linje, mindst to.
qn-item-range = Skala
qn-item-range-hint = Til udsagn, karakter, linje og tal. Står felterne tomme, gælder 1–5 for udsagn og 0–10 for karakter og linje. Linjen og karakteren skal have tekst til begge ender; udsagn har »Helt uenig« og »Helt enig«, hvis intet andet skrives.
qn-item-min = Laveste værdi
qn-item-max = Højeste værdi
qn-item-low = Tekst ved laveste ende
qn-item-high = Tekst ved højeste ende
qn-item-section = Afsnit
qn-builder-new = Byg et nyt spørgeskema
qn-builder-new-intro = Giv spørgeskemaet et navn. Derefter tilføjer du spørgsmålene ét ad gangen, ændrer rækkefølgen og ser det igennem. Alt gemmes med det samme.
qn-builder-create = Opret og tilføj spørgsmål
qn-builder-name = Spørgeskemaets navn
qn-builder-description = Beskrivelse (valgfri)
qn-builder-description-hint = Vises for dem, der svarer, øverst i spørgeskemaet.
qn-purpose = Hvad spørgeskemaet bruges til
qn-purpose-evaluation = Evaluering (af et kursus, en aktivitet, et projekt)
qn-purpose-readiness = Måling af parathed
qn-purpose-other = Andet
qn-builder-ready = Spørgeskemaet er klar til at blive sendt ud.
qn-builder-empty = Spørgeskemaet har ingen spørgsmål endnu. Tilføj det første nedenfor.
qn-builder-not-ready = Spørgeskemaet kan ikke sendes ud endnu: { $reason }
qn-builder-section-empty = Ingen spørgsmål i afsnittet endnu.
qn-builder-section-remove = Fjern det tomme afsnit
qn-builder-edit-label = Rediger spørgsmål { $n }
qn-builder-up = Op
qn-builder-down = Ned
qn-builder-up-label = Op, spørgsmål { $n }
qn-builder-down-label = Ned, spørgsmål { $n }
qn-builder-remove = Fjern
qn-builder-remove-label = Fjern spørgsmål { $n }
qn-builder-add = Tilføj et spørgsmål
qn-builder-add-button = Tilføj spørgsmålet
qn-builder-more = Afsnit, navn og fil
qn-builder-section-title = Nyt afsnit
qn-builder-section-hint = En overskrift, som spørgsmålene efter den står under. Nye spørgsmål kommer i det sidste afsnit, medmindre du vælger et andet.
qn-builder-section-add = Tilføj afsnittet
qn-builder-rename = Gem navn og beskrivelse
qn-builder-download = Hent spørgeskemaet som fil (TOML), fx for at oversætte det eller tilføje betingelser og skalaer
qn-builder-edit-title = Redigér spørgsmålet
qn-builder-start = Byg et nyt spørgeskema
qn-own-title = Organisationens egne spørgeskemaer
qn-own-none = Organisationen har ingen egne spørgeskemaer endnu.
qn-own-ready = Klar til udsendelse
qn-own-draft = Under udarbejdelse
notice-qn-item-removed = Spørgsmålet er fjernet.
notice-qn-renamed = Navnet er gemt.
error-item-in-use-title = Spørgsmålet er i brug
error-item-in-use = En betingelse for et andet spørgsmål eller en skala bygger på dette spørgsmål, så det kan ikke fjernes. Ret betingelsen eller skalaen i spørgeskemaets fil først.
error-questionnaire-full-title = Spørgeskemaet er fuldt
error-questionnaire-full = Et spørgeskema kan højst have 500 spørgsmål. Del det op i to spørgeskemaer.

## Før og efter
qn-before-after = Før og efter
qn-previous-round = Følger op på runden
qn-previous-round-hint = Vælg en tidligere runde med samme spørgeskema for at se resultaterne side om side.
qn-previous-none = Ingen – en første måling
qn-pair-code = Bed dem, der svarer, om en selvvalgt kode
qn-pair-code-hint = Koden laves af tre ting, som kun den, der svarer, kender. Med samme kode i begge runder kan svarene før og efter parres uden navne. Parat gemmer kun et fingeraftryk af koden. Sæt kryds i begge runder.
qn-pair-code-short = Selvvalgt kode til parring
qn-follows-up = Følger op på
qn-follows-up-link = Den tidligere runde
qn-pair-title = Din egen kode (frivillig)
qn-pair-hint = Koden gør, at dine svar nu kan sammenlignes med dine svar næste gang, uden at nogen ved, hvem du er. Skriv de samme tre ting begge gange. Har du allerede skrevet koden, behøver du ikke skrive den igen.
qn-pair-letters = De to første bogstaver i din mors fornavn
qn-pair-day = Dagen i måneden, du er født (1–31)
qn-pair-digits = De to sidste cifre i dit mobilnummer
qn-compare-title = Sammenlignet med den tidligere runde
qn-compare-intro = Alle, der svarede i hver runde. Den tidligere runde:
qn-compare-caption = Gennemsnit pr. skala i begge runder
qn-paired-title = De samme personer før og efter
qn-paired-intro = { $n ->
    [one] Én person har svaret i begge runder med samme kode.
   *[other] { $n } personer har svaret i begge runder med samme kode.
}
qn-paired-caption = Ændring pr. skala for dem, der har svaret begge gange
qn-paired-pairs = Par
qn-paired-before = Før
qn-paired-after = Efter
qn-paired-change = Ændring

## Lister til spørgsmål pr. række
qn-lists = Lister at spørge om
qn-lists-hint = Et spørgeskema med spørgsmål pr. række – fx om hvert møde i et samarbejdskort – spørger om en liste, som gives her, én post pr. linje. Udfyld kun den liste, det valgte spørgeskema spørger om.
qn-list-label = Listen »{ $list }«, én post pr. linje
qn-too-fast = Der er kommet mange svar fra dit netværk på kort tid, så dine svar blev ikke gemt lige nu. Vent et minut, og send igen – det, du har udfyldt, er der stadig.
notice-qn-too-fast = Der er kommet mange svar fra dit netværk på kort tid, så dine svar blev ikke gemt lige nu. Vent et minut, og send igen – det, du har udfyldt, er der stadig.
qn-question = Spørgsmål
