<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Application</name>
    <message>
        <location filename="../../desktop_crm/ui/application.py" line="63"/>
        <location filename="../../desktop_crm/ui/application.py" line="162"/>
        <source>Cannot open the database</source>
        <translation>Не удаётся открыть базу данных</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/application.py" line="66"/>
        <source>The file was not changed. Pick another one?</source>
        <translation>Файл не изменён. Выбрать другой?</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/application.py" line="69"/>
        <source>Open another file…</source>
        <translation>Открыть другой файл…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/application.py" line="73"/>
        <source>Create a new database…</source>
        <translation>Создать новую базу данных…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/application.py" line="76"/>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/application.py" line="185"/>
        <source>Unexpected error</source>
        <translation>Непредвиденная ошибка</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/application.py" line="186"/>
        <source>Something went wrong: {error}

Your saved data is safe. Details are in the log file:
{log}</source>
        <translation>Что-то пошло не так: {error}

Сохранённые данные не пострадали. Подробности — в файле журнала:
{log}</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="120"/>
        <source>Assign to operator</source>
        <translation>Назначение оператора</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="124"/>
        <source>Give %n selected contact(s) to:</source>
        <translation>
            <numerusform>Передать %n выбранный контакт оператору:</numerusform>
            <numerusform>Передать %n выбранных контакта оператору:</numerusform>
            <numerusform>Передать %n выбранных контактов оператору:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="141"/>
        <source>Greyed out: inactive operators and those at their limit cannot take contacts.</source>
        <translation>Серым показаны неактивные операторы и те, у кого исчерпан лимит: им нельзя передать контакты.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="155"/>
        <source>Assign</source>
        <translation>Назначить</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="195"/>
        <source>{name} has room for %n more; the other contacts will be refused (closed ones always fit).</source>
        <translation>
            <numerusform>{name} может принять ещё %n контакт; остальные будут отклонены (закрытые контакты в лимит не входят).</numerusform>
            <numerusform>{name} может принять ещё %n контакта; остальные будут отклонены (закрытые контакты в лимит не входят).</numerusform>
            <numerusform>{name} может принять ещё %n контактов; остальные будут отклонены (закрытые контакты в лимит не входят).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactDetail</name>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="265"/>
        <source>No message</source>
        <translation>Нет сообщения</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="271"/>
        <source>Lead:</source>
        <translation>Лид:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="272"/>
        <source>Source:</source>
        <translation>Источник:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="275"/>
        <source>Operator:</source>
        <translation>Оператор:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="276"/>
        <source>Why unassigned:</source>
        <translation>Почему без оператора:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="278"/>
        <source>Why this operator?</source>
        <translation>Почему этот оператор?</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="273"/>
        <source>Created:</source>
        <translation>Создан:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="274"/>
        <source>State:</source>
        <translation>Состояние:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="282"/>
        <source>Message:</source>
        <translation>Сообщение:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="296"/>
        <source>Contact #{id} (of %n selected)</source>
        <translation>
            <numerusform>Контакт №&#xa0;{id} (из %n выбранного)</numerusform>
            <numerusform>Контакт №&#xa0;{id} (из %n выбранных)</numerusform>
            <numerusform>Контакт №&#xa0;{id} (из %n выбранных)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="298"/>
        <source>Contact #{id}</source>
        <translation>Контакт №&#xa0;{id}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="306"/>
        <source>nobody (unassigned)</source>
        <translation>никто (без оператора)</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <location filename="../../desktop_crm/ui/models/contacts.py" line="40"/>
        <source>— unassigned: {reason}</source>
        <translation>— без оператора: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/contacts.py" line="43"/>
        <source>— unassigned</source>
        <translation>— без оператора</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/contacts.py" line="49"/>
        <source>no reason recorded</source>
        <translation>причина не записана</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/contacts.py" line="52"/>
        <source>Nobody took this contact: {reason}.</source>
        <translation>Контакт никому не достался: {reason}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/contacts.py" line="59"/>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="190"/>
        <source>Active</source>
        <translation>Активен</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/contacts.py" line="60"/>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="191"/>
        <source>Closed</source>
        <translation>Закрыт</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/contacts.py" line="100"/>
        <source>#</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/contacts.py" line="106"/>
        <source>Created</source>
        <translation>Создан</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/contacts.py" line="111"/>
        <source>Lead</source>
        <translation>Лид</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/contacts.py" line="117"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/contacts.py" line="123"/>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/contacts.py" line="128"/>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/contacts.py" line="130"/>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="349"/>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="350"/>
        <source>Active</source>
        <translation>Активные</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="351"/>
        <source>Closed</source>
        <translation>Закрытые</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="352"/>
        <source>Unassigned</source>
        <translation>Без оператора</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="355"/>
        <source>All sources</source>
        <translation>Все источники</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="356"/>
        <source>All operators</source>
        <translation>Все операторы</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="358"/>
        <source>Newest first</source>
        <translation>Сначала новые</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="359"/>
        <source>Oldest first</source>
        <translation>Сначала старые</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="363"/>
        <source>State:</source>
        <translation>Состояние:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="364"/>
        <source>Source:</source>
        <translation>Источник:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="365"/>
        <source>Operator:</source>
        <translation>Оператор:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="366"/>
        <source>Order:</source>
        <translation>Порядок:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="383"/>
        <source>Select a contact to see it in full here.</source>
        <translation>Выберите контакт, чтобы увидеть его здесь полностью.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="402"/>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="676"/>
        <source>Assign to…</source>
        <translation>Назначить…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="403"/>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="683"/>
        <source>Close contact</source>
        <translation>Закрыть контакт</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="404"/>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="686"/>
        <source>Reopen contact</source>
        <translation>Вернуть в работу</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="405"/>
        <source>&amp;Assign to…</source>
        <translation>&amp;Назначить…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="407"/>
        <source>&amp;Close contact</source>
        <translation>&amp;Закрыть контакт</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="409"/>
        <source>&amp;Reopen contact</source>
        <translation>&amp;Вернуть в работу</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="415"/>
        <source>Give the selected contacts to an operator of your choice ({key})</source>
        <translation>Передать выбранные контакты указанному оператору ({key})</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="420"/>
        <source>Close the selected contacts ({key})</source>
        <translation>Закрыть выбранные контакты ({key})</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="425"/>
        <source>Reopen the selected contacts ({key})</source>
        <translation>Вернуть выбранные контакты в работу ({key})</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="509"/>
        <source>{name} (inactive)</source>
        <translation>{name} (неактивен)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="555"/>
        <source>Close contacts</source>
        <translation>Закрытие контактов</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="555"/>
        <source>Close %n contact(s)?</source>
        <translation>
            <numerusform>Закрыть %n контакт?</numerusform>
            <numerusform>Закрыть %n контакта?</numerusform>
            <numerusform>Закрыть %n контактов?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="600"/>
        <source>No operators yet: add them on the Operators screen first.</source>
        <translation>Операторов пока нет: сначала добавьте их на экране «Операторы».</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="622"/>
        <source>Assigned %n contact(s) to {name}.</source>
        <translation>
            <numerusform>%n контакт передан оператору {name}.</numerusform>
            <numerusform>%n контакта переданы оператору {name}.</numerusform>
            <numerusform>%n контактов передано оператору {name}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="624"/>
        <source>%n contact(s) already had this operator.</source>
        <translation>
            <numerusform>%n контакт уже был у этого оператора.</numerusform>
            <numerusform>%n контакта уже были у этого оператора.</numerusform>
            <numerusform>%n контактов уже было у этого оператора.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="629"/>
        <source>%n contact(s) could not be assigned:</source>
        <translation>
            <numerusform>Не удалось назначить %n контакт:</numerusform>
            <numerusform>Не удалось назначить %n контакта:</numerusform>
            <numerusform>Не удалось назначить %n контактов:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="636"/>
        <source>Closed %n contact(s).</source>
        <translation>
            <numerusform>Закрыт %n контакт.</numerusform>
            <numerusform>Закрыто %n контакта.</numerusform>
            <numerusform>Закрыто %n контактов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="641"/>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="644"/>
        <source>Reopened %n contact(s).</source>
        <translation>
            <numerusform>%n контакт возвращён в работу.</numerusform>
            <numerusform>%n контакта возвращены в работу.</numerusform>
            <numerusform>%n контактов возвращено в работу.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="645"/>
        <source>%n contact(s) could not be reopened:</source>
        <translation>
            <numerusform>Не удалось вернуть в работу %n контакт:</numerusform>
            <numerusform>Не удалось вернуть в работу %n контакта:</numerusform>
            <numerusform>Не удалось вернуть в работу %n контактов:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="632"/>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="648"/>
        <source>…and %n more.</source>
        <translation>
            <numerusform>…и ещё %n.</numerusform>
            <numerusform>…и ещё %n.</numerusform>
            <numerusform>…и ещё %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="674"/>
        <source>Assign %n contact(s) to…</source>
        <translation>
            <numerusform>Назначить %n контакт…</numerusform>
            <numerusform>Назначить %n контакта…</numerusform>
            <numerusform>Назначить %n контактов…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="683"/>
        <source>Close %n contact(s)</source>
        <translation>
            <numerusform>Закрыть %n контакт</numerusform>
            <numerusform>Закрыть %n контакта</numerusform>
            <numerusform>Закрыть %n контактов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="686"/>
        <source>Reopen %n contact(s)</source>
        <translation>
            <numerusform>Вернуть в работу %n контакт</numerusform>
            <numerusform>Вернуть в работу %n контакта</numerusform>
            <numerusform>Вернуть в работу %n контактов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="705"/>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="707"/>
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n контакт</numerusform>
            <numerusform>%n контакта</numerusform>
            <numerusform>%n контактов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="709"/>
        <source>%n contact(s) loaded; scroll for more</source>
        <translation>
            <numerusform>Загружен %n контакт; прокрутите, чтобы загрузить ещё</numerusform>
            <numerusform>Загружено %n контакта; прокрутите, чтобы загрузить ещё</numerusform>
            <numerusform>Загружено %n контактов; прокрутите, чтобы загрузить ещё</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="712"/>
        <source>%n selected</source>
        <translation>
            <numerusform>выбран %n</numerusform>
            <numerusform>выбрано %n</numerusform>
            <numerusform>выбрано %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="721"/>
        <source>No contacts yet.
