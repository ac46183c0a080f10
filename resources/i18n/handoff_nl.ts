<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../handoff/gui/about.py" line="37"/>
        <source>About Handoff</source>
        <translation>Over Handoff</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/about.py" line="40"/>
        <source>&lt;h2&gt;Handoff {version}&lt;/h2&gt;&lt;p&gt;Hand over personal data to another agency the way the data-exchange protocol prescribes: checked, locked with a password, sent, and recorded in a journal.&lt;/p&gt;&lt;p&gt;Qt {qt}, PySide6 {pyside}&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Handoff {version}&lt;/h2&gt;&lt;p&gt;Persoonsgegevens aan een andere instantie overdragen zoals het protocol voor gegevensuitwisseling het voorschrijft: gecontroleerd, met een wachtwoord vergrendeld, verstuurd en bijgehouden in een logboek.&lt;/p&gt;&lt;p&gt;Qt {qt}, PySide6 {pyside}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/about.py" line="50"/>
        <source>&lt;p&gt;&lt;b&gt;Licences&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Licenties&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/about.py" line="53"/>
        <source>&lt;p&gt;Qt and PySide6 are used under the LGPL version 3; their sources are at &lt;a href=&apos;https://code.qt.io&apos;&gt;code.qt.io&lt;/a&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Qt en PySide6 worden gebruikt onder de LGPL versie 3; de broncode staat op &lt;a href=&apos;https://code.qt.io&apos;&gt;code.qt.io&lt;/a&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/about.py" line="59"/>
        <source>Licences</source>
        <translation>Licenties</translation>
    </message>
</context>
<context>
    <name>AnswerPage</name>
    <message>
        <location filename="../../handoff/gui/pages/answer.py" line="32"/>
        <source>Answer</source>
        <translation>Beantwoorden</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/answer.py" line="34"/>
        <source>Open the request you received, check the answer sheet against it, and send the answer back locked with a new password, under the same reference.</source>
        <translation>Open de aanvraag die u ontving, toets het antwoordblad eraan en stuur het antwoord terug, vergrendeld met een nieuw wachtwoord, onder dezelfde referentie.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/answer.py" line="48"/>
        <source>First the request you received (from the secure folder).</source>
        <translation>Eerst de aanvraag die u ontving (uit de beveiligde map).</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/answer.py" line="49"/>
        <source>Choose the &amp;request…</source>
        <translation>&amp;Aanvraag kiezen…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/answer.py" line="55"/>
        <source>Reference of the request, e.g. HO-20250301-7KQ2M9</source>
        <translation>Referentie van de aanvraag, bv. HO-20250301-7KQ2M9</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/answer.py" line="57"/>
        <source>Reference of the request</source>
        <translation>Referentie van de aanvraag</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/answer.py" line="60"/>
        <source>&amp;Reference</source>
        <translation>&amp;Referentie</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/answer.py" line="1"/>
        <source>the request you answer</source>
        <translation>de aanvraag die u beantwoordt</translation>
    </message>
</context>
<context>
    <name>FileDrop</name>
    <message>
        <location filename="../../handoff/gui/widgets/file_drop.py" line="95"/>
        <source>Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv)</source>
        <translation>Rekenbladen (*.xlsx *.xlsm *.xls *.ods *.csv)</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/file_drop.py" line="1"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-werkmap (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/file_drop.py" line="1"/>
        <source>{name} is not an Excel workbook. Open it in Excel, save it as an Excel workbook (.xlsx) and choose that file.</source>
        <translation>{name} is geen Excel-werkmap. Open het in Excel, sla het op als Excel-werkmap (.xlsx) en kies dat bestand.</translation>
    </message>
</context>
<context>
    <name>FindingsList</name>
    <message>
        <location filename="../../handoff/gui/widgets/findings_list.py" line="26"/>
        <source>Results of the check</source>
        <translation>Resultaat van de controle</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/findings_list.py" line="33"/>
        <source>Note</source>
        <translation>Opmerking</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/findings_list.py" line="1"/>
        <source>To correct</source>
        <translation>Te verbeteren</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/findings_list.py" line="1"/>
        <source>column &apos;{header}&apos;</source>
        <translation>kolom &apos;{header}&apos;</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/findings_list.py" line="1"/>
        <source>column {letters}</source>
        <translation>kolom {letters}</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/findings_list.py" line="1"/>
        <source>Row {row}, {column}</source>
        <translation>Rij {row}, {column}</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/findings_list.py" line="1"/>
        <source>Row {row}</source>
        <translation>Rij {row}</translation>
    </message>
</context>
<context>
    <name>JournalChecklist</name>
    <message>
        <location filename="../../handoff/gui/widgets/checklist.py" line="25"/>
        <source>Steps recorded in the journal</source>
        <translation>Stappen in het logboek</translation>
    </message>
