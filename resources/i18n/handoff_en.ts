<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../handoff/gui/about.py" line="37"/>
        <source>About Handoff</source>
        <translation>About Handoff</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/about.py" line="40"/>
        <source>&lt;h2&gt;Handoff {version}&lt;/h2&gt;&lt;p&gt;Hand over personal data to another agency the way the data-exchange protocol prescribes: checked, locked with a password, sent, and recorded in a journal.&lt;/p&gt;&lt;p&gt;Qt {qt}, PySide6 {pyside}&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Handoff {version}&lt;/h2&gt;&lt;p&gt;Hand over personal data to another agency the way the data-exchange protocol prescribes: checked, locked with a password, sent, and recorded in a journal.&lt;/p&gt;&lt;p&gt;Qt {qt}, PySide6 {pyside}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/about.py" line="50"/>
        <source>&lt;p&gt;&lt;b&gt;Licences&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Licences&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/about.py" line="53"/>
        <source>&lt;p&gt;Qt and PySide6 are used under the LGPL version 3; their sources are at &lt;a href=&apos;https://code.qt.io&apos;&gt;code.qt.io&lt;/a&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Qt and PySide6 are used under the LGPL version 3; their sources are at &lt;a href=&apos;https://code.qt.io&apos;&gt;code.qt.io&lt;/a&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/about.py" line="59"/>
        <source>Licences</source>
        <translation>Licences</translation>
    </message>
</context>
<context>
    <name>AnswerPage</name>
    <message>
        <location filename="../../handoff/gui/pages/answer.py" line="32"/>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/answer.py" line="34"/>
        <source>Open the request you received, check the answer sheet against it, and send the answer back locked with a new password, under the same reference.</source>
        <translation>Open the request you received, check the answer sheet against it, and send the answer back locked with a new password, under the same reference.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/answer.py" line="48"/>
        <source>First the request you received (from the secure folder).</source>
        <translation>First the request you received (from the secure folder).</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/answer.py" line="49"/>
        <source>Choose the &amp;request…</source>
        <translation>Choose the &amp;request…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/answer.py" line="55"/>
        <source>Reference of the request, e.g. HO-20250301-7KQ2M9</source>
        <translation>Reference of the request, e.g. HO-20250301-7KQ2M9</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/answer.py" line="57"/>
        <source>Reference of the request</source>
        <translation>Reference of the request</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/answer.py" line="60"/>
        <source>&amp;Reference</source>
        <translation>&amp;Reference</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/answer.py" line="1"/>
        <source>the request you answer</source>
        <translation>the request you answer</translation>
    </message>
</context>
<context>
    <name>FileDrop</name>
    <message>
        <location filename="../../handoff/gui/widgets/file_drop.py" line="95"/>
        <source>Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv)</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/file_drop.py" line="1"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/file_drop.py" line="1"/>
        <source>{name} is not an Excel workbook. Open it in Excel, save it as an Excel workbook (.xlsx) and choose that file.</source>
        <translation>{name} is not an Excel workbook. Open it in Excel, save it as an Excel workbook (.xlsx) and choose that file.</translation>
    </message>
</context>
<context>
    <name>FindingsList</name>
    <message>
        <location filename="../../handoff/gui/widgets/findings_list.py" line="26"/>
        <source>Results of the check</source>
        <translation>Results of the check</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/findings_list.py" line="33"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/findings_list.py" line="1"/>
        <source>To correct</source>
        <translation>To correct</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/findings_list.py" line="1"/>
        <source>column &apos;{header}&apos;</source>
        <translation>column &apos;{header}&apos;</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/findings_list.py" line="1"/>
        <source>column {letters}</source>
        <translation>column {letters}</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/findings_list.py" line="1"/>
        <source>Row {row}, {column}</source>
        <translation>Row {row}, {column}</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/findings_list.py" line="1"/>
        <source>Row {row}</source>
        <translation>Row {row}</translation>
    </message>
</context>
<context>
    <name>JournalChecklist</name>
    <message>
        <location filename="../../handoff/gui/widgets/checklist.py" line="25"/>
        <source>Steps recorded in the journal</source>
        <translation>Steps recorded in the journal</translation>
    </message>
