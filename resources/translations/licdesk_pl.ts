<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context>
    <name>ActivationDialog</name>
    <message>
        <source>Activate a license or renewal</source>
        <extracomment>The placeholder: the vendor's example shape with valid check letters (it passes).</extracomment>
        <translation>Aktywacja licencji lub odnowienia</translation>
    </message>
    <message>
        <source>&amp;Device code:</source>
        <translation>&amp;Kod urządzenia:</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>Kop&amp;iuj</translation>
    </message>
    <message>
        <source>&amp;Use</source>
        <translation>&amp;Wstaw</translation>
    </message>
    <message>
        <source>This PC's code:</source>
        <translation>Kod tego komputera:</translation>
    </message>
    <message>
        <source>Activation &amp;code:</source>
        <translation>Kod &amp;aktywacyjny:</translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>Akt&amp;ywuj</translation>
    </message>
    <message>
        <source>Load license &amp;file...</source>
        <translation>Wczytaj &amp;plik licencji...</translation>
    </message>
    <message>
        <source>A device code looks like CP30-3210741300095-3210741300095.</source>
        <translation>Kod urządzenia wygląda tak: CP30-3210741300095-3210741300095.</translation>
    </message>
    <message>
        <source>New device: it will be added.</source>
        <translation>Nowe urządzenie: zostanie dodane.</translation>
    </message>
    <message>
        <source>Only letters; these cannot occur: %1</source>
        <translation>Tylko litery; te znaki są niedozwolone: %1</translation>
    </message>
    <message>
        <source>There is a typo in group %1.</source>
        <translation>Literówka w grupie %1.</translation>
    </message>
    <message>
        <source>%1 of 24 letters</source>
        <translation>%1 z 24 liter</translation>
    </message>
    <message>
        <source>Well formed: %1</source>
        <translation>Kod poprawny: %1</translation>
    </message>
    <message>
        <source>Wait %1 s</source>
        <translation>Poczekaj %1 s</translation>
    </message>
    <message>
        <source>Load license file</source>
        <translation>Wczytywanie pliku licencji</translation>
    </message>
    <message>
        <source>License file (*.json *.lic)</source>
        <translation>Plik licencji (*.json *.lic)</translation>
    </message>
    <message>
        <source>This code is already active on %1.</source>
        <translation>Ten kod jest już aktywny na %1.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Transferred&lt;/b&gt; %1 to %2; update subscription until &lt;b&gt;%3&lt;/b&gt;.</source>
        <translation>&lt;b&gt;Przeniesiono&lt;/b&gt; %1 na %2; subskrypcja aktualizacji do &lt;b&gt;%3&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Renewed&lt;/b&gt; %1 on %2: the update subscription now ends on &lt;b&gt;%3&lt;/b&gt; (was %4).</source>
        <translation>&lt;b&gt;Odnowiono&lt;/b&gt; %1 na %2: subskrypcja aktualizacji kończy się teraz &lt;b&gt;%3&lt;/b&gt; (było %4).</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) of the old subscription were forfeited.</source>
        <translation>
            <numerusform>Przepadł %n dzień starej subskrypcji.</numerusform>
            <numerusform>Przepadły %n dni starej subskrypcji.</numerusform>
            <numerusform>Przepadło %n dni starej subskrypcji.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Activated&lt;/b&gt; %1 on %2 for %3 months: update subscription until &lt;b&gt;%4&lt;/b&gt;.</source>
        <translation>&lt;b&gt;Aktywowano&lt;/b&gt; %1 na %2 na %3 mies.: subskrypcja aktualizacji do &lt;b&gt;%4&lt;/b&gt;.</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>Restore from backup</source>
        <translation>Przywracanie z kopii zapasowej</translation>
    </message>
    <message>
        <source>Replace the database %1 with the backup %2?

The database as it is now is backed up first.</source>
        <translation>Zastąpić bazę danych %1 kopią zapasową %2?

Najpierw zostanie zrobiona kopia zapasowa obecnego stanu bazy.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Przywróć</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>The database was restored from %1.</source>
        <translation>Baza danych została przywrócona z %1.</translation>
    </message>
    <message>
        <source>The database as it was is kept in %1.</source>
        <translation>Poprzedni stan bazy zachowano w %1.</translation>
    </message>
    <message>
        <source>Restoring %1...</source>
        <translation>Przywracanie z %1...</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>Baza danych jest uszkodzona</translation>
    </message>
    <message>
        <source>No usable backup was found in %1.</source>
        <translation>W %1 nie znaleziono użytecznej kopii zapasowej.</translation>
    </message>
    <message>
        <source>The last good backup is from %1. Restore it? The damaged database is kept as it is in the backup folder.</source>
        <translation>Ostatnia dobra kopia zapasowa pochodzi z %1. Przywrócić ją? Uszkodzona baza zostanie zachowana bez zmian w folderze kopii zapasowych.</translation>
    </message>
    <message>
        <source>&amp;Restore the backup</source>
        <translation>&amp;Przywróć kopię</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Zakończ</translation>
    </message>
    <message>
        <source>The daily backup failed: %1</source>
        <translation>Nie udało się zrobić codziennej kopii zapasowej: %1</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Show them</source>
        <translation>Pokaż</translation>
    </message>
    <message numerus="yes">
        <source>%n update subscription(s) have ended. Installing a newer release on those devices puts the product into demo mode; renew to keep receiving updates.</source>
        <translation>
            <numerusform>Wygasła %n subskrypcja aktualizacji. Instalacja nowszej wersji na tym urządzeniu przełączy produkt w tryb demo; odnów, aby dalej otrzymywać aktualizacje.</numerusform>
            <numerusform>Wygasły %n subskrypcje aktualizacji. Instalacja nowszej wersji na tych urządzeniach przełączy produkt w tryb demo; odnów, aby dalej otrzymywać aktualizacje.</numerusform>
            <numerusform>Wygasło %n subskrypcji aktualizacji. Instalacja nowszej wersji na tych urządzeniach przełączy produkt w tryb demo; odnów, aby dalej otrzymywać aktualizacje.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BasesView</name>
    <message>
        <source>Record &amp;installed version...</source>
        <translation>Zap&amp;isz zainstalowaną wersję...</translation>
    </message>
    <message>
        <source>&amp;Renew these licenses...</source>
        <translation>&amp;Odnów te licencje...</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>Baza</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Installed version</source>
        <translation>Zainstalowana wersja</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Platforma</translation>
    </message>
    <message>
        <source>Internet exchange</source>
        <translation>Wymiana przez Internet</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Urządzenia</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stan</translation>
    </message>
    <message>
        <source>No bases are recorded yet. Bases, their devices and licenses come with an import of a License Desk export (File, Import data...).</source>
        <translation>Nie ma jeszcze żadnych baz. Bazy wraz z urządzeniami i licencjami pojawiają się po imporcie eksportu License Desk (Plik, Importuj dane...).</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Urządzenie</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kod</translation>
    </message>
    <message>
        <source>Own notice</source>
        <translation>Własne powiadomienie</translation>
    </message>
    <message>
        <source>Client / server</source>
        <translation>Klient / serwer</translation>
    </message>
    <message>
        <source>Select a base to see its devices.</source>
        <translation>Wybierz bazę, aby zobaczyć jej urządzenia.</translation>
    </message>
    <message>
        <source>No devices work with this base.</source>
        <translation>Z tą bazą nie pracuje żadne urządzenie.</translation>
    </message>
    <message>
        <source>Updates and the demo-mode guard</source>
        <translation>Aktualizacje i ochrona przed trybem demo</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Wersja</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>No releases of %1 are known yet; load its update feed first (Load releases...).</source>
        <translation>Wersje %1 nie są jeszcze znane; najpierw wczytaj kanał aktualizacji (Wczytaj wersje...).</translation>
    </message>
    <message numerus="yes">
        <source>%n new release(s) of %1 loaded: %2. Nothing was installed.</source>
        <translation>
            <numerusform>Wczytano %n nową wersję %1: %2. Niczego nie zainstalowano.</numerusform>
            <numerusform>Wczytano %n nowe wersje %1: %2. Niczego nie zainstalowano.</numerusform>
            <numerusform>Wczytano %n nowych wersji %1: %2. Niczego nie zainstalowano.</numerusform>
        </translation>
    </message>
    <message>
        <source>The feed has no release of %1 that was not known already.</source>
        <translation>Kanał nie zawiera żadnej wersji %1, która nie byłaby już znana.</translation>
    </message>
    <message>
        <source>Renewal cost</source>
        <translation>Koszt odnowienia</translation>
    </message>
    <message>
        <source>Loa&amp;d releases...</source>
        <extracomment>"While the app runs it checks the configured feed every 4 hours". A base in demo mode looks like an ended license; one whose subscription ends soon like an expiring one. The license table should show exactly these licenses. New releases were found in the configured feed (versions, for the status bar). The renewal dialog should quote these licenses. A reload finished (tests and the window wait on it).</extracomment>
        <translation>&amp;Wczytaj wersje...</translation>
    </message>
    <message>
        <source>Check &amp;now</source>
        <translation>&amp;Sprawdź teraz</translation>
    </message>
    <message>
        <source>Show lic&amp;enses</source>
        <translation>Po&amp;każ licencje</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>tak</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nie</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s): %1</source>
        <translation>
            <numerusform>%n urządzenie: %1</numerusform>
            <numerusform>%n urządzenia: %1</numerusform>
            <numerusform>%n urządzeń: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n license(s)</source>
        <translation>
            <numerusform>%n licencja</numerusform>
            <numerusform>%n licencje</numerusform>
            <numerusform>%n licencji</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a base to see which releases it may install.</source>
        <translation>Wybierz bazę, aby zobaczyć, które wersje można na niej zainstalować.</translation>
    </message>
    <message>
        <source>No releases of %1 are known yet. Load its update feed with “Load releases...”; “Check now” reads it again later.</source>
        <translation>Wersje %1 nie są jeszcze znane. Wczytaj kanał aktualizacji przyciskiem „Wczytaj wersje...”; „Sprawdź teraz” odczyta go ponownie później.</translation>
    </message>
    <message>
        <source>No release is newer than the installed one.</source>
        <translation>Nie ma wersji nowszej od zainstalowanej.</translation>
    </message>
    <message>
        <source>Demo: Магазин 15 with Internet exchange and an expired subscription</source>
        <translation>Demo: „Магазин 15” z wymianą przez Internet i wygasłą subskrypcją</translation>
    </message>
    <message numerus="yes">
        <source>Demo: version %1 was released after the subscription of %n device(s) ended</source>
        <translation>
            <numerusform>Demo: wersja %1 wyszła po wygaśnięciu subskrypcji %n urządzenia</numerusform>
            <numerusform>Demo: wersja %1 wyszła po wygaśnięciu subskrypcji %n urządzeń</numerusform>
            <numerusform>Demo: wersja %1 wyszła po wygaśnięciu subskrypcji %n urządzeń</numerusform>
        </translation>
    </message>
    <message>
        <source>Working; a subscription ends today</source>
        <translation>Działa; subskrypcja wygasa dzisiaj</translation>
    </message>
    <message numerus="yes">
        <source>Working; a subscription ends in %n day(s)</source>
        <translation>
            <numerusform>Działa; subskrypcja wygasa za %n dzień</numerusform>
            <numerusform>Działa; subskrypcja wygasa za %n dni</numerusform>
            <numerusform>Działa; subskrypcja wygasa za %n dni</numerusform>
        </translation>
    </message>
    <message>
        <source>No licensed devices</source>
        <translation>Brak licencjonowanych urządzeń</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Działa</translation>
    </message>
    <message>
        <source>compatible</source>
        <translation>zgodne</translation>
    </message>
    <message>
        <source>Devices into demo</source>
        <translation>Urządzenia w tryb demo</translation>
    </message>
    <message>
        <source>client newer: works, warns</source>
        <translation>nowszy klient: działa z ostrzeżeniem</translation>
    </message>
    <message>
        <source>client older: refuses to work</source>
        <translation>starszy klient: nie zadziała</translation>
    </message>
    <message>
        <source>no (platform older than 3.2)</source>
        <translation>nie (platforma starsza niż 3.2)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>brak</translation>
    </message>
    <message>
        <source>Installed &lt;b&gt;%1&lt;/b&gt;; newest release &lt;b&gt;%2&lt;/b&gt;; newest without demo mode &lt;b&gt;%3&lt;/b&gt;.</source>
        <translation>Zainstalowana &lt;b&gt;%1&lt;/b&gt;; najnowsza wersja &lt;b&gt;%2&lt;/b&gt;; najnowsza bez trybu demo &lt;b&gt;%3&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>none: safe to install</source>
        <translation>brak: można instalować</translation>
    </message>
    <message>
        <source>Record installed version</source>
        <translation>Zapis zainstalowanej wersji</translation>
    </message>
    <message>
        <source>Version installed on %1:</source>
        <translation>Wersja zainstalowana w bazie %1:</translation>
    </message>
    <message numerus="yes">
        <source>Version %1 was released after the update subscription of %n device(s) ended: %2. Installed, it runs them in demo mode. Renew the subscriptions first, or install anyway.</source>
        <translation>
            <numerusform>Wersja %1 wyszła po wygaśnięciu subskrypcji aktualizacji %n urządzenia: %2. Po instalacji będzie ono działać w trybie demo. Najpierw odnów subskrypcję albo zainstaluj mimo to.</numerusform>
            <numerusform>Wersja %1 wyszła po wygaśnięciu subskrypcji aktualizacji %n urządzeń: %2. Po instalacji będą one działać w trybie demo. Najpierw odnów subskrypcje albo zainstaluj mimo to.</numerusform>
            <numerusform>Wersja %1 wyszła po wygaśnięciu subskrypcji aktualizacji %n urządzeń: %2. Po instalacji będą one działać w trybie demo. Najpierw odnów subskrypcje albo zainstaluj mimo to.</numerusform>
        </translation>
    </message>
    <message>
        <source>Demo mode ahead</source>
        <translation>Grozi tryb demo</translation>
    </message>
    <message>
        <source>&amp;Install anyway</source>
        <translation>&amp;Zainstaluj mimo to</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>Load releases</source>
        <translation>Wczytywanie wersji</translation>
    </message>
    <message>
        <source>Update feed (versions.xml *.zip)</source>
        <translation>Kanał aktualizacji (versions.xml *.zip)</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>the log</source>
        <translation>dziennik</translation>
    </message>
    <message>
        <source>License Desk met an unexpected error (%1).