</context>
<context>
    <name>JournalTableModel</name>
    <message>
        <location filename="../../handoff/gui/journal_model.py" line="38"/>
        <source>Seq</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/journal_model.py" line="39"/>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/journal_model.py" line="40"/>
        <source>Handoff</source>
        <translation>Handoff</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/journal_model.py" line="41"/>
        <source>Protocol</source>
        <translation>Protocol</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/journal_model.py" line="42"/>
        <source>Step</source>
        <translation>Stap</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/journal_model.py" line="43"/>
        <source>User</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/journal_model.py" line="44"/>
        <source>Computer</source>
        <translation>Computer</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/journal_model.py" line="45"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="81"/>
        <source>Journal</source>
        <translation>Logboek</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="83"/>
        <source>Every step of every handoff, as recorded on this computer: who, when, under which protocol. The journal never holds the data itself.</source>
        <translation>Elke stap van elke overdracht, zoals op deze computer bijgehouden: wie, wanneer, onder welk protocol. Het logboek bevat nooit de gegevens zelf.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="93"/>
        <source>Journal records</source>
        <translation>Regels van het logboek</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="119"/>
        <location filename="../../handoff/gui/pages/log.py" line="132"/>
        <location filename="../../handoff/gui/pages/log.py" line="136"/>
        <source>Checking the journal…</source>
        <translation>Het logboek wordt gecontroleerd…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="122"/>
        <source>Journal integrity</source>
        <translation>Betrouwbaarheid van het logboek</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="123"/>
        <source>&amp;Check integrity again</source>
        <translation>&amp;Opnieuw controleren</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="146"/>
        <source>✓ Journal intact: {count} records, nothing changed or removed.</source>
        <translation>✓ Logboek intact: {count} regels, niets gewijzigd of verwijderd.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="167"/>
        <source>&amp;From</source>
        <translation>&amp;Vanaf</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="170"/>
        <source>From date</source>
        <translation>Vanaf datum</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="172"/>
        <source>Protocol</source>
        <translation>Protocol</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="173"/>
        <source>All protocols</source>
        <translation>Alle protocollen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="179"/>
        <source>Step</source>
        <translation>Stap</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="180"/>
        <source>All steps</source>
        <translation>Alle stappen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="184"/>
        <location filename="../../handoff/gui/pages/log.py" line="185"/>
        <source>User</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="217"/>
        <source>Open obligations</source>
        <translation>Openstaande verplichtingen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="219"/>
        <source>Upcoming deletions</source>
        <translation>Komende verwijderingen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="220"/>
        <source>Still to do</source>
        <translation>Nog te doen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="221"/>
        <source>Deleted soon</source>
        <translation>Binnenkort verwijderd</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="231"/>
        <source>Nothing is open.</source>
        <translation>Er staat niets meer open.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="238"/>
        <source>No deletion in the next two weeks.</source>
        <translation>De komende twee weken wordt niets verwijderd.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="244"/>
        <source>overdue: {count} file(s) are deleted at the next retention run</source>
        <translation>te laat: {count} bestand(en) worden bij de volgende opruimbeurt verwijderd</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="246"/>
        <source>{count} file(s) will be deleted on {day}</source>
        <translation>{count} bestand(en) worden verwijderd op {day}</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="255"/>
        <source>Export to &amp;CSV…</source>
        <translation>Exporteren naar &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="256"/>
        <source>Export to E&amp;xcel…</source>
        <translation>Exporteren naar E&amp;xcel…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="259"/>
        <source>&amp;Refresh</source>
        <translation>Ve&amp;rnieuwen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="271"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-bestanden (*.csv)</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="271"/>
        <source>Excel files (*.xlsx)</source>
        <translation>Excel-bestanden (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="273"/>
        <source>Export the journal</source>
        <translation>Logboek exporteren</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="282"/>
        <source>Exporting the journal…</source>
        <translation>Het logboek wordt geëxporteerd…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="287"/>
        <source>{count} records exported to {file}.</source>
        <translation>{count} regels geëxporteerd naar {file}.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="0"/>
        <source>No records.</source>
        <translation>Geen regels.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="0"/>
        <source>Selected record in full</source>
        <translation>Gekozen regel volledig</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="0"/>
        <source>Choose a record to see all its fields, with its hashes.</source>
        <translation>Kies een regel om al haar velden te zien, met de controlecodes (hashes).</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="0"/>
        <source>✗ The journal was changed from record {seq} on: {problem} What to do: change nothing in the file, keep a copy of it and report this to your DPO. The first damaged record is selected below.</source>
        <translation>✗ Het logboek is gewijzigd vanaf regel {seq}: {problem} Wat te doen: verander niets aan het bestand, bewaar er een kopie van en meld dit aan uw DPO. De eerste beschadigde regel is hieronder geselecteerd.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../handoff/gui/pages/log.py" line="0"/>
        <source>✓ Journal intact: %n record(s), nothing changed or removed.</source>
        <translation><numerusform>✓ Logboek intact: %n regel, niets gewijzigd of verwijderd.</numerusform><numerusform>✓ Logboek intact: %n regels, niets gewijzigd of verwijderd.</numerusform></translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="0"/>
        <source>User (part of the name)</source>
        <translation>Gebruiker (deel van de naam)</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="0"/>
        <source>Show &amp;all handoffs</source>
        <translation>&amp;Alle overdrachten tonen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="0"/>
        <source>Only {handoff} — show &amp;all</source>
        <translation>Alleen {handoff} — &amp;alles tonen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="0"/>
        <source>Time (UTC): {time}</source>
        <translation>Tijd (UTC): {time}</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="0"/>
        <source>Protocol: {id}</source>
        <translation>Protocol: {id}</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="0"/>
        <source>Step code: {code}</source>
        <translation>Stapcode: {code}</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="0"/>
        <source>Details: {raw}</source>
        <translation>Details (ruw): {raw}</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="0"/>
        <source>Previous hash: {hash}</source>
        <translation>Vorige hash: {hash}</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="0"/>
        <source>Hash: {hash}</source>
        <translation>Hash: {hash}</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="0"/>
        <source>Computer: {name}</source>
        <translation>Computer: {name}</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="0"/>
        <source>Organisation journal</source>
        <translation>Logboek van de organisatie</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="0"/>
        <source>&amp;Sync now</source>
        <translation>Nu &amp;synchroniseren</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="0"/>
        <source>Send this computer's new records to the organisation's journal now.</source>
        <translation>Stuur de nieuwe regels van deze computer nu naar het logboek van de organisatie.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="0"/>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../handoff/gui/main_window.py" line="46"/>
        <source>Handoff — hand over personal data safely</source>
        <translation>Handoff — persoonsgegevens veilig overdragen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/main_window.py" line="58"/>
        <source>S&amp;ettings…</source>
        <translation>Instellin&amp;gen…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/main_window.py" line="60"/>
        <source>&amp;About Handoff</source>
        <translation>Ov&amp;er Handoff</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/main_window.py" line="107"/>
        <source>Tasks</source>
        <translation>Taken</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/main_window.py" line="109"/>
        <source>Send</source>
        <translation>Versturen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/main_window.py" line="109"/>
        <source>Send a list or a referral to another agency</source>
        <translation>Een lijst of doorverwijzing naar een andere instantie sturen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/main_window.py" line="110"/>
        <source>Receive</source>
        <translation>Ontvangen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/main_window.py" line="110"/>
        <source>Open a file you received</source>
        <translation>Een ontvangen bestand openen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/main_window.py" line="111"/>
        <source>Answer</source>
        <translation>Beantwoorden</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/main_window.py" line="111"/>
        <source>Check and return an answer to a request</source>
        <translation>Een antwoord op een aanvraag controleren en terugsturen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/main_window.py" line="112"/>
        <source>Seal</source>
        <translation>Verzegelen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/main_window.py" line="112"/>
        <source>Lock a file that is no longer needed</source>
        <translation>Een bestand vergrendelen dat niet meer nodig is</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/main_window.py" line="113"/>
        <source>Journal</source>
        <translation>Logboek</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/main_window.py" line="113"/>
        <source>What was handed over, and is it intact?</source>
        <translation>Wat werd overgedragen, en is het logboek intact?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../handoff/gui/main_window.py" line="1"/>
        <source>Retention: %n file(s) deleted</source>
        <translation>
            <numerusform>Bewaartermijn: %n bestand verwijderd</numerusform>
            <numerusform>Bewaartermijn: %n bestanden verwijderd</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../handoff/gui/main_window.py" line="1"/>
        <source>of %n handoff(s), as the protocol prescribes.</source>
        <translation>
            <numerusform>van %n overdracht, zoals het protocol het voorschrijft.</numerusform>
            <numerusform>van %n overdrachten, zoals het protocol het voorschrijft.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PasswordStep</name>
    <message>
        <location filename="../../handoff/gui/widgets/password_step.py" line="64"/>
        <source>Pass on the password</source>
        <translation>Het wachtwoord doorgeven</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/password_step.py" line="79"/>
        <source>These steps are recorded in the journal:</source>
        <translation>Deze stappen staan in het logboek:</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/password_step.py" line="82"/>
        <source>Start a &amp;new handoff</source>
        <translation>&amp;Nieuwe overdracht starten</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/password_step.py" line="121"/>
        <source>Recording how the password was passed on…</source>
        <translation>Er wordt genoteerd hoe het wachtwoord werd doorgegeven…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/password_step.py" line="136"/>
        <source>Handoff {ref} is complete.</source>
        <translation>Overdracht {ref} is afgerond.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/password_step.py" line="141"/>
        <source>Reading the journal…</source>
        <translation>Het logboek wordt gelezen…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/password_step.py" line="1"/>
        <source>The password has not been passed on</source>
        <translation>Het wachtwoord is nog niet doorgegeven</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/password_step.py" line="1"/>
        <source>The password of {ref} is shown only now and stored nowhere. If you go on, it is gone: the receiver cannot open the archive, and you will have to void it and start again.

Go on anyway?</source>
        <translation>Het wachtwoord van {ref} wordt alleen nu getoond en nergens bewaard. Als u verdergaat, is het weg: de ontvanger kan het archief niet openen en u moet het ongeldig maken en opnieuw beginnen.

Toch verdergaan?</translation>
    </message>
</context>
<context>
    <name>PasswordView</name>
    <message>
        <location filename="../../handoff/gui/widgets/password_view.py" line="67"/>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/password_view.py" line="69"/>
        <source>&amp;Copy (cleared after 30 seconds)</source>
        <translation>&amp;Kopiëren (na 30 seconden gewist)</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/password_view.py" line="70"/>
        <source>Copy the password</source>
        <translation>Wachtwoord kopiëren</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/password_view.py" line="72"/>
        <source>The clipboard is emptied again after 30 seconds.</source>
        <translation>Het klembord wordt na 30 seconden weer leeggemaakt.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/password_view.py" line="77"/>
        <source>Password strength</source>
        <translation>Wachtwoordsterkte</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/password_view.py" line="92"/>
        <source>Strength: {bits} bits (at least 65 needed)</source>
        <translation>Sterkte: {bits} bits (minstens 65 nodig)</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/password_view.py" line="1"/>
        <source>Strength: very strong</source>
        <translation>Sterkte: zeer sterk</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/password_view.py" line="1"/>
        <source>Strength: strong enough</source>
        <translation>Sterkte: sterk genoeg</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/password_view.py" line="1"/>
        <source>Strength: too weak</source>
        <translation>Sterkte: te zwak</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/password_view.py" line="1"/>
        <source>{bits} bits (at least 65 needed)</source>
        <translation>{bits} bits (minstens 65 nodig)</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/password_view.py" line="1"/>
        <source>Copied; cleared from the clipboard in 30 s.</source>
        <translation>Gekopieerd; wordt over 30 s van het klembord gewist.</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../../handoff/gui/widgets/progress_panel.py" line="18"/>
        <source>Progress</source>
        <translation>Voortgang</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/progress_panel.py" line="19"/>
        <location filename="../../handoff/gui/widgets/progress_panel.py" line="20"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/progress_panel.py" line="54"/>
        <source>Stopping…</source>
        <translation>Bezig met stoppen…</translation>
    </message>
</context>
<context>
    <name>ProtocolPicker</name>
    <message>
        <location filename="../../handoff/gui/widgets/protocol_picker.py" line="31"/>
        <source>Protocol</source>
        <translation>Protocol</translation>
    </message>
</context>
<context>
    <name>ReceivePage</name>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="59"/>
        <source>Receive</source>
        <translation>Ontvangen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="61"/>
        <source>Open a locked file you received. Handoff stores it in the secure folder, tells you until when you may keep it, and helps you clean up the e-mail and the password.</source>
        <translation>Open een vergrendeld bestand dat u ontving. Handoff bewaart het in de beveiligde map, zegt tot wanneer u het mag houden en helpt u de e-mail en het wachtwoord op te ruimen.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="78"/>
        <source>1. Which file did you receive?</source>
        <translation>1. Welk bestand hebt u ontvangen?</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="81"/>
        <source>C&amp;hoose file…</source>
        <translation>Bestand &amp;kiezen…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="80"/>
        <source>Drag the locked file or the whole e-mail here, or choose it.</source>
        <translation>Sleep het vergrendelde bestand of de hele e-mail hierheen, of kies het.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="82"/>
        <source>Locked files or e-mails (*.7z *.eml)</source>
        <translation>Vergrendelde bestanden of e-mails (*.7z *.eml)</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="87"/>
        <source>2. Under which protocol?</source>
        <translation>2. Onder welk protocol?</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="90"/>
        <source>3. The password from the SMS or phone call</source>
        <translation>3. Het wachtwoord uit de sms of het telefoongesprek</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="93"/>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="95"/>
        <source>Type the password exactly as you received it; spaces and dashes count.</source>
        <translation>Typ het wachtwoord precies zoals u het kreeg; spaties en streepjes tellen mee.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="99"/>
        <location filename="../../handoff/gui/pages/receive.py" line="116"/>
        <source>Sho&amp;w</source>
        <translation>&amp;Tonen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="104"/>
        <source>Problem</source>
        <translation>Probleem</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="107"/>
        <source>&amp;Open the file</source>
        <translation>Bestand &amp;openen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="116"/>
        <source>&amp;Hide</source>
        <translation>&amp;Verbergen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="158"/>
        <source>Opening the file…</source>
        <translation>Het bestand wordt geopend…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="174"/>
        <source>Opened and stored</source>
        <translation>Geopend en bewaard</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="181"/>
        <source>Open the &amp;stored file</source>
        <translation>Bewaard bestand &amp;openen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="183"/>
        <source>Show the &amp;folder</source>
        <translation>&amp;Map tonen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="186"/>
        <source>4. Clean up, as the protocol asks</source>
        <translation>4. Opruimen, zoals het protocol vraagt</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="188"/>
        <source>I &amp;deleted the e-mail with the locked file.</source>
        <translation>Ik heb de e-mail met het vergrendelde bestand &amp;verwijderd.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="189"/>
        <source>I de&amp;leted the SMS or note with the password.</source>
        <translation>Ik heb de sms of notitie met het wachtwoord ver&amp;wijderd.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="195"/>
        <source>Receive &amp;another file</source>
        <translation>&amp;Nog een bestand ontvangen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="213"/>
        <source>Stored in the secure folder: {folder} ({files})</source>
        <translation>Bewaard in de beveiligde map: {folder} ({files})</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="233"/>
        <source>Delete it by {day} at the latest; Handoff will do so then ({rule}).</source>
        <translation>Verwijder het uiterlijk op {day}; Handoff doet het dan zelf ({rule}).</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="0"/>
        <source>Still to do</source>
        <translation>Te doen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="0"/>
        <source>Open the e&amp;xisting copy</source>
        <translation>Bes&amp;taande kopie openen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="0"/>
        <source>Nothing could open {path}. Open it yourself from the file manager.</source>
        <translation>Niets kon {path} openen. Open het zelf vanuit de verkenner.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="0"/>
        <source>Delete it by {day} at the latest; Handoff will do so then.</source>
        <translation>Verwijder het uiterlijk op {day}; Handoff doet het dan zelf.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="0"/>
        <source>The password stays filled in: choose the right protocol and open the file again.</source>
        <translation>Het wachtwoord blijft ingevuld: kies het juiste protocol en open het bestand opnieuw.</translation>
    </message>
</context>
<context>
    <name>SealPage</name>
    <message>
        <location filename="../../handoff/gui/pages/seal.py" line="37"/>
        <source>Seal</source>
        <translation>Verzegelen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/seal.py" line="39"/>
        <source>Lock a file that is no longer needed. Only the custodian named in the protocol gets the password; the unlocked file is removed.</source>
        <translation>Vergrendel een bestand dat niet meer nodig is. Alleen de bewaarder die het protocol noemt krijgt het wachtwoord; het onvergrendelde bestand wordt verwijderd.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/seal.py" line="57"/>
        <source>1. Under which protocol?</source>
        <translation>1. Onder welk protocol?</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/seal.py" line="61"/>
        <source>2. Which file?</source>
        <translation>2. Welk bestand?</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/seal.py" line="63"/>
        <source>Drag the month&apos;s file here, or choose it.</source>
        <translation>Sleep het bestand van de maand hierheen, of kies het.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/seal.py" line="64"/>
        <source>C&amp;hoose file…</source>
        <translation>Bestand &amp;kiezen…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/seal.py" line="68"/>
        <source>3. Who keeps the password?</source>
        <translation>3. Wie bewaart het wachtwoord?</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/seal.py" line="70"/>
        <source>Custodian of the password</source>
        <translation>Bewaarder van het wachtwoord</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/seal.py" line="72"/>
        <source>The role named in the protocol, for example the financial director.</source>
        <translation>De functie die het protocol noemt, bijvoorbeeld de financieel directeur.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/seal.py" line="76"/>
        <source>&amp;Seal the file</source>
        <translation>Bestand &amp;verzegelen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/seal.py" line="105"/>
        <source>Sealing the file…</source>
        <translation>Het bestand wordt verzegeld…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/seal.py" line="121"/>
        <source>The file is sealed as {file}; the unlocked file was removed.</source>
        <translation>Het bestand is verzegeld als {file}; het onvergrendelde bestand werd verwijderd.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/seal.py" line="124"/>
        <source>The file is sealed as {file}, but the unlocked file could not be removed: delete it yourself.</source>
        <translation>Het bestand is verzegeld als {file}, maar het onvergrendelde bestand kon niet verwijderd worden: verwijder het zelf.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/seal.py" line="129"/>
        <source>Give this password to the {custodian} only, in person or by phone. It is shown only now and stored nowhere.</source>
        <translation>Geef dit wachtwoord alleen aan de {custodian}, persoonlijk of telefonisch. Het wordt alleen nu getoond en nergens bewaard.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/seal.py" line="133"/>
        <source>I handed the password to the &amp;custodian</source>
        <translation>Ik heb het wachtwoord aan de &amp;bewaarder gegeven</translation>
    </message>
</context>
<context>
    <name>SendPage</name>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="48"/>
        <source>Send</source>
        <translation>Versturen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="51"/>
        <source>Hand over a list or a referral the way the protocol says: Handoff checks it, locks it with a password and sends it. You pass the password on separately.</source>
        <translation>Draag een lijst of een doorverwijzing over zoals het protocol het voorschrijft: Handoff controleert ze, vergrendelt ze met een wachtwoord en verstuurt ze. Het wachtwoord geeft u apart door.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="71"/>
        <source>1. Under which protocol?</source>
        <translation>1. Onder welk protocol?</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="80"/>
        <source>2. What do you send?</source>
        <translation>2. Wat verstuurt u?</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="82"/>
        <source>Fill in a &amp;form (one person)</source>
        <translation>Een &amp;formulier invullen (één persoon)</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="83"/>
        <source>Use a &amp;spreadsheet</source>
        <translation>Een &amp;rekenblad gebruiken</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="94"/>
        <source>Drag the spreadsheet here, or choose it.</source>
        <translation>Sleep het rekenblad hierheen, of kies het.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="95"/>
        <source>C&amp;hoose spreadsheet…</source>
        <translation>Rekenblad &amp;kiezen…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="105"/>
        <source>The client was &amp;informed and freely and explicitly agreed to this referral.</source>
        <translation>De cliënt werd &amp;ingelicht en gaf vrij en uitdrukkelijk toestemming voor deze doorverwijzing.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="107"/>
        <source>Client informed and agreed</source>
        <translation>Cliënt ingelicht en akkoord</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="109"/>
        <source>Required by the protocol before a referral may be sent.</source>
        <translation>Het protocol vereist dit voordat een doorverwijzing verstuurd mag worden.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="113"/>
        <source>3. To whom?</source>
        <translation>3. Naar wie?</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="115"/>
        <source>Recipient</source>
        <translation>Ontvanger</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="117"/>
        <source>Only the recipients the protocol names can be chosen.</source>
        <translation>Alleen de ontvangers die het protocol noemt, kunnen gekozen worden.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="121"/>
        <source>&amp;Lock and send</source>
        <translation>&amp;Vergrendelen en versturen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="135"/>
        <source>These protocol files could not be used:</source>
        <translation>Deze protocolbestanden konden niet gebruikt worden:</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="166"/>
        <source>No protocol is available. Ask your DPO.</source>
        <translation>Er is geen protocol beschikbaar. Vraag het aan uw functionaris voor gegevensbescherming.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="218"/>
        <source>Checking the spreadsheet against the protocol…</source>
        <translation>Het rekenblad wordt aan het protocol getoetst…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="238"/>
        <source>This spreadsheet cannot be sent yet. Fix the cells marked &apos;Must fix&apos; in the spreadsheet, save it, and choose it again.</source>
        <translation>Dit rekenblad kan nog niet verstuurd worden. Verbeter de cellen met &apos;Moet verbeterd&apos; in het rekenblad, bewaar het en kies het opnieuw.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="291"/>
        <source>Locking the file with a password and sending it…</source>
        <translation>Het bestand wordt met een wachtwoord vergrendeld en verstuurd…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="317"/>
        <source>Sending it by SMS from Handoff needs an SMS provider and the role&apos;s number in Settings; until then, call or text from your own phone.</source>
        <translation>Om het vanuit Handoff per sms te sturen zijn een sms-aanbieder en het nummer van de functie nodig (Instellingen); tot dan belt of sms&apos;t u vanaf uw eigen telefoon.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="303"/>
        <source>Done: {step}. Reference: {ref}.</source>
        <translation>Klaar: {step}. Referentie: {ref}.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="307"/>
        <source>Pass this password to the {role} by SMS or by phone — never in the same e-mail as the file. It is shown only now and stored nowhere.</source>
        <translation>Geef dit wachtwoord door aan de {role} per sms of telefoon — nooit in dezelfde e-mail als het bestand. Het wordt alleen nu getoond en nergens bewaard.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="328"/>
        <source>Send the password by S&amp;MS</source>
        <translation>Wachtwoord per s&amp;ms sturen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="0"/>
        <source>First send the e-mail from your mail program and confirm it here; only then pass the password on.</source>
        <translation>Verstuur eerst de e-mail vanuit uw e-mailprogramma en bevestig dat hier; geef pas daarna het wachtwoord door.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="0"/>
        <source>I have &amp;sent the e-mail</source>
        <translation>Ik heb de e-mail &amp;verstuurd</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="0"/>
        <source>Send the &amp;same archive again</source>
        <translation>&amp;Hetzelfde archief opnieuw versturen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="353"/>
        <source>Send the SMS again?</source>
        <translation>De sms opnieuw versturen?</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="353"/>
        <source>An earlier SMS with this password may already have arrived. Ask the receiver first, or pass the password on by phone. Send a second SMS anyway?</source>
        <translation>Een eerdere sms met dit wachtwoord is misschien al aangekomen. Vraag het eerst aan de ontvanger, of geef het wachtwoord telefonisch door. Toch een tweede sms versturen?</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>Password in &amp;words, to read aloud on the phone</source>
        <translation>Wachtwoord in &amp;woorden, om telefonisch voor te lezen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>Six common Dutch words instead of letters and digits; just as strong.</source>
        <translation>Zes gewone Nederlandse woorden in plaats van letters en cijfers; even sterk.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>Between {parties}. Based on the protocol, {article}.</source>
        <translation>Tussen {parties}. Volgens het protocol, {article}.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>mailbox not filled in yet — ask your DPO</source>
        <translation>mailbox nog niet ingevuld — vraag uw DPO</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>a protocol</source>
        <translation>een protocol</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>a spreadsheet that fits the protocol</source>
        <translation>een rekenblad dat bij het protocol past</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>a spreadsheet without cells to correct</source>
        <translation>een rekenblad zonder cellen die te verbeteren zijn</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>tick that the client agreed</source>
        <translation>vink aan dat de cliënt toestemming gaf</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>a recipient</source>
        <translation>een ontvanger</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>the recipient&apos;s mailbox, which your DPO fills in</source>
        <translation>de mailbox van de ontvanger, die uw DPO invult</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>Still needed: {items}.</source>
        <translation>Nog nodig: {items}.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>Draft ready — open it and click Send in your mail program. Reference: {ref}.</source>
        <translation>Concept klaar — open het en klik op Verzenden in uw mailprogramma. Referentie: {ref}.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>I &amp;passed the password on</source>
        <translation>Ik heb het wachtwoord &amp;doorgegeven</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>&amp;Open the draft</source>
        <translation>Concept &amp;openen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>Show in &amp;folder</source>
        <translation>&amp;Toon in map</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>No mail program opened the draft. Use &apos;Show in folder&apos; and open {name} with your mail program (for example by dragging it into Outlook).</source>
        <translation>Geen mailprogramma opende het concept. Gebruik &apos;Toon in map&apos; en open {name} met uw mailprogramma (bijvoorbeeld door het naar Outlook te slepen).</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>The folder could not be opened. The draft is here: {path}</source>
        <translation>De map kon niet geopend worden. Het concept staat hier: {path}</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>This spreadsheet cannot be sent yet. Correct what is marked &apos;To correct&apos; below in the spreadsheet, save it, and choose it again.</source>
        <translation>Dit rekenblad kan nog niet verstuurd worden. Verbeter in het rekenblad wat hieronder bij &apos;Te verbeteren&apos; staat, bewaar het en kies het opnieuw.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>The spreadsheet fits the protocol (%n row(s)). Only the allowed columns will be sent.</source>
        <translation>
            <numerusform>Het rekenblad past bij het protocol (%n rij). Alleen de toegelaten kolommen worden verstuurd.</numerusform>
            <numerusform>Het rekenblad past bij het protocol (%n rijen). Alleen de toegelaten kolommen worden verstuurd.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="75"/>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="86"/>
        <source>(leave empty to keep the stored one)</source>
        <translation>(leeg laten om het bewaarde te houden)</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="88"/>
        <source>&amp;General</source>
        <translation>&amp;Algemeen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="89"/>
        <source>&amp;Mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="90"/>
        <source>S&amp;FTP</source>
        <translation>S&amp;FTP</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="91"/>
        <source>S&amp;MS</source>
        <translation>S&amp;ms</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="92"/>
        <source>&amp;Phone numbers</source>
        <translation>&amp;Telefoonnummers</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="109"/>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="110"/>
        <source>&amp;Organisation</source>
        <translation>&amp;Organisatie</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="112"/>
        <source>Same as the computer</source>
        <translation>Zoals de computer</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="114"/>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="116"/>
        <source>&amp;Language</source>
        <translation>&amp;Taal</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="117"/>
        <source>A new language applies when Handoff starts again.</source>
        <translation>Een andere taal geldt vanaf de volgende keer dat Handoff start.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="118"/>
        <source>Secure folder</source>
        <translation>Beveiligde map</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="119"/>
        <source>&amp;Secure folder</source>
        <translation>&amp;Beveiligde map</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="124"/>
        <source>Where received files are stored: a folder only authorised colleagues can open.</source>
        <translation>Waar ontvangen bestanden bewaard worden: een map die alleen bevoegde collega&apos;s kunnen openen.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="128"/>
        <source>Outbox</source>
        <translation>Uitgaande map</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="129"/>
        <source>O&amp;utbox</source>
        <translation>&amp;Uitgaande map</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="133"/>
        <source>Browse…</source>
        <translation>Bladeren…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="134"/>
        <source>Browse for {field}</source>
        <translation>Bladeren voor {field}</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="154"/>
        <source>Prepare a draft in my mail program</source>
        <translation>Een concept klaarzetten in mijn mailprogramma</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="155"/>
        <source>Send directly through the mail server (SMTP)</source>
        <translation>Rechtstreeks via de mailserver versturen (SMTP)</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="158"/>
        <source>How e-mail is sent</source>
        <translation>Hoe e-mail verstuurd wordt</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="160"/>
        <source>&amp;How</source>
        <translation>&amp;Hoe</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="161"/>
        <source>Mail server</source>
        <translation>Mailserver</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="162"/>
        <location filename="../../handoff/gui/settings_dialog.py" line="191"/>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="163"/>
        <source>Mail server port</source>
        <translation>Poort van de mailserver</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="164"/>
        <location filename="../../handoff/gui/settings_dialog.py" line="193"/>
        <source>&amp;Port</source>
        <translation>&amp;Poort</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="166"/>
        <source>Security</source>
        <translation>Beveiliging</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="168"/>
        <source>S&amp;ecurity</source>
        <translation>&amp;Beveiliging</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="169"/>
        <source>Mail user name</source>
        <translation>Gebruikersnaam voor de mailserver</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="170"/>
        <location filename="../../handoff/gui/settings_dialog.py" line="195"/>
        <source>&amp;User name</source>
        <translation>&amp;Gebruikersnaam</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="171"/>
        <source>Sender address</source>
        <translation>Adres van de afzender</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="172"/>
        <location filename="../../handoff/gui/settings_dialog.py" line="218"/>
        <source>Se&amp;nder</source>
        <translation>A&amp;fzender</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="173"/>
        <source>Mail password</source>
        <translation>Wachtwoord van de mailserver</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="174"/>
        <location filename="../../handoff/gui/settings_dialog.py" line="202"/>
        <source>Pass&amp;word</source>
        <translation>&amp;Wachtwoord</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="190"/>
        <source>SFTP server</source>
        <translation>SFTP-server</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="192"/>
        <source>SFTP port</source>
        <translation>SFTP-poort</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="194"/>
        <source>SFTP user name</source>
        <translation>SFTP-gebruikersnaam</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="196"/>
        <source>SFTP folder</source>
        <translation>SFTP-map</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="197"/>
        <source>&amp;Folder</source>
        <translation>&amp;Map</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="198"/>
        <source>Server fingerprint</source>
        <translation>Vingerafdruk van de server</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="200"/>
        <source>Finger&amp;print</source>
        <translation>&amp;Vingerafdruk</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="201"/>
        <source>SFTP password</source>
        <translation>SFTP-wachtwoord</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="210"/>
        <source>SMS provider</source>
        <translation>Sms-aanbieder</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="212"/>
        <source>P&amp;rovider</source>
        <translation>&amp;Aanbieder</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="213"/>
        <source>Provider address</source>
        <translation>Adres van de aanbieder</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="214"/>
        <source>&amp;Address</source>
        <translation>&amp;Adres</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="215"/>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="216"/>
        <source>A&amp;ccount</source>
        <translation>A&amp;ccount</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="217"/>
        <source>Sender name</source>
        <translation>Naam van de afzender</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="219"/>
        <source>SMS token</source>
        <translation>Sms-token</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="220"/>
        <source>&amp;Token</source>
        <translation>&amp;Token</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="229"/>
        <source>Phone numbers of the roles the protocols name, for passing on passwords (for example the OCMW social service). Not the clients&apos; numbers.</source>
        <translation>Telefoonnummers van de functies die de protocollen noemen, om wachtwoorden door te geven (bijvoorbeeld de sociale dienst van het OCMW). Niet de nummers van cliënten.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="235"/>
        <source>Phone numbers</source>
        <translation>Telefoonnummers</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="236"/>
        <source>Role</source>
        <translation>Functie</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="236"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="240"/>
        <source>&amp;Add a number</source>
        <translation>Nummer &amp;toevoegen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="0"/>
        <source>Set by your organisation</source>
        <translation>Ingesteld door uw organisatie</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="0"/>
        <source>Policy {place}: {setting} ignored: {why}</source>
        <translation>Beleid {place}: {setting} genegeerd: {why}</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="1"/>
        <source>{key} (no protocol names this role)</source>
        <translation>{key} (geen protocol noemt deze functie)</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="1"/>
        <source>Not saved: still fill in {items}.</source>
        <translation>Niet bewaard: vul nog {items} in.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="1"/>
        <source>and</source>
        <translation>en</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="0"/>
        <source>Journal server</source>
        <translation>Logboekserver</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="0"/>
        <source>&amp;Journal server</source>
        <translation>&amp;Logboekserver</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="0"/>
        <source>The organisation's journal server, from your IT desk. This computer is not enrolled with it yet ('handoff journal enrol').</source>
        <translation>De logboekserver van de organisatie, van uw IT-dienst. Deze computer is er nog niet bij ingeschreven ('handoff journal enrol').</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="0"/>
        <source>This computer is enrolled with {url} as {name}.</source>
        <translation>Deze computer is ingeschreven bij {url} als {name}.</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../handoff/gui/messages.py" line="27"/>
        <source>Something unexpected went wrong ({kind}). Nothing was left half-written. Try again; if it happens again, tell your IT desk.</source>
        <translation>Er ging iets onverwachts mis ({kind}). Er is niets half weggeschreven. Probeer opnieuw; gebeurt het nog eens, meld het dan aan uw IT-dienst.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/messages.py" line="36"/>
        <source>Handoff</source>
        <translation>Handoff</translation>
    </message>
</context>
<context>
    <name>secret_prompt</name>
    <message>
        <location filename="../../handoff/gui/secret_prompt.py" line="16"/>
        <source>Password of the mail server</source>
        <translation>Het wachtwoord van de mailserver</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/secret_prompt.py" line="17"/>
        <source>Password of the SFTP server</source>
        <translation>Het wachtwoord van de SFTP-server</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/secret_prompt.py" line="18"/>
        <source>Token of the SMS provider</source>
        <translation>Het token van de sms-aanbieder</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/secret_prompt.py" line="27"/>
        <source>Password needed</source>
        <translation>Wachtwoord nodig</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/secret_prompt.py" line="28"/>
        <source>{what} is not stored on this computer. Type it to use it once (Settings can store it in {store}).</source>
        <translation>{what} is niet op deze computer bewaard. Typ het om het één keer te gebruiken (bij Instellingen kunt u het bewaren in {store}).</translation>
    </message>
</context>
<context>
    <name>steps</name>
    <message>
        <location filename="../../handoff/gui/steps.py" line="11"/>
        <source>File checked and locked with a password</source>
        <translation>Bestand gecontroleerd en met een wachtwoord vergrendeld</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="12"/>
        <source>Client&apos;s consent confirmed</source>
        <translation>Toestemming van de cliënt bevestigd</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="13"/>
        <source>E-mail draft handed to the mail program</source>
        <translation>E-mailconcept aan het mailprogramma gegeven</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="16"/>
        <source>E-mail sent</source>
        <translation>E-mail verstuurd</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="17"/>
        <source>File uploaded to the secure server</source>
        <translation>Bestand naar de beveiligde server opgeladen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="18"/>
        <source>Password passed on by another channel</source>
        <translation>Wachtwoord via een ander kanaal doorgegeven</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="21"/>
        <source>File received</source>
        <translation>Bestand ontvangen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="22"/>
        <source>File opened and stored in the secure folder</source>
        <translation>Bestand geopend en in de beveiligde map bewaard</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="25"/>
        <source>E-mail with the file deleted</source>
        <translation>E-mail met het bestand verwijderd</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="26"/>
        <source>SMS or note with the password deleted</source>
        <translation>Sms of notitie met het wachtwoord verwijderd</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="30"/>
        <source>File sealed with a password</source>
        <translation>Bestand met een wachtwoord verzegeld</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="31"/>
        <source>Password handed to the custodian</source>
        <translation>Wachtwoord aan de bewaarder gegeven</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="0"/>
        <source>Sent, but arrival not confirmed by the server</source>
        <translation>Verstuurd, maar de server bevestigde de aankomst niet</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="0"/>
        <source>Sending failed; nothing arrived</source>
        <translation>Versturen mislukt; er kwam niets aan</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="0"/>
        <source>Archive voided by the worker</source>
        <translation>Archief vernietigd door de medewerker</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="0"/>
        <source>E-mail with the archive sent</source>
        <translation>E-mail met het archief verstuurd</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="0"/>
        <source>E-mail draft removed from the outbox</source>
        <translation>E-mailconcept uit de uitgaande map verwijderd</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="34"/>
        <source>Files left by an interrupted Handoff removed</source>
        <translation>Bestanden van een onderbroken Handoff opgeruimd</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="21"/>
        <source>SMS with the password: outcome unknown</source>
        <translation>Sms met het wachtwoord: vertrek onzeker</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="0"/>
        <source>Organisation policy setting ignored</source>
        <translation>Instelling uit het beleid van de organisatie genegeerd</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="0"/>
        <source>Shared protocol profile refused (signature)</source>
        <translation>Gedeeld protocolprofiel geweigerd (handtekening)</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="1"/>
        <source>E-mail draft made (not sent yet)</source>
        <translation>E-mailconcept gemaakt (nog niet verstuurd)</translation>
    </message>
</context>
<context>
    <name>SheetForm</name>
    <message>
        <location filename="../../handoff/gui/widgets/sheet_form.py" line="1"/>
        <source>0470 12 34 56 or +32 470 12 34 56</source>
        <translation>0470 12 34 56 of +32 470 12 34 56</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/sheet_form.py" line="1"/>
        <source>A number abroad needs its country code: +31 6 12 34 56 78.</source>
        <translation>Een buitenlands nummer heeft een landcode nodig: +31 6 12 34 56 78.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/sheet_form.py" line="1"/>
        <source>name@example.be</source>
        <translation>naam@voorbeeld.be</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/sheet_form.py" line="1"/>
        <source>fill in &apos;{field}&apos;</source>
        <translation>vul &apos;{field}&apos; in</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/sheet_form.py" line="1"/>
        <source>correct &apos;{field}&apos;</source>
        <translation>verbeter &apos;{field}&apos;</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/sheet_form.py" line="1"/>
        <source>This is not a valid value. Example: {example}.</source>
        <translation>Dit is geen geldige waarde. Voorbeeld: {example}.</translation>
    </message>
</context>
<context>
    <name>TodoList</name>
    <message>
        <location filename="../../handoff/gui/widgets/todo_list.py" line="0"/>
        <source>Open obligations</source>
        <translation>Openstaande taken</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/todo_list.py" line="0"/>
        <source>Handoff</source>
        <translation>Overdracht</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/todo_list.py" line="0"/>
        <source>To do</source>
        <translation>Te doen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/todo_list.py" line="0"/>
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/todo_list.py" line="0"/>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/todo_list.py" line="0"/>
        <source>Nothing is open.</source>
        <translation>Niets staat nog open.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/todo_list.py" line="0"/>
        <source>Delete the stored files of {handoff} now? This cannot be undone.</source>
        <translation>De bewaarde bestanden van {handoff} nu verwijderen? Dit kan niet ongedaan gemaakt worden.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/todo_list.py" line="0"/>
        <source>Void the archive of {handoff}? Its password can then no longer be passed on; you start again with a new handoff.</source>
        <translation>Het archief van {handoff} vernietigen? Het wachtwoord kan dan niet meer doorgegeven worden; u begint opnieuw met een nieuwe overdracht.</translation>
    </message>
</context>
<context>
    <name>OrgView</name>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>Last check of the organisation's journal</source>
        <translation>Laatste controle van het logboek van de organisatie</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>Check &amp;now</source>
        <translation>&amp;Nu controleren</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>Check that the organisation's journal only grew since your last check, and cosign it.</source>
        <translation>Controleer dat het logboek van de organisatie sinds uw laatste controle alleen aangroeide, en onderteken het mee.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>Ex&amp;port…</source>
        <translation>Ex&amp;porteren…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>Every record of every computer, as CSV or Excel, after an audit.</source>
        <translation>Alle regels van alle computers, als CSV of Excel, na een volledige controle.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>Open obligations of the organisation</source>
        <translation>Openstaande verplichtingen van de organisatie</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>Computer</source>
        <translation>Computer</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>User</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>Protocol</source>
        <translation>Protocol</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>Handoff</source>
        <translation>Overdracht</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>To do</source>
        <translation>Te doen</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>Not checked yet from this computer. 'Check now' checks the organisation's journal and cosigns it.</source>
        <translation>Nog niet gecontroleerd vanaf deze computer. 'Nu controleren' controleert het logboek van de organisatie en ondertekent het mee.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>✓ Last checked and cosigned on {when}: %n record(s), nothing rewritten.</source>
        <translation><numerusform>✓ Laatst gecontroleerd en meeondertekend op {when}: %n regel, niets herschreven.</numerusform><numerusform>✓ Laatst gecontroleerd en meeondertekend op {when}: %n regels, niets herschreven.</numerusform></translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>Checking the organisation's journal…</source>
        <translation>Het logboek van de organisatie wordt gecontroleerd…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>Reading the organisation's journal…</source>
        <translation>Het logboek van de organisatie wordt gelezen…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>Nothing is open in the organisation.</source>
        <translation>Er staat niets open in de organisatie.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>%n open obligation(s) in the organisation</source>
        <translation><numerusform>%n openstaande verplichting in de organisatie</numerusform><numerusform>%n openstaande verplichtingen in de organisatie</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>, %n overdue (at the top).</source>
        <translation><numerusform>, waarvan %n te laat (bovenaan).</numerusform><numerusform>, waarvan %n te laat (bovenaan).</numerusform></translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>Export the organisation's journal</source>
        <translation>Het logboek van de organisatie exporteren</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>Excel files (*.xlsx);;CSV files (*.csv)</source>
        <translation>Excel-bestanden (*.xlsx);;CSV-bestanden (*.csv)</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>Exporting the organisation's journal…</source>
        <translation>Het logboek van de organisatie wordt geëxporteerd…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>%n record(s) exported to {file}.</source>
        <translation><numerusform>%n regel geëxporteerd naar {file}.</numerusform><numerusform>%n regels geëxporteerd naar {file}.</numerusform></translation>
    </message>
</context>
</TS>
