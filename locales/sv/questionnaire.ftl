# Enkäter: omgångar, besvarande utan konto och resultat.

qn-rounds-title = Enkäter
qn-rounds-none = Inga enkäter har skickats ut för insatsen ännu.
qn-round-new = Ny enkätomgång
qn-round-new-intro = En omgång skickar ut en enkät med en öppen länk, personliga länkar eller båda. Svaren samlas här, och resultaten räknas fram direkt.
qn-questionnaire = Enkät
qn-round-title = Rubrik
qn-round-title-hint = Det som svarande och kollegor ser, till exempel ”Personalenkät våren 2027”.
qn-round-issue = Vad enkäten gäller
qn-round-issue-hint = Ersätter {"{issue}"} i frågorna, till exempel ”det nya arbetssättet IPS”.
qn-how = Hur enkäten skickas ut
qn-anonymous = Anonyma svar
qn-anonymous-hint = Ingen kan se vem som svarat vad, och inga siffror visas för grupper mindre än tröskeln.
qn-open-link = Öppen länk och QR-kod
qn-open-link-hint = Alla som har länken kan svara, till exempel en sal med deltagare på en utbildningsdag.
qn-threshold = Tröskel för anonymitet
qn-threshold-hint = Minsta antal svar bakom varje siffra som visas. Lämna tomt för 5.
qn-opens-on = Öppnar
qn-closes-on = Stänger
qn-round-create = Skapa omgången
qn-status-open = Öppen för svar
qn-status-closed = Stängd
qn-status-running = Pågår
qn-results = Resultat
qn-close = Stäng för svar
qn-reopen = Öppna igen
qn-anonymity = Anonymitet
qn-anonymous-yes = Anonyma svar, tröskel { $n }
qn-anonymous-no = Svaren är knutna till de svarande
qn-no-dates = Inga datum: öppen tills den stängs
qn-period = Period
qn-respondents = Svarande med personlig länk
qn-answered-of = { $answered } av { $total } har svarat
qn-open-link-title = Öppen länk
qn-link-shown-once = Kopiera länken nu. Parat sparar bara ett fingeravtryck av den och kan inte visa den igen; en ny länk kan alltid skapas.
qn-personal-links-title = Personliga länkar
qn-respondent = Svarande
qn-link = Länk
qn-links-title = Länkar
qn-open-link-exists = Omgången har en öppen länk. Skapar du en ny slutar den gamla att fungera.
qn-open-link-none = Omgången har ingen öppen länk.
qn-open-link-new = Skapa ny öppen länk
qn-respondents-none = Inga personliga länkar ännu.
qn-group = Grupp
qn-has-answered = Har svarat
qn-link-new = Ny länk
qn-add-respondents = Lägg till svarande
qn-add-respondents-hint = En person per rad: namn; e-postadress; grupp. E-post och grupp kan utelämnas. Varje person får en egen länk.
qn-add-respondents-button = Skapa personliga länkar
qn-qr-label = QR-kod till länken { $url }
qn-responses = Svar
qn-organisation = Organisation
qn-response-rate = Svarsfrekvens
qn-too-few = Resultaten visas när minst { $n } har svarat.
qn-scales = Skalor
qn-scales-chart = Medelvärde per skala för alla svarande.
qn-scales-table = Medelvärde per skala, för alla och per grupp
qn-scale = Skala
qn-all = Alla
qn-threshold-note = Grupper med färre än { $n } svar visas med ett streck.
qn-items = Frågor
qn-item-n = { $n } svar
qn-answer = Svar
qn-count = Antal
qn-share = Andel
qn-response-number = Svar nr
qn-file-answers = svar
qn-download-xlsx = Hämta svaren (Excel)
qn-download-csv = Hämta svaren (CSV)
qn-download-pdf = Hämta en sammanfattning (PDF)
qn-mean = Medelvärde
qn-answer-anonymous = Dina svar är anonyma: ingen kan se vad just du har svarat.
qn-answer-identified = Dina svar sparas med ditt namn och ses av dem som genomför enkäten.
qn-answer-optional-marked = Alla frågor utom de som är märkta valfri behöver besvaras. Svaren sparas medan du fyller i.
qn-optional = valfri
qn-condition = Svara bara om du svarade { $answers } på frågan ”{ $question }”.
qn-submit = Skicka in svaren
qn-save-later = Spara och fortsätt senare
qn-saved = Sparat.
qn-missing = { $n ->
    [one] En fråga saknar svar:
   *[other] { $n } frågor saknar svar:
}
qn-problem-required = Besvara frågan.
qn-problem-not-a-number = Skriv ett tal, till exempel 6,5.
qn-problem-off-scale = Skriv ett tal från { $min } till { $max }.
qn-problem-too-precise = Använd högst { $n } decimaler.
qn-problem-unknown-option = Välj ett av alternativen.
qn-problem-unknown-item = Frågan finns inte i enkäten.
qn-link-unknown-title = Länken fungerar inte
qn-link-unknown = Länken finns inte, eller så har den ersatts av en ny. Be den som skickade enkäten om en ny länk.
qn-round-closed-title = Enkäten är stängd
qn-round-closed = Enkäten tar inte emot svar just nu. Den kan ha stängt, eller ännu inte öppnat.
qn-thanks-title = Tack för dina svar
qn-thanks = Svaren är inskickade. Du kan stänga sidan.
qn-thanks-again = Svaren är redan inskickade och kan inte ändras. Tack!