Register one with the intake form (Ctrl+N), drop a CSV or XLSX file onto the window, or let bots call the command line.</source>
        <translation>Контактов пока нет.
Зарегистрируйте контакт в форме приёма (Ctrl+N), перетащите в окно файл CSV или XLSX или подключите ботов через командную строку.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="727"/>
        <source>No contacts match the filter.
Choose “All” above to see more.</source>
        <translation>Нет контактов, подходящих под фильтр.
Выберите «Все» вверху, чтобы увидеть остальные.</translation>
    </message>
</context>
<context>
    <name>DecisionView</name>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="27"/>
        <source>Assigned automatically</source>
        <translation>Назначен автоматически</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="28"/>
        <source>Re-distributed</source>
        <translation>Перераспределён</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="29"/>
        <source>Assigned by hand</source>
        <translation>Назначен вручную</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="32"/>
        <source>weight 0</source>
        <translation>вес 0</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="33"/>
        <source>inactive</source>
        <translation>неактивен</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="34"/>
        <source>at the limit</source>
        <translation>лимит исчерпан</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="74"/>
        <source>no reason recorded</source>
        <translation>причина не записана</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="77"/>
        <source>nobody: {reason}</source>
        <translation>никому: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="83"/>
        <source>lottery: r = {r} of {total}</source>
        <translation>жребий: r = {r} из {total}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="87"/>
        <source>returning lead: the operator who handled it last</source>
        <translation>повторный лид: оператор, который вёл его последним</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="92"/>
        <source>round-robin: current weight {value} of {total}</source>
        <translation>по кругу: текущий вес {value} из {total}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="97"/>
        <source>least loaded: load {load} of {max_load}</source>
        <translation>наименее загруженный: нагрузка {load} из {max_load}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="100"/>
        <location filename="../../desktop_crm/ui/decision_view.py" line="162"/>
        <source>chosen</source>
        <translation>выбран</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="106"/>
        <source>Taken from the queue.</source>
        <translation>Взят из очереди.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="111"/>
        <source>Taken from {name}.</source>
        <translation>Взят у оператора {name}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="136"/>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="137"/>
        <source>Weight</source>
        <translation>Вес</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="138"/>
        <source>Load</source>
        <translation>Нагрузка</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="156"/>
        <source>at the limit at the re-check</source>
        <translation>лимит исчерпан при повторной проверке</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="168"/>
        <source>{load} of {max_load}</source>
        <translation>{load} из {max_load}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="186"/>
        <source>refused at re-check</source>
        <translation>отказ при повторной проверке</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="189"/>
        <source>then</source>
        <translation>затем</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="193"/>
        <source>no draw: nobody could take it</source>
        <translation>без жребия: никто не мог его принять</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="218"/>
        <source>{name} had {load} active contacts of {max_load} then.</source>
        <translation>У оператора {name} тогда было активных контактов: {load} из {max_load}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="230"/>
        <source>Strategy: {strategy}</source>
        <translation>Стратегия: {strategy}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="249"/>
        <source>No decision was recorded for this contact.</source>
        <translation>Для этого контакта решение не записано.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="290"/>
        <source>The explanation could not be read: {error}</source>
        <translation>Не удалось прочитать объяснение: {error}</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="34"/>
        <source>External id</source>
        <translation>Внешний ID</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="35"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="36"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="37"/>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="38"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="42"/>
        <source>external id</source>
        <translation>внешний ID</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="43"/>
        <source>name</source>
        <translation>имя</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="44"/>
        <source>source</source>
        <translation>источник</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="45"/>
        <source>message</source>
        <translation>сообщение</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="46"/>
        <source>date</source>
        <translation>дата</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="58"/>
        <source>Column {number}</source>
        <translation>Столбец {number}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="294"/>
        <source>Line {line} of the file</source>
        <translation>Строка {line} файла</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="314"/>
        <source>Above the header: not imported.</source>
        <translation>Выше заголовка: не импортируется.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="90"/>
        <source>Comma ( , )</source>
        <translation>Запятая ( , )</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="91"/>
        <source>Semicolon ( ; )</source>
        <translation>Точка с запятой ( ; )</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="92"/>
        <source>Tab</source>
        <translation>Табуляция</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="93"/>
        <source>Vertical bar ( | )</source>
        <translation>Вертикальная черта ( | )</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="105"/>
        <source>Save rejected rows</source>
        <translation>Сохранение отклонённых строк</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="107"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Файлы CSV (*.csv);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="116"/>
        <source>Import contacts</source>
        <translation>Импорт контактов</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="118"/>
        <source>Contact tables ({patterns});;All files (*)</source>
        <translation>Таблицы контактов ({patterns});;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="247"/>
        <source>Import {file}</source>
        <translation>Импорт: {file}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="258"/>
        <source>Save rejected rows…</source>
        <translation>Сохранить отклонённые строки…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="260"/>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="787"/>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="263"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="295"/>
        <source>no header</source>
        <translation>без заголовка</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="297"/>
        <source>The line that holds the column names; 0 = the file has no header line.</source>
        <translation>Строка с названиями столбцов; 0 — в файле нет строки заголовка.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="300"/>
        <source>Encoding:</source>
        <translation>Кодировка:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="301"/>
        <source>Delimiter:</source>
        <translation>Разделитель:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="302"/>
        <source>Sheet:</source>
        <translation>Лист:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="306"/>
        <source>How the file is read</source>
        <translation>Как читать файл</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="312"/>
        <source>Header line:</source>
        <translation>Строка заголовка:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="319"/>
        <source>Which column holds what</source>
        <translation>Что в каких столбцах</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="335"/>
        <source>The lead&apos;s phone, e-mail or messenger id: required.</source>
        <translation>Телефон, e-mail или ID лида в мессенджере — обязательно.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="342"/>
        <source>Source of the rows:</source>
        <translation>Источник строк:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="391"/>
        <source>Rows are committed in batches: Cancel keeps every row committed so far, and importing the file again continues where it stopped. You can keep working in the window meanwhile.</source>
        <translation>Строки сохраняются пакетами: при отмене все уже сохранённые строки остаются, а повторный импорт файла продолжится с места остановки. Тем временем можно продолжать работу в окне.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="426"/>
        <source>Rows read:</source>
        <translation>Прочитано строк:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="427"/>
        <source>Imported:</source>
        <translation>Импортировано:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="428"/>
        <source>Skipped (imported before):</source>
        <translation>Пропущено (импортированы ранее):</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="429"/>
        <source>Rejected:</source>
        <translation>Отклонено:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="439"/>
        <source>Rejected rows</source>
        <translation>Отклонённые строки</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="491"/>
        <source>Reading the file…</source>
        <translation>Чтение файла…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="550"/>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="912"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="592"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; &amp;nbsp;·&amp;nbsp; {size} &amp;nbsp;·&amp;nbsp; {folder}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; &amp;nbsp;·&amp;nbsp; {size} &amp;nbsp;·&amp;nbsp; {folder}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="630"/>
        <source>{encoding} (detected)</source>
        <translation>{encoding} (определена автоматически)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="649"/>
        <source>(not imported)</source>
        <translation>(не импортируется)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="660"/>
        <source>From the file&apos;s Source column</source>
        <translation>Из столбца источника в файле</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="661"/>
        <source>Rows with an empty source cell get the source chosen here.</source>
        <translation>Строкам с пустой ячейкой источника назначается источник, выбранный здесь.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="663"/>
        <source>Choose the source…</source>
        <translation>Выберите источник…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="665"/>
        <source>The file has no Source column: every row gets the source chosen here.</source>
        <translation>В файле нет столбца источника: всем строкам назначается источник, выбранный здесь.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="743"/>
        <source>This file is being imported right now.</source>
        <translation>Этот файл импортируется прямо сейчас.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="751"/>
        <source>The file has no Source column and there are no sources yet: add one on the Sources screen, or choose the column that holds the source.</source>
        <translation>В файле нет столбца источника, а источников пока нет: добавьте источник на экране «Источники» или укажите столбец, в котором он записан.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="754"/>
        <source>The file has no Source column: choose the source of its rows.</source>
        <translation>В файле нет столбца источника: выберите источник для его строк.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog.py" line="768"/>
        <source>This file was already imported on {date} (%n row(s)). Import again to register every row once more, as new contacts.</source>
        <translation>
            <numerusform>Этот файл уже импортирован {date} (%n строка). Импортируйте его снова, чтобы зарегистрировать каждую строку ещё раз как новый контакт.</numerusform>
            <numerusform>Этот файл уже импортирован {date} (%n строки). Импортируйте его снова, чтобы зарегистрировать каждую строку ещё раз как новый контакт.</numerusform>
            <numerusform>Этот файл уже импортирован {date} (%n строк). Импортируйте его снова, чтобы зарегистрировать каждую строку ещё раз как новый контакт.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="775"/>
        <source>Import again</source>
        <translation>Импортировать снова</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="779"/>
        <source>An interrupted import of this file will resume after row {row}, with the settings chosen then.</source>
        <translation>Прерванный импорт этого файла продолжится после строки {row} с настройками, выбранными тогда.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="784"/>
        <source>Resume import</source>
        <translation>Продолжить импорт</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog.py" line="792"/>
        <source>The first %n row(s) of the file.</source>
        <translation>
            <numerusform>Первая %n строка файла.</numerusform>
            <numerusform>Первые %n строки файла.</numerusform>
            <numerusform>Первые %n строк файла.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog.py" line="795"/>
        <source>%n of them would be rejected (in red; hover for the reason).</source>
        <translation>
            <numerusform>%n из них будет отклонена (выделено красным; причина — во всплывающей подсказке).</numerusform>
            <numerusform>%n из них будут отклонены (выделено красным; причина — во всплывающей подсказке).</numerusform>
            <numerusform>%n из них будут отклонены (выделено красным; причина — во всплывающей подсказке).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="816"/>
        <source>Importing {file}…</source>
        <translation>Импорт {file}…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="818"/>
        <source>Starting…</source>
        <translation>Запуск…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="822"/>
        <source>Cancel import</source>
        <translation>Отменить импорт</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="845"/>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="846"/>
        <source>Stopping after the batch being written…</source>
        <translation>Остановка после записи текущего пакета…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog.py" line="858"/>
        <source>%n row(s) done</source>
        <translation>
            <numerusform>Обработана %n строка</numerusform>
            <numerusform>Обработано %n строки</numerusform>
            <numerusform>Обработано %n строк</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="859"/>
        <source>{rate} rows/s</source>
        <translation>{rate} строк/с</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="865"/>
        <source>imported {imported}, skipped {skipped}, rejected {rejected}</source>
        <translation>импортировано: {imported}, пропущено: {skipped}, отклонено: {rejected}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="890"/>
        <source>The import stopped</source>
        <translation>Импорт остановлен</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog.py" line="895"/>
        <source>%n row(s) were committed before that and stay; importing the file again continues after them.</source>
        <translation>
            <numerusform>До этого была сохранена %n строка, она остаётся; повторный импорт файла продолжится после неё.</numerusform>
            <numerusform>До этого были сохранены %n строки, они остаются; повторный импорт файла продолжится после них.</numerusform>
            <numerusform>До этого было сохранено %n строк, они остаются; повторный импорт файла продолжится после них.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="924"/>
        <source>{file} was imported before</source>
        <translation>{file} уже импортировался</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="926"/>
        <source>It was already imported on {date}; nothing was imported again.</source>
        <translation>Файл уже импортирован {date}; повторно ничего не импортировано.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="931"/>
        <source>Import of {file} cancelled</source>
        <translation>Импорт {file} отменён</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog.py" line="934"/>
        <source>%n row(s) were committed and stay. Import the file again to continue where it stopped.</source>
        <translation>
            <numerusform>Сохранена %n строка — она останется. Импортируйте файл снова, чтобы продолжить с места остановки.</numerusform>
            <numerusform>Сохранены %n строки — они останутся. Импортируйте файл снова, чтобы продолжить с места остановки.</numerusform>
            <numerusform>Сохранено %n строк — они останутся. Импортируйте файл снова, чтобы продолжить с места остановки.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="941"/>
        <source>Imported {file}</source>
        <translation>Импорт {file} завершён</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="943"/>
        <source>Resumed the interrupted import and finished it.</source>
        <translation>Прерванный импорт продолжен и завершён.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="951"/>
        <source>{imported} (assigned {assigned}, unassigned {unassigned})</source>
        <translation>{imported} (назначено: {assigned}, без оператора: {unassigned})</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog.py" line="989"/>
        <source>Saved %n row(s) to {path}. Fix them and drop the file onto the window again.</source>
        <translation>
            <numerusform>%n строка сохранена в {path}. Исправьте её и снова перетащите файл в окно.</numerusform>
            <numerusform>%n строки сохранены в {path}. Исправьте их и снова перетащите файл в окно.</numerusform>
            <numerusform>%n строк сохранено в {path}. Исправьте их и снова перетащите файл в окно.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="999"/>
        <source>Cannot save {path}: {error}</source>
        <translation>Не удалось сохранить {path}: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog.py" line="1113"/>
        <source>Not imported (only CSV, TSV, TXT and XLSX files can be): {names}</source>
        <translation>Не импортированы (поддерживаются только файлы CSV, TSV, TXT и XLSX): {names}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog.py" line="186"/>
        <source>about %n second(s) left</source>
        <translation>
            <numerusform>осталось около %n секунды</numerusform>
            <numerusform>осталось около %n секунд</numerusform>
            <numerusform>осталось около %n секунд</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog.py" line="189"/>
        <source>about %n minute(s) left</source>
        <translation>
            <numerusform>осталось около %n минуты</numerusform>
            <numerusform>осталось около %n минут</numerusform>
            <numerusform>осталось около %n минут</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog.py" line="1077"/>
        <source>%n file(s) waiting: each opens when the dialog before it is closed.</source>
        <translation>
            <numerusform>В очереди %n файл: каждый откроется после закрытия предыдущего диалога.</numerusform>
            <numerusform>В очереди %n файла: каждый откроется после закрытия предыдущего диалога.</numerusform>
            <numerusform>В очереди %n файлов: каждый откроется после закрытия предыдущего диалога.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportsModel</name>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="89"/>
        <source>done</source>
        <translation>завершён</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="91"/>
        <source>cancelled</source>
        <translation>отменён</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="93"/>
        <source>importing…</source>
        <translation>импортируется…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="94"/>
        <source>interrupted</source>
        <translation>прерван</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="102"/>
        <source>Stopped after {rows} rows; import the file again to finish it.</source>
        <translation>Остановлен, обработано строк: {rows}. Импортируйте файл снова, чтобы завершить.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="123"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="129"/>
        <source>Started</source>
        <translation>Начат</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="134"/>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="139"/>
        <source>Rows</source>
        <translation>Строк</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="140"/>
        <source>Imported</source>
        <translation>Импортировано</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="141"/>
        <source>Assigned</source>
        <translation>Назначено</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="142"/>
        <source>Unassigned</source>
        <translation>Без оператора</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="143"/>
        <source>Skipped</source>
        <translation>Пропущено</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="144"/>
        <source>Rejected</source>
        <translation>Отклонено</translation>
    </message>