A report was written to %2 (it holds no passwords). Nothing half-done was saved: you can keep working, or quit. Please send the details to your support.</source>
        <translation>W License Desk wystąpił nieoczekiwany błąd (%1).

Raport zapisano w %2 (nie zawiera haseł). Nic niedokończonego nie zostało zapisane: możesz pracować dalej albo zakończyć. Prześlij szczegóły do działu wsparcia.</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Nieoczekiwany błąd</translation>
    </message>
</context>
<context>
    <name>DueListModel</name>
    <message>
        <source>Loading...</source>
        <translation>Wczytywanie...</translation>
    </message>
    <message>
        <source>(not available)</source>
        <translation>(niedostępne)</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>{field}: '{value}' is not a date; use YYYY-MM-DD.</source>
        <translation>{field}: „{value}” nie jest datą; użyj formatu RRRR-MM-DD.</translation>
    </message>
    <message>
        <source>The warning threshold must be between 0 and 366 days (got {value}).</source>
        <translation>Próg ostrzeżenia musi wynosić od 0 do 366 dni (podano {value}).</translation>
    </message>
    <message>
        <source>Warning stages must be days between 0 and 366, e.g. 30,14,1 (got {value}).</source>
        <translation>Etapy ostrzeżeń to dni od 0 do 366, np. 30,14,1 (podano {value}).</translation>
    </message>
    <message>
        <source>'{value}' is neither a file path nor a database URL.</source>
        <translation>„{value}” nie jest ani ścieżką pliku, ani adresem bazy danych.</translation>
    </message>
    <message>
        <source>'{value}' is a folder; give the path of a database file.</source>
        <translation>„{value}” to folder; podaj ścieżkę pliku bazy danych.</translation>
    </message>
    <message>
        <source>Cannot open the database {url}: {reason}</source>
        <translation>Nie można otworzyć bazy danych {url}: {reason}</translation>
    </message>
    <message>
        <source>This database was written by a newer License Desk (schema {revision}). Update License Desk to open it.</source>
        <translation>Tę bazę zapisała nowsza wersja License Desk (schemat {revision}). Zaktualizuj License Desk, aby ją otworzyć.</translation>
    </message>
    <message>
        <source>The database already holds data; demo data goes only into an empty one.</source>
        <translation>Baza zawiera już dane; dane demonstracyjne można wczytać tylko do pustej bazy.</translation>
    </message>
    <message>
        <source>Unknown currency {currency}.</source>
        <translation>Nieznana waluta {currency}.</translation>
    </message>
    <message>
        <source>Cannot add amounts in {left} and {right}.</source>
        <translation>Nie można sumować kwot w {left} i {right}.</translation>
    </message>
    <message>
        <source>'{value}' is not a version number like 15.3.</source>
        <translation>„{value}” nie jest numerem wersji w rodzaju 15.3.</translation>
    </message>
    <message>
        <source>The file was not imported; nothing was written. Fix these entries:</source>
        <translation>Plik nie został zaimportowany; niczego nie zapisano. Popraw te pozycje:</translation>
    </message>
    <message>
        <source>The file is not valid JSON (line {line}, column {column}).</source>
        <translation>Plik nie jest poprawnym JSON-em (wiersz {line}, kolumna {column}).</translation>
    </message>
    <message>
        <source>The file is not a License Desk export (no "format": "licdesk-dataset").</source>
        <translation>Plik nie jest eksportem License Desk (brak "format": "licdesk-dataset").</translation>
    </message>
    <message>
        <source>The export format version {version} is not supported.</source>
        <translation>Wersja formatu eksportu {version} nie jest obsługiwana.</translation>
    </message>
    <message>
        <source>The CSV file lacks the columns: {missing}.</source>
        <translation>W pliku CSV brakuje kolumn: {missing}.</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>Nie można odczytać {path}: {reason}</translation>
    </message>
    <message>
        <source>{path} is not UTF-8 text.</source>
        <translation>{path} nie jest tekstem w UTF-8.</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}</source>
        <translation>Nie można zapisać {path}: {reason}</translation>
    </message>
    <message>
        <source>There is no license with id {license_id}.</source>
        <translation>Nie ma licencji o numerze {license_id}.</translation>
    </message>
    <message>
        <source>There is no list price for {sku} on {day}; add one to the price list.</source>
        <translation>Brak ceny {sku} na dzień {day}; dodaj ją do cennika.</translation>
    </message>
    <message>
        <source>License {license_id} is not bound to a device; activate it before renewing.</source>
        <translation>Licencja {license_id} nie jest przypisana do urządzenia; aktywuj ją przed odnowieniem.</translation>
    </message>
    <message>
        <source>License {license_id} has no warranty end date to renew from.</source>
        <translation>Licencja {license_id} nie ma daty końca gwarancji do odnowienia.</translation>
    </message>
    <message>
        <source>Months must be between 1 and 60 (got {value}).</source>
        <translation>Liczba miesięcy musi wynosić od 1 do 60 (podano {value}).</translation>
    </message>
    <message>
        <source>Tick at least one line to make an order.</source>
        <translation>Zaznacz co najmniej jeden wiersz, aby utworzyć zamówienie.</translation>
    </message>
    <message>
        <source>There is no order {order_id}.</source>
        <translation>Nie ma zamówienia {order_id}.</translation>
    </message>
    <message>
        <source>Order {order_id} is {old}; it cannot become {new}.</source>
        <translation>Zamówienie {order_id} ma stan {old}; nie może przejść w {new}.</translation>
    </message>
    <message>
        <source>There is no base with id {base_id}.</source>
        <translation>Nie ma bazy o numerze {base_id}.</translation>
    </message>
    <message>
        <source>Version {version} is not in the release catalogue of {sku}; load its feed.</source>
        <translation>Wersji {version} nie ma w katalogu wydań {sku}; wczytaj jej kanał.</translation>
    </message>
    <message>
        <source>Installing {version} of {product} puts these into demo mode: {licenses}. Their update subscriptions ended before that version came out. Renew them first, or install anyway.</source>
        <translation>Instalacja wersji {version} produktu {product} przełączy w tryb demo: {licenses}. Ich subskrypcja aktualizacji skończyła się przed wydaniem tej wersji. Najpierw ją odnów albo zainstaluj mimo to.</translation>
    </message>
    <message>
        <source>{path} is neither a folder nor a .zip file.</source>
        <translation>{path} nie jest ani folderem, ani plikiem .zip.</translation>
    </message>
    <message>
        <source>{path} is not a readable .zip file.</source>
        <translation>{path} nie jest czytelnym plikiem .zip.</translation>
    </message>
    <message>
        <source>{path} has no versions.xml.</source>
        <translation>W {path} brak pliku versions.xml.</translation>
    </message>
    <message>
        <source>{item} is not valid XML: {reason}</source>
        <translation>{item} nie jest poprawnym XML: {reason}</translation>
    </message>
    <message>
        <source>The feed does not name its product; give the product SKU.</source>
        <translation>Kanał nie podaje produktu; podaj symbol produktu.</translation>
    </message>
    <message>
        <source>The feed in {path} lists no releases.</source>
        <translation>Kanał w {path} nie zawiera wersji.</translation>
    </message>
    <message>
        <source>The feed was not loaded; nothing was written. Fix these entries:</source>
        <translation>Kanał nie został wczytany; niczego nie zapisano. Popraw te pozycje:</translation>
    </message>
    <message>
        <source>There is no product with SKU {sku}.</source>
        <translation>Nie ma produktu o symbolu {sku}.</translation>
    </message>
    <message>
        <source>The OS keyring is not usable ({reason}). Licenses can be viewed, but activation needs a keyring (Secret Service, KWallet, Keychain or Credential Locker).</source>
        <translation>Magazyn kluczy systemu jest niedostępny ({reason}). Licencje można przeglądać, ale aktywacja wymaga magazynu kluczy (Secret Service, KWallet, Keychain lub Menedżer poświadczeń).</translation>
    </message>
    <message>
        <source>That is not an activation code.</source>
        <translation>To nie jest kod aktywacyjny.</translation>
    </message>
    <message>
        <source>Activation codes contain only letters (not I, O or U); found: {letters}.</source>
        <translation>Kod aktywacyjny zawiera tylko litery (bez I, O i U); znaleziono: {letters}.</translation>
    </message>
    <message>
        <source>An activation code has 24 letters in groups of 5-4-5-5-5.</source>
        <translation>Kod aktywacyjny ma 24 litery w grupach 5-4-5-5-5.</translation>
    </message>
    <message>
        <source>There is a typo in group {groups} of the activation code.</source>
        <translation>Literówka w grupie {groups} kodu aktywacyjnego.</translation>
    </message>
    <message>
        <source>This activation code is unknown. Check it against the e-mail.</source>
        <translation>Nieznany kod aktywacyjny. Porównaj go z e-mailem.</translation>
    </message>
    <message>
        <source>This code was already used on device {device} on {date}.</source>
        <translation>Ten kod został już użyty na urządzeniu {device} dnia {date}.</translation>
    </message>
    <message>
        <source>Too many wrong codes. Wait {seconds} seconds before trying again.</source>
        <translation>Zbyt wiele błędnych kodów. Poczekaj {seconds} s przed kolejną próbą.</translation>
    </message>
    <message>
        <source>This code is for {sku}, but the device holds licenses for {held}.</source>
        <translation>Ten kod jest dla {sku}, a urządzenie ma licencje na {held}.</translation>
    </message>
    <message>
        <source>This is a renewal code, but device {device} has no license to renew. Activate a license first.</source>
        <translation>To kod odnowienia, ale urządzenie {device} nie ma licencji do odnowienia. Najpierw aktywuj licencję.</translation>
    </message>
    <message>
        <source>'{value}' is not a device code like CP30-3210741300095-3210741300095.</source>
        <translation>„{value}” nie jest kodem urządzenia w rodzaju CP30-3210741300095-3210741300095.</translation>
    </message>
    <message>
        <source>Unknown code kind {kind}.</source>
        <translation>Nieznany rodzaj kodu {kind}.</translation>
    </message>
    <message>
        <source>License {license_id} is not bound to a device.</source>
        <translation>Licencja {license_id} nie jest przypisana do urządzenia.</translation>
    </message>
    <message>
        <source>License {license_id} can be transferred only while its subscription runs (it ended on {end}). Renew it first.</source>
        <translation>Licencję {license_id} można przenieść tylko przy ważnej subskrypcji (wygasła {end}). Najpierw ją odnów.</translation>
    </message>
    <message>
        <source>This is not a License Desk license file.</source>
        <translation>To nie jest plik licencji License Desk.</translation>
    </message>
    <message>
        <source>The license file's signature does not verify: it was altered or not issued by a trusted authority.</source>
        <translation>Podpis pliku licencji się nie zgadza: plik zmieniono lub nie wydał go zaufany urząd.</translation>
    </message>
    <message>
        <source>This license file was already loaded.</source>
        <translation>Ten plik licencji został już wczytany.</translation>
    </message>
    <message>
        <source>Months must be 1 to 60 and count 1 to 1000 (got {months}, {count}).</source>
        <translation>Miesięcy 1–60, liczba 1–1000 (podano {months}, {count}).</translation>
    </message>
    <message>
        <source>Device notice days must be between 0 and 366 (got {value}).</source>
        <translation>Liczba dni powiadomienia na urządzeniach musi wynosić od 0 do 366 (podano {value}).</translation>
    </message>
    <message>
        <source>No release feed is configured yet: load a feed once (Bases, Load releases).</source>
        <translation>Nie skonfigurowano jeszcze źródła wydań: wczytaj je raz (Bazy, Wczytaj wydania).</translation>
    </message>
    <message>
        <source>Order {order_id}: the license of line {line} ({product}) is no longer bound to a device; nothing was fulfilled.</source>
        <translation>Zamówienie {order_id}: licencja z pozycji {line} ({product}) nie jest już przypisana do urządzenia; niczego nie zrealizowano.</translation>
    </message>
    <message>
        <source>The license is signed with a key this PC does not trust ({key_id}). An administrator installs the license authority's key (see About).</source>
        <translation>Licencja jest podpisana kluczem, któremu ten komputer nie ufa ({key_id}). Klucz centrum licencji instaluje administrator (zob. „O programie”).</translation>
    </message>
    <message>
        <source>This license was issued for another License Desk database, not this one.</source>
        <translation>Tę licencję wystawiono dla innej bazy danych License Desk, nie dla tej.</translation>
    </message>
    <message>
        <source>This license was issued for device {device}, not this one.</source>
        <translation>Tę licencję wystawiono dla urządzenia {device}, nie dla tego.</translation>
    </message>
    <message>
        <source>The license authority {name} signs with a key this PC does not trust ({key_id}); nothing was sent. An administrator installs its key (see About).</source>
        <translation>Centrum licencji „{name}” podpisuje kluczem, któremu ten komputer nie ufa ({key_id}); niczego nie wysłano. Jego klucz instaluje administrator (zob. „O programie”).</translation>
    </message>
    <message>
        <source>No license authority is set for this database. An administrator sets its address in Settings (or LICDESK_AUTHORITY_URL).</source>
        <translation>Dla tej bazy danych nie ustawiono centrum licencji. Jego adres ustawia administrator w Ustawieniach (lub w LICDESK_AUTHORITY_URL).</translation>
    </message>
    <message>
        <source>'{value}' is not an http:// or https:// address of a license authority.</source>
        <translation>„{value}” nie jest adresem centrum licencji w postaci http:// lub https://.</translation>
    </message>
    <message>
        <source>This is a what-if view as of {day} (--today): nothing is written. Start License Desk without --today to change data.</source>
        <translation>To widok „co jeśli” na dzień {day} (--today): nic nie jest zapisywane. Aby zmienić dane, uruchom License Desk bez --today.</translation>
    </message>
    <message>
        <source>The database is open read-only: {reason}</source>
        <translation>Baza danych jest otwarta tylko do odczytu: {reason}</translation>
    </message>
    <message>
        <source>The system clock is behind the latest time this database has seen ({seen}): it was set back. Licenses are judged as of {day}.</source>
        <translation>Zegar systemu jest za najpóźniejszym czasem znanym tej bazie ({seen}): cofnięto go. Licencje są oceniane na dzień {day}.</translation>
    </message>
    <message>
        <source>License {license_id} was activated on {activated_on}; there is nothing to renew on {day}. Choose a later day.</source>
        <translation>Licencję {license_id} aktywowano {activated_on}; na dzień {day} nie ma jeszcze czego odnawiać. Wybierz późniejszy dzień.</translation>
    </message>
    <message>
        <source>The start of the current warranty period of license {license_id} is not known, so the modules charged in the update cannot be told apart. Enter the date from the registration certificate.</source>
        <translation>Początek bieżącego okresu gwarancji licencji {license_id} jest nieznany, więc nie da się ustalić, które moduły są płatne w aktualizacji. Wpisz datę z certyfikatu rejestracji.</translation>
    </message>
    <message>
        <source>A renewal now would end on {new_end}, before the current end {current_end} of license {license_id}. Renew later.</source>
        <translation>Odnowienie teraz skończyłoby się {new_end}, przed obecnym końcem {current_end} licencji {license_id}. Odnów później.</translation>
    </message>
    <message>
        <source>The license authority at {url} cannot be reached: {reason}</source>
        <translation>Centrum licencji pod adresem {url} jest nieosiągalne: {reason}</translation>
    </message>
    <message>
        <source>The license authority failed on this request; its log says why.</source>
        <translation>Centrum licencji nie obsłużyło tego żądania; przyczyna jest w jego dzienniku.</translation>
    </message>
    <message>
        <source>There is no license authority in {path}: run `licdesk-authority --data {path} init`.</source>
        <translation>W {path} nie ma centrum licencji: uruchom `licdesk-authority --data {path} init`.</translation>
    </message>
    <message>
        <source>There already is a license authority in {path}.</source>
        <translation>W {path} już jest centrum licencji.</translation>
    </message>
    <message>
        <source>Cannot read the authority's settings {path}: {reason}</source>
        <translation>Nie można odczytać ustawień centrum licencji {path}: {reason}</translation>
    </message>
    <message>
        <source>The license authority has no signing key in {path}.</source>
        <translation>Centrum licencji nie ma klucza podpisu w {path}.</translation>
    </message>
    <message>
        <source>Cannot read the authority's keys in {path}: {reason}</source>
        <translation>Nie można odczytać kluczy centrum licencji w {path}: {reason}</translation>
    </message>
    <message>
        <source>The authority's signing key {key_id} is missing from {where}.</source>
        <translation>Brak klucza podpisu {key_id} centrum licencji w {where}.</translation>
    </message>
    <message>
        <source>The key file {path} may be read by other users (mode {mode}); it is not used until only its owner may read it (chmod 600).</source>
        <translation>Plik klucza {path} mogą czytać inni użytkownicy (tryb {mode}); nie zostanie użyty, dopóki nie będzie go mógł czytać tylko właściciel (chmod 600).</translation>
    </message>
    <message>
        <source>The OS keyring cannot hold the authority's key: {reason}</source>
        <translation>Magazyn haseł systemu nie może przechować klucza centrum licencji: {reason}</translation>
    </message>
    <message>
        <source>The license authority refused the request: {field} {problem}.</source>
        <translation>Centrum licencji odrzuciło żądanie: {field} {problem}.</translation>
    </message>
    <message>
        <source>The request to the license authority is larger than {limit} bytes.</source>
        <translation>Żądanie do centrum licencji jest większe niż {limit} bajtów.</translation>
    </message>
    <message>
        <source>The license authority has no endpoint {path}.</source>
        <translation>Centrum licencji nie ma adresu {path}.</translation>
    </message>
    <message>
        <source>The license authority's endpoint {path} does not take {method}.</source>
        <translation>Adres {path} centrum licencji nie przyjmuje {method}.</translation>
    </message>
    <message>
        <source>The license authority knows no license {serial} in this database.</source>
        <translation>Centrum licencji nie zna licencji {serial} w tej bazie danych.</translation>
    </message>
    <message>
        <source>License {serial} is not bound to device {device}.</source>
        <translation>Licencja {serial} nie jest przypisana do urządzenia {device}.</translation>
    </message>
    <message>
        <source>The license is said to run until {end}, later than any renewal allows ({latest}); the license authority refuses to renew from that date.</source>
        <translation>Licencja ma rzekomo obowiązywać do {end}, później niż pozwala jakiekolwiek odnowienie ({latest}); centrum licencji odmawia odnowienia od tej daty.</translation>
    </message>
    <message>
        <source>This license authority neither fulfils orders nor signs demo data.</source>
        <translation>To centrum licencji nie realizuje zamówień ani nie podpisuje danych demonstracyjnych.</translation>
    </message>
    <message>
        <source>Order {order_ref} was already fulfilled with other lines.</source>
        <translation>Zamówienie {order_ref} zrealizowano już z innymi pozycjami.</translation>
    </message>
    <message>
        <source>A code may be bound to 1 to {most} devices (got {devices}).</source>
        <translation>Kod można przypisać do 1–{most} urządzeń (podano {devices}).</translation>
    </message>
    <message>
        <source>Unknown product line {line}; use mobile-smarts or enova365.</source>
        <translation>Nieznana linia produktów {line}; użyj mobile-smarts lub enova365.</translation>
    </message>
    <message>
        <source>There already is a product with SKU {sku}.</source>
        <translation>Produkt o kodzie {sku} już istnieje.</translation>
    </message>
    <message>
        <source>The license authority is busy; try again in a moment.</source>
        <translation>Centrum licencji jest zajęte; spróbuj za chwilę.</translation>
    </message>
    <message>
        <source>The JSON file is larger than {limit_mb} MB; export large stores as CSV and import that.</source>
        <translation>Plik JSON jest większy niż {limit_mb} MB; duże magazyny eksportuj do CSV i importuj ten plik.</translation>
    </message>
    <message>
        <source>The JSON file nests deeper than {depth} levels; it is not a License Desk export.</source>
        <translation>Plik JSON ma zagnieżdżenie głębsze niż {depth} poziomów; to nie jest eksport License Desk.</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text (row {row}); save it as CSV UTF-8.</source>
        <translation>Plik nie jest tekstem UTF-8 (wiersz {row}); zapisz go jako CSV UTF-8.</translation>
    </message>
    <message>
        <source>The CSV file cannot be read at row {row}: {reason}</source>
        <translation>Nie można odczytać pliku CSV w wierszu {row}: {reason}</translation>
    </message>
    <message>
        <source>Row {row} of the CSV file has {found} fields; the header has {expected}.</source>
        <translation>Wiersz {row} pliku CSV ma pól: {found}, a nagłówek: {expected}.</translation>
    </message>
    <message>
        <source>{path} changed while it was being imported; nothing was written. Try again.</source>
        <translation>Plik {path} zmienił się podczas importu; niczego nie zapisano. Spróbuj ponownie.</translation>
    </message>
    <message>
        <source>{item} in the feed is too large (limit {limit}).</source>
        <translation>{item} w kanale jest za duży (limit {limit}).</translation>
    </message>
    <message>
        <source>{item} in the feed's .zip is encrypted; feeds must not be.</source>
        <translation>{item} w archiwum .zip kanału jest zaszyfrowany; kanały nie mogą być szyfrowane.</translation>
    </message>
    <message>
        <source>{item} in the feed's .zip uses compression method {method}, which is not supported.</source>
        <translation>{item} w archiwum .zip kanału używa nieobsługiwanej metody kompresji {method}.</translation>
    </message>
    <message>
        <source>{item} in the feed's .zip is damaged and cannot be read.</source>
        <translation>{item} w archiwum .zip kanału jest uszkodzony i nie da się go odczytać.</translation>
    </message>
    <message>
        <source>{field}: {value} is outside the days License Desk works with ({earliest} to {latest}).</source>
        <translation>{field}: data {value} jest poza zakresem, z którym pracuje License Desk (od {earliest} do {latest}).</translation>
    </message>
    <message>
        <source>The database address {url} has the port '{port}'; a port is a number from 1 to 65535.</source>
        <translation>Adres bazy danych {url} ma port '{port}'; port to liczba od 1 do 65535.</translation>
    </message>
    <message>
        <source>An argument holds bytes that are not text in this system's encoding ({value}); type it again.</source>
        <translation>Argument zawiera bajty, które nie są tekstem w kodowaniu tego systemu ({value}); wpisz go ponownie.</translation>
    </message>
    <message>
        <source>Another program is writing to this database; try again in a moment.</source>
        <translation>Inny program zapisuje teraz do tej bazy danych; spróbuj ponownie za chwilę.</translation>
    </message>
    <message>
        <source>There is no License Desk database at {path}. Check the path; to create a new database there, run: licdesk --db {path} init</source>
        <translation>Pod ścieżką {path} nie ma bazy danych License Desk. Sprawdź ścieżkę; aby utworzyć tam nową bazę, uruchom: licdesk --db {path} init</translation>
    </message>
    <message>
        <source>The database file {path} is read-only: you can look, but nothing can be changed. Make the file writable to change data.</source>
        <translation>Plik bazy danych {path} jest tylko do odczytu: można przeglądać, ale nic nie można zmienić. Aby zmieniać dane, zezwól na zapis do pliku.</translation>
    </message>
    <message>
        <source>The folder {folder} is read-only, and SQLite writes its journal beside the database: you can look, but nothing can be changed.</source>
        <translation>Folder {folder} jest tylko do odczytu, a SQLite zapisuje swój dziennik obok bazy: można przeglądać, ale nic nie można zmienić.</translation>
    </message>
    <message>
        <source>The database {path} cannot be written ({reason}): you can look, but nothing can be changed.</source>
        <translation>Do bazy danych {path} nie można zapisywać ({reason}): można przeglądać, ale nic nie można zmienić.</translation>
    </message>
    <message>
        <source>The database {path} is read-only and was made by an older License Desk; it must be upgraded, which writes to it. Make it writable and open it again.</source>
        <translation>Baza danych {path} jest tylko do odczytu i pochodzi ze starszej wersji License Desk; trzeba ją zaktualizować, a to wymaga zapisu. Zezwól na zapis i otwórz ją ponownie.</translation>
    </message>
    <message>
        <source>The database {path} is damaged ({detail}). Nothing was changed; restore a backup.</source>
        <translation>Baza danych {path} jest uszkodzona ({detail}). Nic nie zostało zmienione; przywróć kopię zapasową.</translation>
    </message>
    <message>
        <source>The disk is full: {path} cannot be written. Nothing was changed; free some space and try again.</source>
        <translation>Dysk jest pełny: nie można zapisać {path}. Nic nie zostało zmienione; zwolnij miejsce i spróbuj ponownie.</translation>
    </message>
    <message>
        <source>The disk reported an error with {path}: {reason}</source>
        <translation>Dysk zgłosił błąd dotyczący {path}: {reason}</translation>
    </message>
    <message>
        <source>Cannot write the backup {path}: {reason}. Nothing was changed.</source>
        <translation>Nie można zapisać kopii zapasowej {path}: {reason}. Nic nie zostało zmienione.</translation>
    </message>
    <message>
        <source>There is no backup file {path}.</source>
        <translation>Nie ma pliku kopii zapasowej {path}.</translation>
    </message>
    <message>
        <source>{path} is not a usable License Desk backup: {reason}. Nothing was changed.</source>
        <translation>{path} nie jest użyteczną kopią zapasową License Desk: {reason}. Nic nie zostało zmienione.</translation>
    </message>
    <message>
        <source>Another program (perhaps License Desk in another window) has {path} open. Close it, then restore again. Nothing was changed.</source>
        <translation>Inny program (być może License Desk w innym oknie) ma otwarty plik {path}. Zamknij go i ponów przywracanie. Nic nie zostało zmienione.</translation>
    </message>
    <message>
        <source>{count} other connection(s) to this database are open. Close License Desk on the other PCs, then restore again. Nothing was changed.</source>
        <translation>Liczba innych otwartych połączeń z tą bazą danych: {count}. Zamknij License Desk na pozostałych komputerach i ponów przywracanie. Nic nie zostało zmienione.</translation>
    </message>
    <message>
        <source>A PostgreSQL database is backed up and restored with {tool} (PostgreSQL's client tools), which is not on this PC's PATH. Install the PostgreSQL client, or ask the server's administrator to use {tool}.</source>
        <translation>Kopię zapasową bazy PostgreSQL tworzy się i przywraca programem {tool} (narzędzia klienckie PostgreSQL), którego nie ma w PATH tego komputera. Zainstaluj klienta PostgreSQL albo poproś administratora serwera o użycie {tool}.</translation>
    </message>
    <message>
        <source>{tool} failed: {reason}</source>
        <translation>Błąd {tool}: {reason}</translation>
    </message>
    <message>
        <source>This database has no backups.</source>
        <translation>Ta baza danych nie ma kopii zapasowych.</translation>
    </message>
    <message>
        <source>The database is closed while a backup is restored; it opens again after.</source>
        <translation>Baza danych jest zamknięta na czas przywracania kopii zapasowej; potem otworzy się ponownie.</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>brak wartości</translation>
    </message>
    <message>
        <source>'{value}' is not a date (YYYY-MM-DD)</source>
        <translation>„{value}” nie jest datą (RRRR-MM-DD)</translation>
    </message>
    <message>
        <source>'{value}' is not a valid positive number</source>
        <translation>„{value}” nie jest poprawną liczbą dodatnią</translation>
    </message>
    <message>
        <source>'{value}' is not one of the allowed values</source>
        <translation>„{value}” nie jest dozwoloną wartością</translation>
    </message>
    <message>
        <source>'{value}' is not text</source>
        <translation>„{value}” nie jest tekstem</translation>
    </message>
    <message>
        <source>'{value}' appears twice</source>
        <translation>„{value}” występuje dwukrotnie</translation>
    </message>
    <message>
        <source>no product with SKU '{value}'</source>
        <translation>brak produktu o symbolu „{value}”</translation>
    </message>
    <message>
        <source>no device with code '{value}'</source>
        <translation>brak urządzenia o kodzie „{value}”</translation>
    </message>
    <message>
        <source>no store named '{value}'</source>
        <translation>brak sklepu „{value}”</translation>
    </message>
    <message>
        <source>no base named '{value}'</source>
        <translation>brak bazy „{value}”</translation>
    </message>
    <message>
        <source>ends ({value}) before it starts</source>
        <translation>kończy się ({value}) przed rozpoczęciem</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>musi być listą</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>musi być obiektem</translation>
    </message>
    <message>
        <source>is not valid XML ({value})</source>
        <translation>nie jest poprawnym XML ({value})</translation>
    </message>
    <message>
        <source>'{value}' is not a version number like 15.3</source>
        <translation>„{value}” nie jest numerem wersji w rodzaju 15.3</translation>
    </message>
    <message>
        <source>has another date than before: {value}</source>
        <translation>ma inną datę niż wcześniej: {value}</translation>
    </message>
    <message>
        <source>'{value}' holds control, invisible or direction characters</source>
        <translation>„{value}” zawiera znaki sterujące, niewidoczne lub kierunku tekstu</translation>
    </message>
    <message>
        <source>is too long ('{value}')</source>
        <translation>jest za długie („{value}”)</translation>
    </message>
    <message>
        <source>'{value}' is not a SKU (Latin letters, digits and . _ / + - only)</source>
        <translation>„{value}” nie jest kodem SKU (tylko litery łacińskie, cyfry i . _ / + -)</translation>
    </message>
    <message>
        <source>'{value}' is outside the dates License Desk accepts (1990 to 2099)</source>
        <translation>„{value}” wykracza poza daty akceptowane przez License Desk (1990–2099)</translation>
    </message>
    <message>
        <source>'{value}' is outside the allowed range</source>
        <translation>„{value}” wykracza poza dozwolony zakres</translation>
    </message>
    <message>
        <source>'{value}' is not a device code like CP30-3210741300095-3210741300095</source>
        <translation>„{value}” nie jest kodem urządzenia w postaci CP30-3210741300095-3210741300095</translation>
    </message>
    <message>
        <source>'{value}' is not a setting License Desk knows</source>
        <translation>„{value}” nie jest ustawieniem znanym License Desk</translation>
    </message>
    <message>
        <source>'{value}' is not a list of days between 0 and 366 like 30,14,1</source>
        <translation>„{value}” nie jest listą dni od 0 do 366, np. 30,14,1</translation>
    </message>
    <message>
        <source>'{value}' is too far ahead</source>
        <translation>„{value}” jest zbyt odległe w przyszłości</translation>
    </message>
    <message>
        <source>differs from an earlier row: {value}</source>
        <translation>różni się od wcześniejszego wiersza: {value}</translation>
    </message>
    <message>
        <source>differs from the stored product: {value}</source>
        <translation>różni się od zapisanego produktu: {value}</translation>
    </message>
    <message>
        <source>'{value}' is not in the form the license authority writes</source>
        <translation>„{value}” nie ma postaci, w jakiej zapisuje je centrum licencji</translation>
    </message>
    <message>
        <source>and {value} more problems</source>
        <translation>i jeszcze problemów: {value}</translation>
    </message>
    <message>
        <source>Unexpected error: {code}</source>
        <translation>Nieoczekiwany błąd: {code}</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Nie można odczytać %1: %2</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text.</source>
        <translation>%1 nie jest tekstem UTF-8.</translation>
    </message>
    <message>
        <source>%1 cannot be read: it is not in a form License Desk reads (%2).</source>
        <translation>Nie można odczytać %1: plik nie ma formatu, który odczytuje License Desk (%2).</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Licenses</source>
        <extracomment>Excel's built-in short-date format (numFmtId 14): shown in the reader's locale. Rows read before the first is written, to fit the column widths. What a cell holds: text, a number, a date, or nothing.</extracomment>
        <translation>Licencje</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>Welcome to License Desk</source>
        <translation>Witamy w License Desk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;There is no license database here yet&lt;/h3&gt;&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;A new database is created there only if you choose a way to start. If the path is wrong, close this window and start License Desk with the right one.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Nie ma tu jeszcze bazy licencji&lt;/h3&gt;&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;Nowa baza zostanie tam utworzona tylko wtedy, gdy wybierzesz sposób rozpoczęcia. Jeśli ścieżka jest błędna, zamknij to okno i uruchom License Desk z właściwą.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Your license database is empty&lt;/h3&gt;&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;How would you like to start?&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Baza licencji jest pusta&lt;/h3&gt;&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;Jak chcesz zacząć?&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open the &amp;demo</source>
        <translation>Otwórz &amp;demo</translation>
    </message>
    <message>
        <source>A separate demo database with stores, terminals and licenses in every state. Your database stays empty.</source>
        <translation>Osobna baza demonstracyjna ze sklepami, terminalami i licencjami w każdym stanie. Twoja baza pozostanie pusta.</translation>
    </message>
    <message>
        <source>Start &amp;empty</source>
        <translation>Zacznij od &amp;pustej</translation>
    </message>
    <message>
        <source>Begin with an empty database and add licenses by activation or import.</source>
        <translation>Zacznij od pustej bazy i dodawaj licencje przez aktywację lub import.</translation>
    </message>
    <message>
        <source>&amp;Import a file...</source>
        <translation>&amp;Importuj plik...</translation>
    </message>
    <message>
        <source>Load a License Desk export (.json or .csv).</source>
        <translation>Wczytaj eksport License Desk (.json lub .csv).</translation>
    </message>
</context>
<context>
    <name>ForecastView</name>
    <message>
        <source>&amp;Months ahead:</source>
        <extracomment>How many left-out licenses are named under the table (the rest are counted). Up to this many months the chart names every month; beyond, every year. Value-axis ticks aimed at (the axis picks a round step near max / this). A forecast was computed and shown (tests and the window wait on it).</extracomment>
        <translation>&amp;Miesięcy naprzód:</translation>
    </message>
    <message>
        <source>Brea&amp;kdown:</source>
        <translation>Po&amp;dział:</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>Według miesięcy</translation>
    </message>
    <message>
        <source>By month and store</source>
        <translation>Według miesięcy i sklepów</translation>
    </message>
    <message>
        <source>&amp;Recalculate</source>
        <translation>P&amp;rzelicz</translation>
    </message>
    <message>
        <source>Calculating...</source>
        <translation>Obliczanie...</translation>
    </message>
    <message numerus="yes">
        <source>Total over %n month(s): %1</source>
        <translation>
<numerusform>Razem za %n miesiąc: %1</numerusform><numerusform>Razem za %n miesiące: %1</numerusform><numerusform>Razem za %n miesięcy: %1</numerusform></translation>
    </message>
    <message>
        <source>Renewals in %1, %2 to %3, if every license renews on time</source>
        <translation>Odnowienia w %1, od %2 do %3, jeśli każda licencja zostanie odnowiona na czas</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Sklep</translation>
    </message>
    <message>
        <source>Renewals</source>
        <translation>Odnowienia</translation>
    </message>
    <message>
        <source>(no store)</source>
        <translation>(bez sklepu)</translation>
    </message>
    <message numerus="yes">
        <source>%n license(s) are left out of the forecast (they cannot be priced):</source>
        <translation>
<numerusform>%n licencja nie weszła do prognozy (nie da się jej wycenić):</numerusform><numerusform>%n licencje nie weszły do prognozy (nie da się ich wycenić):</numerusform><numerusform>%n licencji nie weszło do prognozy (nie da się ich wycenić):</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
<numerusform>… i jeszcze %n.</numerusform><numerusform>… i jeszcze %n.</numerusform><numerusform>… i jeszcze %n.</numerusform></translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Miesiąc</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>%1 · not verified</source>
        <translation>%1 · niezweryfikowana</translation>
    </message>
    <message>
        <source>%1 · demo authority</source>
        <translation>%1 · centrum demo</translation>
    </message>
    <message>
        <source>None: not bound to a device</source>
        <translation>Brak: nie przypisana do urządzenia</translation>
    </message>
    <message>
        <source>Invalid: the signature does not match this license (edited, copied, or signed by an unknown key)</source>
        <translation>Nieważna: podpis nie pasuje do tej licencji (zmieniona, skopiowana lub podpisana nieznanym kluczem)</translation>
    </message>
    <message>
        <source>Not verified: recorded by hand or imported, no signature</source>
        <translation>Niezweryfikowana: wpisana ręcznie lub zaimportowana, bez podpisu</translation>
    </message>
    <message>
        <source>the vendor's license authority</source>
        <translation>centrum licencji producenta</translation>
    </message>
    <message>
        <source>a license authority this PC trusts</source>
        <translation>centrum licencji, któremu ufa ten komputer</translation>
    </message>
    <message>
        <source>the demo authority (demo data only)</source>
        <translation>centrum demo (tylko dane demonstracyjne)</translation>
    </message>
    <message>
        <source>Verified: signed by %1</source>
        <translation>Zweryfikowana: podpisało %1</translation>
    </message>
    <message>
        <source>Free (not bound)</source>
        <translation>Wolna (nieprzypisana)</translation>
    </message>
    <message>
        <source>Invalid: signature does not verify</source>
        <translation>Nieważna: podpis się nie zgadza</translation>
    </message>
    <message>
        <source>No subscription</source>
        <translation>Brak subskrypcji</translation>
    </message>
    <message numerus="yes">
        <source>Ended %n day(s) ago</source>
        <translation>
            <numerusform>Wygasła %n dzień temu</numerusform>
            <numerusform>Wygasła %n dni temu</numerusform>
            <numerusform>Wygasła %n dni temu</numerusform>
        </translation>
    </message>
    <message>
        <source>Ends today</source>
        <translation>Wygasa dzisiaj</translation>
    </message>
    <message numerus="yes">
        <source>Ends in %n day(s)</source>
        <translation>
            <numerusform>Wygasa za %n dzień</numerusform>
            <numerusform>Wygasa za %n dni</numerusform>
            <numerusform>Wygasa za %n dni</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n paid day(s) forfeited</source>
        <translation>
            <numerusform>przepadł %n opłacony dzień</numerusform>
            <numerusform>przepadły %n opłacone dni</numerusform>
            <numerusform>przepadło %n opłaconych dni</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>≤ %n day(s)</source>
        <translation>
<numerusform>≤ %n dzień</numerusform><numerusform>≤ %n dni</numerusform><numerusform>≤ %n dni</numerusform></translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktywna</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Wolne</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>Wygasające</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Wygasłe</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Nieważne</translation>
    </message>
    <message>
        <source>%1, terminal</source>
        <translation>%1, terminal</translation>
    </message>
    <message>
        <source>%1, workplace PC</source>
        <translation>%1, stanowisko PC</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <source>Unexpected error: %1</source>
        <extracomment>At quit, running work gets this long to finish or notice its cancel.</extracomment>
        <translation>Nieoczekiwany błąd: %1</translation>
    </message>
    <message>
        <source>License Desk</source>
        <translation>License Desk</translation>
    </message>
    <message>
        <source>Opening the database...</source>
        <translation>Otwieranie bazy danych...</translation>
    </message>
    <message>
        <source>There is no database at %1.</source>
        <translation>Pod ścieżką %1 nie ma bazy danych.</translation>
    </message>
    <message>
        <source>Import data</source>
        <translation>Import danych</translation>
    </message>
    <message>
        <source>License Desk export (*.json *.csv)</source>
        <translation>Eksport License Desk (*.json *.csv)</translation>
    </message>
</context>
<context>
    <name>LicenseDetails</name>
    <message>
        <source>Activated</source>
        <translation>Aktywowana</translation>
    </message>
    <message>
        <source>Subscription renewed</source>
        <translation>Subskrypcja odnowiona</translation>
    </message>
    <message>
        <source>Transferred (unbound)</source>
        <translation>Przeniesiona (odpięta)</translation>
    </message>
    <message>
        <source>Purchased</source>
        <translation>Zakupiona</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Zaimportowana</translation>
    </message>
    <message>
        <source>Activation refused</source>
        <translation>Odmowa aktywacji</translation>
    </message>
    <message>
        <source>Version installed</source>
        <translation>Zainstalowano wersję</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Podpisana</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>Tryb demo</translation>
    </message>
    <message>
        <source>Bound to device %1 (moved from another device)</source>
        <translation>Przypisana do urządzenia %1 (przeniesiona z innego urządzenia)</translation>
    </message>
    <message>
        <source>Bound to device %1</source>
        <translation>Przypisana do urządzenia %1</translation>
    </message>
    <message>
        <source>warranty until %1 (was until %2)</source>
        <translation>gwarancja do %1 (wcześniej do %2)</translation>
    </message>
    <message>
        <source>subscription until %1 (was until %2)</source>
        <translation>subskrypcja do %1 (wcześniej do %2)</translation>
    </message>
    <message>
        <source>warranty until %1</source>
        <translation>gwarancja do %1</translation>
    </message>
    <message>
        <source>subscription until %1</source>
        <translation>subskrypcja do %1</translation>
    </message>
    <message>
        <source>Unbound from device %1</source>
        <translation>Odpięta od urządzenia %1</translation>
    </message>
    <message>
        <source>Version %1 was installed; it was released after the subscription ended</source>
        <translation>Zainstalowano wersję %1; wyszła po wygaśnięciu subskrypcji</translation>
    </message>
    <message>
        <source>Version %1 installed</source>
        <translation>Zainstalowano wersję %1</translation>
    </message>
    <message>
        <source>License</source>
        <translation>Licencja</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>Produkt:</translation>
    </message>
    <message>
        <source>SKU:</source>
        <translation>Symbol:</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Urządzenie:</translation>
    </message>
    <message>
        <source>Device code:</source>
        <translation>Kod urządzenia:</translation>
    </message>
    <message>
        <source>Store:</source>
        <translation>Sklep:</translation>
    </message>
    <message>
        <source>Activated:</source>
        <translation>Aktywowana:</translation>
    </message>
    <message>
        <source>Update subscription until:</source>
        <translation>Subskrypcja do:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Stan:</translation>
    </message>
    <message>
        <source>Signature:</source>
        <translation>Podpis:</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historia</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Kiedy</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Zdarzenie</translation>
    </message>
    <message>
        <source>Select a license to see its history.</source>
        <translation>Wybierz licencję, aby zobaczyć jej historię.</translation>
    </message>
    <message>
        <source>No events recorded for this license.</source>
        <translation>Dla tej licencji nie zapisano żadnych zdarzeń.</translation>
    </message>
    <message>
        <source>Warranty until:</source>
        <translation>Gwarancja do:</translation>
    </message>
    <message>
        <source>License number %1</source>
        <translation>Licencja nr %1</translation>
    </message>
    <message>
        <source>not bound to a device</source>
        <translation>nieprzypisana do urządzenia</translation>
    </message>
</context>
<context>
    <name>LicenseTableModel</name>
    <message>
        <source>Loading...</source>
        <extracomment>Role carrying the raw value (date, int) so that exports and tests need no parsing. Role carrying the license id of the row. Role carrying the LicenseStatus of the row. A page on its way from a worker (asynchronous reads only). Emitted after the row count or the query changed (filters, sort, refresh). Emitted when an asynchronous read failed (the window says why and offers a retry).</extracomment>
        <translation>Wczytywanie...</translation>
    </message>
    <message>
        <source>(not available)</source>
        <translation>(niedostępne)</translation>
    </message>
    <message>
        <source>Warranty until %1</source>
        <translation>Gwarancja do %1</translation>
    </message>
    <message>
        <source>Product</source>
        <extracomment>The value as SQL orders the column, when it is not ``value`` (SortRole).</extracomment>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>License kind</source>
        <translation>Rodzaj licencji</translation>
    </message>
    <message>
        <source>Device code</source>
        <translation>Kod urządzenia</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Urządzenie</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Sklep</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stan</translation>
    </message>
    <message>
        <source>Activated</source>
        <translation>Aktywowana</translation>
    </message>
    <message>
        <source>Update subscription</source>
        <translation>Subskrypcja do</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Pozostało dni</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening the database...</source>
        <extracomment>The store changed (any write, from this window, a dialog or a view); on the GUI thread. Every view refreshes from this one signal. The start-up pop-up's round is over: the WarningChoice, or None (nothing due). Opens the store again (set by desktop.ui.launch): after a restore.</extracomment>
        <translation>Otwieranie bazy danych...</translation>
    </message>
    <message>
        <source>&amp;Activate...</source>
        <translation>&amp;Aktywuj...</translation>
    </message>
    <message>
        <source>Enter an activation code for a device</source>
        <translation>Wprowadź kod aktywacyjny dla urządzenia</translation>
    </message>
    <message>
        <source>&amp;Renew...</source>
        <translation>&amp;Odnów...</translation>
    </message>
    <message>
        <source>Quote the renewal of the selected licenses</source>
        <translation>Wyceń odnowienie wybranych licencji</translation>
    </message>
    <message>
        <source>&amp;Copy device code</source>
        <translation>&amp;Kopiuj kod urządzenia</translation>
    </message>
    <message>
        <source>Copy the selected device code</source>
        <translation>Skopiuj kod wybranego urządzenia</translation>
    </message>
    <message>
        <source>Show &amp;history</source>
        <translation>&amp;Historia</translation>
    </message>
    <message>
        <source>Show the event history of the selected license</source>
        <translation>Pokaż historię zdarzeń wybranej licencji</translation>
    </message>
    <message>
        <source>Unbind the license from its device; its code then activates it elsewhere</source>
        <translation>Odepnij licencję od urządzenia; jej kod aktywuje ją potem na innym</translation>
    </message>
    <message>
        <source>Open the base this license's device works with</source>
        <translation>Otwórz bazę, z którą pracuje urządzenie tej licencji</translation>
    </message>
    <message>
        <source>&amp;Export shown rows...</source>
        <translation>&amp;Eksportuj widoczne wiersze...</translation>
    </message>
    <message>
        <source>Export the rows shown (with the filter) to CSV or Excel</source>
        <translation>Eksportuj widoczne wiersze (z filtrem) do CSV lub Excela</translation>
    </message>
    <message>
        <source>&amp;Import data...</source>
        <translation>&amp;Importuj dane...</translation>
    </message>
    <message>
        <source>Import a License Desk export (.json or .csv)</source>
        <translation>Importuj eksport License Desk (.json lub .csv)</translation>
    </message>
    <message>
        <source>&amp;Restore from backup...</source>
        <translation>Przywróć z &amp;kopii zapasowej...</translation>
    </message>
    <message>
        <source>Replace the database with one of its backups</source>
        <translation>Zastąp bazę danych jedną z jej kopii zapasowych</translation>
    </message>
    <message>
        <source>&amp;Settings...</source>
        <translation>&amp;Ustawienia...</translation>
    </message>
    <message>
        <source>Warning threshold, stages, language</source>
        <translation>Próg ostrzeżeń, etapy, język</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n dzień</numerusform>
            <numerusform>%n dni</numerusform>
            <numerusform>%n dni</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n license(s) end within %1.</source>
        <translation>
            <numerusform>%n licencja wygasa najpóźniej za %1.</numerusform>
            <numerusform>%n licencje wygasają najpóźniej za %1.</numerusform>
            <numerusform>%n licencji wygasa najpóźniej za %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported %1, %2 and %3.</source>
        <translation>Zaimportowano: %1, %2 i %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n license(s)</source>
        <translation>
            <numerusform>%n licencja</numerusform>
            <numerusform>%n licencje</numerusform>
            <numerusform>%n licencji</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n device(s)</source>
        <translation>
            <numerusform>%n urządzenie</numerusform>
            <numerusform>%n urządzenia</numerusform>
            <numerusform>%n urządzeń</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n produkt</numerusform>
            <numerusform>%n produkty</numerusform>
            <numerusform>%n produktów</numerusform>
        </translation>
    </message>
    <message>
        <source>No update subscription ends soon or has ended.</source>
        <translation>Żadna subskrypcja aktualizacji nie wygasa wkrótce ani nie wygasła.</translation>
    </message>
    <message>
        <source>Reload from the database</source>
        <translation>Wczytaj ponownie z bazy danych</translation>
    </message>
    <message>
        <source>Show &amp;warnings...</source>
        <translation>Os&amp;trzeżenia...</translation>
    </message>
    <message>
        <source>List the subscriptions that end soon or have ended</source>
        <translation>Lista subskrypcji, które wkrótce wygasają lub wygasły</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Znajdź</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Zakończ</translation>
    </message>
    <message>
        <source>&amp;About License Desk</source>
        <translation>&amp;O programie License Desk</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Plik</translation>
    </message>
    <message>
        <source>&amp;Licenses</source>
        <translation>&amp;Licencje</translation>
    </message>
    <message>
        <source>&amp;Sort by</source>
        <translation>&amp;Sortuj według</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Narzędzia</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Pomo&amp;c</translation>
    </message>
    <message>
        <source>&amp;Descending</source>
        <translation>&amp;Malejąco</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Główny pasek narzędzi</translation>
    </message>
    <message>
        <source>Licen&amp;ses</source>
        <translation>Lic&amp;encje</translation>
    </message>
    <message>
        <source>Search product, device code, device or store (Ctrl+F)</source>
        <translation>Szukaj produktu, kodu urządzenia, urządzenia lub sklepu (Ctrl+F)</translation>
    </message>
    <message>
        <source>Demo database</source>
        <translation>Baza demonstracyjna</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Baza danych</translation>
    </message>
    <message>
        <source>Fore&amp;cast</source>
        <translation>Pro&amp;gnoza</translation>
    </message>
    <message>
        <source>All stores</source>
        <translation>Wszystkie sklepy</translation>
    </message>
    <message>
        <source>There are no licenses yet. Activate a code (Licenses, Activate..., Ctrl+Shift+A) or import a License Desk export (File, Import data..., Ctrl+I).</source>
        <translation>Nie ma jeszcze licencji. Aktywuj kod (Licencje, Aktywuj..., Ctrl+Shift+A) albo zaimportuj eksport License Desk (Plik, Importuj dane..., Ctrl+I).</translation>
    </message>
    <message>
        <source>No license matches “%1”. Check the spelling, search for part of a product, device code, device or store, or press Esc to clear the search.</source>
        <translation>Żadna licencja nie pasuje do „%1”. Sprawdź pisownię, szukaj fragmentu nazwy produktu, kodu urządzenia, urządzenia lub sklepu albo naciśnij Esc, aby wyczyścić wyszukiwanie.</translation>
    </message>
    <message>
        <source>None of these licenses is left. Pick a quick filter to see all.</source>
        <translation>Żadnej z tych licencji już nie ma. Wybierz szybki filtr, aby zobaczyć wszystkie.</translation>
    </message>
    <message>
        <source>No license matches this filter. Choose All or All stores to see every license.</source>
        <translation>Żadna licencja nie pasuje do tego filtra. Wybierz „Wszystkie” lub „Wszystkie sklepy”, aby zobaczyć wszystkie licencje.</translation>
    </message>
    <message>
        <source>No licenses to show.</source>
        <translation>Brak licencji do pokazania.</translation>
    </message>
    <message numerus="yes">
        <source>Showing %n selected license(s). Pick a quick filter to see all.</source>
        <translation>
            <numerusform>Pokazano %n wybraną licencję. Wybierz szybki filtr, aby zobaczyć wszystkie.</numerusform>
            <numerusform>Pokazano %n wybrane licencje. Wybierz szybki filtr, aby zobaczyć wszystkie.</numerusform>
            <numerusform>Pokazano %n wybranych licencji. Wybierz szybki filtr, aby zobaczyć wszystkie.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;All</source>
        <translation>&amp;Wszystkie</translation>
    </message>
    <message>
        <source>E&amp;xpiring</source>
        <translation>W&amp;ygasające</translation>
    </message>
    <message>
        <source>Ex&amp;pired</source>
        <translation>Wyg&amp;asłe</translation>
    </message>
    <message>
        <source>F&amp;ree</source>
        <translation>W&amp;olne</translation>
    </message>
    <message>
        <source>The next one ends today (%1).</source>
        <translation>Najbliższa wygasa dzisiaj (%1).</translation>
    </message>
    <message numerus="yes">
        <source>The next one ends on %1 (in %n day(s)).</source>
        <translation>
            <numerusform>Najbliższa wygasa %1 (za %n dzień).</numerusform>
            <numerusform>Najbliższa wygasa %1 (za %n dni).</numerusform>
            <numerusform>Najbliższa wygasa %1 (za %n dni).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shown: %n</source>
        <translation>
            <numerusform>Widoczne: %n</numerusform>
            <numerusform>Widoczne: %n</numerusform>
            <numerusform>Widoczne: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read the licenses: %1</source>
        <translation>Nie można odczytać licencji: %1</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>Skopiowano %1</translation>
    </message>
    <message>
        <source>Unbind the %1 license from device %2? The device loses the license; the same activation code then activates it on the new device.</source>
        <translation>Odpiąć licencję %1 od urządzenia %2? Urządzenie straci licencję; ten sam kod aktywacyjny aktywuje ją potem na nowym urządzeniu.</translation>
    </message>
    <message>
        <source>&amp;Unbind</source>
        <translation>&amp;Odepnij</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>License unbound from %1.</source>
        <translation>Licencję odpięto od %1.</translation>
    </message>
    <message>
        <source>This license's device works with no known base.</source>
        <translation>Urządzenie tej licencji nie pracuje z żadną znaną bazą.</translation>
    </message>
    <message>
        <source>Export shown rows</source>
        <translation>Eksport widocznych wierszy</translation>
    </message>
    <message>
        <source>licenses</source>
        <translation>licencje</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Skoroszyt Excela (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Eksport</translation>
    </message>
    <message>
        <source>Exporting the shown rows...</source>
        <translation>Eksport widocznych wierszy...</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>Wyeksportowano %n wiersz do %1</numerusform>
            <numerusform>Wyeksportowano %n wiersze do %1</numerusform>
            <numerusform>Wyeksportowano %n wierszy do %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Import data</source>
        <translation>Import danych</translation>
    </message>
    <message>
        <source>License Desk export (*.json *.csv)</source>
        <translation>Eksport License Desk (*.json *.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n signed license(s) verify in this store.</source>
        <translation>
            <numerusform>%n podpisana licencja jest zweryfikowana w tym magazynie.</numerusform>
            <numerusform>%n podpisane licencje są zweryfikowane w tym magazynie.</numerusform>
            <numerusform>%n podpisanych licencji jest zweryfikowanych w tym magazynie.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n signed license(s) belong to another store and show as not verified here.</source>
        <translation>
            <numerusform>%n podpisana licencja należy do innego magazynu i jest tu pokazana jako niezweryfikowana.</numerusform>
            <numerusform>%n podpisane licencje należą do innego magazynu i są tu pokazane jako niezweryfikowane.</numerusform>
            <numerusform>%n podpisanych licencji należy do innego magazynu i są tu pokazane jako niezweryfikowane.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not imported (this store's own): %1</source>
        <translation>Nie zaimportowano (własne dane tego magazynu): %1</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Import cancelled.</source>
        <translation>Import anulowany.</translation>
    </message>
    <message>
        <source>Importing %1...</source>
        <translation>Import %1...</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ustawienia</translation>
    </message>
    <message>
        <source>The new language applies the next time License Desk starts.</source>
        <translation>Nowy język zostanie użyty przy następnym uruchomieniu License Desk.</translation>
    </message>
    <message>
        <source>vendor</source>
        <translation>producent</translation>
    </message>
    <message>
        <source>installed on this PC</source>
        <translation>zainstalowany na tym komputerze</translation>
    </message>
    <message>
        <source>demo authority, demo data only</source>
        <translation>centrum demo, tylko dane demonstracyjne</translation>
    </message>
    <message>
        <source>License authorities this PC trusts</source>
        <translation>Centra licencji, którym ufa ten komputer</translation>
    </message>
    <message>
        <source>None: signed licenses cannot be verified here. An administrator installs the authority's key file in %1.</source>
        <translation>Brak: podpisanych licencji nie da się tu zweryfikować. Administrator instaluje plik klucza centrum w %1.</translation>
    </message>
    <message>
        <source>Ignored %1: %2</source>
        <translation>Pominięto %1: %2</translation>
    </message>
    <message>
        <source>About License Desk</source>
        <translation>O programie License Desk</translation>
    </message>
    <message>
        <source>Showing the first %1 licenses that need attention.</source>
        <translation>Pokazano pierwsze %1 licencji wymagających uwagi.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 %2&lt;/b&gt;&lt;p&gt;Licenses, update subscriptions and renewals for Mobile SMARTS and enova365.&lt;/p&gt;</source>
        <translation>&lt;b&gt;%1 %2&lt;/b&gt;&lt;p&gt;Licencje, subskrypcje aktualizacji i odnowienia dla Mobile SMARTS i enova365.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Orders</source>
        <translation>&amp;Zamówienia</translation>
    </message>
    <message>
        <source>Transfer license</source>
        <translation>Przeniesienie licencji</translation>
    </message>
    <message>
        <source>&amp;Transfer (unbind)...</source>
        <translation>&amp;Przenieś (odepnij)...</translation>
    </message>
    <message>
        <source>&amp;Bases</source>
        <translation>&amp;Bazy</translation>
    </message>
    <message>
        <source>Show its &amp;base</source>
        <translation>Pokaż jej &amp;bazę</translation>
    </message>
    <message>
        <source>%1 [demo data]</source>
        <extracomment>The window's first size, where the screen's available area allows it. Columns that elide to keep the subscription's end and days left in view: least widths. "Open in list" and "Renew selected" from the warning pop-up take at most this many licenses (the list shows them by id; thousands more would not be read by anyone).</extracomment>
        <translation>%1 [dane demonstracyjne]</translation>
    </message>
    <message>
        <source>R&amp;efresh</source>
        <translation>O&amp;dśwież</translation>
    </message>
    <message>
        <source>Stor&amp;e:</source>
        <translation>&amp;Sklep:</translation>
    </message>
    <message>
        <source>New releases are available: %1</source>
        <translation>Dostępne są nowe wersje: %1</translation>
    </message>
</context>
<context>
    <name>Msgbox</name>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Tak</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Nie</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Ponów</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Zakończ</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>&amp;Kopiuj szczegóły</translation>
    </message>
    <message>
        <source>&amp;Keep working</source>
        <translation>&amp;Pracuj dalej</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Skopiowano</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Cancel</source>
        <extracomment>The progress dialog appears only for work that takes longer than this. At most this often the GUI hears of progress (a million steps must not flood it).</extracomment>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>License Desk</source>
        <translation>License Desk</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Anulowano.</translation>
    </message>
    <message>
        <source>Waiting for another program to finish writing to the database...</source>
        <extracomment>The operation the current worker thread runs (for the store's "waiting" signal).</extracomment>
        <translation>Oczekiwanie, aż inny program zakończy zapis do bazy danych...</translation>
    </message>
</context>
<context>
    <name>OrdersView</name>
    <message>
        <source>Draft</source>
        <translation>Szkic</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Wysłane</translation>
    </message>
    <message>
        <source>Fulfilled</source>
        <translation>Zrealizowane</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Anulowane</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Zamówienie</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stan</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Sklep</translation>
    </message>
    <message>
        <source>Stores</source>
        <translation>Sklepy</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Pozycje</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Urządzenie</translation>
    </message>
    <message>
        <source>Prepared with %1 on %2</source>
        <translation>Przygotowano w %1 dnia %2</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Current end</source>
        <translation>Obecny koniec</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Zamówienie %1</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Device code</source>
        <translation>Kod urządzenia</translation>
    </message>
    <message>
        <source>New end</source>
        <translation>Nowy koniec</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Kwota</translation>
    </message>
    <message>
        <source>Renewal order #%1</source>
        <translation>Zamówienie odnowienia nr %1</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Waluta</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Razem</translation>
    </message>
    <message>
        <source>Export &amp;PDF...</source>
        <extracomment>An order was written to a file (the path). A reload finished (tests wait on it).</extracomment>
        <translation>Eksport do P&amp;DF...</translation>
    </message>
    <message>
        <source>Export &amp;XLSX...</source>
        <translation>Eksport do &amp;XLSX...</translation>
    </message>
    <message>
        <source>Ca&amp;ncel order...</source>
        <translation>&amp;Anuluj zamówienie...</translation>
    </message>
    <message>
        <source>Cop&amp;y as text</source>
        <translation>&amp;Kopiuj jako tekst</translation>
    </message>
    <message>
        <source>Mark s&amp;ent</source>
        <translation>Oznacz jako &amp;wysłane</translation>
    </message>
    <message>
        <source>F&amp;ulfil with local authority...</source>
        <translation>Z&amp;realizuj w lokalnym centrum...</translation>
    </message>
    <message>
        <source>No renewal orders yet. On the Licenses tab select the licenses to renew and choose Renew... (Ctrl+R); the quote's “Create order” saves a draft here.</source>
        <translation>Nie ma jeszcze zamówień odnowienia. Na karcie Licencje zaznacz licencje do odnowienia i wybierz Odnów... (Ctrl+R); przycisk „Utwórz zamówienie” w wycenie zapisze tu wersję roboczą.</translation>
    </message>
    <message numerus="yes">
        <source>Order #%1: %n line(s)</source>
        <translation>
            <numerusform>Zamówienie nr %1: %n pozycja</numerusform>
            <numerusform>Zamówienie nr %1: %n pozycje</numerusform>
            <numerusform>Zamówienie nr %1: %n pozycji</numerusform>
        </translation>
    </message>
    <message>
        <source>fulfilled</source>
        <translation>zrealizowano</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Dokument PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Skoroszyt Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>order-%1</source>
        <translation>zamowienie-%1</translation>
    </message>
    <message>
        <source>Export order</source>
        <translation>Eksport zamówienia</translation>
    </message>
    <message>
        <source>Order #%1 saved to %2</source>
        <translation>Zamówienie nr %1 zapisano w %2</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>Anulowanie zamówienia</translation>
    </message>
    <message>
        <source>Cancel order #%1? It stays in the list as cancelled and can no longer be fulfilled.</source>
        <translation>Anulować zamówienie nr %1? Pozostanie na liście jako anulowane i nie będzie już można go zrealizować.</translation>
    </message>
    <message>
        <source>Ca&amp;ncel the order</source>
        <translation>&amp;Anuluj zamówienie</translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation>&amp;Zostaw</translation>
    </message>
    <message>
        <source>Fulfil order</source>
        <translation>Realizacja zamówienia</translation>
    </message>
    <message numerus="yes">
        <source>Fulfil order #%1? The authority issues %n renewal code(s) and each is activated on its device at once.</source>
        <translation>
            <numerusform>Zrealizować zamówienie nr %1? Centrum licencji wystawi %n kod odnowienia i zostanie on od razu aktywowany na swoim urządzeniu.</numerusform>
            <numerusform>Zrealizować zamówienie nr %1? Centrum licencji wystawi %n kody odnowienia i każdy zostanie od razu aktywowany na swoim urządzeniu.</numerusform>
            <numerusform>Zrealizować zamówienie nr %1? Centrum licencji wystawi %n kodów odnowienia i każdy zostanie od razu aktywowany na swoim urządzeniu.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Fulfil</source>
        <translation>&amp;Zrealizuj</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message numerus="yes">
        <source>The authority issued %n renewal code(s); they were activated on their devices.</source>
        <translation>
            <numerusform>Centrum licencji wystawiło %n kod odnowienia; został aktywowany na swoim urządzeniu.</numerusform>
            <numerusform>Centrum licencji wystawiło %n kody odnowienia; zostały aktywowane na swoich urządzeniach.</numerusform>
            <numerusform>Centrum licencji wystawiło %n kodów odnowienia; zostały aktywowane na swoich urządzeniach.</numerusform>
        </translation>
    </message>
    <message>
        <source>Fulfilling order #%1...</source>
        <translation>Realizacja zamówienia nr %1...</translation>
    </message>
</context>
<context>
    <name>RenewalDialog</name>
    <message>
        <source>Renewal quote</source>
        <translation>Wycena odnowienia</translation>
    </message>
    <message>
        <source>Quote as if &amp;bought on:</source>
        <translation>Wyceń na dzień &amp;zakupu:</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Urządzenie</translation>
    </message>
    <message>
        <source>Current end</source>
        <translation>Obecny koniec</translation>
    </message>
    <message>
        <source>New end</source>
        <translation>Nowy koniec</translation>
    </message>
    <message>
        <source>Days forfeited</source>
        <translation>Utracone dni</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Zasada</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Kwota</translation>
    </message>
    <message>
        <source>Create &amp;order</source>
        <translation>&amp;Utwórz zamówienie</translation>
    </message>
    <message>
        <source>License</source>
        <translation>Licencja</translation>
    </message>
    <message>
        <source>Not bound to a device: activate it before renewing.</source>
        <translation>Nieprzypisana do urządzenia: aktywuj ją przed odnowieniem.</translation>
    </message>
    <message>
        <source>No warranty end date to renew from.</source>
        <translation>Brak daty końca gwarancji, od której liczyć odnowienie.</translation>
    </message>
    <message>
        <source>Activated on %1: there is nothing to renew on this day. Choose a later day.</source>
        <translation>Aktywowana %1: w tym dniu nie ma czego odnawiać. Wybierz późniejszy dzień.</translation>
    </message>
    <message>
        <source>Renewed on this day it would end on %1, before its current end %2.</source>
        <translation>Odnowiona tego dnia skończyłaby się %1, przed obecnym końcem %2.</translation>
    </message>
    <message>
        <source>The start of the current warranty period is not known: enter the date from the registration certificate.</source>
        <translation>Początek bieżącego okresu gwarancji jest nieznany: wpisz datę z certyfikatu rejestracji.</translation>
    </message>
    <message>
        <source>This license is no longer in the database.</source>
        <translation>Tej licencji nie ma już w bazie.</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 na %2</translation>
    </message>
    <message numerus="yes">
        <source>Bought on this day the new year starts at once and %n paid day(s) are lost. Buy on %2 to lose nothing.</source>
        <translation>
            <numerusform>Przy zakupie tego dnia nowy rok zaczyna się od razu i przepada %n opłacony dzień. Kup %2, aby nic nie stracić.</numerusform>
            <numerusform>Przy zakupie tego dnia nowy rok zaczyna się od razu i przepadają %n opłacone dni. Kup %2, aby nic nie stracić.</numerusform>
            <numerusform>Przy zakupie tego dnia nowy rok zaczyna się od razu i przepada %n opłaconych dni. Kup %2, aby nic nie stracić.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The subscription ended %n day(s) before this day: releases of that gap may not be installed until the renewal is active.</source>
        <translation>
            <numerusform>Subskrypcja wygasła %n dzień przed tym dniem: wersji wydanych w tej przerwie nie wolno instalować, dopóki odnowienie nie zacznie działać.</numerusform>
            <numerusform>Subskrypcja wygasła %n dni przed tym dniem: wersji wydanych w tej przerwie nie wolno instalować, dopóki odnowienie nie zacznie działać.</numerusform>
            <numerusform>Subskrypcja wygasła %n dni przed tym dniem: wersji wydanych w tej przerwie nie wolno instalować, dopóki odnowienie nie zacznie działać.</numerusform>
        </translation>
    </message>
    <message>
        <source>deferred to the next update</source>
        <translation>przesunięte do następnej aktualizacji</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>odnowiony</translation>
    </message>
    <message>
        <source>On-time update, 15 %</source>
        <translation>Aktualizacja Terminowa, 15 %</translation>
    </message>
    <message>
        <source>Open update, 30 %</source>
        <translation>Aktualizacja Otwarta, 30 %</translation>
    </message>
    <message>
        <source>Subscription renewal, 20 %</source>
        <translation>Odnowienie subskrypcji, 20 %</translation>
    </message>
    <message>
        <source>This day loses nothing: the new year follows the old one.</source>
        <translation>Tego dnia nic nie przepada: nowy rok następuje po starym.</translation>
    </message>
    <message>
        <source>On-time update: the new warranty follows on from %1. Modules bought after the sixth month are charged at the next update.</source>
        <translation>Aktualizacja Terminowa: nowa gwarancja biegnie od końca %1. Moduły kupione po szóstym miesiącu są płatne przy następnej aktualizacji.</translation>
    </message>
    <message>
        <source>The warranty has lapsed: an open update costs 30 % and runs from the purchase day.</source>
        <translation>Gwarancja wygasła: Aktualizacja Otwarta kosztuje 30 % i biegnie od dnia zakupu.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Create order</source>
        <translation>Tworzenie zamówienia</translation>
    </message>
    <message>
        <source>Order #%1 saved as a draft (see the Orders tab).</source>
        <translation>Zamówienie nr %1 zapisano jako szkic (zob. kartę Zamówienia).</translation>
    </message>
    <message numerus="yes">
        <source>Total for %n license(s): </source>
        <translation>
            <numerusform>Razem za %n licencję: </numerusform>
            <numerusform>Razem za %n licencje: </numerusform>
            <numerusform>Razem za %n licencji: </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>Przywracanie z kopii zapasowej</translation>
    </message>
    <message>
        <source>Pick the backup to restore. The database as it is now is backed up first, so this can be undone. Backups are kept in %1.</source>
        <translation>Wybierz kopię zapasową do przywrócenia. Najpierw zostanie zrobiona kopia obecnego stanu bazy, więc można to cofnąć. Kopie zapasowe są przechowywane w %1.</translation>
    </message>
    <message>
        <source>made by hand</source>
        <translation>ręczna</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>codzienna</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>przed aktualizacją</translation>
    </message>
    <message>
        <source>before an import</source>
        <translation>przed importem</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>przed przywróceniem</translation>
    </message>
    <message>
        <source>the damaged database</source>
        <translation>uszkodzona baza</translation>
    </message>
    <message>
        <source>No backups yet.</source>
        <translation>Nie ma jeszcze kopii zapasowych.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Przywróć</translation>
    </message>
    <message>
        <source>&amp;Other file...</source>
        <translation>&amp;Inny plik...</translation>
    </message>
    <message>
        <source>License Desk backup (*.db *.dump);;All files (*)</source>
        <translation>Kopia zapasowa License Desk (*.db *.dump);;Wszystkie pliki (*)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Ustawienia</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dni</translation>
    </message>
    <message>
        <source>&amp;Warn when a subscription ends within:</source>
        <translation>&amp;Ostrzegaj, gdy do końca subskrypcji zostanie:</translation>
    </message>
    <message>
        <source>Start-up warning &amp;stages (days before the end):</source>
        <translation>&amp;Etapy ostrzeżeń przy starcie (dni przed końcem):</translation>
    </message>
    <message>
        <source>&amp;Devices (platform 3.2+) show their own notice:</source>
        <translation>&amp;Urządzenia (platforma 3.2+) same ostrzegają na:</translation>
    </message>
    <message>
        <source>License &amp;authority:</source>
        <translation>&amp;Centrum licencji:</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Jak w systemie</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Język:</translation>
    </message>
    <message>
        <source>Enter days from 0 to 366, separated by commas: 30, 14, 1</source>
        <translation>Wpisz dni od 0 do 366 oddzielone przecinkami: 30, 14, 1</translation>
    </message>
    <message>
        <source>Enter an address starting with https:// or http://</source>
        <translation>Wpisz adres zaczynający się od https:// lub http://</translation>
    </message>
</context>
<context>
    <name>StoreSummaryModel</name>
    <message>
        <source>All stores</source>
        <translation>Wszystkie sklepy</translation>
    </message>
    <message>
        <source>(no store)</source>
        <translation>(bez sklepu)</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Sklep</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Razem</translation>
    </message>
</context>
<context>
    <name>WarningsDialog</name>
    <message>
        <source>Update subscriptions need attention</source>
        <translation>Subskrypcje aktualizacji wymagają uwagi</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 subscription(s) end soon and %2 have ended.&lt;/b&gt; Installing a release dated after a subscription's end puts the product into demo mode.</source>
        <translation>&lt;b&gt;Wkrótce wygasa subskrypcji: %1, już wygasło: %2.&lt;/b&gt; Instalacja wersji wydanej po końcu subskrypcji przełącza produkt w tryb demo.</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Ended</source>
        <extracomment>From this many due licenses on, the pop-up first shows a summary per store. Pages before this offset are read at once from a local file (about a millisecond); deeper ones, and every page from a server, on a worker ("Loading..." meanwhile).</extracomment>
        <translation>Wygasłe</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Urządzenie</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Sklep</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Koniec</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Pozostało dni</translation>
    </message>
    <message>
        <source>Pick a store to list its licenses. Tick the licenses to renew; Space toggles the current line.</source>
        <translation>Wybierz sklep, aby zobaczyć jego licencje. Zaznacz licencje do odnowienia; spacja przełącza bieżący wiersz.</translation>
    </message>
    <message>
        <source>Tick the licenses to renew; Space toggles the current line.</source>
        <translation>Zaznacz licencje do odnowienia; spacja przełącza bieżący wiersz.</translation>
    </message>
    <message>
        <source>&amp;Renew selected...</source>
        <translation>&amp;Odnów zaznaczone...</translation>
    </message>
    <message>
        <source>&amp;Open in list</source>
        <translation>Pokaż na &amp;liście</translation>
    </message>
    <message>
        <source>Remind me &amp;tomorrow</source>
        <translation>Przypomnij &amp;jutro</translation>
    </message>
</context>
</TS>