error-too-few-answers-title = För få svar än
error-too-few-answers = Svaren kan hämtas när minst så många har svarat som omgångens tröskel för anonymitet kräver.

qn-questionnaires-title = Enkäter att skicka ut
qn-questionnaires-intro = Parats egna enkäter och organisationens egna. Förhandsgranska en enkät för att se den som de svarande gör.
qn-follows = Följer
qn-preview = Förhandsgranska
qn-load = Lägg in en egen enkät
qn-load-hint = Klistra in en definition i Parats format (TOML) – till exempel en licensierad enkät med originaltexterna. Hämta en av Parats definitioner som mall. Har den samma id som en av organisationens egna ersätter den den; utskickade omgångar behåller sin version.
qn-load-refused = Definitionen kunde inte läsas:
qn-definition = Definition (TOML)
qn-load-button = Lägg in enkäten
qn-preview-note = Förhandsgranskning: så här ser de svarande enkäten. Inget sparas.
qn-preview-issue = det nya arbetssättet
qn-preview-entry = Exempel { $n } ur listan
qn-questionnaires-link = Se och lägg in enkäter.

qn-on-behalf = Mata in ett svar
qn-on-behalf-note = Du matar in svar åt en svarande, till exempel från en pappersenkät eller en telefonintervju. Det sparas när du skickar in.
qn-on-behalf-respondent = För vem
qn-on-behalf-respondent-hint = Välj personen om svaret kommer från någon med personlig länk; de räknas då som svarande. Lämna tomt för en anonym pappersenkät.
qn-on-behalf-nobody = Ingen särskild (anonymt)
qn-on-behalf-submit = Spara svaret

notice-qn-round-created = Omgången är skapad.
notice-qn-respondents-added = De personliga länkarna är skapade.
notice-qn-link-replaced = En ny länk är skapad; den gamla fungerar inte längre.
notice-qn-closed-notice = Omgången är stängd för svar.
notice-qn-reopened-notice = Omgången är öppen igen.
notice-qn-loaded = Enkäten är inlagd.
notice-qn-entered = Svaret är inmatat.
notice-qn-saved-notice = Svaren är sparade. Öppna samma länk när du vill fortsätta.

audit-entity-questionnaire = enkät
audit-entity-round = enkätomgång
audit-entity-respondent = svarande
audit-entity-response = enkätsvar
audit-field-title = Rubrik
audit-field-questionnaire = Enkät
audit-field-anonymous = Anonym
audit-field-threshold = Tröskel
audit-field-closed = Stängd
audit-field-round_id = Omgång
audit-field-added = Tillagda

