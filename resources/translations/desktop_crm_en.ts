<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AssignDialog</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="187"/>
        <source>Give %Ln selected contact(s) to:</source>
        <translation>
            <numerusform>Give %Ln selected contact to:</numerusform>
            <numerusform>Give %Ln selected contacts to:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="264"/>
        <source>{name} has room for %Ln more; the other contacts will be refused (closed ones always fit).</source>
        <translation>
            <numerusform>{name} has room for %Ln more; the other contacts will be refused (closed ones always fit).</numerusform>
            <numerusform>{name} has room for %Ln more; the other contacts will be refused (closed ones always fit).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="274"/>
        <source>{name} lacks a skill %Ln of them needs; those will be refused.</source>
        <translation>
            <numerusform>{name} lacks a skill %Ln of them needs; it will be refused.</numerusform>
            <numerusform>{name} lacks a skill %Ln of them need; those will be refused.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/board.py" line="157"/>
        <source>%Ln contact(s) waiting</source>
        <translation>
            <numerusform>%Ln contact waiting</numerusform>
            <numerusform>%Ln contacts waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/board.py" line="158"/>
        <source>%Ln overdue</source>
        <translation>
            <numerusform>%Ln overdue</numerusform>
            <numerusform>%Ln overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactDetail</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="161"/>
        <source>Contact #{id} (of %n selected)</source>
        <translation>
            <numerusform>Contact #{id} (of %n selected)</numerusform>
            <numerusform>Contact #{id} (of %n selected)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="504"/>
        <source>Close %n contact(s)?</source>
        <translation>
            <numerusform>Close %n contact?</numerusform>
            <numerusform>Close %n contacts?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="618"/>
        <source>Closed %n contact(s).</source>
        <translation>
            <numerusform>Closed %n contact.</numerusform>
            <numerusform>Closed %n contacts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="625"/>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="628"/>
        <source>Reopened %n contact(s).</source>
        <translation>
            <numerusform>Reopened %n contact.</numerusform>
            <numerusform>Reopened %n contacts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="629"/>
        <source>%n contact(s) could not be reopened:</source>
        <translation>
            <numerusform>%n contact could not be reopened:</numerusform>
            <numerusform>%n contacts could not be reopened:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="613"/>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="632"/>
        <source>…and %n more.</source>
        <translation>
            <numerusform>…and %n more.</numerusform>
            <numerusform>…and %n more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="527"/>
        <source>Marked %n contact(s) answered.</source>
        <translation>
            <numerusform>Marked %n contact answered.</numerusform>
            <numerusform>Marked %n contacts answered.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="531"/>
        <source>%n of them had been answered before; the first time is kept.</source>
        <translation>
            <numerusform>%n of them had been answered before; the first time is kept.</numerusform>
            <numerusform>%n of them had been answered before; the first times are kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="603"/>
        <source>Assigned %n contact(s) to {name}.</source>
        <translation>
            <numerusform>Assigned %n contact to {name}.</numerusform>
            <numerusform>Assigned %n contacts to {name}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="605"/>
        <source>%n contact(s) already had this operator.</source>
        <translation>
            <numerusform>%n contact already had this operator.</numerusform>
            <numerusform>%n contacts already had this operator.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="610"/>
        <source>%n contact(s) could not be assigned:</source>
        <translation>
            <numerusform>%n contact could not be assigned:</numerusform>
            <numerusform>%n contacts could not be assigned:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="676"/>
        <source>Assign %n contact(s) to…</source>
        <translation>
            <numerusform>Assign %n contact to…</numerusform>
            <numerusform>Assign %n contacts to…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="686"/>
        <source>Close %n contact(s)</source>
        <translation>
            <numerusform>Close %n contact</numerusform>
            <numerusform>Close %n contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="689"/>
        <source>Reopen %n contact(s)</source>
        <translation>
            <numerusform>Reopen %n contact</numerusform>
            <numerusform>Reopen %n contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="714"/>
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="716"/>
        <source>%Ln contact(s) loaded; counting all…</source>
        <translation>
            <numerusform>%Ln contact loaded; counting all…</numerusform>
            <numerusform>%Ln contacts loaded; counting all…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="719"/>
        <source>{loaded} loaded of more than %Ln contacts; scroll for more</source>
        <translation>
            <numerusform>{loaded} loaded of more than %Ln contact; scroll for more</numerusform>
            <numerusform>{loaded} loaded of more than %Ln contacts; scroll for more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="722"/>
        <source>{loaded} of %Ln contact(s) loaded; scroll for more</source>
        <translation>
            <numerusform>{loaded} of %Ln contact loaded; scroll for more</numerusform>
            <numerusform>{loaded} of %Ln contacts loaded; scroll for more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="726"/>
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CsvExporter</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/exporting.py" line="109"/>
        <source>Exporting… %n row(s) written.</source>
        <translation>
            <numerusform>Exporting… %n row written.</numerusform>
            <numerusform>Exporting… %n rows written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/exporting.py" line="115"/>
        <source>Saved %n row(s) to {path}.</source>
        <translation>
            <numerusform>Saved %n row to {path}.</numerusform>
            <numerusform>Saved %n rows to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DecisionView</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/decision_view.py" line="252"/>
        <source>{name} had %Ln active contact(s) of {max_load} then.</source>
        <translation>
            <numerusform>{name} had %Ln active contact of {max_load} then.</numerusform>
            <numerusform>{name} had %Ln active contacts of {max_load} then.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog/dialog.py" line="414"/>
        <source>The sheet «{sheet}» of this file was already imported on {date} (%n row(s)). Import again to register every row once more, as new contacts.</source>
        <translation>
            <numerusform>The sheet «{sheet}» of this file was already imported on {date} (%n row). Import again to register the row once more, as a new contact.</numerusform>
            <numerusform>The sheet «{sheet}» of this file was already imported on {date} (%n rows). Import again to register every row once more, as new contacts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog/dialog.py" line="421"/>
        <source>This file was already imported on {date} (%n row(s)). Import again to register every row once more, as new contacts.</source>
        <translation>
            <numerusform>This file was already imported on {date} (%n row). Import again to register the row once more, as a new contact.</numerusform>
            <numerusform>This file was already imported on {date} (%n rows). Import again to register every row once more, as new contacts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog/setup_page.py" line="260"/>
        <source>The first %n row(s) of the file.</source>
        <translation>
            <numerusform>The first %n row of the file.</numerusform>
            <numerusform>The first %n rows of the file.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog/setup_page.py" line="269"/>
        <source>%n of them would be rejected (in red; hover for the reason).</source>
        <translation>
            <numerusform>%n of them would be rejected (in red; hover for the reason).</numerusform>
            <numerusform>%n of them would be rejected (in red; hover for the reason).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog/progress_page.py" line="77"/>
        <source>%n row(s) done</source>
        <translation>
            <numerusform>%n row done</numerusform>
            <numerusform>%n rows done</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog/summary_page.py" line="164"/>
        <source>%n row(s) were committed before that and stay; importing the file again continues after them.</source>
        <translation>
            <numerusform>%n row was committed before that and stays; importing the file again continues after it.</numerusform>
            <numerusform>%n rows were committed before that and stay; importing the file again continues after them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog/summary_page.py" line="112"/>
        <source>%n row(s) were committed and stay. Import the file again to continue where it stopped.</source>
        <translation>
            <numerusform>%n row was committed and stays. Import the file again to continue where it stopped.</numerusform>
            <numerusform>%n rows were committed and stay. Import the file again to continue where it stopped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog/summary_page.py" line="188"/>
        <source>Saved %n row(s) to {path}. Fix them and drop the file onto the window again.</source>
        <translation>
            <numerusform>Saved %n row to {path}. Fix it and drop the file onto the window again.</numerusform>
            <numerusform>Saved %n rows to {path}. Fix them and drop the file onto the window again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog/progress_page.py" line="18"/>
        <source>about %n second(s) left</source>
        <translation>
            <numerusform>about %n second left</numerusform>
            <numerusform>about %n seconds left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog/progress_page.py" line="19"/>
        <source>about %n minute(s) left</source>
        <translation>
            <numerusform>about %n minute left</numerusform>
            <numerusform>about %n minutes left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog/launcher.py" line="58"/>
        <source>%n file(s) waiting: each opens when the dialog before it is closed.</source>
        <translation>
            <numerusform>%n file waiting: it opens when this dialog is closed.</numerusform>
            <numerusform>%n files waiting: each opens when the dialog before it is closed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog/source_map.py" line="118"/>
        <source>The whole file: %n row(s).</source>
        <translation>
            <numerusform>The whole file: %n row.</numerusform>
            <numerusform>The whole file: %n rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog/source_map.py" line="120"/>
        <source>The sheet «{sheet}»: %n row(s).</source>
        <translation>
            <numerusform>The sheet «{sheet}»: %n row.</numerusform>
            <numerusform>The sheet «{sheet}»: %n rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog/source_map.py" line="161"/>
        <source>Import ids that look like phone numbers but are not valid as plain ids (%n row(s))</source>
        <translation>
            <numerusform>Import ids that look like phone numbers but are not valid as plain ids (%n row)</numerusform>
            <numerusform>Import ids that look like phone numbers but are not valid as plain ids (%n rows)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog/source_map.py" line="196"/>
        <source>«{value}» (%n row(s)):</source>
        <translation>
            <numerusform>«{value}» (%n row):</numerusform>
            <numerusform>«{value}» (%n rows):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog/setup_page.py" line="263"/>
        <source>It shows the first {shown} of %Ln column(s).</source>
        <translation>
            <numerusform>It shows the first {shown} of %Ln column.</numerusform>
            <numerusform>It shows the first {shown} of %Ln columns.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportsModel</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/models/imports.py" line="124"/>
        <source>Stopped after %n row(s); import the file again to finish it.</source>
        <translation>
            <numerusform>Stopped after %n row; import the file again to finish it.</numerusform>
            <numerusform>Stopped after %n rows; import the file again to finish it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportsPage</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/imports.py" line="253"/>
        <source>Rejected rows of {file}: %n</source>
        <translation>
            <numerusform>Rejected rows of {file}: %n</numerusform>
            <numerusform>Rejected rows of {file}: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/imports.py" line="294"/>
        <source>Saved %n rejected row(s) to {path}. Fix them and drop the file onto the window again.</source>
        <translation>
            <numerusform>Saved %n rejected row to {path}. Fix it and drop the file onto the window again.</numerusform>
            <numerusform>Saved %n rejected rows to {path}. Fix them and drop the file onto the window again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/intake.py" line="192"/>
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LeadsPage</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/leads.py" line="419"/>
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/leads.py" line="431"/>
        <source>%n lead(s)</source>
        <translation>
            <numerusform>%n lead</numerusform>
            <numerusform>%n leads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/leads.py" line="433"/>
        <source>%n lead(s) loaded; scroll for more</source>
        <translation>
            <numerusform>%n lead loaded; scroll for more</numerusform>
            <numerusform>%n leads loaded; scroll for more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/leads.py" line="93"/>
        <source>Its phone or other id, its name and the messages of its %n contact(s) are removed for good: from the contacts, from stored import rejects and from the database file. The lead gets an erased:… id; its contacts stay with their source, operator and times, so counts and statistics do not change. This cannot be undone.</source>
        <translation>
            <numerusform>Its phone or other id, its name and the message of its %n contact are removed for good: from the contacts, from stored import rejects and from the database file. The lead gets an erased:… id; its contact stays with its source, operator and time, so counts and statistics do not change. This cannot be undone.</numerusform>
            <numerusform>Its phone or other id, its name and the messages of its %n contacts are removed for good: from the contacts, from stored import rejects and from the database file. The lead gets an erased:… id; its contacts stay with their source, operator and times, so counts and statistics do not change. This cannot be undone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/main_window.py" line="392"/>
        <source>Distributing the queue… %n contact(s) assigned</source>
        <translation>
            <numerusform>Distributing the queue… %n contact assigned</numerusform>
            <numerusform>Distributing the queue… %n contacts assigned</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/main_window.py" line="398"/>
        <source>Queue distributed: %n contact(s) assigned</source>
        <translation>
            <numerusform>Queue distributed: %n contact assigned</numerusform>
            <numerusform>Queue distributed: %n contacts assigned</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OperatorChoiceModel</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="79"/>
        <source>{name} has %Ln active contact(s), the limit: close one or raise the limit first.</source>
        <translation>
            <numerusform>{name} has %Ln active contact, the limit: close it or raise the limit first.</numerusform>
            <numerusform>{name} has %Ln active contacts, the limit: close one or raise the limit first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="84"/>
        <source>{name} has %Ln active contact(s) and can take {free} more.</source>
        <translation>
            <numerusform>{name} has %Ln active contact and can take {free} more.</numerusform>
            <numerusform>{name} has %Ln active contacts and can take {free} more.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SharesModel</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/models/statistics.py" line="562"/>
        <source>%n contact(s) in the period</source>
        <translation>
            <numerusform>%n contact in the period</numerusform>
            <numerusform>%n contacts in the period</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourcesModel</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/models/sources.py" line="106"/>
        <source>%n operator(s)</source>
        <translation>
            <numerusform>%n operator</numerusform>
            <numerusform>%n operators</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourcesPage</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/sources.py" line="811"/>
        <source>Total weight {total}; %Ln operator(s) get contacts</source>
        <translation>
            <numerusform>Total weight {total}; %Ln operator gets contacts</numerusform>
            <numerusform>Total weight {total}; %Ln operators get contacts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StackedBarChart</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/charts.py" line="205"/>
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/charts.py" line="206"/>
        <source>Total: %n</source>
        <translation>
            <numerusform>Total: %n</numerusform>
            <numerusform>Total: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatisticsModel</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/models/statistics.py" line="132"/>
        <source>%n contact(s) in the period</source>
        <translation>
            <numerusform>%n contact in the period</numerusform>
            <numerusform>%n contacts in the period</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/models/statistics.py" line="133"/>
        <source>%n still active</source>
        <translation>
            <numerusform>%n still active</numerusform>
            <numerusform>%n still active</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/models/statistics.py" line="146"/>
        <source>%n active contact(s) now, at most {max_load} (not limited to the period)</source>
        <translation>
            <numerusform>%n active contact now, at most {max_load} (not limited to the period)</numerusform>
            <numerusform>%n active contacts now, at most {max_load} (not limited to the period)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="504"/>
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="505"/>
        <source>%n unassigned</source>
        <translation>
            <numerusform>%n unassigned</numerusform>
            <numerusform>%n unassigned</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="604"/>
        <source>Saved %n row(s) to {path}.</source>
        <translation>
            <numerusform>Saved %n row to {path}.</numerusform>
            <numerusform>Saved %n rows to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrayNotifications</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/tray.py" line="145"/>
        <source>…and %n more.</source>
        <translation>
            <numerusform>…and %n more.</numerusform>
            <numerusform>…and %n more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/tray.py" line="149"/>
        <source>%n contact(s) need an operator</source>
        <translation>
            <numerusform>%n contact needs an operator</numerusform>
            <numerusform>%n contacts need an operator</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UndoHistory</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/undo.py" line="265"/>
        <source>Close %n contact(s)</source>
        <translation>
            <numerusform>Close %n contact</numerusform>
            <numerusform>Close %n contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/undo.py" line="284"/>
        <source>Reopen %n contact(s)</source>
        <translation>
            <numerusform>Reopen %n contact</numerusform>
            <numerusform>Reopen %n contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/undo.py" line="307"/>
        <source>Assign %n contact(s) to {name}</source>
        <translation>
            <numerusform>Assign %n contact to {name}</numerusform>
            <numerusform>Assign %n contacts to {name}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WeightGridModel</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/models/weight_grid.py" line="164"/>
        <source>Can take %Ln more active contact(s).</source>
        <translation>
            <numerusform>Can take %Ln more active contact.</numerusform>
            <numerusform>Can take %Ln more active contacts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WeightsModel</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/models/weights.py" line="309"/>
        <source>Can take %Ln more active contact(s).</source>
        <translation>
            <numerusform>Can take %Ln more active contact.</numerusform>
            <numerusform>Can take %Ln more active contacts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/welcome.py" line="109"/>
        <source>Loaded %n demo contact(s).</source>
        <translation>
            <numerusform>Loaded %n demo contact.</numerusform>
            <numerusform>Loaded %n demo contacts.</numerusform>
        </translation>
    </message>
</context>
</TS>