</context>
<context>
    <name>JournalTableModel</name>
    <message>
        <location filename="../../handoff/gui/journal_model.py" line="38"/>
        <source>Seq</source>
        <translation>Seq</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/journal_model.py" line="39"/>
        <source>Time</source>
        <translation>Time</translation>
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
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/journal_model.py" line="43"/>
        <source>User</source>
        <translation>User</translation>
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
        <translation>Journal</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="83"/>
        <source>Every step of every handoff, as recorded on this computer: who, when, under which protocol. The journal never holds the data itself.</source>
        <translation>Every step of every handoff, as recorded on this computer: who, when, under which protocol. The journal never holds the data itself.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="93"/>
        <source>Journal records</source>
        <translation>Journal records</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="119"/>
        <location filename="../../handoff/gui/pages/log.py" line="132"/>
        <location filename="../../handoff/gui/pages/log.py" line="136"/>
        <source>Checking the journal…</source>
        <translation>Checking the journal…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="122"/>
        <source>Journal integrity</source>
        <translation>Journal integrity</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="123"/>
        <source>&amp;Check integrity again</source>
        <translation>&amp;Check integrity again</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="146"/>
        <source>✓ Journal intact: {count} records, nothing changed or removed.</source>
        <translation>✓ Journal intact: {count} records, nothing changed or removed.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="167"/>
        <source>&amp;From</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="170"/>
        <source>From date</source>
        <translation>From date</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="172"/>
        <source>Protocol</source>
        <translation>Protocol</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="173"/>
        <source>All protocols</source>
        <translation>All protocols</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="179"/>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="180"/>
        <source>All steps</source>
        <translation>All steps</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="184"/>
        <location filename="../../handoff/gui/pages/log.py" line="185"/>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="217"/>
        <source>Open obligations</source>
        <translation>Open obligations</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="219"/>
        <source>Upcoming deletions</source>
        <translation>Upcoming deletions</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="220"/>
        <source>Still to do</source>
        <translation>Still to do</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="221"/>
        <source>Deleted soon</source>
        <translation>Deleted soon</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="231"/>
        <source>Nothing is open.</source>
        <translation>Nothing is open.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="238"/>
        <source>No deletion in the next two weeks.</source>
        <translation>No deletion in the next two weeks.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="244"/>
        <source>overdue: {count} file(s) are deleted at the next retention run</source>
        <translation>overdue: {count} file(s) are deleted at the next retention run</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="246"/>
        <source>{count} file(s) will be deleted on {day}</source>
        <translation>{count} file(s) will be deleted on {day}</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="255"/>
        <source>Export to &amp;CSV…</source>
        <translation>Export to &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="256"/>
        <source>Export to E&amp;xcel…</source>
        <translation>Export to E&amp;xcel…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="259"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="271"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="271"/>
        <source>Excel files (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="273"/>
        <source>Export the journal</source>
        <translation>Export the journal</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="282"/>
        <source>Exporting the journal…</source>
        <translation>Exporting the journal…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="287"/>
        <source>{count} records exported to {file}.</source>
        <translation>{count} records exported to {file}.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="0"/>
        <source>No records.</source>
        <translation>No records.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="0"/>
        <source>Selected record in full</source>
        <translation>Selected record in full</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="0"/>
        <source>Choose a record to see all its fields, with its hashes.</source>
        <translation>Choose a record to see all its fields, with its hashes.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="0"/>
        <source>✗ The journal was changed from record {seq} on: {problem} What to do: change nothing in the file, keep a copy of it and report this to your DPO. The first damaged record is selected below.</source>
        <translation>✗ The journal was changed from record {seq} on: {problem} What to do: change nothing in the file, keep a copy of it and report this to your DPO. The first damaged record is selected below.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../handoff/gui/pages/log.py" line="0"/>
        <source>✓ Journal intact: %n record(s), nothing changed or removed.</source>
        <translation><numerusform>✓ Journal intact: %n record, nothing changed or removed.</numerusform><numerusform>✓ Journal intact: %n records, nothing changed or removed.</numerusform></translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="0"/>
        <source>User (part of the name)</source>
        <translation>User (part of the name)</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="0"/>
        <source>Show &amp;all handoffs</source>
        <translation>Show &amp;all handoffs</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="0"/>
        <source>Only {handoff} — show &amp;all</source>
        <translation>Only {handoff} — show &amp;all</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="0"/>
        <source>Time (UTC): {time}</source>
        <translation>Time (UTC): {time}</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="0"/>
        <source>Protocol: {id}</source>
        <translation>Protocol: {id}</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="0"/>
        <source>Step code: {code}</source>
        <translation>Step code: {code}</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="0"/>
        <source>Details: {raw}</source>
        <translation>Details: {raw}</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="0"/>
        <source>Previous hash: {hash}</source>
        <translation>Previous hash: {hash}</translation>
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
        <translation>Organisation journal</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="0"/>
        <source>&amp;Sync now</source>
        <translation>&amp;Sync now</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="0"/>
        <source>Send this computer's new records to the organisation's journal now.</source>
        <translation>Send this computer's new records to the organisation's journal now.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/log.py" line="0"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../handoff/gui/main_window.py" line="46"/>
        <source>Handoff — hand over personal data safely</source>
        <translation>Handoff — hand over personal data safely</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/main_window.py" line="58"/>
        <source>S&amp;ettings…</source>
        <translation>S&amp;ettings…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/main_window.py" line="60"/>
        <source>&amp;About Handoff</source>
        <translation>&amp;About Handoff</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/main_window.py" line="107"/>
        <source>Tasks</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/main_window.py" line="109"/>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/main_window.py" line="109"/>
        <source>Send a list or a referral to another agency</source>
        <translation>Send a list or a referral to another agency</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/main_window.py" line="110"/>
        <source>Receive</source>
        <translation>Receive</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/main_window.py" line="110"/>
        <source>Open a file you received</source>
        <translation>Open a file you received</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/main_window.py" line="111"/>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/main_window.py" line="111"/>
        <source>Check and return an answer to a request</source>
        <translation>Check and return an answer to a request</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/main_window.py" line="112"/>
        <source>Seal</source>
        <translation>Seal</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/main_window.py" line="112"/>
        <source>Lock a file that is no longer needed</source>
        <translation>Lock a file that is no longer needed</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/main_window.py" line="113"/>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/main_window.py" line="113"/>
        <source>What was handed over, and is it intact?</source>
        <translation>What was handed over, and is it intact?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../handoff/gui/main_window.py" line="1"/>
        <source>Retention: %n file(s) deleted</source>
        <translation>
            <numerusform>Retention: %n file deleted</numerusform>
            <numerusform>Retention: %n files deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../handoff/gui/main_window.py" line="1"/>
        <source>of %n handoff(s), as the protocol prescribes.</source>
        <translation>
            <numerusform>of %n handoff, as the protocol prescribes.</numerusform>
            <numerusform>of %n handoffs, as the protocol prescribes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PasswordStep</name>
    <message>
        <location filename="../../handoff/gui/widgets/password_step.py" line="64"/>
        <source>Pass on the password</source>
        <translation>Pass on the password</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/password_step.py" line="79"/>
        <source>These steps are recorded in the journal:</source>
        <translation>These steps are recorded in the journal:</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/password_step.py" line="82"/>
        <source>Start a &amp;new handoff</source>
        <translation>Start a &amp;new handoff</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/password_step.py" line="121"/>
        <source>Recording how the password was passed on…</source>
        <translation>Recording how the password was passed on…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/password_step.py" line="136"/>
        <source>Handoff {ref} is complete.</source>
        <translation>Handoff {ref} is complete.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/password_step.py" line="141"/>
        <source>Reading the journal…</source>
        <translation>Reading the journal…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/password_step.py" line="1"/>
        <source>The password has not been passed on</source>
        <translation>The password has not been passed on</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/password_step.py" line="1"/>
        <source>The password of {ref} is shown only now and stored nowhere. If you go on, it is gone: the receiver cannot open the archive, and you will have to void it and start again.

Go on anyway?</source>
        <translation>The password of {ref} is shown only now and stored nowhere. If you go on, it is gone: the receiver cannot open the archive, and you will have to void it and start again.

Go on anyway?</translation>
    </message>
</context>
<context>
    <name>PasswordView</name>
    <message>
        <location filename="../../handoff/gui/widgets/password_view.py" line="67"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/password_view.py" line="69"/>
        <source>&amp;Copy (cleared after 30 seconds)</source>
        <translation>&amp;Copy (cleared after 30 seconds)</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/password_view.py" line="70"/>
        <source>Copy the password</source>
        <translation>Copy the password</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/password_view.py" line="72"/>
        <source>The clipboard is emptied again after 30 seconds.</source>
        <translation>The clipboard is emptied again after 30 seconds.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/password_view.py" line="77"/>
        <source>Password strength</source>
        <translation>Password strength</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/password_view.py" line="92"/>
        <source>Strength: {bits} bits (at least 65 needed)</source>
        <translation>Strength: {bits} bits (at least 65 needed)</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/password_view.py" line="1"/>
        <source>Strength: very strong</source>
        <translation>Strength: very strong</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/password_view.py" line="1"/>
        <source>Strength: strong enough</source>
        <translation>Strength: strong enough</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/password_view.py" line="1"/>
        <source>Strength: too weak</source>
        <translation>Strength: too weak</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/password_view.py" line="1"/>
        <source>{bits} bits (at least 65 needed)</source>
        <translation>{bits} bits (at least 65 needed)</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/password_view.py" line="1"/>
        <source>Copied; cleared from the clipboard in 30 s.</source>
        <translation>Copied; cleared from the clipboard in 30 s.</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../../handoff/gui/widgets/progress_panel.py" line="18"/>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/progress_panel.py" line="19"/>
        <location filename="../../handoff/gui/widgets/progress_panel.py" line="20"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/progress_panel.py" line="54"/>
        <source>Stopping…</source>
        <translation>Stopping…</translation>
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
        <translation>Receive</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="61"/>
        <source>Open a locked file you received. Handoff stores it in the secure folder, tells you until when you may keep it, and helps you clean up the e-mail and the password.</source>
        <translation>Open a locked file you received. Handoff stores it in the secure folder, tells you until when you may keep it, and helps you clean up the e-mail and the password.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="78"/>
        <source>1. Which file did you receive?</source>
        <translation>1. Which file did you receive?</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="81"/>
        <source>C&amp;hoose file…</source>
        <translation>C&amp;hoose file…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="80"/>
        <source>Drag the locked file or the whole e-mail here, or choose it.</source>
        <translation>Drag the locked file or the whole e-mail here, or choose it.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="82"/>
        <source>Locked files or e-mails (*.7z *.eml)</source>
        <translation>Locked files or e-mails (*.7z *.eml)</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="87"/>
        <source>2. Under which protocol?</source>
        <translation>2. Under which protocol?</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="90"/>
        <source>3. The password from the SMS or phone call</source>
        <translation>3. The password from the SMS or phone call</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="93"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="95"/>
        <source>Type the password exactly as you received it; spaces and dashes count.</source>
        <translation>Type the password exactly as you received it; spaces and dashes count.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="99"/>
        <location filename="../../handoff/gui/pages/receive.py" line="116"/>
        <source>Sho&amp;w</source>
        <translation>Sho&amp;w</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="104"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="107"/>
        <source>&amp;Open the file</source>
        <translation>&amp;Open the file</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="116"/>
        <source>&amp;Hide</source>
        <translation>&amp;Hide</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="158"/>
        <source>Opening the file…</source>
        <translation>Opening the file…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="174"/>
        <source>Opened and stored</source>
        <translation>Opened and stored</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="181"/>
        <source>Open the &amp;stored file</source>
        <translation>Open the &amp;stored file</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="183"/>
        <source>Show the &amp;folder</source>
        <translation>Show the &amp;folder</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="186"/>
        <source>4. Clean up, as the protocol asks</source>
        <translation>4. Clean up, as the protocol asks</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="188"/>
        <source>I &amp;deleted the e-mail with the locked file.</source>
        <translation>I &amp;deleted the e-mail with the locked file.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="189"/>
        <source>I de&amp;leted the SMS or note with the password.</source>
        <translation>I de&amp;leted the SMS or note with the password.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="195"/>
        <source>Receive &amp;another file</source>
        <translation>Receive &amp;another file</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="213"/>
        <source>Stored in the secure folder: {folder} ({files})</source>
        <translation>Stored in the secure folder: {folder} ({files})</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="233"/>
        <source>Delete it by {day} at the latest; Handoff will do so then ({rule}).</source>
        <translation>Delete it by {day} at the latest; Handoff will do so then ({rule}).</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="0"/>
        <source>Still to do</source>
        <translation>Still to do</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="0"/>
        <source>Open the e&amp;xisting copy</source>
        <translation>Open the e&amp;xisting copy</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="0"/>
        <source>Nothing could open {path}. Open it yourself from the file manager.</source>
        <translation>Nothing could open {path}. Open it yourself from the file manager.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="0"/>
        <source>Delete it by {day} at the latest; Handoff will do so then.</source>
        <translation>Delete it by {day} at the latest; Handoff will do so then.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/receive.py" line="0"/>
        <source>The password stays filled in: choose the right protocol and open the file again.</source>
        <translation>The password stays filled in: choose the right protocol and open the file again.</translation>
    </message>
</context>
<context>
    <name>SealPage</name>
    <message>
        <location filename="../../handoff/gui/pages/seal.py" line="37"/>
        <source>Seal</source>
        <translation>Seal</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/seal.py" line="39"/>
        <source>Lock a file that is no longer needed. Only the custodian named in the protocol gets the password; the unlocked file is removed.</source>
        <translation>Lock a file that is no longer needed. Only the custodian named in the protocol gets the password; the unlocked file is removed.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/seal.py" line="57"/>
        <source>1. Under which protocol?</source>
        <translation>1. Under which protocol?</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/seal.py" line="61"/>
        <source>2. Which file?</source>
        <translation>2. Which file?</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/seal.py" line="63"/>
        <source>Drag the month&apos;s file here, or choose it.</source>
        <translation>Drag the month&apos;s file here, or choose it.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/seal.py" line="64"/>
        <source>C&amp;hoose file…</source>
        <translation>C&amp;hoose file…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/seal.py" line="68"/>
        <source>3. Who keeps the password?</source>
        <translation>3. Who keeps the password?</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/seal.py" line="70"/>
        <source>Custodian of the password</source>
        <translation>Custodian of the password</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/seal.py" line="72"/>
        <source>The role named in the protocol, for example the financial director.</source>
        <translation>The role named in the protocol, for example the financial director.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/seal.py" line="76"/>
        <source>&amp;Seal the file</source>
        <translation>&amp;Seal the file</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/seal.py" line="105"/>
        <source>Sealing the file…</source>
        <translation>Sealing the file…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/seal.py" line="121"/>
        <source>The file is sealed as {file}; the unlocked file was removed.</source>
        <translation>The file is sealed as {file}; the unlocked file was removed.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/seal.py" line="124"/>
        <source>The file is sealed as {file}, but the unlocked file could not be removed: delete it yourself.</source>
        <translation>The file is sealed as {file}, but the unlocked file could not be removed: delete it yourself.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/seal.py" line="129"/>
        <source>Give this password to the {custodian} only, in person or by phone. It is shown only now and stored nowhere.</source>
        <translation>Give this password to the {custodian} only, in person or by phone. It is shown only now and stored nowhere.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/seal.py" line="133"/>
        <source>I handed the password to the &amp;custodian</source>
        <translation>I handed the password to the &amp;custodian</translation>
    </message>
</context>
<context>
    <name>SendPage</name>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="48"/>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="51"/>
        <source>Hand over a list or a referral the way the protocol says: Handoff checks it, locks it with a password and sends it. You pass the password on separately.</source>
        <translation>Hand over a list or a referral the way the protocol says: Handoff checks it, locks it with a password and sends it. You pass the password on separately.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="71"/>
        <source>1. Under which protocol?</source>
        <translation>1. Under which protocol?</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="80"/>
        <source>2. What do you send?</source>
        <translation>2. What do you send?</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="82"/>
        <source>Fill in a &amp;form (one person)</source>
        <translation>Fill in a &amp;form (one person)</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="83"/>
        <source>Use a &amp;spreadsheet</source>
        <translation>Use a &amp;spreadsheet</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="94"/>
        <source>Drag the spreadsheet here, or choose it.</source>
        <translation>Drag the spreadsheet here, or choose it.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="95"/>
        <source>C&amp;hoose spreadsheet…</source>
        <translation>C&amp;hoose spreadsheet…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="105"/>
        <source>The client was &amp;informed and freely and explicitly agreed to this referral.</source>
        <translation>The client was &amp;informed and freely and explicitly agreed to this referral.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="107"/>
        <source>Client informed and agreed</source>
        <translation>Client informed and agreed</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="109"/>
        <source>Required by the protocol before a referral may be sent.</source>
        <translation>Required by the protocol before a referral may be sent.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="113"/>
        <source>3. To whom?</source>
        <translation>3. To whom?</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="115"/>
        <source>Recipient</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="117"/>
        <source>Only the recipients the protocol names can be chosen.</source>
        <translation>Only the recipients the protocol names can be chosen.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="121"/>
        <source>&amp;Lock and send</source>
        <translation>&amp;Lock and send</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="135"/>
        <source>These protocol files could not be used:</source>
        <translation>These protocol files could not be used:</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="166"/>
        <source>No protocol is available. Ask your DPO.</source>
        <translation>No protocol is available. Ask your DPO.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="218"/>
        <source>Checking the spreadsheet against the protocol…</source>
        <translation>Checking the spreadsheet against the protocol…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="238"/>
        <source>This spreadsheet cannot be sent yet. Fix the cells marked &apos;Must fix&apos; in the spreadsheet, save it, and choose it again.</source>
        <translation>This spreadsheet cannot be sent yet. Fix the cells marked &apos;Must fix&apos; in the spreadsheet, save it, and choose it again.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="291"/>
        <source>Locking the file with a password and sending it…</source>
        <translation>Locking the file with a password and sending it…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="317"/>
        <source>Sending it by SMS from Handoff needs an SMS provider and the role&apos;s number in Settings; until then, call or text from your own phone.</source>
        <translation>Sending it by SMS from Handoff needs an SMS provider and the role&apos;s number in Settings; until then, call or text from your own phone.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="303"/>
        <source>Done: {step}. Reference: {ref}.</source>
        <translation>Done: {step}. Reference: {ref}.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="307"/>
        <source>Pass this password to the {role} by SMS or by phone — never in the same e-mail as the file. It is shown only now and stored nowhere.</source>
        <translation>Pass this password to the {role} by SMS or by phone — never in the same e-mail as the file. It is shown only now and stored nowhere.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="328"/>
        <source>Send the password by S&amp;MS</source>
        <translation>Send the password by S&amp;MS</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="0"/>
        <source>First send the e-mail from your mail program and confirm it here; only then pass the password on.</source>
        <translation>First send the e-mail from your mail program and confirm it here; only then pass the password on.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="0"/>
        <source>I have &amp;sent the e-mail</source>
        <translation>I have &amp;sent the e-mail</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="0"/>
        <source>Send the &amp;same archive again</source>
        <translation>Send the &amp;same archive again</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="353"/>
        <source>Send the SMS again?</source>
        <translation>Send the SMS again?</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="353"/>
        <source>An earlier SMS with this password may already have arrived. Ask the receiver first, or pass the password on by phone. Send a second SMS anyway?</source>
        <translation>An earlier SMS with this password may already have arrived. Ask the receiver first, or pass the password on by phone. Send a second SMS anyway?</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>Password in &amp;words, to read aloud on the phone</source>
        <translation>Password in &amp;words, to read aloud on the phone</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>Six common Dutch words instead of letters and digits; just as strong.</source>
        <translation>Six common Dutch words instead of letters and digits; just as strong.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>Between {parties}. Based on the protocol, {article}.</source>
        <translation>Between {parties}. Based on the protocol, {article}.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>mailbox not filled in yet — ask your DPO</source>
        <translation>mailbox not filled in yet — ask your DPO</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>a protocol</source>
        <translation>a protocol</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>a spreadsheet that fits the protocol</source>
        <translation>a spreadsheet that fits the protocol</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>a spreadsheet without cells to correct</source>
        <translation>a spreadsheet without cells to correct</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>tick that the client agreed</source>
        <translation>tick that the client agreed</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>a recipient</source>
        <translation>a recipient</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>the recipient&apos;s mailbox, which your DPO fills in</source>
        <translation>the recipient&apos;s mailbox, which your DPO fills in</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>Still needed: {items}.</source>
        <translation>Still needed: {items}.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>Draft ready — open it and click Send in your mail program. Reference: {ref}.</source>
        <translation>Draft ready — open it and click Send in your mail program. Reference: {ref}.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>I &amp;passed the password on</source>
        <translation>I &amp;passed the password on</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>&amp;Open the draft</source>
        <translation>&amp;Open the draft</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>Show in &amp;folder</source>
        <translation>Show in &amp;folder</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>No mail program opened the draft. Use &apos;Show in folder&apos; and open {name} with your mail program (for example by dragging it into Outlook).</source>
        <translation>No mail program opened the draft. Use &apos;Show in folder&apos; and open {name} with your mail program (for example by dragging it into Outlook).</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>The folder could not be opened. The draft is here: {path}</source>
        <translation>The folder could not be opened. The draft is here: {path}</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>This spreadsheet cannot be sent yet. Correct what is marked &apos;To correct&apos; below in the spreadsheet, save it, and choose it again.</source>
        <translation>This spreadsheet cannot be sent yet. Correct what is marked &apos;To correct&apos; below in the spreadsheet, save it, and choose it again.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../handoff/gui/pages/send.py" line="1"/>
        <source>The spreadsheet fits the protocol (%n row(s)). Only the allowed columns will be sent.</source>
        <translation>
            <numerusform>The spreadsheet fits the protocol (%n row). Only the allowed columns will be sent.</numerusform>
            <numerusform>The spreadsheet fits the protocol (%n rows). Only the allowed columns will be sent.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="75"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="86"/>
        <source>(leave empty to keep the stored one)</source>
        <translation>(leave empty to keep the stored one)</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="88"/>
        <source>&amp;General</source>
        <translation>&amp;General</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="89"/>
        <source>&amp;Mail</source>
        <translation>&amp;Mail</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="90"/>
        <source>S&amp;FTP</source>
        <translation>S&amp;FTP</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="91"/>
        <source>S&amp;MS</source>
        <translation>S&amp;MS</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="92"/>
        <source>&amp;Phone numbers</source>
        <translation>&amp;Phone numbers</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="109"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="110"/>
        <source>&amp;Organisation</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="112"/>
        <source>Same as the computer</source>
        <translation>Same as the computer</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="114"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="116"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="117"/>
        <source>A new language applies when Handoff starts again.</source>
        <translation>A new language applies when Handoff starts again.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="118"/>
        <source>Secure folder</source>
        <translation>Secure folder</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="119"/>
        <source>&amp;Secure folder</source>
        <translation>&amp;Secure folder</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="124"/>
        <source>Where received files are stored: a folder only authorised colleagues can open.</source>
        <translation>Where received files are stored: a folder only authorised colleagues can open.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="128"/>
        <source>Outbox</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="129"/>
        <source>O&amp;utbox</source>
        <translation>O&amp;utbox</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="133"/>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="134"/>
        <source>Browse for {field}</source>
        <translation>Browse for {field}</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="154"/>
        <source>Prepare a draft in my mail program</source>
        <translation>Prepare a draft in my mail program</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="155"/>
        <source>Send directly through the mail server (SMTP)</source>
        <translation>Send directly through the mail server (SMTP)</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="158"/>
        <source>How e-mail is sent</source>
        <translation>How e-mail is sent</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="160"/>
        <source>&amp;How</source>
        <translation>&amp;How</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="161"/>
        <source>Mail server</source>
        <translation>Mail server</translation>
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
        <translation>Mail server port</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="164"/>
        <location filename="../../handoff/gui/settings_dialog.py" line="193"/>
        <source>&amp;Port</source>
        <translation>&amp;Port</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="166"/>
        <source>Security</source>
        <translation>Security</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="168"/>
        <source>S&amp;ecurity</source>
        <translation>S&amp;ecurity</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="169"/>
        <source>Mail user name</source>
        <translation>Mail user name</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="170"/>
        <location filename="../../handoff/gui/settings_dialog.py" line="195"/>
        <source>&amp;User name</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="171"/>
        <source>Sender address</source>
        <translation>Sender address</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="172"/>
        <location filename="../../handoff/gui/settings_dialog.py" line="218"/>
        <source>Se&amp;nder</source>
        <translation>Se&amp;nder</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="173"/>
        <source>Mail password</source>
        <translation>Mail password</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="174"/>
        <location filename="../../handoff/gui/settings_dialog.py" line="202"/>
        <source>Pass&amp;word</source>
        <translation>Pass&amp;word</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="190"/>
        <source>SFTP server</source>
        <translation>SFTP server</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="192"/>
        <source>SFTP port</source>
        <translation>SFTP port</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="194"/>
        <source>SFTP user name</source>
        <translation>SFTP user name</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="196"/>
        <source>SFTP folder</source>
        <translation>SFTP folder</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="197"/>
        <source>&amp;Folder</source>
        <translation>&amp;Folder</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="198"/>
        <source>Server fingerprint</source>
        <translation>Server fingerprint</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="200"/>
        <source>Finger&amp;print</source>
        <translation>Finger&amp;print</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="201"/>
        <source>SFTP password</source>
        <translation>SFTP password</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="210"/>
        <source>SMS provider</source>
        <translation>SMS provider</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="212"/>
        <source>P&amp;rovider</source>
        <translation>P&amp;rovider</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="213"/>
        <source>Provider address</source>
        <translation>Provider address</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="214"/>
        <source>&amp;Address</source>
        <translation>&amp;Address</translation>
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
        <translation>Sender name</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="219"/>
        <source>SMS token</source>
        <translation>SMS token</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="220"/>
        <source>&amp;Token</source>
        <translation>&amp;Token</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="229"/>
        <source>Phone numbers of the roles the protocols name, for passing on passwords (for example the OCMW social service). Not the clients&apos; numbers.</source>
        <translation>Phone numbers of the roles the protocols name, for passing on passwords (for example the OCMW social service). Not the clients&apos; numbers.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="235"/>
        <source>Phone numbers</source>
        <translation>Phone numbers</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="236"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="236"/>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="240"/>
        <source>&amp;Add a number</source>
        <translation>&amp;Add a number</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="0"/>
        <source>Set by your organisation</source>
        <translation>Set by your organisation</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="0"/>
        <source>Policy {place}: {setting} ignored: {why}</source>
        <translation>Policy {place}: {setting} ignored: {why}</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="1"/>
        <source>{key} (no protocol names this role)</source>
        <translation>{key} (no protocol names this role)</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="1"/>
        <source>Not saved: still fill in {items}.</source>
        <translation>Not saved: still fill in {items}.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="1"/>
        <source>and</source>
        <translation>and</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="0"/>
        <source>Journal server</source>
        <translation>Journal server</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="0"/>
        <source>&amp;Journal server</source>
        <translation>&amp;Journal server</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="0"/>
        <source>The organisation's journal server, from your IT desk. This computer is not enrolled with it yet ('handoff journal enrol').</source>
        <translation>The organisation's journal server, from your IT desk. This computer is not enrolled with it yet ('handoff journal enrol').</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/settings_dialog.py" line="0"/>
        <source>This computer is enrolled with {url} as {name}.</source>
        <translation>This computer is enrolled with {url} as {name}.</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../handoff/gui/messages.py" line="27"/>
        <source>Something unexpected went wrong ({kind}). Nothing was left half-written. Try again; if it happens again, tell your IT desk.</source>
        <translation>Something unexpected went wrong ({kind}). Nothing was left half-written. Try again; if it happens again, tell your IT desk.</translation>
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
        <translation>Password of the mail server</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/secret_prompt.py" line="17"/>
        <source>Password of the SFTP server</source>
        <translation>Password of the SFTP server</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/secret_prompt.py" line="18"/>
        <source>Token of the SMS provider</source>
        <translation>Token of the SMS provider</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/secret_prompt.py" line="27"/>
        <source>Password needed</source>
        <translation>Password needed</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/secret_prompt.py" line="28"/>
        <source>{what} is not stored on this computer. Type it to use it once (Settings can store it in {store}).</source>
        <translation>{what} is not stored on this computer. Type it to use it once (Settings can store it in {store}).</translation>
    </message>
</context>
<context>
    <name>steps</name>
    <message>
        <location filename="../../handoff/gui/steps.py" line="11"/>
        <source>File checked and locked with a password</source>
        <translation>File checked and locked with a password</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="12"/>
        <source>Client&apos;s consent confirmed</source>
        <translation>Client&apos;s consent confirmed</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="13"/>
        <source>E-mail draft handed to the mail program</source>
        <translation>E-mail draft handed to the mail program</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="16"/>
        <source>E-mail sent</source>
        <translation>E-mail sent</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="17"/>
        <source>File uploaded to the secure server</source>
        <translation>File uploaded to the secure server</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="18"/>
        <source>Password passed on by another channel</source>
        <translation>Password passed on by another channel</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="21"/>
        <source>File received</source>
        <translation>File received</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="22"/>
        <source>File opened and stored in the secure folder</source>
        <translation>File opened and stored in the secure folder</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="25"/>
        <source>E-mail with the file deleted</source>
        <translation>E-mail with the file deleted</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="26"/>
        <source>SMS or note with the password deleted</source>
        <translation>SMS or note with the password deleted</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="30"/>
        <source>File sealed with a password</source>
        <translation>File sealed with a password</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="31"/>
        <source>Password handed to the custodian</source>
        <translation>Password handed to the custodian</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="0"/>
        <source>Sent, but arrival not confirmed by the server</source>
        <translation>Sent, but arrival not confirmed by the server</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="0"/>
        <source>Sending failed; nothing arrived</source>
        <translation>Sending failed; nothing arrived</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="0"/>
        <source>Archive voided by the worker</source>
        <translation>Archive voided by the worker</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="0"/>
        <source>E-mail with the archive sent</source>
        <translation>E-mail with the archive sent</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="0"/>
        <source>E-mail draft removed from the outbox</source>
        <translation>E-mail draft removed from the outbox</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="34"/>
        <source>Files left by an interrupted Handoff removed</source>
        <translation>Files left by an interrupted Handoff removed</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="21"/>
        <source>SMS with the password: outcome unknown</source>
        <translation>SMS with the password: outcome unknown</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="0"/>
        <source>Organisation policy setting ignored</source>
        <translation>Organisation policy setting ignored</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="0"/>
        <source>Shared protocol profile refused (signature)</source>
        <translation>Shared protocol profile refused (signature)</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/steps.py" line="1"/>
        <source>E-mail draft made (not sent yet)</source>
        <translation>E-mail draft made (not sent yet)</translation>
    </message>
</context>
<context>
    <name>SheetForm</name>
    <message>
        <location filename="../../handoff/gui/widgets/sheet_form.py" line="1"/>
        <source>0470 12 34 56 or +32 470 12 34 56</source>
        <translation>0470 12 34 56 or +32 470 12 34 56</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/sheet_form.py" line="1"/>
        <source>A number abroad needs its country code: +31 6 12 34 56 78.</source>
        <translation>A number abroad needs its country code: +31 6 12 34 56 78.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/sheet_form.py" line="1"/>
        <source>name@example.be</source>
        <translation>name@example.be</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/sheet_form.py" line="1"/>
        <source>fill in &apos;{field}&apos;</source>
        <translation>fill in &apos;{field}&apos;</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/sheet_form.py" line="1"/>
        <source>correct &apos;{field}&apos;</source>
        <translation>correct &apos;{field}&apos;</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/sheet_form.py" line="1"/>
        <source>This is not a valid value. Example: {example}.</source>
        <translation>This is not a valid value. Example: {example}.</translation>
    </message>
</context>
<context>
    <name>TodoList</name>
    <message>
        <location filename="../../handoff/gui/widgets/todo_list.py" line="0"/>
        <source>Open obligations</source>
        <translation>Open obligations</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/todo_list.py" line="0"/>
        <source>Handoff</source>
        <translation>Handoff</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/todo_list.py" line="0"/>
        <source>To do</source>
        <translation>To do</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/todo_list.py" line="0"/>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/todo_list.py" line="0"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/todo_list.py" line="0"/>
        <source>Nothing is open.</source>
        <translation>Nothing is open.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/todo_list.py" line="0"/>
        <source>Delete the stored files of {handoff} now? This cannot be undone.</source>
        <translation>Delete the stored files of {handoff} now? This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/todo_list.py" line="0"/>
        <source>Void the archive of {handoff}? Its password can then no longer be passed on; you start again with a new handoff.</source>
        <translation>Void the archive of {handoff}? Its password can then no longer be passed on; you start again with a new handoff.</translation>
    </message>
</context>
<context>
    <name>OrgView</name>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>Last check of the organisation's journal</source>
        <translation>Last check of the organisation's journal</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>Check &amp;now</source>
        <translation>Check &amp;now</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>Check that the organisation's journal only grew since your last check, and cosign it.</source>
        <translation>Check that the organisation's journal only grew since your last check, and cosign it.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>Ex&amp;port…</source>
        <translation>Ex&amp;port…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>Every record of every computer, as CSV or Excel, after an audit.</source>
        <translation>Every record of every computer, as CSV or Excel, after an audit.</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>Open obligations of the organisation</source>
        <translation>Open obligations of the organisation</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>Computer</source>
        <translation>Computer</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>Protocol</source>
        <translation>Protocol</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>Handoff</source>
        <translation>Handoff</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>To do</source>
        <translation>To do</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>Not checked yet from this computer. 'Check now' checks the organisation's journal and cosigns it.</source>
        <translation>Not checked yet from this computer. 'Check now' checks the organisation's journal and cosigns it.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>✓ Last checked and cosigned on {when}: %n record(s), nothing rewritten.</source>
        <translation><numerusform>✓ Last checked and cosigned on {when}: %n record, nothing rewritten.</numerusform><numerusform>✓ Last checked and cosigned on {when}: %n records, nothing rewritten.</numerusform></translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>Checking the organisation's journal…</source>
        <translation>Checking the organisation's journal…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>Reading the organisation's journal…</source>
        <translation>Reading the organisation's journal…</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>Nothing is open in the organisation.</source>
        <translation>Nothing is open in the organisation.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>%n open obligation(s) in the organisation</source>
        <translation><numerusform>%n open obligation in the organisation</numerusform><numerusform>%n open obligations in the organisation</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>, %n overdue (at the top).</source>
        <translation><numerusform>, %n overdue (at the top).</numerusform><numerusform>, %n overdue (at the top).</numerusform></translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>Export the organisation's journal</source>
        <translation>Export the organisation's journal</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>Excel files (*.xlsx);;CSV files (*.csv)</source>
        <translation>Excel files (*.xlsx);;CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>Exporting the organisation's journal…</source>
        <translation>Exporting the organisation's journal…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../handoff/gui/widgets/org_view.py" line="0"/>
        <source>%n record(s) exported to {file}.</source>
        <translation><numerusform>%n record exported to {file}.</numerusform><numerusform>%n records exported to {file}.</numerusform></translation>
    </message>
</context>
</TS>