## E-post: inbjudningar och påminnelser
qn-mailed = E-post skickad
qn-started = Påbörjat
qn-send-by-mail = Skicka varje person sin länk med e-post nu (de utan e-postadress får sin länk visad här)
qn-remind = Skicka e-post till de { $n } som inte har svarat
qn-remind-hint = { $n } personer med e-postadress har inte svarat. De som aldrig fått e-post får en inbjudan, övriga en påminnelse. De som inte har börjat får en ny länk som ersätter den gamla; i en anonym enkät påminns den som redan börjat om sin egen länk, eftersom svaren bara hittas genom den.
qn-mail-not-configured = E-post är inte inställt på den här servern (PARAT_SMTP_URL och PARAT_MAIL_FROM). Kopiera länkarna och skicka dem själv.
qn-mail-round-closed = Enkäten tar inte emot svar just nu, så ingen påminnelse skickades.
qn-mail-sent = { $n ->
    [one] E-post skickades till en person.
   *[other] E-post skickades till { $n } personer.
}
qn-mail-failed = { $n ->
    [one] E-post kunde inte skickas till en person; länken visas nedan.
   *[other] E-post kunde inte skickas till { $n } personer; deras länkar visas nedan.
}
qn-mail-subject = Några frågor från { $title }
qn-mail-reminder-subject = Påminnelse: { $title }
qn-mail-greeting = Hej { $name }!
qn-mail-invite = { $org } vill veta hur du ser på { $issue }. Frågorna tar några minuter, och du behöver inget konto.
qn-mail-reminder = Vi har ännu inte fått dina svar om { $issue }. Det är inte för sent, och varje svar gör resultatet säkrare.
qn-mail-link = Svara här:
qn-mail-new-link = Länken ersätter den du fick tidigare.
qn-mail-resume = Du har redan börjat svara. Fortsätt med länken i ditt första mejl – dina svar är sparade där.
qn-mail-closes = Sista dag att svara är { $date }.
qn-mail-anonymous = Dina svar är anonyma: de sparas skilda från ditt namn, och inga siffror visas för grupper med färre än { $n } svar.
qn-mail-identified = Dina svar sparas med ditt namn och läses av dem som genomför enkäten.
qn-mail-sender = Skickat av { $org } med Parat.

## Enkätbyggaren
qn-kind-agreement = Påstående (instämmer 1–5)
qn-kind-rating = Betyg på en skala (t.ex. 0–10)
qn-kind-line = Linje att markera på (0–10)
qn-kind-single = Ett svarsalternativ
qn-kind-multiple = Flera svarsalternativ
qn-kind-number = Tal
qn-kind-date = Datum
qn-kind-short-text = Kort text
qn-kind-long-text = Lång text
qn-kind-roster = Lista med frågor per rad
qn-item-kind = Typ av fråga
qn-item-kind-hint = Bestämmer hur frågan besvaras. Fälten nedan som inte gäller typen lämnas tomma.
qn-item-text = Frågan eller påståendet
qn-item-text-hint = Skriv {"{"}issue{"}"} där namnet på det som enkäten gäller ska stå, till exempel arbetssättet.
qn-item-help = Förklaring under frågan (valfritt)
qn-item-required = Frågan måste besvaras
qn-item-required-short = måste besvaras
qn-item-options = Svarsalternativ
qn-item-options-hint = För frågor med ett eller flera svarsalternativ: ett alternativ per rad, minst två.
qn-item-range = Skala
qn-item-range-hint = För påstående, betyg, linje och tal. Lämnas fälten tomma gäller 1–5 för påståenden, 0–10 för betyg och linje. Linjen och betyget behöver text för båda ändarna; påståenden har ”Instämmer inte alls” och ”Instämmer helt” om inget annat skrivs.
qn-item-min = Lägsta värde
qn-item-max = Högsta värde
qn-item-low = Text vid lägsta änden
qn-item-high = Text vid högsta änden
qn-item-section = Avsnitt
qn-builder-new = Bygg en ny enkät
qn-builder-new-intro = Ge enkäten ett namn. Sedan lägger du till frågorna en i taget, ändrar ordningen och förhandsgranskar. Allt sparas direkt.
qn-builder-create = Skapa och lägg till frågor
qn-builder-name = Enkätens namn
qn-builder-description = Beskrivning (valfri)
qn-builder-description-hint = Visas för de svarande överst i enkäten.
qn-purpose = Vad enkäten används till
qn-purpose-evaluation = Utvärdering (av en utbildning, en aktivitet, ett projekt)
qn-purpose-readiness = Mätning av beredskap
qn-purpose-other = Annat
qn-builder-ready = Enkäten är klar att skicka ut.
qn-builder-empty = Enkäten har inga frågor än. Lägg till den första nedan.
qn-builder-not-ready = Enkäten kan inte skickas ut än: { $reason }
qn-builder-section-empty = Inga frågor i avsnittet än.
qn-builder-section-remove = Ta bort det tomma avsnittet
qn-builder-edit-label = Redigera fråga { $n }
qn-builder-up = Upp
qn-builder-down = Ned
qn-builder-up-label = Upp, fråga { $n }
qn-builder-down-label = Ned, fråga { $n }
qn-builder-remove = Ta bort
qn-builder-remove-label = Ta bort fråga { $n }
qn-builder-add = Lägg till en fråga
qn-builder-add-button = Lägg till frågan
qn-builder-more = Avsnitt, namn och fil
qn-builder-section-title = Nytt avsnitt
qn-builder-section-hint = En rubrik som frågorna efter den står under. Nya frågor hamnar i det sista avsnittet om du inte väljer ett annat.
qn-builder-section-add = Lägg till avsnittet
qn-builder-rename = Spara namn och beskrivning
qn-builder-download = Hämta enkäten som fil (TOML), till exempel för att översätta den eller lägga till villkor och skalor
qn-builder-edit-title = Redigera frågan
qn-builder-start = Bygg en ny enkät
qn-own-title = Organisationens egna enkäter
qn-own-none = Organisationen har inga egna enkäter än.
qn-own-ready = Klar att skicka ut
qn-own-draft = Under arbete
notice-qn-item-removed = Frågan är borttagen.
notice-qn-renamed = Namnet är sparat.
error-item-in-use-title = Frågan används
error-item-in-use = Ett villkor för en annan fråga eller en skala bygger på den här frågan, så den kan inte tas bort. Ändra villkoret eller skalan i enkätens fil först.
error-questionnaire-full-title = Enkäten är full
error-questionnaire-full = En enkät kan ha högst 500 frågor. Dela upp den i två enkäter.