</context>
<context>
    <name>ImportsPage</name>
    <message>
        <location filename="../../desktop_crm/ui/pages/imports.py" line="49"/>
        <source>Import a file…</source>
        <translation>Импортировать файл…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/imports.py" line="50"/>
        <source>Or drop CSV/XLSX files onto the window (Ctrl+I)</source>
        <translation>Или перетащите файлы CSV/XLSX в окно (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/imports.py" line="51"/>
        <source>Save rejected rows…</source>
        <translation>Сохранить отклонённые строки…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/imports.py" line="88"/>
        <source>&lt;br&gt;&lt;br&gt;Sample files to try are in &lt;code&gt;{folder}&lt;/code&gt;.</source>
        <translation>&lt;br&gt;&lt;br&gt;Примеры файлов для пробы — в папке &lt;code&gt;{folder}&lt;/code&gt;.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/imports.py" line="96"/>
        <source>&lt;h3&gt;No imports yet&lt;/h3&gt;Drop CSV or Excel files (.csv, .tsv, .txt, .xlsx) onto the window, or choose &lt;b&gt;File › Import contacts…&lt;/b&gt; (Ctrl+I). Each file shows its columns and first rows before anything is imported; every row is registered exactly once, and a cancelled import continues where it stopped.</source>
        <translation>&lt;h3&gt;Импорта пока не было&lt;/h3&gt;Перетащите в окно файлы CSV или Excel (.csv, .tsv, .txt, .xlsx) или выберите &lt;b&gt;Файл › Импорт контактов…&lt;/b&gt; (Ctrl+I). До импорта для каждого файла показываются его столбцы и первые строки; каждая строка регистрируется ровно один раз, а отменённый импорт продолжается с места остановки.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/imports.py" line="171"/>
        <source>Select an import to see its rejected rows.</source>
        <translation>Выберите импорт, чтобы увидеть его отклонённые строки.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/imports.py" line="188"/>
        <source>Rejected rows of {file}: %n</source>
        <translation>
            <numerusform>Отклонённые строки файла {file}: %n</numerusform>
            <numerusform>Отклонённые строки файла {file}: %n</numerusform>
            <numerusform>Отклонённые строки файла {file}: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/imports.py" line="194"/>
        <source>{file}: no rejected rows.</source>
        <translation>{file}: отклонённых строк нет.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/imports.py" line="227"/>
        <source>Saved %n rejected row(s) to {path}. Fix them and drop the file onto the window again.</source>
        <translation>
            <numerusform>%n отклонённая строка сохранена в {path}. Исправьте её и снова перетащите файл в окно.</numerusform>
            <numerusform>%n отклонённые строки сохранены в {path}. Исправьте их и снова перетащите файл в окно.</numerusform>
            <numerusform>%n отклонённых строк сохранено в {path}. Исправьте их и снова перетащите файл в окно.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/imports.py" line="238"/>
        <source>Cannot save {path}: {error}</source>
        <translation>Не удалось сохранить {path}: {error}</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <location filename="../../desktop_crm/ui/intake.py" line="52"/>
        <source>phone, e-mail or messenger id</source>
        <translation>телефон, e-mail или ID в мессенджере</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/intake.py" line="57"/>
        <source>optional</source>
        <translation>необязательно</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/intake.py" line="64"/>
        <source>What the lead wrote (Shift+Enter: new line)</source>
        <translation>Что написал лид (Shift+Enter — новая строка)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/intake.py" line="68"/>
        <source>Register</source>
        <translation>Зарегистрировать</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/intake.py" line="74"/>
        <source>External id:</source>
        <translation>Внешний ID:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/intake.py" line="77"/>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/intake.py" line="78"/>
        <source>Source:</source>
        <translation>Источник:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/intake.py" line="79"/>
        <source>Message:</source>
        <translation>Сообщение:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/intake.py" line="107"/>
        <source>Add a source first (Sources screen).</source>
        <translation>Сначала добавьте источник (экран «Источники»).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/intake.py" line="130"/>
        <source>New lead</source>
        <translation>Новый лид</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/intake.py" line="133"/>
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n контакт</numerusform>
            <numerusform>%n контакта</numerusform>
            <numerusform>%n контактов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/intake.py" line="135"/>
        <source>Known lead: {who} ({id}), {contacts}</source>
        <translation>Известный лид: {who} ({id}), {contacts}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/intake.py" line="148"/>
        <source>Choose a source.</source>
        <translation>Выберите источник.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/intake.py" line="176"/>
        <source>Contact #{id} went to {operator}.</source>
        <translation>Контакт №&#xa0;{id} передан оператору {operator}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/intake.py" line="182"/>
        <source>Contact #{id} left unassigned: {reason}.</source>
        <translation>Контакт №&#xa0;{id} остался без оператора: {reason}.</translation>
    </message>
</context>
<context>
    <name>LeadsModel</name>
    <message>
        <location filename="../../desktop_crm/ui/models/leads.py" line="31"/>
        <source>no name</source>
        <translation>без имени</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/leads.py" line="38"/>
        <source>External id</source>
        <translation>Внешний ID</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/leads.py" line="43"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/leads.py" line="49"/>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/leads.py" line="55"/>
        <source>Last contact</source>
        <translation>Последний контакт</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/leads.py" line="60"/>
        <source>First seen</source>
        <translation>Первый контакт</translation>
    </message>
</context>
<context>
    <name>LeadsPage</name>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="60"/>
        <source>Search by phone, e-mail, messenger id or name</source>
        <translation>Поиск по телефону, e-mail, ID в мессенджере или имени</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="65"/>
        <source>Newest first</source>
        <translation>Сначала новые</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="66"/>
        <source>By name</source>
        <translation>По имени</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="67"/>
        <source>By external id</source>
        <translation>По внешнему ID</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="75"/>
        <source>Sort:</source>
        <translation>Сортировка:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="231"/>
        <source>Select a lead to see all its contacts.</source>
        <translation>Выберите лида, чтобы увидеть все его контакты.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/leads.py" line="233"/>
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n контакт</numerusform>
            <numerusform>%n контакта</numerusform>
            <numerusform>%n контактов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="235"/>
        <source>{lead} — {contacts}</source>
        <translation>{lead} — {contacts}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="240"/>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/leads.py" line="242"/>
        <source>%n lead(s)</source>
        <translation>
            <numerusform>%n лид</numerusform>
            <numerusform>%n лида</numerusform>
            <numerusform>%n лидов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/leads.py" line="244"/>
        <source>%n lead(s) loaded; scroll for more</source>
        <translation>
            <numerusform>Загружен %n лид; прокрутите, чтобы загрузить ещё</numerusform>
            <numerusform>Загружено %n лида; прокрутите, чтобы загрузить ещё</numerusform>
            <numerusform>Загружено %n лидов; прокрутите, чтобы загрузить ещё</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="251"/>
        <source>No leads match “{text}”.</source>
        <translation>Нет лидов по запросу «{text}».</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="254"/>
        <source>No leads yet. Every contact brings its lead here.</source>
        <translation>Лидов пока нет. Лид появляется здесь вместе с первым контактом.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="259"/>
        <source>Select a lead above.</source>
        <translation>Выберите лида выше.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="263"/>
        <source>This lead has no contacts.</source>
        <translation>У этого лида нет контактов.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="100"/>
        <source>New contact</source>
        <translation>Новый контакт</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="141"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="142"/>
        <source>&amp;New database…</source>
        <translation>&amp;Новая база данных…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="144"/>
        <source>&amp;Open database…</source>
        <translation>&amp;Открыть базу данных…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="146"/>
        <source>&amp;Import contacts…</source>
        <translation>&amp;Импорт контактов…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="147"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="161"/>
        <source>&amp;Contacts</source>
        <translation>&amp;Контакты</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="163"/>
        <source>&amp;New contact</source>
        <translation>Новый &amp;контакт</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="167"/>
        <source>&amp;Distribute queue now</source>
        <translation>&amp;Распределить очередь</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="169"/>
        <source>Give queued contacts to operators who have room, oldest first</source>
        <translation>Передать контакты из очереди операторам со свободными местами, начиная с самых старых</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="172"/>
        <source>&amp;Automatic re-distribution</source>
        <translation>&amp;Автоматическое перераспределение</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="175"/>
        <source>Distribute queued contacts whenever an operator gets room (all users)</source>
        <translation>Распределять контакты из очереди, как только у оператора освобождается место (для всех пользователей)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="192"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="199"/>
        <source>Intake &amp;form</source>
        <translation>&amp;Форма приёма</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="201"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="207"/>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="211"/>
        <source>System default</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="218"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="219"/>
        <source>&amp;About</source>
        <translation>&amp;О программе</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="256"/>
        <source>About {app}</source>
        <translation>О программе {app}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="258"/>
        <source>{app} {version}

Hands incoming lead contacts to operators by the weights set for each source, within each operator&apos;s load limit.

Database: {path}</source>
        <translation>{app} {version}

Распределяет входящие контакты лидов между операторами по весам, заданным для каждого источника, с учётом лимита нагрузки каждого оператора.

База данных: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="270"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="271"/>
        <source>The new language is used from the next start of the program.</source>
        <translation>Новый язык будет применён при следующем запуске программы.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/main_window.py" line="283"/>
        <source>Distributing the queue… %n contact(s) assigned</source>
        <translation>
            <numerusform>Распределение очереди… назначен %n контакт</numerusform>
            <numerusform>Распределение очереди… назначено %n контакта</numerusform>
            <numerusform>Распределение очереди… назначено %n контактов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/main_window.py" line="289"/>
        <source>Queue distributed: %n contact(s) assigned</source>
        <translation>
            <numerusform>Очередь распределена: назначен %n контакт</numerusform>
            <numerusform>Очередь распределена: назначено %n контакта</numerusform>
            <numerusform>Очередь распределена: назначено %n контактов</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OperatorChoiceModel</name>
    <message>
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="40"/>
        <source>inactive</source>
        <translation>неактивен</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="42"/>
        <source>at the limit ({max_load})</source>
        <translation>лимит исчерпан ({max_load})</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="45"/>
        <source>{free} free of {max_load}</source>
        <translation>свободно {free} из {max_load}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="52"/>
        <source>{name} is inactive and takes no contacts.</source>
        <translation>Оператор {name} неактивен и не получает контакты.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="56"/>
        <source>{name} has {load} active contacts, the limit: close one or raise the limit first.</source>
        <translation>У оператора {name} активных контактов: {load} — это его лимит. Сначала закройте один из них или увеличьте лимит.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="60"/>
        <source>{name} has {load} active contacts and can take {free} more.</source>
        <translation>У оператора {name} активных контактов: {load}; можно передать ещё: {free}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="71"/>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="77"/>
        <source>Room</source>
        <translation>Свободно</translation>
    </message>
</context>
<context>
    <name>OperatorsModel</name>
    <message>
        <location filename="../../desktop_crm/ui/models/operators.py" line="32"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/operators.py" line="38"/>
        <source>Active</source>
        <translation>Активен</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/operators.py" line="44"/>
        <source>Load</source>
        <translation>Нагрузка</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/operators.py" line="47"/>
        <source>Max load</source>
        <translation>Макс. нагрузка</translation>
    </message>
</context>
<context>
    <name>OperatorsPage</name>
    <message>
        <location filename="../../desktop_crm/ui/pages/operators.py" line="45"/>
        <source>New operator&apos;s name</source>
        <translation>Имя нового оператора</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/operators.py" line="47"/>
        <source>The most active contacts this operator may have</source>
        <translation>Наибольшее число активных контактов у этого оператора</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/operators.py" line="48"/>
        <source>Add operator</source>
        <translation>Добавить оператора</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/operators.py" line="54"/>
        <source>Max load:</source>
        <translation>Макс. нагрузка:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/operators.py" line="70"/>
        <source>Double-click a name or a limit to change it; the check box makes an operator active or inactive. Inactive operators keep their contacts but get no new ones.</source>
        <translation>Чтобы изменить имя или лимит, дважды щёлкните по нему; флажок делает оператора активным или неактивным. Неактивные операторы сохраняют свои контакты, но новых не получают.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/operators.py" line="76"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/operators.py" line="90"/>
        <location filename="../../desktop_crm/ui/pages/operators.py" line="134"/>
        <source>Delete operator</source>
        <translation>Удалить оператора</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/operators.py" line="127"/>
        <source>Added {name}.</source>
        <translation>Оператор {name} добавлен.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/operators.py" line="133"/>
        <source>Delete operator {name}?</source>
        <translation>Удалить оператора {name}?</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/operators.py" line="141"/>
        <source>Deleted {name}.</source>
        <translation>Оператор {name} удалён.</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="339"/>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/imports.py" line="37"/>
        <source>Imports</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="50"/>
        <source>Leads</source>
        <translation>Лиды</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/operators.py" line="37"/>
        <source>Operators</source>
        <translation>Операторы</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="235"/>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="165"/>
        <source>Statistics</source>
        <translation>Статистика</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/welcome.py" line="17"/>
        <source>Start</source>
        <translation>Начало</translation>
    </message>
</context>
<context>
    <name>RejectsModel</name>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="185"/>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="191"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="197"/>
        <source>Row</source>
        <translation>Содержимое</translation>
    </message>
</context>
<context>
    <name>SharesModel</name>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="371"/>
        <source>Source / operator</source>
        <translation>Источник / оператор</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="372"/>
        <source>Weight</source>
        <translation>Вес</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="373"/>
        <source>Weight %</source>
        <translation>Вес, %</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="374"/>
        <source>Delivered</source>
        <translation>Получено</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="375"/>
        <source>Delivered %</source>
        <translation>Получено, %</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="376"/>
        <source>Deviation</source>
        <translation>Отклонение</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="380"/>
        <source>The operator&apos;s weight on this source</source>
        <translation>Вес оператора для этого источника</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="381"/>
        <source>The weight as a share of the source&apos;s total weight</source>
        <translation>Доля веса в общем весе источника</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="382"/>
        <source>Contacts of the period this operator got from the source</source>
        <translation>Контакты за период, полученные оператором из этого источника</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="385"/>
        <source>Share of the source&apos;s assigned contacts of the period</source>
        <translation>Доля от назначенных контактов источника за период</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="386"/>
        <source>Delivered share minus configured share, in percentage points. Full operators and small numbers make it drift; large drifts deserve a look.</source>
        <translation>Фактическая доля минус заданная, в процентных пунктах. Полностью загруженные операторы и малые числа дают расхождение; на большие отклонения стоит обратить внимание.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="513"/>
        <source>No operators are configured for this source.</source>
        <translation>Для этого источника не настроены операторы.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="519"/>
        <source>{assigned} assigned, {unassigned} unassigned</source>
        <translation>назначено: {assigned}, без оператора: {unassigned}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="549"/>
        <source>{value} pp</source>
        <translation>{value}&#xa0;п.&#xa0;п.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="565"/>
        <source>Nothing was assigned on this source in the period.</source>
        <translation>За период по этому источнику ничего не назначено.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/models/statistics.py" line="516"/>
        <source>%n contact(s) in the period</source>
        <translation>
            <numerusform>%n контакт за период</numerusform>
            <numerusform>%n контакта за период</numerusform>
            <numerusform>%n контактов за период</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourcesModel</name>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="73"/>
        <source>{strategy} + repeat</source>
        <translation>{strategy} + закрепление</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="83"/>
        <source>A returning lead goes to the operator who handled it last, when that operator can take it.</source>
        <translation>Повторного лида получает оператор, который вёл его последним, если этот оператор может его принять.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="148"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="155"/>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="161"/>
        <source>Operators</source>
        <translation>Операторы</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="167"/>
        <source>Strategy</source>
        <translation>Стратегия</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="104"/>
        <source>No operators</source>
        <translation>Нет операторов</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="106"/>
        <source>{operators}, total weight {total}</source>
        <translation>{operators}, общий вес {total}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="114"/>
        <source>No operator has a weight for this source: select it and set weights.</source>
        <translation>Ни у одного оператора нет веса для этого источника: выберите его и задайте веса.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="121"/>
        <source>{name}: {weight} ({percent} %)</source>
        <translation>{name}: {weight} ({percent}&#xa0;%)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="127"/>
        <source>inactive</source>
        <translation>неактивен</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="129"/>
        <source>full</source>
        <translation>нет мест</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="133"/>
        <source>None of them can take contacts now: new ones stay unassigned.</source>
        <translation>Сейчас никто из них не может принять контакты: новые останутся без оператора.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/models/sources.py" line="105"/>
        <source>%n operator(s)</source>
        <translation>
            <numerusform>%n оператор</numerusform>
            <numerusform>%n оператора</numerusform>
            <numerusform>%n операторов</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourcesPage</name>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="255"/>
        <source>Sources and weights</source>
        <translation>Источники и веса</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="256"/>
        <source>Distribution plan</source>
        <translation>План распределения</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="260"/>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="387"/>
        <source>Save weights</source>
        <translation>Сохранить веса</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="265"/>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="667"/>
        <source>Delete source</source>
        <translation>Удалить источник</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="295"/>
        <source>New source&apos;s name, e.g. Telegram bot</source>
        <translation>Название нового источника, например Telegram-бот</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="296"/>
        <source>Code, e.g. tg (optional)</source>
        <translation>Код, например tg (необязательно)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="300"/>
        <source>A short code for bots and the command line: no spaces, not only digits. Optional.</source>
        <translation>Короткий код для ботов и командной строки: без пробелов и не только из цифр. Необязательно.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="303"/>
        <source>Add source</source>
        <translation>Добавить источник</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="328"/>
        <source>Double-click a name or a code to change it. Select a source to set weights.</source>
        <translation>Чтобы изменить название или код, дважды щёлкните по нему. Выберите источник, чтобы задать веса.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="330"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="354"/>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="759"/>
        <source>Weights</source>
        <translation>Веса</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="76"/>
        <source>A contact goes to one of the operators by lot, in proportion to the weights. 0 means never. Inactive and full operators are skipped.</source>
        <translation>Контакт получает один из операторов по жребию, пропорционально весам. 0 — никогда. Неактивные и полностью загруженные операторы пропускаются.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="81"/>
        <source>Operators take turns in proportion to the weights. 0 means never. Inactive and full operators are skipped.</source>
        <translation>Операторы получают контакты по очереди, пропорционально весам. 0 — никогда. Неактивные и полностью загруженные операторы пропускаются.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="86"/>
        <source>A contact goes to the operator with the most room for their limit; the weight only breaks ties. 0 means never. Inactive and full operators are skipped.</source>
        <translation>Контакт получает оператор с наибольшим запасом до лимита; вес решает только при равенстве. 0 — никогда. Неактивные и полностью загруженные операторы пропускаются.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="383"/>
        <source>Unsaved changes</source>
        <translation>Есть несохранённые изменения</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="386"/>
        <source>Revert</source>
        <translation>Отменить изменения</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="389"/>
        <source>Replace the source&apos;s weights with these ({shortcut})</source>
        <translation>Заменить веса источника этими ({shortcut})</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="425"/>
        <source>Strategy:</source>
        <translation>Стратегия:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="432"/>
        <source>Send a returning lead to the operator who handled it last (when that operator can take it)</source>
        <translation>Передавать повторного лида оператору, который вёл его последним (если тот может его принять)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="436"/>
        <source>A lead who writes again goes to the same operator if they are active, have a weight here and are below their limit; otherwise the strategy decides.</source>
        <translation>Лид, написавший снова, попадает к тому же оператору, если тот активен, имеет вес для этого источника и не исчерпал лимит; иначе решает стратегия.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="479"/>
        <source>Each cell is an operator&apos;s weight for a source; double-click a cell to change it (saved at once). Under each name: how many more active contacts the operator can take. Grey: no weight, or an operator who gets nothing right now.</source>
        <translation>В каждой ячейке — вес оператора для источника; дважды щёлкните по ячейке, чтобы изменить его (сохраняется сразу). Под каждым именем — сколько ещё активных контактов может принять оператор. Серым: веса нет или оператор сейчас ничего не получает.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="545"/>
        <source>The source was deleted elsewhere; its unsaved weights are gone.</source>
        <translation>Источник удалён в другом месте; его несохранённые веса потеряны.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="568"/>
        <source>No sources yet.
Add one above: a bot, a form or a channel that sends contacts. Then give its operators weights here.</source>
        <translation>Источников пока нет.
Добавьте источник выше: бота, форму или канал, откуда приходят контакты. Затем задайте здесь веса его операторов.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="575"/>
        <source>Add a source to set its operators&apos; weights.</source>
        <translation>Добавьте источник, чтобы задать веса его операторов.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="577"/>
        <source>Select a source to set its operators&apos; weights.</source>
        <translation>Выберите источник, чтобы задать веса его операторов.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="580"/>
        <source>No operators yet: add them on the Operators screen, then come back.</source>
        <translation>Операторов пока нет: добавьте их на экране «Операторы» и вернитесь сюда.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="589"/>
        <source>The plan shows every source against every operator.
Add at least one source and one operator to see it.</source>
        <translation>План показывает веса каждого источника по каждому оператору.
Добавьте хотя бы один источник и одного оператора, чтобы его увидеть.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="631"/>
        <source>Unsaved weights</source>
        <translation>Несохранённые веса</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="632"/>
        <source>The weights of {name} are not saved. Discard the changes?</source>
        <translation>Веса источника {name} не сохранены. Отбросить изменения?</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="657"/>
        <source>Added {name}. Now give its operators weights.</source>
        <translation>Источник {name} добавлен. Теперь задайте веса его операторов.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="664"/>
        <source>Delete source {name}? Its weights are deleted with it.</source>
        <translation>Удалить источник {name}? Его веса будут удалены вместе с ним.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="676"/>
        <source>Deleted {name}.</source>
        <translation>Источник {name} удалён.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="742"/>
        <source>Saved the weights of {name}.</source>
        <translation>Веса источника {name} сохранены.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="762"/>
        <source>Weights for {name}</source>
        <translation>Веса источника {name}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/sources.py" line="765"/>
        <source>Total weight {total}; %n operator(s) get contacts</source>
        <translation>
            <numerusform>Общий вес {total}; контакты получает %n оператор</numerusform>
            <numerusform>Общий вес {total}; контакты получают %n оператора</numerusform>
            <numerusform>Общий вес {total}; контакты получают %n операторов</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StackedBarChart</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/charts.py" line="161"/>
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n контакт</numerusform>
            <numerusform>%n контакта</numerusform>
            <numerusform>%n контактов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/charts.py" line="162"/>
        <source>Total: %n</source>
        <translation>
            <numerusform>Всего: %n</numerusform>
            <numerusform>Всего: %n</numerusform>
            <numerusform>Всего: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatisticsModel</name>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="154"/>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="155"/>
        <source>Load</source>
        <translation>Нагрузка</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="156"/>
        <source>Total</source>
        <translation>Всего</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="45"/>
        <source>{value} %</source>
        <translation>{value}&#xa0;%</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="120"/>
        <source>Unassigned</source>
        <translation>Без оператора</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/models/statistics.py" line="129"/>
        <source>%n contact(s) in the period</source>
        <translation>
            <numerusform>%n контакт за период</numerusform>
            <numerusform>%n контакта за период</numerusform>
            <numerusform>%n контактов за период</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/models/statistics.py" line="132"/>
        <source>%n still active</source>
        <translation>
            <numerusform>из них %n ещё активен</numerusform>
            <numerusform>из них %n ещё активны</numerusform>
            <numerusform>из них %n ещё активны</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="143"/>
        <source>{load} active contacts now, at most {max_load} (not limited to the period)</source>
        <translation>Сейчас активных контактов: {load}, максимум {max_load} (без учёта периода)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="246"/>
        <source>Contacts in the period (of them still active).</source>
        <translation>Контакты за период (в скобках — сколько из них ещё активны).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="253"/>
        <source>Active contacts now against the operator&apos;s limit (any period).</source>
        <translation>Активные контакты сейчас относительно лимита оператора (за любой период).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="274"/>
        <source>Contacts nobody could take</source>
        <translation>Контакты, которые никто не смог принять</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="276"/>
        <source>{name} (inactive)</source>
        <translation>{name} (неактивен)</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="78"/>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="79"/>
        <source>Last 7 days</source>
        <translation>Последние 7 дней</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="80"/>
        <source>Last 30 days</source>
        <translation>Последние 30 дней</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="81"/>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="340"/>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="445"/>
        <source>All time</source>
        <translation>За всё время</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="82"/>
        <source>Custom range</source>
        <translation>Свой период</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="152"/>
        <source>Export statistics</source>
        <translation>Экспорт статистики</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="154"/>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="190"/>
        <source>Export to CSV…</source>
        <translation>Экспорт в CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="191"/>
        <source>Save the table to a CSV file (Ctrl+E)</source>
        <translation>Сохранить таблицу в файл CSV (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="193"/>
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="217"/>
        <source>Each cell: contacts of the period (of them still active). Load is the operator&apos;s active contacts now against the limit.</source>
        <translation>В ячейке — контакты за период (в скобках — сколько из них ещё активны). Нагрузка — активные контакты оператора сейчас относительно лимита.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="247"/>
        <source>&lt;b&gt;Weights against delivery&lt;/b&gt;</source>
        <translation>&lt;b&gt;Веса и фактическое распределение&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="250"/>
        <source>Per source: each operator&apos;s share of the configured weight against the share of the period&apos;s assigned contacts it actually got.</source>
        <translation>По каждому источнику: доля оператора в заданном весе и доля назначенных за период контактов, которую он получил на самом деле.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="254"/>
        <source>&lt;b&gt;Contacts per operator, by source&lt;/b&gt;</source>
        <translation>&lt;b&gt;Контакты по операторам и источникам&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="278"/>
        <source>Export statistics…</source>
        <translation>Экспорт статистики…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="394"/>
        <source>Calculating…</source>
        <translation>Подсчёт…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="454"/>
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n контакт</numerusform>
            <numerusform>%n контакта</numerusform>
            <numerusform>%n контактов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="455"/>
        <source>%n unassigned</source>
        <translation>
            <numerusform>%n без оператора</numerusform>
            <numerusform>%n без оператора</numerusform>
            <numerusform>%n без оператора</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="461"/>
        <source>Nothing to show yet: add operators and sources, then register contacts.</source>
        <translation>Пока нечего показать: добавьте операторов и источники, затем зарегистрируйте контакты.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="468"/>
        <source>Unassigned</source>
        <translation>Без оператора</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="471"/>
        <source>No contacts in this period.</source>
        <translation>За этот период контактов нет.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="520"/>
        <source>The statistics are still being calculated.</source>
        <translation>Статистика ещё подсчитывается.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="529"/>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="549"/>
        <source>Could not save {path}: {reason}</source>
        <translation>Не удалось сохранить {path}: {reason}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="553"/>
        <source>Saved %n row(s) to {path}.</source>
        <translation>
            <numerusform>%n строка сохранена в {path}.</numerusform>
            <numerusform>%n строки сохранены в {path}.</numerusform>
            <numerusform>%n строк сохранено в {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Strategies</name>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="25"/>
        <source>Weighted random (lottery)</source>
        <translation>Случайно по весам (жребий)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="26"/>
        <source>Lottery</source>
        <translation>Жребий</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="27"/>
        <source>Each contact goes to an operator drawn by lot, with chances in proportion to the weights.</source>
        <translation>Каждый контакт получает оператор, выбранный жребием; шансы пропорциональны весам.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="34"/>
        <source>Smooth round-robin</source>
        <translation>По кругу (сглаженно)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="35"/>
        <source>Round-robin</source>
        <translation>По кругу</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="36"/>
        <source>Operators take turns in proportion to the weights, so the shares come out exact over every full round.</source>
        <translation>Операторы получают контакты по очереди пропорционально весам, поэтому за каждый полный круг доли соблюдаются точно.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="43"/>
        <location filename="../../desktop_crm/ui/models/sources.py" line="44"/>
        <source>Least loaded</source>
        <translation>Наименее загруженный</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="45"/>
        <source>Each contact goes to the operator with the most room for their limit; the weight only breaks ties, and weight 0 still means never.</source>
        <translation>Каждый контакт получает оператор с наибольшим запасом до лимита; вес решает только при равенстве, а вес 0 по-прежнему означает «никогда».</translation>
    </message>
</context>
<context>
    <name>WeightGridModel</name>
    <message>
        <location filename="../../desktop_crm/ui/models/weight_grid.py" line="32"/>
        <source>Total weight</source>
        <translation>Общий вес</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weight_grid.py" line="45"/>
        <source>inactive</source>
        <translation>неактивен</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weight_grid.py" line="124"/>
        <source>The sum of the source&apos;s weights</source>
        <translation>Сумма весов источника</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weight_grid.py" line="142"/>
        <source>Load {load} of {max}.</source>
        <translation>Нагрузка: {load} из {max}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weight_grid.py" line="148"/>
        <source>Inactive: gets no new contacts whatever the weights.</source>
        <translation>Неактивен: не получает новых контактов независимо от весов.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weight_grid.py" line="154"/>
        <source>Full: gets no new contacts until some are closed.</source>
        <translation>Нет мест: не получает новых контактов, пока часть не будет закрыта.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/models/weight_grid.py" line="160"/>
        <source>Can take %n more active contact(s).</source>
        <translation>
            <numerusform>Может принять ещё %n активный контакт.</numerusform>
            <numerusform>Может принять ещё %n активных контакта.</numerusform>
            <numerusform>Может принять ещё %n активных контактов.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weight_grid.py" line="204"/>
        <source>No operator has a weight: contacts of {source} stay unassigned.</source>
        <translation>Ни у одного оператора нет веса: контакты источника {source} остаются без оператора.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weight_grid.py" line="212"/>
        <source>{operator} gets no contacts of {source}.</source>
        <translation>{operator} не получает контакты источника {source}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weight_grid.py" line="214"/>
        <source>{operator}: weight {weight} of {total} ({percent} %) for {source}.</source>
        <translation>{operator}: вес {weight} из {total} ({percent}&#xa0;%) для источника {source}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weight_grid.py" line="225"/>
        <source>Inactive: skipped until made active again.</source>
        <translation>Неактивен: пропускается, пока его снова не сделают активным.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weight_grid.py" line="229"/>
        <source>Full: skipped until some contacts are closed.</source>
        <translation>Нет мест: пропускается, пока часть контактов не будет закрыта.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weight_grid.py" line="233"/>
        <source>Double-click to change the weight.</source>
        <translation>Дважды щёлкните, чтобы изменить вес.</translation>
    </message>
</context>
<context>
    <name>WeightsModel</name>
    <message>
        <location filename="../../desktop_crm/ui/models/weights.py" line="86"/>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weights.py" line="92"/>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weights.py" line="101"/>
        <source>Load</source>
        <translation>Нагрузка</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weights.py" line="106"/>
        <source>Weight</source>
        <translation>Вес</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weights.py" line="112"/>
        <source>Share</source>
        <translation>Доля</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weights.py" line="30"/>
        <source>{free} free of {max}</source>
        <translation>свободно {free} из {max}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weights.py" line="38"/>
        <source>full</source>
        <translation>нет мест</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weights.py" line="39"/>
        <source>{free} free</source>
        <translation>свободно {free}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weights.py" line="94"/>
        <source>Active</source>
        <translation>Активен</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weights.py" line="96"/>
        <source>Inactive</source>
        <translation>Неактивен</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weights.py" line="215"/>
        <source>Changed from {saved}; not saved yet.</source>
        <translation>Изменено (было {saved}); ещё не сохранено.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weights.py" line="218"/>
        <source>Double-click or type a number to change the weight.</source>
        <translation>Чтобы изменить вес, дважды щёлкните или введите число.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weights.py" line="238"/>
        <source>{weight} of the total weight {total}.</source>
        <translation>{weight} из общего веса {total}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weights.py" line="242"/>
        <source>Gets nothing right now: the operator is inactive or has no free places.</source>
        <translation>Сейчас ничего не получает: оператор неактивен или у него нет свободных мест.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weights.py" line="247"/>
        <source>Right now, with full and inactive operators skipped: {percent}.</source>
        <translation>Сейчас, без учёта полностью загруженных и неактивных операторов: {percent}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weights.py" line="256"/>
        <source>Inactive: gets no new contacts whatever the weight.</source>
        <translation>Неактивен: не получает новых контактов независимо от веса.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weights.py" line="260"/>
        <source>Full: gets no new contacts until some are closed.</source>
        <translation>Нет мест: не получает новых контактов, пока часть не будет закрыта.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/models/weights.py" line="263"/>
        <source>Can take %n more active contact(s).</source>
        <translation>
            <numerusform>Может принять ещё %n активный контакт.</numerusform>
            <numerusform>Может принять ещё %n активных контакта.</numerusform>
            <numerusform>Может принять ещё %n активных контактов.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../desktop_crm/ui/pages/welcome.py" line="25"/>
        <source>Welcome to Lead Dispatcher</source>
        <translation>Добро пожаловать в Lead Dispatcher</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/welcome.py" line="32"/>
        <source>This database is empty. Set it up in three steps, or load demo data to look around first.</source>
        <translation>Эта база данных пуста. Настройте её за три шага или сначала загрузите демо-данные, чтобы осмотреться.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/welcome.py" line="42"/>
        <source>Add the operators who handle contacts, with their load limits.</source>
        <translation>Добавьте операторов, которые обрабатывают контакты, и их лимиты нагрузки.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/welcome.py" line="43"/>
        <source>Add operators</source>
        <translation>Добавить операторов</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/welcome.py" line="47"/>
        <source>Add a source (a bot, a form, a channel) and give operators weights.</source>
        <translation>Добавьте источник (бота, форму, канал) и задайте веса операторов.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/welcome.py" line="48"/>
        <source>Add a source</source>
        <translation>Добавить источник</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/welcome.py" line="53"/>
        <source>Register contacts by hand, drop CSV/XLSX files, or let bots call the command line.</source>
        <translation>Регистрируйте контакты вручную, перетаскивайте в окно файлы CSV/XLSX или подключите ботов через командную строку.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/welcome.py" line="56"/>
        <source>Register a contact</source>
        <translation>Зарегистрировать контакт</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/welcome.py" line="70"/>
        <source>Import a file…</source>
        <translation>Импортировать файл…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/welcome.py" line="75"/>
        <source>Load demo data</source>
        <translation>Загрузить демо-данные</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/welcome.py" line="96"/>
        <source>Loading demo data…</source>
        <translation>Загрузка демо-данных…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/welcome.py" line="104"/>
        <source>Loaded %n demo contact(s).</source>
        <translation>
            <numerusform>Загружен %n демо-контакт.</numerusform>
            <numerusform>Загружено %n демо-контакта.</numerusform>
            <numerusform>Загружено %n демо-контактов.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../desktop_crm/cli/commands.py" line="27"/>
        <source>{arg!r} is not OPERATOR=WEIGHT.</source>
        <translation>{arg!r} не имеет вид OPERATOR=WEIGHT.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/cli/commands.py" line="32"/>
        <source>The weight in {arg!r} is not a whole number.</source>
        <translation>Вес в {arg!r} — не целое число.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/cli/commands.py" line="53"/>
        <location filename="../../desktop_crm/services/stats.py" line="46"/>
        <source>The date {value} is out of range.</source>
        <translation>Дата {value} вне допустимого диапазона.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/cli/commands.py" line="58"/>
        <source>{value!r} is not a date (use YYYY-MM-DD or YYYY-MM-DDTHH:MM).</source>
        <translation>{value!r} — не дата (используйте формат ГГГГ-ММ-ДД или ГГГГ-ММ-ДДTЧЧ:ММ).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/cli/commands.py" line="71"/>
        <source>Operator {names} given more than once.</source>
        <translation>Операторы указаны более одного раза: {names}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/cli/commands.py" line="130"/>
        <source>--limit must not be negative.</source>
        <translation>--limit не может быть отрицательным.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/cli/importing.py" line="79"/>
        <source>The delimiter must be one of , ; | tab (got {value!r}).</source>
        <translation>Разделитель должен быть одним из: , ; | tab (получено {value!r}).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/guard.py" line="35"/>
        <source>{path} is a folder, not a database file.</source>
        <translation>{path} — это папка, а не файл базы данных.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/guard.py" line="40"/>
        <source>The folder {folder} does not exist.</source>
        <translation>Папка {folder} не существует.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/guard.py" line="49"/>
        <source>Cannot read {path}: {reason}.</source>
        <translation>Не удаётся прочитать {path}: {reason}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/guard.py" line="57"/>
        <source>{path} is not a database file.</source>
        <translation>{path} не является файлом базы данных.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/guard.py" line="62"/>
        <source>{path} is a SQLite database of another program; it was left untouched.</source>
        <translation>{path} — база данных SQLite другой программы; файл не изменён.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/guard.py" line="70"/>
        <source>{path} was written by a newer version of Lead Dispatcher (schema {found}, this version knows {known}). Update the program; the file was left untouched.</source>
        <translation>Файл {path} записан более новой версией Lead Dispatcher (схема {found}, эта версия знает схему {known}). Обновите программу; файл не изменён.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/guard.py" line="103"/>
        <source>{path} is locked by another program; try again in a moment.</source>
        <translation>Файл {path} заблокирован другой программой; повторите попытку чуть позже.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/guard.py" line="110"/>
        <source>{path} is damaged or not a database ({reason}).</source>
        <translation>Файл {path} повреждён или не является базой данных ({reason}).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/guard.py" line="115"/>
        <location filename="../../desktop_crm/db/storage.py" line="306"/>
        <source>Cannot open {path}: {reason}.</source>
        <translation>Не удаётся открыть {path}: {reason}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/location.py" line="58"/>
        <source>Unsupported database URL {url!r}: only sqlite:///PATH is supported.</source>
        <translation>Неподдерживаемый URL базы данных {url!r}: поддерживается только sqlite:///PATH.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/location.py" line="69"/>
        <source>The database URL {url!r} names no file.</source>
        <translation>В URL базы данных {url!r} не указан файл.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/storage.py" line="72"/>
        <source>The database stayed busy; nothing was written. Try again.</source>
        <translation>База данных занята; ничего не записано. Повторите попытку.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/storage.py" line="278"/>
        <source>{open} is still open in this program; close it before opening {path}.</source>
        <translation>База {open} ещё открыта в этой программе; закройте её, прежде чем открывать {path}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/storage.py" line="335"/>
        <source>Cannot create the folder {folder}: {reason}.</source>
        <translation>Не удаётся создать папку {folder}: {reason}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/storage.py" line="356"/>
        <source>{path} has migrations this version does not know ({names}); update the program.</source>
        <translation>В {path} есть миграции, неизвестные этой версии ({names}); обновите программу.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/storage.py" line="370"/>
        <source>Upgrading {path} would break references; nothing changed.</source>
        <translation>Обновление {path} нарушило бы ссылки; ничего не изменено.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/dialect.py" line="71"/>
        <source>The delimiter must be one character, not &quot;{value}&quot;.</source>
        <translation>Разделитель должен быть одним символом, а не «{value}».</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/encoding.py" line="117"/>
        <source>Unknown encoding &quot;{value}&quot;.</source>
        <translation>Неизвестная кодировка «{value}».</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/errors.py" line="15"/>
        <source>Cannot read &quot;{name}&quot;: {error}.</source>
        <translation>Не удаётся прочитать «{name}»: {error}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/errors.py" line="24"/>
        <source>&quot;{name}&quot;: files of type &quot;{suffix}&quot; cannot be imported; use CSV, TSV, TXT or XLSX (save an old .xls workbook as .xlsx).</source>
        <translation>«{name}»: файлы типа «{suffix}» импортировать нельзя; используйте CSV, TSV, TXT или XLSX (старую книгу .xls сохраните как .xlsx).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/errors.py" line="36"/>
        <source>&quot;{name}&quot; is empty.</source>
        <translation>Файл «{name}» пуст.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/errors.py" line="44"/>
        <source>&quot;{name}&quot; is not a table: expected CSV/TSV/TXT text or an XLSX workbook.</source>
        <translation>«{name}» — не таблица: ожидается текст CSV/TSV/TXT или книга XLSX.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/errors.py" line="55"/>
        <source>&quot;{name}&quot;: no column holds the lead&apos;s id (phone, e-mail or id). Choose the id column or the header line.</source>
        <translation>«{name}»: ни в одном столбце нет ID лида (телефона, e-mail или другого ID). Укажите столбец с ID или строку заголовка.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/errors.py" line="73"/>
        <source>&quot;{name}&quot;, line {line}: a quoted field never ends; check the quotes on that line.</source>
        <translation>«{name}», строка {line}: поле в кавычках не закрыто; проверьте кавычки в этой строке.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/mapping.py" line="90"/>
        <source>Unknown field &quot;{value}&quot; in the column mapping.</source>
        <translation>Неизвестное поле «{value}» в сопоставлении столбцов.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/mapping.py" line="96"/>
        <source>Column {value} for {target} is outside the table (1 to {count}).</source>
        <translation>Столбец {value} для поля «{target}» вне таблицы (допустимо от 1 до {count}).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/table.py" line="399"/>
        <source>Line {value} is inside a record that starts on line {start}.</source>
        <translation>Строка {value} находится внутри записи, которая начинается в строке {start}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/table.py" line="430"/>
        <source>The file has no line {value} to take the header from.</source>
        <translation>В файле нет строки {value}, из которой можно взять заголовок.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/xlsx_reader.py" line="67"/>
        <source>The workbook has no sheet &quot;{value}&quot;.</source>
        <translation>В книге нет листа «{value}».</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/common.py" line="36"/>
        <source>The {what} name must not be empty.</source>
        <translation>{what}: имя не может быть пустым.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/common.py" line="42"/>
        <source>The {what} name is longer than {limit} characters.</source>
        <translation>{what}: имя слишком длинное (не более {limit} символов).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/common.py" line="54"/>
        <source>{field} must be a whole number.</source>
        <translation>{field}: нужно целое число.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/common.py" line="58"/>
        <source>{field} must not be negative (got {value}).</source>
        <translation>{field}: значение не может быть отрицательным (получено {value}).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/common.py" line="64"/>
        <source>{field} must be at most {limit} (got {value}).</source>
        <translation>{field}: значение не может быть больше {limit} (получено {value}).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/common.py" line="104"/>
        <source>No operator {ref!r}.</source>
        <translation>Оператор {ref!r} не найден.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/common.py" line="119"/>
        <source>No source {ref!r}.</source>
        <translation>Источник {ref!r} не найден.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/common.py" line="139"/>
        <location filename="../../desktop_crm/services/common.py" line="146"/>
        <source>No contact #{id}.</source>
        <translation>Контакт №&#xa0;{id} не найден.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/common.py" line="154"/>
        <source>The {field} {value!r} already exists for another {what}.</source>
        <translation>{what}: запись с {field} = {value!r} уже существует.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/contacts.py" line="58"/>
        <source>The {field} is longer than {limit} characters.</source>
        <translation>{field}: значение слишком длинное (не более {limit} символов).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/contacts.py" line="68"/>
        <location filename="../../desktop_crm/services/intake.py" line="112"/>
        <source>The lead&apos;s external id must not be empty.</source>
        <translation>Внешний ID лида не может быть пустым.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/contacts.py" line="80"/>
        <source>The idempotency key must be 1 to {limit} characters.</source>
        <translation>Ключ идемпотентности должен содержать от 1 до {limit} символов.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/contacts.py" line="113"/>
        <source>The idempotency key {key!r} was already used for contact #{id} with a different lead, source, name or message; use a new key for a new contact.</source>
        <translation>Ключ идемпотентности {key!r} уже использован для обращения №{id} с другим лидом, источником, именем или сообщением; для нового обращения нужен новый ключ.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/contacts.py" line="126"/>
        <source>{name} is inactive and takes no contacts.</source>
        <translation>Оператор {name} неактивен и не получает контакты.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/contacts.py" line="133"/>
        <source>{name} is at the limit ({max_load}); contact #{id} was not given to them.</source>
        <translation>У оператора {name} исчерпан лимит ({max_load}); контакт №&#xa0;{id} не назначен.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/contacts.py" line="302"/>
        <source>{name} is at the limit ({max_load}); contact #{id} cannot be reopened. Close another contact or raise the limit.</source>
        <translation>У оператора {name} исчерпан лимит ({max_load}); контакт №&#xa0;{id} нельзя вернуть в работу. Закройте другой контакт или увеличьте лимит.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/demo.py" line="77"/>
        <source>Demo data can only be loaded into an empty database.</source>
        <translation>Демо-данные можно загрузить только в пустую базу данных.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/importer.py" line="330"/>
        <source>{reason} The import stopped part-way: {committed} rows were committed and stay; run the same import again to resume.</source>
        <translation>{reason} Импорт остановлен на полпути: записано строк — {committed}, они сохранены; запустите тот же импорт снова, чтобы продолжить.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/importer.py" line="350"/>
        <source>{file} has no source column; choose the source for the whole file.</source>
        <translation>В файле {file} нет столбца источника; выберите источник для всего файла.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/importer.py" line="535"/>
        <source>The row names no source.</source>
        <translation>В строке не указан источник.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/operators.py" line="80"/>
        <source>{name} has {load} active contacts; max_load cannot be lower than that. Close or reassign contacts first.</source>
        <translation>У оператора {name} активных контактов: {load}; макс. нагрузка не может быть меньше. Сначала закройте контакты или передайте их другим операторам.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/operators.py" line="111"/>
        <source>{name} has {count} contacts and cannot be deleted; deactivate the operator instead.</source>
        <translation>Оператора {name} нельзя удалить: у него есть контакты ({count}). Вместо этого сделайте его неактивным.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/settings.py" line="45"/>
        <source>Unknown phone region {region!r} (use e.g. RU, KZ).</source>
        <translation>Неизвестный регион телефонов {region!r} (укажите, например, RU или KZ).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/sources.py" line="39"/>
        <source>The code {code!r} must be up to {limit} characters without spaces, and not only digits.</source>
        <translation>Код {code!r} должен быть не длиннее {limit} символов, без пробелов и не только из цифр.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/sources.py" line="54"/>
        <source>Unknown strategy {value!r}; use one of {names}.</source>
        <translation>Неизвестная стратегия {value!r}; используйте одну из: {names}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/sources.py" line="151"/>
        <source>{name} has {count} contacts and cannot be deleted; set all its weights to 0 to stop it receiving operators instead.</source>
        <translation>Источник {name} нельзя удалить: у него есть контакты ({count}). Вместо этого обнулите все его веса, чтобы его контакты больше не доставались операторам.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/sources.py" line="174"/>
        <source>Operator {name} is given more than once.</source>
        <translation>Оператор {name} указан более одного раза.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/errors.py" line="96"/>
        <source>The database stayed busy past the wait.</source>
        <translation>База данных оставалась занятой дольше срока ожидания.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/errors.py" line="100"/>
        <source>Interrupted.</source>
        <translation>Прервано.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/errors.py" line="101"/>
        <source>An internal error stopped it.</source>
        <translation>Её остановила внутренняя ошибка.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/queue.py" line="149"/>
        <source>{reason} Distributing the queue stopped part-way: {committed} contacts were assigned and stay; run it again to continue.</source>
        <translation>{reason} Распределение очереди остановлено на полпути: назначено обращений — {committed}, они сохранены; запустите его снова, чтобы продолжить.</translation>
    </message>
</context>
<context>
    <name>importing</name>
    <message>
        <location filename="../../desktop_crm/importing/rows.py" line="32"/>
        <source>No lead id: the column &quot;{column}&quot; is empty.</source>
        <translation>Нет ID лида: столбец «{column}» пуст.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/rows.py" line="33"/>
        <source>The column &quot;{column}&quot; is too long: {length} characters, at most {limit}.</source>
        <translation>Значение в столбце «{column}» слишком длинное: символов — {length}, допустимо не более {limit}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/rows.py" line="36"/>
        <source>Cannot read the date &quot;{value}&quot; in the column &quot;{column}&quot;.</source>
        <translation>Не удаётся распознать дату «{value}» в столбце «{column}».</translation>
    </message>
</context>
<context>
    <name>reasons</name>
    <message>
        <location filename="../../desktop_crm/services/reasons.py" line="9"/>
        <source>no operators configured for the source</source>
        <translation>у источника нет настроенных операторов</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/reasons.py" line="10"/>
        <source>all operators have weight 0</source>
        <translation>у всех операторов вес 0</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/reasons.py" line="11"/>
        <source>all operators are inactive</source>
        <translation>все операторы неактивны</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/reasons.py" line="12"/>
        <source>all operators are at their limit</source>
        <translation>у всех операторов исчерпан лимит</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/reasons.py" line="13"/>
        <source>no eligible operator (inactive, at their limit or weight 0)</source>
        <translation>нет подходящего оператора (неактивны, исчерпан лимит или вес 0)</translation>
    </message>
</context>
</TS>