## Före och efter
qn-before-after = Före och efter
qn-previous-round = Följer upp omgången
qn-previous-round-hint = Välj en tidigare omgång med samma enkät för att se resultaten bredvid varandra.
qn-previous-none = Ingen – en första mätning
qn-pair-code = Be de svarande om en egen kod
qn-pair-code-hint = Koden görs av tre saker som bara den svarande vet. Med samma kod i båda omgångarna kan svaren före och efter paras utan namn. Parat sparar bara ett fingeravtryck av koden. Kryssa i rutan i båda omgångarna.
qn-pair-code-short = Egen kod för parning
qn-follows-up = Följer upp
qn-follows-up-link = Den tidigare omgången
qn-pair-title = Din egen kod (frivillig)
qn-pair-hint = Koden gör att dina svar nu kan jämföras med dina svar nästa gång, utan att någon vet vem du är. Skriv samma tre saker båda gångerna. Har du redan skrivit koden behöver du inte skriva den igen.
qn-pair-letters = De två första bokstäverna i din mammas förnamn
qn-pair-day = Dagen i månaden då du föddes (1–31)
qn-pair-digits = De två sista siffrorna i ditt mobilnummer
qn-compare-title = Jämfört med den tidigare omgången
qn-compare-intro = Alla som svarade i respektive omgång. Den tidigare omgången:
qn-compare-caption = Medelvärde per skala i båda omgångarna
qn-paired-title = Samma personer före och efter
qn-paired-intro = { $n ->
    [one] En person har svarat i båda omgångarna med samma kod.
   *[other] { $n } personer har svarat i båda omgångarna med samma kod.
}
qn-paired-caption = Förändring per skala för dem som svarat båda gångerna
qn-paired-pairs = Par
qn-paired-before = Före
qn-paired-after = Efter
qn-paired-change = Förändring

## Listor till frågor per rad
qn-lists = Listor att fråga om
qn-lists-hint = En enkät med frågor per rad – till exempel om varje möte i en samverkanskarta – frågar om en lista som ges här, en rad per post. Fyll bara i listan som den valda enkäten frågar om.
qn-list-label = Listan ”{ $list }”, en post per rad
qn-too-fast = Många svar har kommit från ditt nätverk på kort tid, så dina svar sparades inte just nu. Vänta en minut och skicka igen – det du har fyllt i finns kvar.
notice-qn-too-fast = Många svar har kommit från ditt nätverk på kort tid, så dina svar sparades inte just nu. Vänta en minut och skicka igen – det du har fyllt i finns kvar.
qn-question = Fråga
