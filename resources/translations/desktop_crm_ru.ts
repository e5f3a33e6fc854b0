<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Application</name>
    <message>
        <location filename="../../desktop_crm/ui/application.py" line="85"/>
        <location filename="../../desktop_crm/ui/application.py" line="109"/>
        <location filename="../../desktop_crm/ui/application.py" line="355"/>
        <source>Cannot open the database</source>
        <translation>Не удаётся открыть базу данных</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/application.py" line="88"/>
        <source>The file was not changed. Pick another one?</source>
        <translation>Файл не изменён. Выбрать другой?</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/application.py" line="91"/>
        <source>Open another file…</source>
        <translation>Открыть другой файл…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/application.py" line="95"/>
        <source>Create a new database…</source>
        <translation>Создать новую базу данных…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/application.py" line="98"/>
        <location filename="../../desktop_crm/ui/application.py" line="124"/>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/application.py" line="112"/>
        <source>Nothing was changed. Try again (once the server is up), or open a database file instead?</source>
        <translation>Ничего не изменено. Повторить попытку (когда сервер заработает) или открыть файл базы данных?</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/application.py" line="119"/>
        <source>Try again</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/application.py" line="122"/>
        <source>Open a file…</source>
        <translation>Открыть файл…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/application.py" line="134"/>
        <source>New database</source>
        <translation>Новая база данных</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/application.py" line="136"/>
        <source>Open database</source>
        <translation>Открыть базу данных</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/application.py" line="138"/>
        <source>Lead Dispatcher databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>Базы данных Lead Dispatcher (*.sqlite3 *.sqlite *.db);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/application.py" line="190"/>
        <source>Cannot restore the backup</source>
        <translation>Не удаётся восстановить резервную копию</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/application.py" line="278"/>
        <source>The language changes once the open dialogs are closed, running jobs have finished and the weights are saved or reverted.</source>
        <translation>Язык сменится, когда будут закрыты открытые окна, закончатся выполняемые задачи, а веса будут сохранены или отменены.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/dialogs.py" line="86"/>
        <source>Unexpected error</source>
        <translation>Непредвиденная ошибка</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/dialogs.py" line="89"/>
        <source>Something went wrong: {error}

Your saved data is safe. Details are in the log file:
{log}</source>
        <translation>Что-то пошло не так: {error}

Сохранённые данные не пострадали. Подробности — в файле журнала:
{log}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/dialogs.py" line="98"/>
        <source>Copy details</source>
        <translation>Скопировать подробности</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="183"/>
        <source>Assign to operator</source>
        <translation>Назначение оператора</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="187"/>
        <source>Give %Ln selected contact(s) to:</source>
        <translation>
            <numerusform>Передать %Ln выбранный контакт оператору:</numerusform>
            <numerusform>Передать %Ln выбранных контакта оператору:</numerusform>
            <numerusform>Передать %Ln выбранных контактов оператору:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="264"/>
        <source>{name} has room for %Ln more; the other contacts will be refused (closed ones always fit).</source>
        <translation>
            <numerusform>{name} может принять ещё %Ln контакт; остальные будут отклонены (закрытые контакты в лимит не входят).</numerusform>
            <numerusform>{name} может принять ещё %Ln контакта; остальные будут отклонены (закрытые контакты в лимит не входят).</numerusform>
            <numerusform>{name} может принять ещё %Ln контактов; остальные будут отклонены (закрытые контакты в лимит не входят).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="274"/>
        <source>{name} lacks a skill %Ln of them needs; those will be refused.</source>
        <translation>
            <numerusform>{name} не владеет навыком, нужным %Ln из выбранных контактов; он будет отклонён.</numerusform>
            <numerusform>{name} не владеет навыком, нужным %Ln из выбранных контактов; они будут отклонены.</numerusform>
            <numerusform>{name} не владеет навыком, нужным %Ln из выбранных контактов; они будут отклонены.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="207"/>
        <source>Greyed out: operators who are inactive, away, off shift, at the daily cap, at their limit or without a skill the contacts&apos; tags ask for cannot take them.</source>
        <translation>Серым отмечены операторы, которые не могут взять контакты: неактивные, отсутствующие, вне смены, исчерпавшие дневной лимит, загруженные до предела или без навыка, которого требуют теги контактов.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="223"/>
        <source>Assign</source>
        <translation>Назначить</translation>
    </message>
</context>
<context>
    <name>BoardModels</name>
    <message>
        <location filename="../../desktop_crm/ui/models/board.py" line="59"/>
        <source>Operators who could be given one of this source&apos;s waiting contacts now (their skills count); with none waiting, a new contact without tags</source>
        <translation>Операторы, которым сейчас можно дать один из ждущих контактов этого источника (с учётом навыков); если никто не ждёт — новый контакт без тегов</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/board.py" line="70"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/board.py" line="75"/>
        <source>Waiting</source>
        <translation>Ждут</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/board.py" line="81"/>
        <source>Oldest wait</source>
        <translation>Дольше всех ждёт</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/board.py" line="87"/>
        <source>Overdue</source>
        <translation>Просрочены</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/board.py" line="93"/>
        <source>Operators available</source>
        <translation>Операторов на месте</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/board.py" line="100"/>
        <source>Room</source>
        <translation>Свободно мест</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/board.py" line="130"/>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/board.py" line="135"/>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/board.py" line="140"/>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/board.py" line="146"/>
        <source>Load</source>
        <translation>Нагрузка</translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message>
        <location filename="../../desktop_crm/ui/pages/board.py" line="98"/>
        <source>&amp;Sources: the queue and who can take it now</source>
        <translation>&amp;Источники: очередь и кто может её взять сейчас</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/board.py" line="100"/>
        <source>O&amp;perators now</source>
        <translation>&amp;Операторы сейчас</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/board.py" line="105"/>
        <source>Double-click a source (or press Enter) to see its queue, an operator to see its active contacts.</source>
        <translation>Двойной щелчок по источнику (или Enter) покажет его очередь, по оператору — его активные контакты.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/board.py" line="157"/>
        <source>%Ln contact(s) waiting</source>
        <translation>
            <numerusform>%Ln контакт ждёт</numerusform>
            <numerusform>%Ln контакта ждут</numerusform>
            <numerusform>%Ln контактов ждут</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/board.py" line="158"/>
        <source>%Ln overdue</source>
        <translation>
            <numerusform>%Ln просрочен</numerusform>
            <numerusform>%Ln просрочено</numerusform>
            <numerusform>%Ln просрочено</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/board.py" line="166"/>
        <source>As of {time}; it updates by itself.</source>
        <translation>На {time}; обновляется само.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/board.py" line="167"/>
        <source>No sources yet: add them on the Sources screen.</source>
        <translation>Источников пока нет: добавьте их на экране «Источники».</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/board.py" line="168"/>
        <source>No operators yet: add them on the Operators screen.</source>
        <translation>Операторов пока нет: добавьте их на экране «Операторы».</translation>
    </message>
</context>
<context>
    <name>ContactDetail</name>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="120"/>
        <source>No message</source>
        <translation>Нет сообщения</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="126"/>
        <source>Lead:</source>
        <translation>Лид:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="127"/>
        <source>Source:</source>
        <translation>Источник:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="130"/>
        <source>Operator:</source>
        <translation>Оператор:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="131"/>
        <source>Why unassigned:</source>
        <translation>Почему без оператора:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="149"/>
        <source>Why this operator?</source>
        <translation>Почему этот оператор?</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="128"/>
        <source>Created:</source>
        <translation>Создан:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="129"/>
        <source>State:</source>
        <translation>Состояние:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="134"/>
        <source>Message:</source>
        <translation>Сообщение:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="161"/>
        <source>Contact #{id} (of %n selected)</source>
        <translation>
            <numerusform>Контакт №&#xa0;{id} (из %n выбранного)</numerusform>
            <numerusform>Контакт №&#xa0;{id} (из %n выбранных)</numerusform>
            <numerusform>Контакт №&#xa0;{id} (из %n выбранных)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="163"/>
        <source>Contact #{id}</source>
        <translation>Контакт №&#xa0;{id}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="172"/>
        <source>nobody (unassigned)</source>
        <translation>никто (без оператора)</translation>
    </message>
</context>
<context>
    <name>ContactSearchBar</name>
    <message>
        <location filename="../../desktop_crm/ui/widgets/contact_filters.py" line="29"/>
        <source>&amp;Find</source>
        <translation>&amp;Найти</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/widgets/contact_filters.py" line="57"/>
        <source>Search: phone, id, name, message</source>
        <translation>Поиск: телефон, id, имя, сообщение</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/widgets/contact_filters.py" line="60"/>
        <source>A whole phone number (8 900 123-45-67, +7 900 1234567…) finds its lead&apos;s contacts at once. Other text finds contacts whose lead id or name contains it, or whose message contains it; on a very large database that takes a moment. (Ctrl+F)</source>
        <translation>Полный номер телефона (8 900 123-45-67, +7 900 1234567…) сразу находит контакты этого лида. Другой текст находит контакты, у которых он есть в id или имени лида либо в сообщении; в очень большой базе это занимает немного времени. (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/widgets/contact_filters.py" line="67"/>
        <source>From:</source>
        <translation>С:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/widgets/contact_filters.py" line="68"/>
        <source>Only contacts created on this day or later</source>
        <translation>Только контакты, созданные в этот день или позже</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/widgets/contact_filters.py" line="70"/>
        <source>to:</source>
        <translation>по:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/widgets/contact_filters.py" line="71"/>
        <source>Only contacts created on this day or earlier</source>
        <translation>Только контакты, созданные в этот день или раньше</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/widgets/contact_filters.py" line="73"/>
        <source>↔ swapped</source>
        <translation>↔ переставлены</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/widgets/contact_filters.py" line="76"/>
        <source>The “from” day is after the “to” day: the contacts between the two days are shown, the earlier day first.</source>
        <translation>День «с» позже дня «по»: показаны контакты между этими днями, начиная с более раннего.</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <location filename="../../desktop_crm/ui/models/contacts.py" line="63"/>
        <source>— unassigned: {reason}</source>
        <translation>— без оператора: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/contacts.py" line="66"/>
        <source>— unassigned</source>
        <translation>— без оператора</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/contacts.py" line="72"/>
        <source>no reason recorded</source>
        <translation>причина не записана</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/contacts.py" line="75"/>
        <source>Nobody took this contact: {reason}.</source>
        <translation>Контакт никому не достался: {reason}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/contacts.py" line="82"/>
        <location filename="../../desktop_crm/ui/widgets/contacts_table.py" line="34"/>
        <source>Active</source>
        <translation>Активен</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/contacts.py" line="83"/>
        <location filename="../../desktop_crm/ui/widgets/contacts_table.py" line="35"/>
        <source>Closed</source>
        <translation>Закрыт</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/contacts.py" line="117"/>
        <source>Numbers follow arrival; sort by Created to see contacts in time order.</source>
        <translation>Номера идут в порядке поступления; чтобы упорядочить контакты по времени, сортируйте по столбцу «Создан».</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/contacts.py" line="120"/>
        <source>Does not sort: on a large database that would read every contact. Find a lead with the search box instead.</source>
        <translation>Не сортируется: в большой базе для этого пришлось бы прочитать все контакты. Найдите лида через поле поиска.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/contacts.py" line="125"/>
        <source>Does not sort: on a large database that would read every contact. Choose a source in the filter instead.</source>
        <translation>Не сортируется: в большой базе для этого пришлось бы прочитать все контакты. Выберите источник в фильтре.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/contacts.py" line="130"/>
        <source>Does not sort: on a large database that would read every contact. Choose an operator in the filter instead.</source>
        <translation>Не сортируется: в большой базе для этого пришлось бы прочитать все контакты. Выберите оператора в фильтре.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/contacts.py" line="135"/>
        <source>Does not sort: on a large database that would read every contact. Choose a state in the filter instead.</source>
        <translation>Не сортируется: в большой базе для этого пришлось бы прочитать все контакты. Выберите состояние в фильтре.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/contacts.py" line="140"/>
        <source>Does not sort: on a large database that would read every contact. Search the messages with the search box instead.</source>
        <translation>Не сортируется: в большой базе для этого пришлось бы прочитать все контакты. Ищите по сообщениям через поле поиска.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/contacts.py" line="146"/>
        <source>Click to show the newest or the oldest first</source>
        <translation>Нажмите, чтобы показать сначала новые или сначала старые</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/contacts.py" line="162"/>
        <source>#</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/contacts.py" line="168"/>
        <source>Created</source>
        <translation>Создан</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/contacts.py" line="173"/>
        <source>Lead</source>
        <translation>Лид</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/contacts.py" line="181"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/contacts.py" line="187"/>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/contacts.py" line="192"/>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/contacts.py" line="194"/>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="217"/>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="218"/>
        <source>Active</source>
        <translation>Активные</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="219"/>
        <source>Closed</source>
        <translation>Закрытые</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="220"/>
        <source>Unassigned</source>
        <translation>Без оператора</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="221"/>
        <source>Overdue</source>
        <translation>Просроченные</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="224"/>
        <source>All sources</source>
        <translation>Все источники</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="225"/>
        <source>All operators</source>
        <translation>Все операторы</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="227"/>
        <source>Newest first</source>
        <translation>Сначала новые</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="228"/>
        <source>Oldest first</source>
        <translation>Сначала старые</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="239"/>
        <source>State:</source>
        <translation>Состояние:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="240"/>
        <source>Source:</source>
        <translation>Источник:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="241"/>
        <source>Operator:</source>
        <translation>Оператор:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="242"/>
        <source>Order:</source>
        <translation>Порядок:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="251"/>
        <source>Export to CSV…</source>
        <translation>Экспорт в CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="253"/>
        <source>Save the contacts that match the filter to a CSV file (Ctrl+E)</source>
        <translation>Сохранить контакты, подходящие под фильтр, в файл CSV (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="265"/>
        <source>Select a contact to see it in full here.</source>
        <translation>Выберите контакт, чтобы увидеть его здесь полностью.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="289"/>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="678"/>
        <source>Assign to…</source>
        <translation>Назначить…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="290"/>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="686"/>
        <source>Close contact</source>
        <translation>Закрыть контакт</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="291"/>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="689"/>
        <source>Reopen contact</source>
        <translation>Вернуть в работу</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="292"/>
        <source>&amp;Assign to…</source>
        <translation>&amp;Назначить…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="294"/>
        <source>&amp;Close contact</source>
        <translation>&amp;Закрыть контакт</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="296"/>
        <source>&amp;Reopen contact</source>
        <translation>&amp;Вернуть в работу</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="302"/>
        <source>Record the first reply to the selected contacts ({key})</source>
        <translation>Отметить первый ответ на выбранные контакты ({key})</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="315"/>
        <source>Give the selected contacts to an operator of your choice ({key})</source>
        <translation>Передать выбранные контакты указанному оператору ({key})</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="320"/>
        <source>Close the selected contacts ({key})</source>
        <translation>Закрыть выбранные контакты ({key})</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="325"/>
        <source>Reopen the selected contacts ({key})</source>
        <translation>Вернуть выбранные контакты в работу ({key})</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="344"/>
        <source>Export contacts…</source>
        <translation>Экспорт контактов…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="426"/>
        <source>{name} (inactive)</source>
        <translation>{name} (неактивен)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="504"/>
        <source>Close contacts</source>
        <translation>Закрытие контактов</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="504"/>
        <source>Close %n contact(s)?</source>
        <translation>
            <numerusform>Закрыть %n контакт?</numerusform>
            <numerusform>Закрыть %n контакта?</numerusform>
            <numerusform>Закрыть %n контактов?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="527"/>
        <source>Marked %n contact(s) answered.</source>
        <translation>
            <numerusform>Отмечен ответ на %n контакт.</numerusform>
            <numerusform>Отмечен ответ на %n контакта.</numerusform>
            <numerusform>Отмечен ответ на %n контактов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="531"/>
        <source>%n of them had been answered before; the first time is kept.</source>
        <translation>
            <numerusform>На %n из них ответили раньше; сохранено время первого ответа.</numerusform>
            <numerusform>На %n из них ответили раньше; сохранено время первого ответа.</numerusform>
            <numerusform>На %n из них ответили раньше; сохранено время первого ответа.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="567"/>
        <source>No operators yet: add them on the Operators screen first.</source>
        <translation>Операторов пока нет: сначала добавьте их на экране «Операторы».</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="603"/>
        <source>Assigned %n contact(s) to {name}.</source>
        <translation>
            <numerusform>%n контакт передан оператору {name}.</numerusform>
            <numerusform>%n контакта переданы оператору {name}.</numerusform>
            <numerusform>%n контактов передано оператору {name}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="605"/>
        <source>%n contact(s) already had this operator.</source>
        <translation>
            <numerusform>%n контакт уже был у этого оператора.</numerusform>
            <numerusform>%n контакта уже были у этого оператора.</numerusform>
            <numerusform>%n контактов уже было у этого оператора.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="610"/>
        <source>%n contact(s) could not be assigned:</source>
        <translation>
            <numerusform>Не удалось назначить %n контакт:</numerusform>
            <numerusform>Не удалось назначить %n контакта:</numerusform>
            <numerusform>Не удалось назначить %n контактов:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="618"/>
        <source>Closed %n contact(s).</source>
        <translation>
            <numerusform>Закрыт %n контакт.</numerusform>
            <numerusform>Закрыто %n контакта.</numerusform>
            <numerusform>Закрыто %n контактов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="625"/>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="628"/>
        <source>Reopened %n contact(s).</source>
        <translation>
            <numerusform>%n контакт возвращён в работу.</numerusform>
            <numerusform>%n контакта возвращены в работу.</numerusform>
            <numerusform>%n контактов возвращено в работу.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="629"/>
        <source>%n contact(s) could not be reopened:</source>
        <translation>
            <numerusform>Не удалось вернуть в работу %n контакт:</numerusform>
            <numerusform>Не удалось вернуть в работу %n контакта:</numerusform>
            <numerusform>Не удалось вернуть в работу %n контактов:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="716"/>
        <source>%Ln contact(s) loaded; counting all…</source>
        <translation>
            <numerusform>Загружен %Ln контакт; считаем все…</numerusform>
            <numerusform>Загружено %Ln контакта; считаем все…</numerusform>
            <numerusform>Загружено %Ln контактов; считаем все…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="719"/>
        <source>{loaded} loaded of more than %Ln contacts; scroll for more</source>
        <translation>
            <numerusform>Загружено {loaded} из более чем %Ln контакта; прокрутите, чтобы загрузить ещё</numerusform>
            <numerusform>Загружено {loaded} из более чем %Ln контактов; прокрутите, чтобы загрузить ещё</numerusform>
            <numerusform>Загружено {loaded} из более чем %Ln контактов; прокрутите, чтобы загрузить ещё</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="722"/>
        <source>{loaded} of %Ln contact(s) loaded; scroll for more</source>
        <translation>
            <numerusform>Загружено {loaded} из %Ln контакта; прокрутите, чтобы загрузить ещё</numerusform>
            <numerusform>Загружено {loaded} из %Ln контактов; прокрутите, чтобы загрузить ещё</numerusform>
            <numerusform>Загружено {loaded} из %Ln контактов; прокрутите, чтобы загрузить ещё</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="613"/>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="632"/>
        <source>…and %n more.</source>
        <translation>
            <numerusform>…и ещё %n.</numerusform>
            <numerusform>…и ещё %n.</numerusform>
            <numerusform>…и ещё %n.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="299"/>
        <source>Mark ans&amp;wered</source>
        <translation>Отметить &amp;ответ</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="645"/>
        <source>Export contacts</source>
        <translation>Экспорт контактов</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="676"/>
        <source>Assign %n contact(s) to…</source>
        <translation>
            <numerusform>Назначить %n контакт…</numerusform>
            <numerusform>Назначить %n контакта…</numerusform>
            <numerusform>Назначить %n контактов…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="686"/>
        <source>Close %n contact(s)</source>
        <translation>
            <numerusform>Закрыть %n контакт</numerusform>
            <numerusform>Закрыть %n контакта</numerusform>
            <numerusform>Закрыть %n контактов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="689"/>
        <source>Reopen %n contact(s)</source>
        <translation>
            <numerusform>Вернуть в работу %n контакт</numerusform>
            <numerusform>Вернуть в работу %n контакта</numerusform>
            <numerusform>Вернуть в работу %n контактов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="710"/>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="714"/>
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n контакт</numerusform>
            <numerusform>%n контакта</numerusform>
            <numerusform>%n контактов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="726"/>
        <source>%n selected</source>
        <translation>
            <numerusform>выбран %n</numerusform>
            <numerusform>выбрано %n</numerusform>
            <numerusform>выбрано %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="735"/>
        <source>No contacts yet.
Register one with the intake form (Ctrl+N), drop a CSV or XLSX file onto the window, or let bots call the command line.</source>
        <translation>Контактов пока нет.
Зарегистрируйте контакт в форме приёма (Ctrl+N), перетащите в окно файл CSV или XLSX или подключите ботов через командную строку.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="741"/>
        <source>No contacts match “{text}”.</source>
        <translation>Нет контактов по запросу «{text}».</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="747"/>
        <source>No contacts match the filter.
Choose “All” above to see more.</source>
        <translation>Нет контактов, подходящих под фильтр.
Выберите «Все» вверху, чтобы увидеть остальные.</translation>
    </message>
</context>
<context>
    <name>CountSpinBox</name>
    <message>
        <location filename="../../desktop_crm/ui/delegates.py" line="237"/>
        <source>At most {count}</source>
        <translation>Не больше {count}</translation>
    </message>
</context>
<context>
    <name>CsvExporter</name>
    <message>
        <location filename="../../desktop_crm/ui/exporting.py" line="65"/>
        <source>Cancel export</source>
        <translation>Отменить экспорт</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/exporting.py" line="80"/>
        <source>An export is already running.</source>
        <translation>Экспорт уже идёт.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/exporting.py" line="92"/>
        <source>Exporting to {path}…</source>
        <translation>Экспорт в {path}…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/exporting.py" line="109"/>
        <source>Exporting… %n row(s) written.</source>
        <translation>
            <numerusform>Экспорт… записана %n строка.</numerusform>
            <numerusform>Экспорт… записаны %n строки.</numerusform>
            <numerusform>Экспорт… записано %n строк.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/exporting.py" line="115"/>
        <source>Saved %n row(s) to {path}.</source>
        <translation>
            <numerusform>Сохранена %n строка в {path}.</numerusform>
            <numerusform>Сохранены %n строки в {path}.</numerusform>
            <numerusform>Сохранено %n строк в {path}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/exporting.py" line="122"/>
        <source>The export was cancelled; no file was written.</source>
        <translation>Экспорт отменён; файл не записан.</translation>
    </message>
</context>
<context>
    <name>DatabaseFile</name>
    <message>
        <location filename="../../desktop_crm/ui/database_file.py" line="27"/>
        <location filename="../../desktop_crm/ui/database_file.py" line="112"/>
        <location filename="../../desktop_crm/ui/database_file.py" line="124"/>
        <location filename="../../desktop_crm/ui/database_file.py" line="132"/>
        <source>Back up database</source>
        <translation>Резервная копия базы данных</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/database_file.py" line="29"/>
        <source>SQLite databases (*.sqlite3);;All files (*)</source>
        <translation>Базы данных SQLite (*.sqlite3);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/database_file.py" line="40"/>
        <source>The database is damaged</source>
        <translation>База данных повреждена</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/database_file.py" line="44"/>
        <source>You can restore the latest automatic backup ({name}); the damaged file is kept beside the backups. Changes made after that backup are not in it.</source>
        <translation>Можно восстановить последнюю автоматическую резервную копию ({name}); повреждённый файл сохранится рядом с копиями. Изменений, сделанных после этой копии, в ней нет.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/database_file.py" line="52"/>
        <source>There is no automatic backup of this file.</source>
        <translation>Автоматических резервных копий этого файла нет.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/database_file.py" line="58"/>
        <source>Restore the backup</source>
        <translation>Восстановить копию</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/database_file.py" line="64"/>
        <source>Open another file…</source>
        <translation>Открыть другой файл…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/database_file.py" line="71"/>
        <source>Create a new database…</source>
        <translation>Создать новую базу данных…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/database_file.py" line="77"/>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/database_file.py" line="83"/>
        <source>Continue</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/database_file.py" line="133"/>
        <source>The database was copied to {path}.</source>
        <translation>База данных скопирована в {path}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/database_file.py" line="153"/>
        <source>SQLite&apos;s check found damage in {path}:
{problems}

Some screens may fail to load and new data may be lost. Restore a backup soon.</source>
        <translation>Проверка SQLite нашла повреждения в {path}:
{problems}

Некоторые экраны могут не открыться, а новые данные — потеряться. Восстановите резервную копию как можно скорее.</translation>
    </message>
</context>
<context>
    <name>DecisionView</name>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="29"/>
        <source>Assigned automatically</source>
        <translation>Назначен автоматически</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="30"/>
        <source>Re-distributed</source>
        <translation>Перераспределён</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="31"/>
        <source>Assigned by hand</source>
        <translation>Назначен вручную</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="32"/>
        <source>Reply deadline missed</source>
        <translation>Пропущен срок ответа</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="33"/>
        <source>Closed automatically</source>
        <translation>Закрыт автоматически</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/texts.py" line="71"/>
        <source>weight 0</source>
        <translation>вес 0</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/texts.py" line="72"/>
        <source>inactive</source>
        <translation>неактивен</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/texts.py" line="73"/>
        <source>at the limit</source>
        <translation>лимит исчерпан</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/texts.py" line="74"/>
        <source>away</source>
        <translation>отсутствует</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/texts.py" line="75"/>
        <source>off shift</source>
        <translation>вне смены</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/texts.py" line="76"/>
        <source>lacks a skill</source>
        <translation>нет нужного навыка</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/texts.py" line="77"/>
        <source>daily cap reached</source>
        <translation>дневной лимит исчерпан</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/texts.py" line="78"/>
        <source>missed the reply deadline</source>
        <translation>пропустил срок ответа</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="67"/>
        <source>no reason recorded</source>
        <translation>причина не записана</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="70"/>
        <source>nobody: {reason}</source>
        <translation>никому: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="76"/>
        <source>lottery: r = {r} of {total}</source>
        <translation>жребий: r = {r} из {total}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="80"/>
        <source>returning lead: the operator who handled it last</source>
        <translation>повторный лид: оператор, который вёл его последним</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="85"/>
        <source>round-robin: current weight {value} of {total}</source>
        <translation>по кругу: текущий вес {value} из {total}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="90"/>
        <source>least loaded: load {load} of {max_load}</source>
        <translation>наименее загруженный: нагрузка {load} из {max_load}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="93"/>
        <location filename="../../desktop_crm/ui/decision_view.py" line="190"/>
        <source>chosen</source>
        <translation>выбран</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="99"/>
        <source>Taken from the queue.</source>
        <translation>Взят из очереди.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="101"/>
        <source>Given by the owner column of an imported file.</source>
        <translation>Назначен по столбцу «Ответственный» импортированного файла.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="108"/>
        <source>Put back to the queue from {name} (an assignment undone).</source>
        <translation>Возвращён в очередь от {name} (назначение отменено).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="115"/>
        <source>Taken from {name}.</source>
        <translation>Взят у оператора {name}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="126"/>
        <source>{name} missed the reply deadline; nobody else could take it, so it stays with them, overdue.</source>
        <translation>{name}: пропущен срок ответа; больше никто не мог взять контакт, он остаётся у этого оператора как просроченный.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="131"/>
        <source>{name} missed the reply deadline.</source>
        <translation>{name}: пропущен срок ответа.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="136"/>
        <source>No activity for {duration}: closed automatically.</source>
        <translation>Без активности {duration}: закрыт автоматически.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="164"/>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="165"/>
        <source>Weight</source>
        <translation>Вес</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="166"/>
        <source>Load</source>
        <translation>Нагрузка</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="184"/>
        <source>at the limit at the re-check</source>
        <translation>лимит исчерпан при повторной проверке</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="196"/>
        <source>{load} of {max_load}</source>
        <translation>{load} из {max_load}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="215"/>
        <source>refused at re-check</source>
        <translation>отказ при повторной проверке</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="218"/>
        <source>then</source>
        <translation>затем</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="222"/>
        <source>no draw: nobody could take it</source>
        <translation>без жребия: никто не мог его принять</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="233"/>
        <source>closed</source>
        <translation>закрыт</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/decision_view.py" line="252"/>
        <source>{name} had %Ln active contact(s) of {max_load} then.</source>
        <translation>
            <numerusform>У оператора {name} тогда был %Ln активный контакт из {max_load}.</numerusform>
            <numerusform>У оператора {name} тогда было %Ln активных контакта из {max_load}.</numerusform>
            <numerusform>У оператора {name} тогда было %Ln активных контактов из {max_load}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="263"/>
        <source>Strategy: {strategy}</source>
        <translation>Стратегия: {strategy}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="282"/>
        <source>No decision was recorded for this contact.</source>
        <translation>Для этого контакта решение не записано.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/decision_view.py" line="330"/>
        <source>The explanation could not be read: {error}</source>
        <translation>Не удалось прочитать объяснение: {error}</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <location filename="../../desktop_crm/ui/exporting.py" line="30"/>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>FileLostBanner</name>
    <message>
        <location filename="../../desktop_crm/ui/file_lost.py" line="41"/>
        <source>Open it again</source>
        <translation>Открыть заново</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/file_lost.py" line="43"/>
        <source>Show what the file at this path holds now (unsaved edits are asked about)</source>
        <translation>Показать, что теперь лежит в файле по этому пути (о несохранённых изменениях будет вопрос)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/file_lost.py" line="45"/>
        <source>Open another database…</source>
        <translation>Открыть другую базу…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/file_lost.py" line="66"/>
        <source>The database file {path} was replaced while it was open: the screens show the old file&apos;s data, and changes made since are not shown. Open it again.</source>
        <translation>Файл базы {path} заменили, пока он был открыт: на экранах данные старого файла, изменения, сделанные с тех пор, не видны. Откройте его заново.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/file_lost.py" line="71"/>
        <source>The database file {path} was deleted while it was open: the screens show its data as it was, and nothing can be saved. Open another database.</source>
        <translation>Файл базы {path} удалили, пока он был открыт: на экранах данные, какими они были, и сохранить ничего нельзя. Откройте другую базу.</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="37"/>
        <source>External id</source>
        <translation>Внешний ID</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="38"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="39"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="40"/>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="41"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="42"/>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="43"/>
        <source>Tags</source>
        <translation>Теги</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="47"/>
        <source>external id</source>
        <translation>внешний ID</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="48"/>
        <source>name</source>
        <translation>имя</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="49"/>
        <source>source</source>
        <translation>источник</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="50"/>
        <source>message</source>
        <translation>сообщение</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="51"/>
        <source>date</source>
        <translation>дата</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="52"/>
        <source>owner</source>
        <translation>ответственный</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="53"/>
        <source>tags</source>
        <translation>теги</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="66"/>
        <source>Column {number}</source>
        <translation>Столбец {number}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="353"/>
        <source>Line {line} of the file</source>
        <translation>Строка {line} файла</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="373"/>
        <source>Above the header: not imported.</source>
        <translation>Выше заголовка: не импортируется.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/common.py" line="33"/>
        <source>Comma ( , )</source>
        <translation>Запятая ( , )</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/common.py" line="34"/>
        <source>Semicolon ( ; )</source>
        <translation>Точка с запятой ( ; )</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/common.py" line="35"/>
        <source>Tab</source>
        <translation>Табуляция</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/common.py" line="36"/>
        <source>Vertical bar ( | )</source>
        <translation>Вертикальная черта ( | )</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/file_dialogs.py" line="18"/>
        <source>Save rejected rows</source>
        <translation>Сохранение отклонённых строк</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/file_dialogs.py" line="20"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Файлы CSV (*.csv);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/file_dialogs.py" line="29"/>
        <source>Import contacts</source>
        <translation>Импорт контактов</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/file_dialogs.py" line="31"/>
        <source>Contact tables ({patterns});;All files (*)</source>
        <translation>Таблицы контактов ({patterns});;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/dialog.py" line="83"/>
        <source>Import {file}</source>
        <translation>Импорт: {file}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/dialog.py" line="96"/>
        <source>Save rejected rows…</source>
        <translation>Сохранить отклонённые строки…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/dialog.py" line="98"/>
        <location filename="../../desktop_crm/ui/import_dialog/dialog.py" line="443"/>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/dialog.py" line="101"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/setup_page.py" line="68"/>
        <source>no header</source>
        <translation>без заголовка</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/setup_page.py" line="71"/>
        <source>The line that holds the column names; 0 = the file has no header line.</source>
        <translation>Строка с названиями столбцов; 0 — в файле нет строки заголовка.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/setup_page.py" line="77"/>
        <source>Encoding:</source>
        <translation>Кодировка:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/setup_page.py" line="78"/>
        <source>Delimiter:</source>
        <translation>Разделитель:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/setup_page.py" line="79"/>
        <source>Sheet:</source>
        <translation>Лист:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/setup_page.py" line="83"/>
        <source>How the file is read</source>
        <translation>Как читать файл</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/setup_page.py" line="89"/>
        <source>Header line:</source>
        <translation>Строка заголовка:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/setup_page.py" line="97"/>
        <source>Which column holds what</source>
        <translation>Что в каких столбцах</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/setup_page.py" line="114"/>
        <source>The lead&apos;s phone, e-mail or messenger id: required.</source>
        <translation>Телефон, e-mail или ID лида в мессенджере — обязательно.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/setup_page.py" line="124"/>
        <source>Source of the rows:</source>
        <translation>Источник строк:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/setup_page.py" line="128"/>
        <source>Give each row to the operator in its Owner column</source>
        <translation>Отдавать каждую строку оператору из столбца «Ответственный»</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/setup_page.py" line="133"/>
        <source>When an operator of that name exists, is active and below the limit, the row&apos;s contact goes to them, as if assigned by hand; otherwise the distributor decides as usual.</source>
        <translation>Если оператор с таким именем есть, активен и не достиг лимита, контакт из строки достаётся ему, как при назначении вручную; иначе оператора, как обычно, выбирает распределение.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/progress_page.py" line="37"/>
        <source>Rows are committed in batches: Cancel keeps every row committed so far, and importing the file again continues where it stopped. You can keep working in the window meanwhile.</source>
        <translation>Строки сохраняются пакетами: при отмене все уже сохранённые строки остаются, а повторный импорт файла продолжится с места остановки. Тем временем можно продолжать работу в окне.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/summary_page.py" line="38"/>
        <source>Rows read:</source>
        <translation>Прочитано строк:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/summary_page.py" line="39"/>
        <source>Imported:</source>
        <translation>Импортировано:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/summary_page.py" line="46"/>
        <source>Rejected:</source>
        <translation>Отклонено:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/summary_page.py" line="56"/>
        <source>Rejected rows</source>
        <translation>Отклонённые строки</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/setup_page.py" line="276"/>
        <source>Reading the file…</source>
        <translation>Чтение файла…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/dialog.py" line="254"/>
        <location filename="../../desktop_crm/ui/import_dialog/dialog.py" line="547"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/setup_page.py" line="198"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; &amp;nbsp;·&amp;nbsp; {size} &amp;nbsp;·&amp;nbsp; {folder}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; &amp;nbsp;·&amp;nbsp; {size} &amp;nbsp;·&amp;nbsp; {folder}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/setup_page.py" line="315"/>
        <source>The lead&apos;s id comes from the column «{column}», which looks like the exporting system&apos;s row number, not a phone or e-mail: every row will become a lead of its own. Choose the column with the phone or e-mail as the external id if the file has one.</source>
        <translation>ID лида берётся из столбца «{column}», а это, похоже, номер строки в системе, из которой сделана выгрузка, а не телефон или e-mail: каждая строка станет отдельным лидом. Если в файле есть столбец с телефоном или e-mail, выберите его как внешний ID.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/setup_page.py" line="347"/>
        <source>{encoding} (detected)</source>
        <translation>{encoding} (определена автоматически)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/setup_page.py" line="371"/>
        <source>(not imported)</source>
        <translation>(не импортируется)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/setup_page.py" line="379"/>
        <source>, else </source>
        <translation>, иначе </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/setup_page.py" line="384"/>
        <source>The first non-empty of these columns</source>
        <translation>Первый непустой из этих столбцов</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/setup_page.py" line="388"/>
        <source>These columns joined with spaces</source>
        <translation>Эти столбцы через пробел</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/setup_page.py" line="409"/>
        <source>From the file&apos;s Source column</source>
        <translation>Из столбца источника в файле</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/setup_page.py" line="412"/>
        <source>Rows with an empty source cell get the source chosen here.</source>
        <translation>Строкам с пустой ячейкой источника назначается источник, выбранный здесь.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/setup_page.py" line="417"/>
        <source>Choose the source…</source>
        <translation>Выберите источник…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/setup_page.py" line="419"/>
        <source>The file has no Source column: every row gets the source chosen here.</source>
        <translation>В файле нет столбца источника: всем строкам назначается источник, выбранный здесь.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/dialog.py" line="381"/>
        <source>This file is being imported right now.</source>
        <translation>Этот файл импортируется прямо сейчас.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/dialog.py" line="389"/>
        <source>The file has no Source column and there are no sources yet: add one on the Sources screen, or choose the column that holds the source.</source>
        <translation>В файле нет столбца источника, а источников пока нет: добавьте источник на экране «Источники» или укажите столбец, в котором он записан.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/dialog.py" line="392"/>
        <source>The file has no Source column: choose the source of its rows.</source>
        <translation>В файле нет столбца источника: выберите источник для его строк.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog/dialog.py" line="414"/>
        <source>The sheet «{sheet}» of this file was already imported on {date} (%n row(s)). Import again to register every row once more, as new contacts.</source>
        <translation>
            <numerusform>Лист «{sheet}» этого файла уже импортирован {date} (%n строка). Импортируйте его снова, чтобы зарегистрировать каждую строку ещё раз как новый контакт.</numerusform>
            <numerusform>Лист «{sheet}» этого файла уже импортирован {date} (%n строки). Импортируйте его снова, чтобы зарегистрировать каждую строку ещё раз как новый контакт.</numerusform>
            <numerusform>Лист «{sheet}» этого файла уже импортирован {date} (%n строк). Импортируйте его снова, чтобы зарегистрировать каждую строку ещё раз как новый контакт.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog/dialog.py" line="421"/>
        <source>This file was already imported on {date} (%n row(s)). Import again to register every row once more, as new contacts.</source>
        <translation>
            <numerusform>Этот файл уже импортирован {date} (%n строка). Импортируйте его снова, чтобы зарегистрировать каждую строку ещё раз как новый контакт.</numerusform>
            <numerusform>Этот файл уже импортирован {date} (%n строки). Импортируйте его снова, чтобы зарегистрировать каждую строку ещё раз как новый контакт.</numerusform>
            <numerusform>Этот файл уже импортирован {date} (%n строк). Импортируйте его снова, чтобы зарегистрировать каждую строку ещё раз как новый контакт.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/dialog.py" line="427"/>
        <source>Import again</source>
        <translation>Импортировать снова</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/dialog.py" line="431"/>
        <source>An interrupted import of the sheet «{sheet}» will resume after row {row}, with the settings chosen then.</source>
        <translation>Прерванный импорт листа «{sheet}» продолжится после строки {row} с настройками, выбранными тогда.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/dialog.py" line="436"/>
        <source>An interrupted import of this file will resume after row {row}, with the settings chosen then.</source>
        <translation>Прерванный импорт этого файла продолжится после строки {row} с настройками, выбранными тогда.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/dialog.py" line="440"/>
        <source>Resume import</source>
        <translation>Продолжить импорт</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog/setup_page.py" line="260"/>
        <source>The first %n row(s) of the file.</source>
        <translation>
            <numerusform>Первая %n строка файла.</numerusform>
            <numerusform>Первые %n строки файла.</numerusform>
            <numerusform>Первые %n строк файла.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog/setup_page.py" line="269"/>
        <source>%n of them would be rejected (in red; hover for the reason).</source>
        <translation>
            <numerusform>%n из них будет отклонена (выделено красным; причина — во всплывающей подсказке).</numerusform>
            <numerusform>%n из них будут отклонены (выделено красным; причина — во всплывающей подсказке).</numerusform>
            <numerusform>%n из них будут отклонены (выделено красным; причина — во всплывающей подсказке).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/progress_page.py" line="60"/>
        <source>Importing {file}…</source>
        <translation>Импорт {file}…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/progress_page.py" line="65"/>
        <source>Starting…</source>
        <translation>Запуск…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/dialog.py" line="470"/>
        <source>Cancel import</source>
        <translation>Отменить импорт</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/dialog.py" line="505"/>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/progress_page.py" line="97"/>
        <source>Stopping after the batch being written…</source>
        <translation>Остановка после записи текущего пакета…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog/progress_page.py" line="77"/>
        <source>%n row(s) done</source>
        <translation>
            <numerusform>Обработана %n строка</numerusform>
            <numerusform>Обработано %n строки</numerusform>
            <numerusform>Обработано %n строк</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/progress_page.py" line="78"/>
        <source>{rate} rows/s</source>
        <translation>{rate} строк/с</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/progress_page.py" line="86"/>
        <source>imported {imported}, skipped {skipped}, rejected {rejected}</source>
        <translation>импортировано: {imported}, пропущено: {skipped}, отклонено: {rejected}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/summary_page.py" line="159"/>
        <source>The import stopped</source>
        <translation>Импорт остановлен</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog/summary_page.py" line="164"/>
        <source>%n row(s) were committed before that and stay; importing the file again continues after them.</source>
        <translation>
            <numerusform>До этого была сохранена %n строка, она остаётся; повторный импорт файла продолжится после неё.</numerusform>
            <numerusform>До этого были сохранены %n строки, они остаются; повторный импорт файла продолжится после них.</numerusform>
            <numerusform>До этого было сохранено %n строк, они остаются; повторный импорт файла продолжится после них.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/summary_page.py" line="93"/>
        <source>{file} was imported before</source>
        <translation>{file} уже импортировался</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/summary_page.py" line="42"/>
        <source>Skipped (imported before or repeated):</source>
        <translation>Пропущено (импортированы ранее или повторяются):</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/summary_page.py" line="98"/>
        <source>It was already imported on {date}; nothing was imported again.</source>
        <translation>Файл уже импортирован {date}; повторно ничего не импортировано.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/summary_page.py" line="106"/>
        <source>Import of {file} cancelled</source>
        <translation>Импорт {file} отменён</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog/summary_page.py" line="112"/>
        <source>%n row(s) were committed and stay. Import the file again to continue where it stopped.</source>
        <translation>
            <numerusform>Сохранена %n строка — она останется. Импортируйте файл снова, чтобы продолжить с места остановки.</numerusform>
            <numerusform>Сохранены %n строки — они останутся. Импортируйте файл снова, чтобы продолжить с места остановки.</numerusform>
            <numerusform>Сохранено %n строк — они останутся. Импортируйте файл снова, чтобы продолжить с места остановки.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/summary_page.py" line="120"/>
        <source>Imported {file}</source>
        <translation>Импорт {file} завершён</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/summary_page.py" line="141"/>
        <source>{imported} (assigned {assigned}, unassigned {unassigned})</source>
        <translation>{imported} (назначено: {assigned}, без оператора: {unassigned})</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog/summary_page.py" line="188"/>
        <source>Saved %n row(s) to {path}. Fix them and drop the file onto the window again.</source>
        <translation>
            <numerusform>%n строка сохранена в {path}. Исправьте её и снова перетащите файл в окно.</numerusform>
            <numerusform>%n строки сохранены в {path}. Исправьте их и снова перетащите файл в окно.</numerusform>
            <numerusform>%n строк сохранено в {path}. Исправьте их и снова перетащите файл в окно.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/summary_page.py" line="197"/>
        <source>Cannot save {path}: {error}</source>
        <translation>Не удалось сохранить {path}: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/launcher.py" line="92"/>
        <source>Not imported (only CSV, TSV, TXT and XLSX files can be): {names}</source>
        <translation>Не импортированы (поддерживаются только файлы CSV, TSV, TXT и XLSX): {names}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog/progress_page.py" line="18"/>
        <source>about %n second(s) left</source>
        <translation>
            <numerusform>осталось около %n секунды</numerusform>
            <numerusform>осталось около %n секунд</numerusform>
            <numerusform>осталось около %n секунд</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog/progress_page.py" line="19"/>
        <source>about %n minute(s) left</source>
        <translation>
            <numerusform>осталось около %n минуты</numerusform>
            <numerusform>осталось около %n минут</numerusform>
            <numerusform>осталось около %n минут</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/summary_page.py" line="123"/>
        <source>Resumed the interrupted import and finished it. The counts below are this run&apos;s; the whole import: {rows} rows, {imported} imported, {skipped} skipped, {rejected} rejected.</source>
        <translation>Прерванный импорт продолжен и завершён. Ниже — счёт этого запуска; весь импорт: строк {rows}, импортировано {imported}, пропущено {skipped}, отклонено {rejected}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog/launcher.py" line="58"/>
        <source>%n file(s) waiting: each opens when the dialog before it is closed.</source>
        <translation>
            <numerusform>В очереди %n файл: каждый откроется после закрытия предыдущего диалога.</numerusform>
            <numerusform>В очереди %n файла: каждый откроется после закрытия предыдущего диалога.</numerusform>
            <numerusform>В очереди %n файлов: каждый откроется после закрытия предыдущего диалога.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/source_map.py" line="44"/>
        <source>looks like «{name}» (mixes Latin and Cyrillic letters)</source>
        <translation>похоже на «{name}» (смесь латинских и кириллических букв)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/source_map.py" line="48"/>
        <source>looks like «{name}» (letters of another alphabet that look the same)</source>
        <translation>похоже на «{name}» (буквы другого алфавита, выглядящие так же)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/source_map.py" line="61"/>
        <source>What the import will do</source>
        <translation>Что сделает импорт</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/source_map.py" line="94"/>
        <source>Counting what the whole file will give…</source>
        <translation>Подсчитываю, что даст весь файл…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/source_map.py" line="98"/>
        <source>Counting what the sheet «{sheet}» will give…</source>
        <translation>Подсчитываю, что даст лист «{sheet}»…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog/source_map.py" line="118"/>
        <source>The whole file: %n row(s).</source>
        <translation>
            <numerusform>Весь файл: %n строка.</numerusform>
            <numerusform>Весь файл: %n строки.</numerusform>
            <numerusform>Весь файл: %n строк.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog/source_map.py" line="120"/>
        <source>The sheet «{sheet}»: %n row(s).</source>
        <translation>
            <numerusform>Лист «{sheet}»: %n строка.</numerusform>
            <numerusform>Лист «{sheet}»: %n строки.</numerusform>
            <numerusform>Лист «{sheet}»: %n строк.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/source_map.py" line="123"/>
        <source>{imported} will be imported, {skipped} skipped (imported before or repeated in the file), {rejected} rejected.</source>
        <translation>Будет импортировано {imported}, пропущено {skipped} (импортированы раньше или повторяются в файле), отклонено {rejected}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/source_map.py" line="138"/>
        <source>{reason} and the like</source>
        <translation>{reason} и подобные</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/source_map.py" line="147"/>
        <source>{count} for other reasons</source>
        <translation>{count} — по другим причинам</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog/source_map.py" line="161"/>
        <source>Import ids that look like phone numbers but are not valid as plain ids (%n row(s))</source>
        <translation>
            <numerusform>Импортировать id, похожие на неверные номера телефонов, как обычные id (%n строка)</numerusform>
            <numerusform>Импортировать id, похожие на неверные номера телефонов, как обычные id (%n строки)</numerusform>
            <numerusform>Импортировать id, похожие на неверные номера телефонов, как обычные id (%n строк)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog/source_map.py" line="196"/>
        <source>«{value}» (%n row(s)):</source>
        <translation>
            <numerusform>«{value}» (%n строка):</numerusform>
            <numerusform>«{value}» (%n строки):</numerusform>
            <numerusform>«{value}» (%n строк):</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/source_map.py" line="209"/>
        <source>These values of the Source column name no source. Choose what their rows get:</source>
        <translation>Эти значения столбца «Источник» не совпадают ни с одним источником. Выберите, что делать с их строками:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/source_map.py" line="235"/>
        <source>Reject these rows</source>
        <translation>Отклонить эти строки</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/source_map.py" line="237"/>
        <source>Create the source «{name}»</source>
        <translation>Создать источник «{name}»</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/import_dialog/setup_page.py" line="330"/>
        <source>Only the sheet «{sheet}» is imported; the workbook&apos;s other sheets ({others}) are not. Choose each in «Sheet» and import it on its own.</source>
        <translation>Импортируется только лист «{sheet}»; другие листы книги ({others}) — нет. Выберите каждый в списке «Лист» и импортируйте его отдельно.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/import_dialog/setup_page.py" line="263"/>
        <source>It shows the first {shown} of %Ln column(s).</source>
        <translation>
            <numerusform>Показаны первые {shown} из %Ln столбца.</numerusform>
            <numerusform>Показаны первые {shown} из %Ln столбцов.</numerusform>
            <numerusform>Показаны первые {shown} из %Ln столбцов.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportsModel</name>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="109"/>
        <source>done</source>
        <translation>завершён</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="111"/>
        <source>cancelled</source>
        <translation>отменён</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="113"/>
        <source>importing…</source>
        <translation>импортируется…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="114"/>
        <source>interrupted</source>
        <translation>прерван</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/models/imports.py" line="124"/>
        <source>Stopped after %n row(s); import the file again to finish it.</source>
        <translation>
            <numerusform>Остановлен после %n строки; импортируйте файл ещё раз, чтобы закончить.</numerusform>
            <numerusform>Остановлен после %n строк; импортируйте файл ещё раз, чтобы закончить.</numerusform>
            <numerusform>Остановлен после %n строк; импортируйте файл ещё раз, чтобы закончить.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="146"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="152"/>
        <source>Started</source>
        <translation>Начат</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="157"/>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="162"/>
        <source>Rows</source>
        <translation>Строк</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="163"/>
        <source>Imported</source>
        <translation>Импортировано</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="164"/>
        <source>Assigned</source>
        <translation>Назначено</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="165"/>
        <source>Unassigned</source>
        <translation>Без оператора</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="166"/>
        <source>Skipped</source>
        <translation>Пропущено</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="167"/>
        <source>Rejected</source>
        <translation>Отклонено</translation>
    </message>
</context>
<context>
    <name>ImportsPage</name>
    <message>
        <location filename="../../desktop_crm/ui/pages/imports.py" line="112"/>
        <source>Import a file…</source>
        <translation>Импортировать файл…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/imports.py" line="113"/>
        <source>Or drop CSV/XLSX files onto the window (Ctrl+I)</source>
        <translation>Или перетащите файлы CSV/XLSX в окно (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/imports.py" line="114"/>
        <source>Save rejected rows…</source>
        <translation>Сохранить отклонённые строки…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/imports.py" line="153"/>
        <source>&lt;br&gt;&lt;br&gt;Sample files to try are in &lt;code&gt;{folder}&lt;/code&gt;.</source>
        <translation>&lt;br&gt;&lt;br&gt;Примеры файлов для пробы — в папке &lt;code&gt;{folder}&lt;/code&gt;.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/imports.py" line="161"/>
        <source>&lt;h3&gt;No imports yet&lt;/h3&gt;Drop CSV or Excel files (.csv, .tsv, .txt, .xlsx) onto the window, or choose &lt;b&gt;File › Import contacts…&lt;/b&gt; (Ctrl+I). Each file shows its columns and first rows before anything is imported; every row is registered exactly once, and a cancelled import continues where it stopped.</source>
        <translation>&lt;h3&gt;Импорта пока не было&lt;/h3&gt;Перетащите в окно файлы CSV или Excel (.csv, .tsv, .txt, .xlsx) или выберите &lt;b&gt;Файл › Импорт контактов…&lt;/b&gt; (Ctrl+I). До импорта для каждого файла показываются его столбцы и первые строки; каждая строка регистрируется ровно один раз, а отменённый импорт продолжается с места остановки.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/imports.py" line="236"/>
        <source>Select an import to see its rejected rows.</source>
        <translation>Выберите импорт, чтобы увидеть его отклонённые строки.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/imports.py" line="253"/>
        <source>Rejected rows of {file}: %n</source>
        <translation>
            <numerusform>Отклонённые строки файла {file}: %n</numerusform>
            <numerusform>Отклонённые строки файла {file}: %n</numerusform>
            <numerusform>Отклонённые строки файла {file}: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/imports.py" line="259"/>
        <source>{file}: no rejected rows.</source>
        <translation>{file}: отклонённых строк нет.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/imports.py" line="294"/>
        <source>Saved %n rejected row(s) to {path}. Fix them and drop the file onto the window again.</source>
        <translation>
            <numerusform>%n отклонённая строка сохранена в {path}. Исправьте её и снова перетащите файл в окно.</numerusform>
            <numerusform>%n отклонённые строки сохранены в {path}. Исправьте их и снова перетащите файл в окно.</numerusform>
            <numerusform>%n отклонённых строк сохранено в {path}. Исправьте их и снова перетащите файл в окно.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/imports.py" line="305"/>
        <source>Cannot save {path}: {error}</source>
        <translation>Не удалось сохранить {path}: {error}</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <location filename="../../desktop_crm/ui/intake.py" line="60"/>
        <source>phone, e-mail or messenger id</source>
        <translation>телефон, e-mail или ID в мессенджере</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/intake.py" line="65"/>
        <source>Register as a plain id</source>
        <translation>Зарегистрировать как обычный id</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/intake.py" line="67"/>
        <source>Keep the id exactly as typed: it is not read as a phone number</source>
        <translation>Сохранить id точно как введён, не читая его как номер телефона</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/intake.py" line="71"/>
        <source>optional</source>
        <translation>необязательно</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/intake.py" line="77"/>
        <source>optional, e.g. kz, vip</source>
        <translation>необязательно, например kz, vip</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/intake.py" line="80"/>
        <source>What the contact needs, separated by commas: it goes only to an operator who has every one of these skills.</source>
        <translation>Что нужно контакту, через запятую: он достанется только оператору, у которого есть все эти навыки.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/intake.py" line="85"/>
        <source>What the lead wrote (Shift+Enter: new line)</source>
        <translation>Что написал лид (Shift+Enter — новая строка)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/intake.py" line="91"/>
        <source>Register</source>
        <translation>Зарегистрировать</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/intake.py" line="100"/>
        <source>External id:</source>
        <translation>Внешний ID:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/intake.py" line="104"/>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/intake.py" line="105"/>
        <source>Source:</source>
        <translation>Источник:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/intake.py" line="106"/>
        <source>Tags:</source>
        <translation>Теги:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/intake.py" line="107"/>
        <source>Message:</source>
        <translation>Сообщение:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/intake.py" line="139"/>
        <source>Add a source first (Sources screen).</source>
        <translation>Сначала добавьте источник (экран «Источники»).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/intake.py" line="189"/>
        <source>New lead</source>
        <translation>Новый лид</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/intake.py" line="192"/>
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n контакт</numerusform>
            <numerusform>%n контакта</numerusform>
            <numerusform>%n контактов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/intake.py" line="194"/>
        <source>Known lead: {who} ({id}), {contacts}</source>
        <translation>Известный лид: {who} ({id}), {contacts}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/intake.py" line="255"/>
        <source>Choose a source.</source>
        <translation>Выберите источник.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/intake.py" line="292"/>
        <source>Contact #{id} went to {operator}.</source>
        <translation>Контакт №&#xa0;{id} передан оператору {operator}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/intake.py" line="298"/>
        <source>Contact #{id} left unassigned: {reason}.</source>
        <translation>Контакт №&#xa0;{id} остался без оператора: {reason}.</translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="22"/>
        <source>Operator added</source>
        <translation>Оператор добавлен</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="23"/>
        <source>Operator renamed</source>
        <translation>Оператор переименован</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="24"/>
        <source>Load limit changed</source>
        <translation>Изменён лимит нагрузки</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="25"/>
        <source>Operator activated</source>
        <translation>Оператор включён</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="26"/>
        <source>Operator deactivated</source>
        <translation>Оператор отключён</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="27"/>
        <source>Operator deleted</source>
        <translation>Оператор удалён</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="28"/>
        <source>Working hours changed</source>
        <translation>Изменены рабочие часы</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="29"/>
        <source>Absence added</source>
        <translation>Добавлено отсутствие</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="30"/>
        <source>Operator back</source>
        <translation>Оператор вернулся</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="31"/>
        <source>Absence cancelled</source>
        <translation>Отсутствие отменено</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="32"/>
        <source>Daily cap changed</source>
        <translation>Изменён дневной лимит</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="33"/>
        <source>Skills changed</source>
        <translation>Изменены навыки</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="34"/>
        <source>Source added</source>
        <translation>Источник добавлен</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="35"/>
        <source>Source renamed</source>
        <translation>Источник переименован</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="36"/>
        <source>Source code changed</source>
        <translation>Изменён код источника</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="37"/>
        <source>Strategy changed</source>
        <translation>Изменена стратегия</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="38"/>
        <source>Returning leads setting changed</source>
        <translation>Изменена настройка для повторных лидов</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="39"/>
        <source>Reply deadline or auto-close changed</source>
        <translation>Изменён срок ответа или автозакрытие</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="40"/>
        <source>Source deleted</source>
        <translation>Источник удалён</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="41"/>
        <source>Weights changed</source>
        <translation>Изменены веса</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="42"/>
        <source>Assigned by hand</source>
        <translation>Назначен вручную</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="43"/>
        <source>Assignment undone or redone</source>
        <translation>Назначение отменено или повторено</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="44"/>
        <source>Contact closed</source>
        <translation>Контакт закрыт</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="45"/>
        <source>Contact reopened</source>
        <translation>Контакт возвращён в работу</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="46"/>
        <source>Phone region changed</source>
        <translation>Изменён регион телефонов</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="47"/>
        <source>Automatic re-distribution switched</source>
        <translation>Переключено автоматическое перераспределение</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="48"/>
        <source>Time zone changed</source>
        <translation>Изменён часовой пояс</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="49"/>
        <source>Import started</source>
        <translation>Начат импорт</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="53"/>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="54"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="55"/>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="56"/>
        <source>Setting</source>
        <translation>Настройка</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="57"/>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="61"/>
        <source>Phone region</source>
        <translation>Регион телефонов</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="62"/>
        <source>Automatic re-distribution</source>
        <translation>Автоматическое перераспределение</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="63"/>
        <source>Time zone</source>
        <translation>Часовой пояс</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="67"/>
        <source>name</source>
        <translation>имя</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="68"/>
        <source>code</source>
        <translation>код</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="69"/>
        <source>limit</source>
        <translation>лимит</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="70"/>
        <source>active</source>
        <translation>активен</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="71"/>
        <source>strategy</source>
        <translation>стратегия</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="72"/>
        <source>returning lead to its last operator</source>
        <translation>повторный лид — прежнему оператору</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="73"/>
        <source>weight</source>
        <translation>вес</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="74"/>
        <source>reply within</source>
        <translation>ответить в течение</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="75"/>
        <source>close after no activity</source>
        <translation>закрыть после бездействия</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="76"/>
        <source>operator</source>
        <translation>оператор</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="77"/>
        <source>working hours</source>
        <translation>рабочие часы</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="78"/>
        <source>daily cap</source>
        <translation>дневной лимит</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="79"/>
        <source>skills</source>
        <translation>навыки</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="80"/>
        <source>from</source>
        <translation>с</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="81"/>
        <source>until</source>
        <translation>по</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="85"/>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="86"/>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="154"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="160"/>
        <source>Dispatcher</source>
        <translation>Диспетчер</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="164"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="166"/>
        <source>Object</source>
        <translation>Объект</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/journal.py" line="171"/>
        <source>Change</source>
        <translation>Изменение</translation>
    </message>
</context>
<context>
    <name>JournalPage</name>
    <message>
        <location filename="../../desktop_crm/ui/pages/journal.py" line="69"/>
        <source>All dispatchers</source>
        <translation>Все диспетчеры</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/journal.py" line="71"/>
        <source>All objects</source>
        <translation>Все объекты</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/journal.py" line="75"/>
        <source>From:</source>
        <translation>С:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/journal.py" line="76"/>
        <source>Only changes made on this day or later</source>
        <translation>Только изменения, сделанные в этот день или позже</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/journal.py" line="78"/>
        <source>to:</source>
        <translation>по:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/journal.py" line="79"/>
        <source>Only changes made on this day or earlier</source>
        <translation>Только изменения, сделанные в этот день или раньше</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/journal.py" line="84"/>
        <source>Your changes are logged under this name; change it in File › Settings…</source>
        <translation>Ваши изменения записываются под этим именем; изменить его можно в меню Файл › Настройки…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/journal.py" line="87"/>
        <source>&amp;Dispatcher:</source>
        <translation>&amp;Диспетчер:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/journal.py" line="89"/>
        <source>&amp;Object:</source>
        <translation>&amp;Объект:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/journal.py" line="177"/>
        <source>You: {name}</source>
        <translation>Вы: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/journal.py" line="198"/>
        <source>No changes match the filter.</source>
        <translation>Нет изменений, подходящих под фильтр.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/journal.py" line="202"/>
        <source>&lt;h3&gt;Nothing logged yet&lt;/h3&gt;Changes to operators, sources, weights and settings, and contacts assigned, closed or reopened by hand appear here with the time and the dispatcher who made them.</source>
        <translation>&lt;h3&gt;Журнал пока пуст&lt;/h3&gt;Здесь появляются изменения операторов, источников, весов и настроек, а также контакты, назначенные вручную, закрытые или возвращённые в работу, — со временем и именем диспетчера, который их сделал.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/journal.py" line="209"/>
        <source>Only the newest {count} changes are shown; narrow the filter to see older ones.</source>
        <translation>Показаны только последние изменения ({count}); чтобы увидеть более ранние, сузьте фильтр.</translation>
    </message>
</context>
<context>
    <name>LeadsModel</name>
    <message>
        <location filename="../../desktop_crm/ui/models/leads.py" line="32"/>
        <source>Does not sort: on a large database that would count every lead&apos;s contacts.</source>
        <translation>Не сортируется: в большой базе для этого пришлось бы пересчитать контакты каждого лида.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/leads.py" line="38"/>
        <source>no name</source>
        <translation>без имени</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/leads.py" line="45"/>
        <source>External id</source>
        <translation>Внешний ID</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/leads.py" line="51"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/leads.py" line="57"/>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/leads.py" line="63"/>
        <source>Last contact</source>
        <translation>Последний контакт</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/leads.py" line="68"/>
        <source>First seen</source>
        <translation>Первый контакт</translation>
    </message>
</context>
<context>
    <name>LeadsPage</name>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="85"/>
        <source>Erase personal data</source>
        <translation>Удаление персональных данных</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="87"/>
        <source>Erase the personal data of {lead}?</source>
        <translation>Удалить персональные данные {lead}?</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="103"/>
        <source>Erase</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="127"/>
        <source>Search by phone, e-mail, messenger id or name</source>
        <translation>Поиск по телефону, e-mail, ID в мессенджере или имени</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="132"/>
        <source>Newest first</source>
        <translation>Сначала новые</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="133"/>
        <source>Oldest first</source>
        <translation>Сначала старые</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="134"/>
        <source>By name</source>
        <translation>По имени</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="135"/>
        <source>By name, Z to A</source>
        <translation>По имени, от Я до А</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="136"/>
        <source>By external id</source>
        <translation>По внешнему ID</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="137"/>
        <source>By external id, descending</source>
        <translation>По внешнему ID, по убыванию</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="143"/>
        <source>Export to CSV…</source>
        <translation>Экспорт в CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="145"/>
        <source>Save the leads that match the search to a CSV file (Ctrl+E)</source>
        <translation>Сохранить лиды, найденные поиском, в файл CSV (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="150"/>
        <source>Sort:</source>
        <translation>Сортировка:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="215"/>
        <source>Export leads…</source>
        <translation>Экспорт лидов…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="220"/>
        <source>&amp;Erase personal data…</source>
        <translation>&amp;Удалить персональные данные…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="222"/>
        <source>Anonymise the selected lead&apos;s id, name and messages everywhere</source>
        <translation>Обезличить идентификатор, имя и сообщения выбранного лида везде</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="340"/>
        <source>Export leads</source>
        <translation>Экспорт лидов</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="359"/>
        <source>Erasing…</source>
        <translation>Удаление…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="370"/>
        <source>Personal data erased; the lead is now {id}.</source>
        <translation>Персональные данные удалены; теперь лид — {id}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="378"/>
        <source>Personal data erased, but another program kept the database busy, so old copies may remain in the file until the next erasure finishes.</source>
        <translation>Персональные данные удалены, но другая программа занимала базу данных, поэтому старые копии могут оставаться в файле до завершения следующего удаления.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="417"/>
        <source>Select a lead to see all its contacts.</source>
        <translation>Выберите лида, чтобы увидеть все его контакты.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/leads.py" line="419"/>
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n контакт</numerusform>
            <numerusform>%n контакта</numerusform>
            <numerusform>%n контактов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="421"/>
        <source>{lead} — {contacts}</source>
        <translation>{lead} — {contacts}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="427"/>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/leads.py" line="431"/>
        <source>%n lead(s)</source>
        <translation>
            <numerusform>%n лид</numerusform>
            <numerusform>%n лида</numerusform>
            <numerusform>%n лидов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/leads.py" line="433"/>
        <source>%n lead(s) loaded; scroll for more</source>
        <translation>
            <numerusform>Загружен %n лид; прокрутите, чтобы загрузить ещё</numerusform>
            <numerusform>Загружено %n лида; прокрутите, чтобы загрузить ещё</numerusform>
            <numerusform>Загружено %n лидов; прокрутите, чтобы загрузить ещё</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="441"/>
        <source>No leads match “{text}”.</source>
        <translation>Нет лидов по запросу «{text}».</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="444"/>
        <source>No leads yet. Every contact brings its lead here.</source>
        <translation>Лидов пока нет. Лид появляется здесь вместе с первым контактом.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="449"/>
        <source>Select a lead above.</source>
        <translation>Выберите лида выше.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="453"/>
        <source>This lead has no contacts.</source>
        <translation>У этого лида нет контактов.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/leads.py" line="93"/>
        <source>Its phone or other id, its name and the messages of its %n contact(s) are removed for good: from the contacts, from stored import rejects and from the database file. The lead gets an erased:… id; its contacts stay with their source, operator and times, so counts and statistics do not change. This cannot be undone.</source>
        <translation>
            <numerusform>Телефон или другой идентификатор, имя и сообщения его %n контакта будут удалены навсегда: из контактов, из сохранённых отклонённых строк импорта и из файла базы данных. Лид получит идентификатор erased:…; контакты останутся со своим источником, оператором и временем, поэтому счётчики и статистика не изменятся. Отменить это нельзя.</numerusform>
            <numerusform>Телефон или другой идентификатор, имя и сообщения его %n контактов будут удалены навсегда: из контактов, из сохранённых отклонённых строк импорта и из файла базы данных. Лид получит идентификатор erased:…; контакты останутся со своим источником, оператором и временем, поэтому счётчики и статистика не изменятся. Отменить это нельзя.</numerusform>
            <numerusform>Телефон или другой идентификатор, имя и сообщения его %n контактов будут удалены навсегда: из контактов, из сохранённых отклонённых строк импорта и из файла базы данных. Лид получит идентификатор erased:…; контакты останутся со своим источником, оператором и временем, поэтому счётчики и статистика не изменятся. Отменить это нельзя.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="116"/>
        <source>New contact</source>
        <translation>Новый контакт</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="167"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="168"/>
        <source>&amp;New database…</source>
        <translation>&amp;Новая база данных…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="170"/>
        <source>&amp;Open database…</source>
        <translation>&amp;Открыть базу данных…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="172"/>
        <source>&amp;Back up database…</source>
        <translation>Р&amp;езервная копия базы…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="173"/>
        <source>&amp;Settings…</source>
        <translation>Н&amp;астройки…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="180"/>
        <source>&amp;Import contacts…</source>
        <translation>&amp;Импорт контактов…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="181"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="200"/>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="215"/>
        <source>&amp;Contacts</source>
        <translation>&amp;Контакты</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="217"/>
        <source>&amp;New contact</source>
        <translation>Новый &amp;контакт</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="221"/>
        <source>&amp;Distribute queue now</source>
        <translation>&amp;Распределить очередь</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="223"/>
        <source>Give queued contacts to operators who have room, oldest first</source>
        <translation>Передать контакты из очереди операторам со свободными местами, начиная с самых старых</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="226"/>
        <source>Auto&amp;matic re-distribution</source>
        <translation>&amp;Автоматическое перераспределение</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="229"/>
        <source>Distribute queued contacts whenever an operator gets room (all users)</source>
        <translation>Распределять контакты из очереди, как только у оператора освобождается место (для всех пользователей)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="247"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="254"/>
        <source>Intake &amp;form</source>
        <translation>&amp;Форма приёма</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="256"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="262"/>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="273"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="275"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="279"/>
        <source>&amp;About</source>
        <translation>&amp;О программе</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="297"/>
        <source>Undo</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="363"/>
        <source>About {app}</source>
        <translation>О программе {app}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="365"/>
        <source>{app} {version}

Hands incoming lead contacts to operators by the weights set for each source, within each operator&apos;s load limit.

Database: {path}</source>
        <translation>{app} {version}

Распределяет входящие контакты лидов между операторами по весам, заданным для каждого источника, с учётом лимита нагрузки каждого оператора.

База данных: {path}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/main_window.py" line="392"/>
        <source>Distributing the queue… %n contact(s) assigned</source>
        <translation>
            <numerusform>Распределение очереди… назначен %n контакт</numerusform>
            <numerusform>Распределение очереди… назначено %n контакта</numerusform>
            <numerusform>Распределение очереди… назначено %n контактов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/main_window.py" line="398"/>
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
        <source>away</source>
        <translation>отсутствует</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="44"/>
        <source>off shift</source>
        <translation>вне смены</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="46"/>
        <source>daily cap reached ({daily_cap})</source>
        <translation>дневной лимит исчерпан ({daily_cap})</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="50"/>
        <source>at the limit ({max_load})</source>
        <translation>лимит исчерпан ({max_load})</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="53"/>
        <source>{free} free of {max_load}</source>
        <translation>свободно {free} из {max_load}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="62"/>
        <source>{name} is inactive and takes no contacts.</source>
        <translation>Оператор {name} неактивен и не получает контакты.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="66"/>
        <source>{name} is away and takes no contacts until back.</source>
        <translation>{name} отсутствует и не получает обращений, пока не вернётся.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="70"/>
        <source>{name} is off shift and takes no contacts until it starts.</source>
        <translation>{name} вне смены и не получает обращений до её начала.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="74"/>
        <source>{name} has had as many contacts today as the daily cap allows.</source>
        <translation>{name} сегодня уже получил(а) столько обращений, сколько позволяет дневной лимит.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="79"/>
        <source>{name} has %Ln active contact(s), the limit: close one or raise the limit first.</source>
        <translation>
            <numerusform>У оператора {name} %Ln активный контакт — это предел: сначала закройте контакт или поднимите лимит.</numerusform>
            <numerusform>У оператора {name} %Ln активных контакта — это предел: сначала закройте контакт или поднимите лимит.</numerusform>
            <numerusform>У оператора {name} %Ln активных контактов — это предел: сначала закройте контакт или поднимите лимит.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="84"/>
        <source>{name} has %Ln active contact(s) and can take {free} more.</source>
        <translation>
            <numerusform>У оператора {name} %Ln активный контакт, можно передать ещё {free}.</numerusform>
            <numerusform>У оператора {name} %Ln активных контакта, можно передать ещё {free}.</numerusform>
            <numerusform>У оператора {name} %Ln активных контактов, можно передать ещё {free}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="96"/>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="102"/>
        <source>Room</source>
        <translation>Свободно</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="154"/>
        <source>lacks a skill</source>
        <translation>нет нужного навыка</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/assign_dialog.py" line="156"/>
        <source>{name} lacks a skill the selected contacts&apos; tags ask for: {skills}.</source>
        <translation>{name} не владеет навыком, которого требуют теги выбранных контактов: {skills}.</translation>
    </message>
</context>
<context>
    <name>OperatorDayDialog</name>
    <message>
        <location filename="../../desktop_crm/ui/operator_day_dialog.py" line="62"/>
        <source>{name}: hours and absences</source>
        <translation>{name}: часы работы и отсутствия</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_day_dialog.py" line="70"/>
        <source>e.g. mon-fri 09:00-18:00; sat 10:00-14:00</source>
        <translation>например, пн-пт 09:00-18:00; сб 10:00-14:00</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_day_dialog.py" line="74"/>
        <source>Days and times, several separated by “;”. Days: mon tue wed thu fri sat sun, a range (mon-fri) or a list (mon,wed,fri). A shift that ends before it starts runs overnight (sun 22:00-06:00). Empty: always available.</source>
        <translation>Дни и время, несколько — через «;». Дни: пн вт ср чт пт сб вс (или mon … sun), диапазон (пн-пт) или список (пн,ср,пт). Смена, которая кончается раньше, чем начинается, идёт через ночь (вс 22:00-06:00). Пусто — всегда на месте.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_day_dialog.py" line="82"/>
        <source>no cap</source>
        <translation>без лимита</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_day_dialog.py" line="86"/>
        <source>At most this many contacts a calendar day; closing a contact does not give the day&apos;s slot back.</source>
        <translation>Не больше стольких контактов за календарный день; закрытие контакта место за день не возвращает.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_day_dialog.py" line="91"/>
        <source>none, e.g. ru, kz, vip</source>
        <translation>нет, например ru, kz, vip</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_day_dialog.py" line="93"/>
        <source>A contact with tags goes only to operators who have every one of them.</source>
        <translation>Контакт с тегами достаётся только операторам, у которых есть все эти навыки.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_day_dialog.py" line="100"/>
        <source>&amp;Working hours:</source>
        <translation>&amp;Рабочие часы:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_day_dialog.py" line="102"/>
        <source>Daily ca&amp;p:</source>
        <translation>Дневной &amp;лимит:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_day_dialog.py" line="103"/>
        <source>S&amp;kills:</source>
        <translation>&amp;Навыки:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_day_dialog.py" line="106"/>
        <source>Times are in the {zone} time zone (File › Settings… to change it).</source>
        <translation>Время — в часовом поясе {zone} (изменить: Файл › Настройки…).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_day_dialog.py" line="123"/>
        <source>until &amp;back</source>
        <translation>до &amp;возвращения</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_day_dialog.py" line="124"/>
        <source>No end: until “Back now” is pressed</source>
        <translation>Без конца: пока не нажата кнопка «Уже вернулся»</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_day_dialog.py" line="126"/>
        <source>&amp;Add absence</source>
        <translation>&amp;Добавить отсутствие</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_day_dialog.py" line="127"/>
        <source>Back &amp;now</source>
        <translation>&amp;Уже вернулся</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_day_dialog.py" line="128"/>
        <source>End the absence in force now</source>
        <translation>Завершить текущее отсутствие</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_day_dialog.py" line="129"/>
        <source>&amp;Remove</source>
        <translation>У&amp;брать</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_day_dialog.py" line="131"/>
        <source>Take back the selected absence: one ahead is removed, one in force ends now</source>
        <translation>Отменить выбранное отсутствие: будущее удаляется, текущее заканчивается сейчас</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_day_dialog.py" line="137"/>
        <source>Away &amp;from:</source>
        <translation>Отсутствует &amp;с:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_day_dialog.py" line="139"/>
        <source>&amp;until:</source>
        <translation>&amp;по:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_day_dialog.py" line="150"/>
        <source>Absences (now and ahead)</source>
        <translation>Отсутствия (текущее и будущие)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_day_dialog.py" line="197"/>
        <source>Now: {status}</source>
        <translation>Сейчас: {status}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_day_dialog.py" line="205"/>
        <source>from {start} until back</source>
        <translation>с {start} до возвращения</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_day_dialog.py" line="207"/>
        <source>from {start} through {day}</source>
        <translation>с {start} по {day} включительно</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_day_dialog.py" line="212"/>
        <source>from {start} until {end}</source>
        <translation>с {start} по {end}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_day_dialog.py" line="216"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_day_dialog.py" line="229"/>
        <source>Reads as: {hours}</source>
        <translation>Понято как: {hours}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_day_dialog.py" line="231"/>
        <source>Always available (no hours).</source>
        <translation>Всегда на месте (часы не заданы).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_day_dialog.py" line="261"/>
        <source>Absence added.</source>
        <translation>Отсутствие добавлено.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_day_dialog.py" line="282"/>
        <source>Absence removed.</source>
        <translation>Отсутствие отменено.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_day_dialog.py" line="295"/>
        <source>Back now.</source>
        <translation>Оператор вернулся.</translation>
    </message>
</context>
<context>
    <name>OperatorStatus</name>
    <message>
        <location filename="../../desktop_crm/ui/operator_status.py" line="62"/>
        <source>on shift until {time}</source>
        <translation>на смене до {time}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_status.py" line="60"/>
        <source>available</source>
        <translation>на месте</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_status.py" line="67"/>
        <source>available until {time}</source>
        <translation>на месте до {time}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_status.py" line="71"/>
        <source>inactive</source>
        <translation>неактивен</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_status.py" line="74"/>
        <source>away until back</source>
        <translation>отсутствует до возвращения</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_status.py" line="77"/>
        <source>away through {day}</source>
        <translation>отсутствует по {day} включительно</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_status.py" line="80"/>
        <source>away until {time}</source>
        <translation>отсутствует до {time}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_status.py" line="85"/>
        <source>off shift</source>
        <translation>не на смене</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_status.py" line="86"/>
        <source>off shift until {time}</source>
        <translation>не на смене до {time}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_status.py" line="90"/>
        <source>daily cap reached ({today} / {cap})</source>
        <translation>лимит дня исчерпан ({today} / {cap})</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_status.py" line="94"/>
        <source>at the limit ({load} / {limit})</source>
        <translation>на пределе ({load} / {limit})</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_status.py" line="138"/>
        <source>&lt; 1 min</source>
        <translation>&lt; 1 мин</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_status.py" line="140"/>
        <source>{minutes} min</source>
        <translation>{minutes} мин</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_status.py" line="143"/>
        <source>{hours} h {minutes:02d} min</source>
        <translation>{hours} ч {minutes:02d} мин</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/operator_status.py" line="147"/>
        <source>{days} d {hours} h</source>
        <translation>{days} дн {hours} ч</translation>
    </message>
</context>
<context>
    <name>OperatorsModel</name>
    <message>
        <location filename="../../desktop_crm/ui/models/operators.py" line="33"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/operators.py" line="39"/>
        <source>Active</source>
        <translation>Активен</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/operators.py" line="45"/>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/operators.py" line="50"/>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/operators.py" line="54"/>
        <source>Contacts given today, against the daily cap</source>
        <translation>Контактов выдано сегодня и дневной лимит</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/operators.py" line="59"/>
        <source>Load</source>
        <translation>Нагрузка</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/operators.py" line="65"/>
        <source>Max load</source>
        <translation>Макс. нагрузка</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/operators.py" line="72"/>
        <source>Skills</source>
        <translation>Навыки</translation>
    </message>
</context>
<context>
    <name>OperatorsPage</name>
    <message>
        <location filename="../../desktop_crm/ui/pages/operators.py" line="85"/>
        <source>New operator&apos;s name</source>
        <translation>Имя нового оператора</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/operators.py" line="88"/>
        <source>The most active contacts this operator may have</source>
        <translation>Наибольшее число активных контактов у этого оператора</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/operators.py" line="89"/>
        <source>Add operator</source>
        <translation>Добавить оператора</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/operators.py" line="95"/>
        <source>Max load:</source>
        <translation>Макс. нагрузка:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/operators.py" line="117"/>
        <source>Double-click a name or a limit (or press F2) to change it; the check box makes an operator active or inactive; Ctrl+Z undoes. Hours, absences, the daily cap and skills: Ctrl+Shift+H. Inactive operators keep their contacts but get no new ones.</source>
        <translation>Чтобы изменить имя или лимит, дважды щёлкните по нему (или нажмите F2); флажок делает оператора активным или неактивным; Ctrl+Z отменяет. Часы, отсутствия, дневной лимит и навыки: Ctrl+Shift+H. Неактивные операторы сохраняют свои контакты, но новых не получают.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/operators.py" line="125"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/operators.py" line="127"/>
        <source>&amp;Hours, absences, cap and skills…</source>
        <translation>&amp;Часы, отсутствия, лимит и навыки…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/operators.py" line="131"/>
        <source>Hours and absences…</source>
        <translation>Часы и отсутствия…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/operators.py" line="134"/>
        <source>Working hours, absences, daily cap and skills of the selected operator ({key})</source>
        <translation>Рабочие часы, отсутствия, дневной лимит и навыки выбранного оператора ({key})</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/operators.py" line="153"/>
        <location filename="../../desktop_crm/ui/pages/operators.py" line="208"/>
        <source>Delete operator</source>
        <translation>Удалить оператора</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/operators.py" line="201"/>
        <source>Added {name}.</source>
        <translation>Оператор {name} добавлен.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/operators.py" line="207"/>
        <source>Delete operator {name}?</source>
        <translation>Удалить оператора {name}?</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/operators.py" line="215"/>
        <source>Deleted {name}.</source>
        <translation>Оператор {name} удалён.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/operators.py" line="230"/>
        <source>Saved for {name}.</source>
        <translation>Сохранено для: {name}.</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../../desktop_crm/ui/pages/contacts.py" line="206"/>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/imports.py" line="100"/>
        <source>Imports</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/leads.py" line="117"/>
        <source>Leads</source>
        <translation>Лиды</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/operators.py" line="75"/>
        <source>Operators</source>
        <translation>Операторы</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="208"/>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="174"/>
        <source>Statistics</source>
        <translation>Статистика</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/welcome.py" line="18"/>
        <source>Start</source>
        <translation>Начало</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/journal.py" line="57"/>
        <source>Journal</source>
        <translation>Журнал</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/board.py" line="48"/>
        <source>Board</source>
        <translation>Табло</translation>
    </message>
</context>
<context>
    <name>RecentMenu</name>
    <message>
        <location filename="../../desktop_crm/ui/recent.py" line="58"/>
        <source>Recent &amp;databases</source>
        <translation>Недавние &amp;базы данных</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/recent.py" line="71"/>
        <source>Not found: {path}</source>
        <translation>Не найден: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/recent.py" line="75"/>
        <source>No recent databases</source>
        <translation>Недавних баз данных нет</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/recent.py" line="78"/>
        <source>&amp;Clear list</source>
        <translation>&amp;Очистить список</translation>
    </message>
</context>
<context>
    <name>RefreshErrors</name>
    <message>
        <location filename="../../desktop_crm/ui/refresh_errors.py" line="57"/>
        <source>Cannot refresh: {error}</source>
        <translation>Не удалось обновить данные: {error}</translation>
    </message>
</context>
<context>
    <name>RejectsModel</name>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="208"/>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="214"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/imports.py" line="220"/>
        <source>Row</source>
        <translation>Содержимое</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop_crm/ui/settings_dialog.py" line="45"/>
        <source>System default</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/settings_dialog.py" line="58"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/settings_dialog.py" line="71"/>
        <source>The country whose national phone numbers leads write without a country code (two letters, e.g. RU, KZ, BY). Saved in the database, for every user.</source>
        <translation>Страна, в которой номера телефонов записывают без кода страны (две буквы, например RU, KZ, BY). Хранится в базе данных, для всех пользователей.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/settings_dialog.py" line="90"/>
        <source>Operators&apos; working hours, absences and daily caps are read in this time zone (e.g. Europe/Moscow, Asia/Almaty). Saved in the database, for every user.</source>
        <translation>Рабочие часы операторов, отсутствия и дневные лимиты считаются в этом часовом поясе (например, Europe/Moscow, Asia/Almaty). Хранится в базе, для всех пользователей.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/settings_dialog.py" line="95"/>
        <source>Distribute queued contacts when an operator gets room</source>
        <translation>Распределять контакты из очереди, когда у оператора освобождается место</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/settings_dialog.py" line="97"/>
        <source>Saved in the database, for every user.</source>
        <translation>Хранится в базе данных, для всех пользователей.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/settings_dialog.py" line="105"/>
        <source>Your changes are recorded in the Journal under this name. Empty: your user name on this computer. Saved on this computer only.</source>
        <translation>Ваши изменения записываются в журнал под этим именем. Если поле пустое — под именем вашей учётной записи на этом компьютере. Хранится только на этом компьютере.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/settings_dialog.py" line="126"/>
        <source>Browse…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/settings_dialog.py" line="133"/>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/settings_dialog.py" line="134"/>
        <source>Your &amp;name in the journal:</source>
        <translation>Ваше &amp;имя в журнале:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/settings_dialog.py" line="135"/>
        <source>&amp;Phone region:</source>
        <translation>&amp;Регион телефонов:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/settings_dialog.py" line="136"/>
        <source>&amp;Time zone:</source>
        <translation>&amp;Часовой пояс:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/settings_dialog.py" line="139"/>
        <source>&amp;Database file:</source>
        <translation>&amp;Файл базы данных:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/settings_dialog.py" line="144"/>
        <source>The phone region, the time zone and automatic re-distribution are stored in the database and apply to everyone who works with it.</source>
        <translation>Регион телефонов, часовой пояс и автоматическое перераспределение хранятся в базе и действуют для всех, кто с ней работает.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/settings_dialog.py" line="167"/>
        <source>{path} (not found)</source>
        <translation>{path} (не найден)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/tray_settings.py" line="17"/>
        <source>&amp;Warn in the system tray when a contact waits for an operator over</source>
        <translation>&amp;Уведомлять в системном трее, если контакт ждёт оператора дольше</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/tray_settings.py" line="24"/>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/tray_settings.py" line="29"/>
        <source>Also when a contact&apos;s reply deadline passes and nobody else can take it. Clicking the message shows the contact. Saved on this computer only.</source>
        <translation>А также когда срок ответа по контакту прошёл и взять его больше некому. Щелчок по уведомлению покажет контакт. Сохраняется только на этом компьютере.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/tray_settings.py" line="35"/>
        <source>This desktop has no system tray, so there is nothing to show them in.</source>
        <translation>На этом рабочем столе нет системного трея: уведомлениям негде появиться.</translation>
    </message>
</context>
<context>
    <name>SharesModel</name>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="384"/>
        <source>Source / operator</source>
        <translation>Источник / оператор</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="385"/>
        <source>Weight</source>
        <translation>Вес</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="386"/>
        <source>Weight %</source>
        <translation>Вес, %</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="387"/>
        <source>Delivered</source>
        <translation>Получено</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="388"/>
        <source>Delivered %</source>
        <translation>Получено, %</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="389"/>
        <source>Deviation</source>
        <translation>Отклонение</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="393"/>
        <source>The operator&apos;s weight on this source</source>
        <translation>Вес оператора для этого источника</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="394"/>
        <source>The weight as a share of the source&apos;s total weight</source>
        <translation>Доля веса в общем весе источника</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="395"/>
        <source>Contacts of the period this operator got from the source</source>
        <translation>Контакты за период, полученные оператором из этого источника</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="398"/>
        <source>Share of the source&apos;s assigned contacts of the period</source>
        <translation>Доля от назначенных контактов источника за период</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="399"/>
        <source>Delivered share minus configured share, in percentage points. Full operators and small numbers make it drift; large drifts deserve a look.</source>
        <translation>Фактическая доля минус заданная, в процентных пунктах. Полностью загруженные операторы и малые числа дают расхождение; на большие отклонения стоит обратить внимание.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="557"/>
        <source>No operators are configured for this source.</source>
        <translation>Для этого источника не настроены операторы.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="563"/>
        <source>{assigned} assigned, {unassigned} unassigned</source>
        <translation>назначено: {assigned}, без оператора: {unassigned}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="618"/>
        <source>{value} pp</source>
        <translation>{value}&#xa0;п.&#xa0;п.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="634"/>
        <source>Nothing was assigned on this source in the period.</source>
        <translation>За период по этому источнику ничего не назначено.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/models/statistics.py" line="562"/>
        <source>%n contact(s) in the period</source>
        <translation>
            <numerusform>%n контакт за период</numerusform>
            <numerusform>%n контакта за период</numerusform>
            <numerusform>%n контактов за период</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../desktop_crm/ui/shortcuts.py" line="95"/>
        <source>Everywhere</source>
        <translation>Везде</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/shortcuts.py" line="215"/>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/shortcuts.py" line="224"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/shortcuts.py" line="224"/>
        <source>Shortcut</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/shortcuts.py" line="224"/>
        <source>Where</source>
        <translation>Где</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/shortcuts.py" line="224"/>
        <source>Menu</source>
        <translation>Меню</translation>
    </message>
</context>
<context>
    <name>SourcesModel</name>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="74"/>
        <source>{strategy} + repeat</source>
        <translation>{strategy} + закрепление</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="84"/>
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
        <location filename="../../desktop_crm/ui/models/sources.py" line="162"/>
        <source>Operators</source>
        <translation>Операторы</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="168"/>
        <source>Strategy</source>
        <translation>Стратегия</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="105"/>
        <source>No operators</source>
        <translation>Нет операторов</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="107"/>
        <source>{operators}, total weight {total}</source>
        <translation>{operators}, общий вес {total}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="115"/>
        <source>No operator has a weight for this source: select it and set weights.</source>
        <translation>Ни у одного оператора нет веса для этого источника: выберите его и задайте веса.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="122"/>
        <source>{name}: {weight} ({percent} %)</source>
        <translation>{name}: {weight} ({percent}&#xa0;%)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="129"/>
        <source>inactive</source>
        <translation>неактивен</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="131"/>
        <source>full</source>
        <translation>нет мест</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="137"/>
        <source>None of them can take contacts now: new ones stay unassigned.</source>
        <translation>Сейчас никто из них не может принять контакты: новые останутся без оператора.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/models/sources.py" line="106"/>
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
        <location filename="../../desktop_crm/ui/pages/sources.py" line="229"/>
        <source>Sources and weights</source>
        <translation>Источники и веса</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="230"/>
        <source>Distribution plan</source>
        <translation>План распределения</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="234"/>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="402"/>
        <source>Save weights</source>
        <translation>Сохранить веса</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="239"/>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="711"/>
        <source>Delete source</source>
        <translation>Удалить источник</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="281"/>
        <source>New source&apos;s name, e.g. Telegram bot</source>
        <translation>Название нового источника, например Telegram-бот</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="282"/>
        <source>Code, e.g. tg (optional)</source>
        <translation>Код, например tg (необязательно)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="286"/>
        <source>A short code for bots and the command line: no spaces, not only digits. Optional.</source>
        <translation>Короткий код для ботов и командной строки: без пробелов и не только из цифр. Необязательно.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="289"/>
        <source>Add source</source>
        <translation>Добавить источник</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="318"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="350"/>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="805"/>
        <source>Weights</source>
        <translation>Веса</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="98"/>
        <source>A contact goes to one of the operators by lot, in proportion to the weights. 0 means never.</source>
        <translation>Контакт получает один из операторов по жребию, пропорционально весам. 0 — никогда.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="103"/>
        <source>Operators take turns in proportion to the weights. 0 means never.</source>
        <translation>Операторы получают контакты по очереди, пропорционально весам. 0 — никогда.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="107"/>
        <source>A contact goes to the operator with the most room for their limit; the weight only breaks ties. 0 means never.</source>
        <translation>Контакт получает оператор с наибольшим запасом до лимита; вес решает только при равенстве. 0 — никогда.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="131"/>
        <source>{rule} Skipped: {reasons}.</source>
        <translation>{rule} Оператор пропускается, если: {reasons}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="314"/>
        <source>Double-click a name or a code (or press F2) to change it; Ctrl+Z undoes. Select a source to set weights.</source>
        <translation>Чтобы изменить название или код, дважды щёлкните по нему (или нажмите F2); Ctrl+Z отменяет. Выберите источник, чтобы задать веса.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="392"/>
        <source>Unsaved changes</source>
        <translation>Есть несохранённые изменения</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="401"/>
        <source>Revert</source>
        <translation>Отменить изменения</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="404"/>
        <source>Replace the source&apos;s weights with these ({shortcut})</source>
        <translation>Заменить веса источника этими ({shortcut})</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="440"/>
        <source>Strategy:</source>
        <translation>Стратегия:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="447"/>
        <source>Send a returning lead to the operator who handled it last (when that operator can take it)</source>
        <translation>Передавать повторного лида оператору, который вёл его последним (если тот может его принять)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="451"/>
        <source>A lead who writes again goes to the same operator if they are active, have a weight here and are below their limit; otherwise the strategy decides.</source>
        <translation>Лид, написавший снова, попадает к тому же оператору, если тот активен, имеет вес для этого источника и не исчерпал лимит; иначе решает стратегия.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="490"/>
        <source>Each cell is an operator&apos;s weight for a source; double-click a cell to change it (saved at once). Under each name: how many more active contacts the operator can take. Grey: no weight, or an operator who gets nothing right now.</source>
        <translation>В каждой ячейке — вес оператора для источника; дважды щёлкните по ячейке, чтобы изменить его (сохраняется сразу). Под каждым именем — сколько ещё активных контактов может принять оператор. Серым: веса нет или оператор сейчас ничего не получает.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="568"/>
        <source>The source was deleted elsewhere; its unsaved weights are gone.</source>
        <translation>Источник удалён в другом месте; его несохранённые веса потеряны.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="591"/>
        <source>No sources yet.
Add one above: a bot, a form or a channel that sends contacts. Then give its operators weights here.</source>
        <translation>Источников пока нет.
Добавьте источник выше: бота, форму или канал, откуда приходят контакты. Затем задайте здесь веса его операторов.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="598"/>
        <source>Add a source to set its operators&apos; weights.</source>
        <translation>Добавьте источник, чтобы задать веса его операторов.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="600"/>
        <source>Select a source to set its operators&apos; weights.</source>
        <translation>Выберите источник, чтобы задать веса его операторов.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="603"/>
        <source>No operators yet: add them on the Operators screen, then come back.</source>
        <translation>Операторов пока нет: добавьте их на экране «Операторы» и вернитесь сюда.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="612"/>
        <source>The plan shows every source against every operator.
Add at least one source and one operator to see it.</source>
        <translation>План показывает веса каждого источника по каждому оператору.
Добавьте хотя бы один источник и одного оператора, чтобы его увидеть.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="654"/>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="668"/>
        <source>Unsaved weights</source>
        <translation>Несохранённые веса</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="655"/>
        <source>The weights of {name} are not saved. Discard the changes?</source>
        <translation>Веса источника {name} не сохранены. Отбросить изменения?</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="701"/>
        <source>Added {name}. Now give its operators weights.</source>
        <translation>Источник {name} добавлен. Теперь задайте веса его операторов.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="708"/>
        <source>Delete source {name}? Its weights are deleted with it.</source>
        <translation>Удалить источник {name}? Его веса будут удалены вместе с ним.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="720"/>
        <source>Deleted {name}.</source>
        <translation>Источник {name} удалён.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="788"/>
        <source>Saved the weights of {name}.</source>
        <translation>Веса источника {name} сохранены.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="808"/>
        <source>Weights for {name}</source>
        <translation>Веса источника {name}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/sources.py" line="811"/>
        <source>Total weight {total}; %Ln operator(s) get contacts</source>
        <translation>
            <numerusform>Общий вес {total}; контакты получает %Ln оператор</numerusform>
            <numerusform>Общий вес {total}; контакты получают %Ln оператора</numerusform>
            <numerusform>Общий вес {total}; контакты получают %Ln операторов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="669"/>
        <source>The weights of {name} are not saved. Save them?</source>
        <translation>Веса источника {name} не сохранены. Сохранить их?</translation>
    </message>
</context>
<context>
    <name>StackedBarChart</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/charts.py" line="205"/>
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n контакт</numerusform>
            <numerusform>%n контакта</numerusform>
            <numerusform>%n контактов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/charts.py" line="206"/>
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
        <location filename="../../desktop_crm/ui/models/statistics.py" line="157"/>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="334"/>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="158"/>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="336"/>
        <source>Load</source>
        <translation>Нагрузка</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="159"/>
        <source>Total</source>
        <translation>Всего</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="54"/>
        <source>{value} %</source>
        <translation>{value}&#xa0;%</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="123"/>
        <source>Unassigned</source>
        <translation>Без оператора</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/models/statistics.py" line="132"/>
        <source>%n contact(s) in the period</source>
        <translation>
            <numerusform>%n контакт за период</numerusform>
            <numerusform>%n контакта за период</numerusform>
            <numerusform>%n контактов за период</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/models/statistics.py" line="133"/>
        <source>%n still active</source>
        <translation>
            <numerusform>из них %n ещё активен</numerusform>
            <numerusform>из них %n ещё активны</numerusform>
            <numerusform>из них %n ещё активны</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/models/statistics.py" line="146"/>
        <source>%n active contact(s) now, at most {max_load} (not limited to the period)</source>
        <translation>
            <numerusform>Сейчас %n активный контакт, не более {max_load} (без учёта периода)</numerusform>
            <numerusform>Сейчас %n активных контакта, не более {max_load} (без учёта периода)</numerusform>
            <numerusform>Сейчас %n активных контактов, не более {max_load} (без учёта периода)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="259"/>
        <source>Contacts in the period (of them still active).</source>
        <translation>Контакты за период (в скобках — сколько из них ещё активны).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="266"/>
        <source>Active contacts now against the operator&apos;s limit (any period).</source>
        <translation>Активные контакты сейчас относительно лимита оператора (за любой период).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="292"/>
        <source>Contacts nobody could take</source>
        <translation>Контакты, которые никто не смог принять</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="294"/>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="611"/>
        <source>{name} (inactive)</source>
        <translation>{name} (неактивен)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="333"/>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="335"/>
        <source>Active operator</source>
        <translation>Оператор активен</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="337"/>
        <source>Max load</source>
        <translation>Макс. нагрузка</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="341"/>
        <source>{source}: contacts</source>
        <translation>{source}: контакты</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="346"/>
        <source>{source}: active</source>
        <translation>{source}: активные</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="351"/>
        <source>Total contacts</source>
        <translation>Всего контактов</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="352"/>
        <source>Total active</source>
        <translation>Всего активных</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="355"/>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/statistics.py" line="356"/>
        <source>no</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="84"/>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="85"/>
        <source>Last 7 days</source>
        <translation>Последние 7 дней</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="86"/>
        <source>Last 30 days</source>
        <translation>Последние 30 дней</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="87"/>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="362"/>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="495"/>
        <source>All time</source>
        <translation>За всё время</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="88"/>
        <source>Custom range</source>
        <translation>Свой период</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="161"/>
        <source>Export statistics</source>
        <translation>Экспорт статистики</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="163"/>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="206"/>
        <source>Export to CSV…</source>
        <translation>Экспорт в CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="207"/>
        <source>Save the table to a CSV file (Ctrl+E)</source>
        <translation>Сохранить таблицу в файл CSV (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="209"/>
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="233"/>
        <source>Each cell: contacts of the period (of them still active). Load is the operator&apos;s active contacts now against the limit.</source>
        <translation>В ячейке — контакты за период (в скобках — сколько из них ещё активны). Нагрузка — активные контакты оператора сейчас относительно лимита.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="262"/>
        <source>&lt;b&gt;Weights against delivery&lt;/b&gt;</source>
        <translation>&lt;b&gt;Веса и фактическое распределение&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="265"/>
        <source>Per source: each operator&apos;s share of the configured weight against the share of the period&apos;s assigned contacts it actually got.</source>
        <translation>По каждому источнику: доля оператора в заданном весе и доля назначенных за период контактов, которую он получил на самом деле.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="269"/>
        <source>&lt;b&gt;Contacts per operator, by source&lt;/b&gt;</source>
        <translation>&lt;b&gt;Контакты по операторам и источникам&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="297"/>
        <source>Export statistics…</source>
        <translation>Экспорт статистики…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="441"/>
        <source>Calculating…</source>
        <translation>Подсчёт…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="504"/>
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n контакт</numerusform>
            <numerusform>%n контакта</numerusform>
            <numerusform>%n контактов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="505"/>
        <source>%n unassigned</source>
        <translation>
            <numerusform>%n без оператора</numerusform>
            <numerusform>%n без оператора</numerusform>
            <numerusform>%n без оператора</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="511"/>
        <source>Nothing to show yet: add operators and sources, then register contacts.</source>
        <translation>Пока нечего показать: добавьте операторов и источники, затем зарегистрируйте контакты.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="518"/>
        <source>Unassigned</source>
        <translation>Без оператора</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="521"/>
        <source>No contacts in this period.</source>
        <translation>За этот период контактов нет.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="571"/>
        <source>The statistics are still being calculated.</source>
        <translation>Статистика ещё подсчитывается.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="580"/>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="600"/>
        <source>Could not save {path}: {reason}</source>
        <translation>Не удалось сохранить {path}: {reason}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/statistics.py" line="604"/>
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
        <location filename="../../desktop_crm/ui/models/sources.py" line="26"/>
        <source>Weighted random (lottery)</source>
        <translation>Случайно по весам (жребий)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="27"/>
        <source>Lottery</source>
        <translation>Жребий</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="28"/>
        <source>Each contact goes to an operator drawn by lot, with chances in proportion to the weights.</source>
        <translation>Каждый контакт получает оператор, выбранный жребием; шансы пропорциональны весам.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="35"/>
        <source>Smooth round-robin</source>
        <translation>По кругу (сглаженно)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="36"/>
        <source>Round-robin</source>
        <translation>По кругу</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="37"/>
        <source>Operators take turns in proportion to the weights, so the shares come out exact over every full round.</source>
        <translation>Операторы получают контакты по очереди пропорционально весам, поэтому за каждый полный круг доли соблюдаются точно.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="44"/>
        <location filename="../../desktop_crm/ui/models/sources.py" line="45"/>
        <source>Least loaded</source>
        <translation>Наименее загруженный</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/sources.py" line="46"/>
        <source>Each contact goes to the operator with the most room for their limit; the weight only breaks ties, and weight 0 still means never.</source>
        <translation>Каждый контакт получает оператор с наибольшим запасом до лимита; вес решает только при равенстве, а вес 0 по-прежнему означает «никогда».</translation>
    </message>
</context>
<context>
    <name>TimerRunner</name>
    <message>
        <location filename="../../desktop_crm/ui/timers.py" line="92"/>
        <source>Read-only here: reply deadlines, auto-close and the queue are left to those who may write.</source>
        <translation>Здесь только чтение: сроки ответа, автозакрытие и очередь выполняют те, у кого есть право записи.</translation>
    </message>
</context>
<context>
    <name>TrayNotifications</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/tray.py" line="145"/>
        <source>…and %n more.</source>
        <translation>
            <numerusform>…и ещё %n.</numerusform>
            <numerusform>…и ещё %n.</numerusform>
            <numerusform>…и ещё %n.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/tray.py" line="147"/>
        <source>A contact needs an operator</source>
        <translation>Контакту нужен оператор</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/tray.py" line="149"/>
        <source>%n contact(s) need an operator</source>
        <translation>
            <numerusform>%n контакту нужен оператор</numerusform>
            <numerusform>%n контактам нужен оператор</numerusform>
            <numerusform>%n контактам нужен оператор</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/tray.py" line="156"/>
        <source>{lead}, {source}: no reply in time, nobody else can take it</source>
        <translation>{lead}, {source}: нет ответа в срок, взять больше некому</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/tray.py" line="159"/>
        <source>{lead}, {source}: waiting for {wait}</source>
        <translation>{lead}, {source}: ждёт {wait}</translation>
    </message>
</context>
<context>
    <name>UndoHistory</name>
    <message>
        <location filename="../../desktop_crm/ui/undo.py" line="81"/>
        <source>&amp;Undo {action}</source>
        <translation>&amp;Отменить: {action}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/undo.py" line="83"/>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/undo.py" line="88"/>
        <source>&amp;Redo {action}</source>
        <translation>&amp;Повторить: {action}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/undo.py" line="90"/>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/undo.py" line="111"/>
        <source>Undone: {action}</source>
        <translation>Отменено: {action}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/undo.py" line="112"/>
        <source>Cannot undo “{action}”: {reason} Nothing was changed.</source>
        <translation>Нельзя отменить «{action}»: {reason} Ничего не изменено.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/undo.py" line="123"/>
        <source>Redone: {action}</source>
        <translation>Повторено: {action}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/undo.py" line="124"/>
        <source>Cannot redo “{action}”: {reason} Nothing was changed.</source>
        <translation>Нельзя повторить «{action}»: {reason} Ничего не изменено.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/undo.py" line="150"/>
        <source>Rename {old} to {new}</source>
        <translation>Переименовать оператора {old} в «{new}»</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/undo.py" line="154"/>
        <source>Change the limit of {name} to {limit}</source>
        <translation>Изменить лимит оператора {name} на {limit}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/undo.py" line="158"/>
        <source>Make {name} active</source>
        <translation>Сделать оператора {name} активным</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/undo.py" line="161"/>
        <source>Make {name} inactive</source>
        <translation>Сделать оператора {name} неактивным</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/undo.py" line="191"/>
        <source>Rename source {old} to {new}</source>
        <translation>Переименовать источник {old} в «{new}»</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/undo.py" line="195"/>
        <source>Change the code of {name}</source>
        <translation>Изменить код источника {name}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/undo.py" line="242"/>
        <source>Change the weights of {name}</source>
        <translation>Изменить веса источника {name}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/undo.py" line="265"/>
        <source>Close %n contact(s)</source>
        <translation>
            <numerusform>Закрыть %n контакт</numerusform>
            <numerusform>Закрыть %n контакта</numerusform>
            <numerusform>Закрыть %n контактов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/undo.py" line="284"/>
        <source>Reopen %n contact(s)</source>
        <translation>
            <numerusform>Вернуть в работу %n контакт</numerusform>
            <numerusform>Вернуть в работу %n контакта</numerusform>
            <numerusform>Вернуть в работу %n контактов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/undo.py" line="307"/>
        <source>Assign %n contact(s) to {name}</source>
        <translation>
            <numerusform>Назначить %n контакт оператору {name}</numerusform>
            <numerusform>Назначить %n контакта оператору {name}</numerusform>
            <numerusform>Назначить %n контактов оператору {name}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/undo.py" line="199"/>
        <source>Change the strategy of {name}</source>
        <translation>Изменить стратегию источника {name}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/undo.py" line="203"/>
        <source>Send returning leads of {name} to their last operator</source>
        <translation>Передавать повторные лиды источника {name} последнему оператору</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/undo.py" line="206"/>
        <source>Stop sending returning leads of {name} to their last operator</source>
        <translation>Не передавать повторные лиды источника {name} последнему оператору</translation>
    </message>
</context>
<context>
    <name>WeightGridModel</name>
    <message>
        <location filename="../../desktop_crm/ui/models/weight_grid.py" line="33"/>
        <source>Total weight</source>
        <translation>Общий вес</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weight_grid.py" line="46"/>
        <source>inactive</source>
        <translation>неактивен</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weight_grid.py" line="126"/>
        <source>The sum of the source&apos;s weights</source>
        <translation>Сумма весов источника</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weight_grid.py" line="146"/>
        <source>Load {load} of {max}.</source>
        <translation>Нагрузка: {load} из {max}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weight_grid.py" line="152"/>
        <source>Inactive: gets no new contacts whatever the weights.</source>
        <translation>Неактивен: не получает новых контактов независимо от весов.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weight_grid.py" line="158"/>
        <source>Full: gets no new contacts until some are closed.</source>
        <translation>Нет мест: не получает новых контактов, пока часть не будет закрыта.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/models/weight_grid.py" line="164"/>
        <source>Can take %Ln more active contact(s).</source>
        <translation>
            <numerusform>Может принять ещё %Ln активный контакт.</numerusform>
            <numerusform>Может принять ещё %Ln активных контакта.</numerusform>
            <numerusform>Может принять ещё %Ln активных контактов.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weight_grid.py" line="206"/>
        <source>No operator has a weight: contacts of {source} stay unassigned.</source>
        <translation>Ни у одного оператора нет веса: контакты источника {source} остаются без оператора.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weight_grid.py" line="214"/>
        <source>{operator} gets no contacts of {source}.</source>
        <translation>{operator} не получает контакты источника {source}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weight_grid.py" line="218"/>
        <source>{operator}: weight {weight} of {total} ({percent} %) for {source}.</source>
        <translation>{operator}: вес {weight} из {total} ({percent}&#xa0;%) для источника {source}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weight_grid.py" line="230"/>
        <source>Inactive: skipped until made active again.</source>
        <translation>Неактивен: пропускается, пока его снова не сделают активным.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weight_grid.py" line="234"/>
        <source>Full: skipped until some contacts are closed.</source>
        <translation>Нет мест: пропускается, пока часть контактов не будет закрыта.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weight_grid.py" line="240"/>
        <source>Double-click to change the weight.</source>
        <translation>Дважды щёлкните, чтобы изменить вес.</translation>
    </message>
</context>
<context>
    <name>WeightsModel</name>
    <message>
        <location filename="../../desktop_crm/ui/models/weights.py" line="102"/>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weights.py" line="108"/>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weights.py" line="117"/>
        <source>Load</source>
        <translation>Нагрузка</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weights.py" line="122"/>
        <source>Weight</source>
        <translation>Вес</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weights.py" line="128"/>
        <source>Share</source>
        <translation>Доля</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weights.py" line="35"/>
        <source>{free} free of {max}</source>
        <translation>свободно {free} из {max}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weights.py" line="43"/>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="377"/>
        <source>full</source>
        <translation>нет мест</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weights.py" line="44"/>
        <location filename="../../desktop_crm/ui/pages/sources.py" line="378"/>
        <source>{free} free</source>
        <translation>свободно {free}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weights.py" line="110"/>
        <source>Active</source>
        <translation>Активен</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weights.py" line="112"/>
        <source>Inactive</source>
        <translation>Неактивен</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weights.py" line="249"/>
        <source>Changed from {saved}; not saved yet.</source>
        <translation>Изменено (было {saved}); ещё не сохранено.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weights.py" line="252"/>
        <source>Double-click or press F2 to change the weight.</source>
        <translation>Дважды щёлкните или нажмите F2, чтобы изменить вес.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weights.py" line="277"/>
        <source>Inactive: gets no contacts, and the weight does not count in the shares.</source>
        <translation>Неактивен: не получает контактов, и его вес не учитывается в долях.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weights.py" line="281"/>
        <source>{weight} of the active operators&apos; total weight {total}.</source>
        <translation>{weight} из общего веса активных операторов {total}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weights.py" line="285"/>
        <source>Gets nothing right now: the operator is inactive or has no free places.</source>
        <translation>Сейчас ничего не получает: оператор неактивен или у него нет свободных мест.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weights.py" line="290"/>
        <source>Right now, with full and inactive operators skipped: {percent}.</source>
        <translation>Сейчас, без учёта полностью загруженных и неактивных операторов: {percent}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weights.py" line="301"/>
        <source>Inactive: gets no new contacts whatever the weight.</source>
        <translation>Неактивен: не получает новых контактов независимо от веса.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/models/weights.py" line="305"/>
        <source>Full: gets no new contacts until some are closed.</source>
        <translation>Нет мест: не получает новых контактов, пока часть не будет закрыта.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/models/weights.py" line="309"/>
        <source>Can take %Ln more active contact(s).</source>
        <translation>
            <numerusform>Может принять ещё %Ln активный контакт.</numerusform>
            <numerusform>Может принять ещё %Ln активных контакта.</numerusform>
            <numerusform>Может принять ещё %Ln активных контактов.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../desktop_crm/ui/pages/welcome.py" line="26"/>
        <source>Welcome to Lead Dispatcher</source>
        <translation>Добро пожаловать в Lead Dispatcher</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/welcome.py" line="33"/>
        <source>This database is empty. Set it up in three steps, or load demo data to look around first.</source>
        <translation>Эта база данных пуста. Настройте её за три шага или сначала загрузите демо-данные, чтобы осмотреться.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/welcome.py" line="43"/>
        <source>Add the operators who handle contacts, with their load limits.</source>
        <translation>Добавьте операторов, которые обрабатывают контакты, и их лимиты нагрузки.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/welcome.py" line="44"/>
        <source>Add operators</source>
        <translation>Добавить операторов</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/welcome.py" line="48"/>
        <source>Add a source (a bot, a form, a channel) and give operators weights.</source>
        <translation>Добавьте источник (бота, форму, канал) и задайте веса операторов.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/welcome.py" line="49"/>
        <source>Add a source</source>
        <translation>Добавить источник</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/welcome.py" line="54"/>
        <source>Register contacts by hand, drop CSV/XLSX files, or let bots call the command line.</source>
        <translation>Регистрируйте контакты вручную, перетаскивайте в окно файлы CSV/XLSX или подключите ботов через командную строку.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/welcome.py" line="57"/>
        <source>Register a contact</source>
        <translation>Зарегистрировать контакт</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/welcome.py" line="75"/>
        <source>Import a file…</source>
        <translation>Импортировать файл…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/welcome.py" line="80"/>
        <source>Load demo data</source>
        <translation>Загрузить демо-данные</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/pages/welcome.py" line="101"/>
        <source>Loading demo data…</source>
        <translation>Загрузка демо-данных…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/pages/welcome.py" line="109"/>
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
        <location filename="../../desktop_crm/cli/commands.py" line="40"/>
        <source>{arg!r} is not OPERATOR=WEIGHT.</source>
        <translation>{arg!r} не имеет вид OPERATOR=WEIGHT.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/cli/commands.py" line="44"/>
        <source>The weight in {arg!r} is not a whole number in plain digits 0-9.</source>
        <translation>Вес в {arg!r} — не целое число из обычных цифр 0-9.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/cli/commands.py" line="84"/>
        <location filename="../../desktop_crm/services/common.py" line="82"/>
        <location filename="../../desktop_crm/services/operators.py" line="213"/>
        <source>The date {value} is out of range.</source>
        <translation>Дата {value} вне допустимого диапазона.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/cli/commands.py" line="89"/>
        <source>{value!r} is not a date (use YYYY-MM-DD or YYYY-MM-DDTHH:MM).</source>
        <translation>{value!r} — не дата (используйте формат ГГГГ-ММ-ДД или ГГГГ-ММ-ДДTЧЧ:ММ).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/cli/commands.py" line="102"/>
        <source>Operator {names} given more than once.</source>
        <translation>Операторы указаны более одного раза: {names}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/cli/commands.py" line="239"/>
        <source>--limit must not be negative.</source>
        <translation>--limit не может быть отрицательным.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/cli/commands.py" line="267"/>
        <source>--{option} does not apply to export {what}.</source>
        <translation>--{option} не применяется к export {what}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/cli/commands.py" line="483"/>
        <source>{path} was created by another process meanwhile; this import was kept in {temp}. Import the file again into {path}.</source>
        <translation>Тем временем файл {path} создал другой процесс; этот импорт сохранён в {temp}. Импортируйте файл в {path} ещё раз.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/cli/importing.py" line="230"/>
        <source>--map takes FIELD=COLUMN or FIELD=COLUMN+COLUMN, not {value!r}.</source>
        <translation>--map принимает ПОЛЕ=СТОЛБЕЦ или ПОЛЕ=СТОЛБЕЦ+СТОЛБЕЦ, а не {value!r}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/cli/importing.py" line="239"/>
        <source>Unknown field &quot;{value}&quot; for --map; the fields are: {fields}.</source>
        <translation>Неизвестное поле «{value}» в --map; поля: {fields}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/cli/importing.py" line="249"/>
        <source>The lead&apos;s id column cannot be left out.</source>
        <translation>Столбец с ID лида нельзя исключить из импорта.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/cli/importing.py" line="269"/>
        <source>No column &quot;{value}&quot; in {file}; its columns are: {columns}.</source>
        <translation>В файле {file} нет столбца «{value}»; его столбцы: {columns}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/cli/importing.py" line="299"/>
        <source>--map-source takes VALUE=SOURCE, not {value!r}.</source>
        <translation>--map-source ожидает ЗНАЧЕНИЕ=ИСТОЧНИК, а не {value!r}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/cli/importing.py" line="327"/>
        <source>The delimiter must be one of , ; | tab (got {value!r}).</source>
        <translation>Разделитель должен быть одним из: , ; | tab (получено {value!r}).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/cli/importing.py" line="357"/>
        <source>The import is done, but the rejected rows could not be written to &quot;{value}&quot;: {error}.</source>
        <translation>Импорт выполнен, но отклонённые строки не удалось записать в «{value}»: {error}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/cli/importing.py" line="404"/>
        <source>Cannot write the rejected rows to &quot;{value}&quot;.</source>
        <translation>Не удаётся записать отклонённые строки в «{value}».</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/guard.py" line="87"/>
        <source>{path} is a folder, not a database file.</source>
        <translation>{path} — это папка, а не файл базы данных.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/backup.py" line="162"/>
        <location filename="../../desktop_crm/db/backup.py" line="196"/>
        <source>{target} already exists; choose a new file name.</source>
        <translation>{target} уже существует; выберите новое имя файла.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/backup.py" line="167"/>
        <location filename="../../desktop_crm/db/guard.py" line="79"/>
        <source>The folder {folder} does not exist.</source>
        <translation>Папка {folder} не существует.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/backup.py" line="291"/>
        <location filename="../../desktop_crm/services/maintenance.py" line="68"/>
        <source>There is no database at {path}.</source>
        <translation>Базы данных {path} нет.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/guard.py" line="223"/>
        <source>Cannot read {path}: {reason}.</source>
        <translation>Не удаётся прочитать {path}: {reason}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/guard.py" line="72"/>
        <location filename="../../desktop_crm/db/guard.py" line="103"/>
        <source>{path} is not a database file.</source>
        <translation>{path} не является файлом базы данных.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/guard.py" line="91"/>
        <source>{path} is not a regular file (a device, pipe or socket); give a database file.</source>
        <translation>{path} — не обычный файл (устройство, канал или сокет); укажите файл базы данных.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/guard.py" line="118"/>
        <source>{path} is a SQLite database of another program; it was left untouched.</source>
        <translation>{path} — база данных SQLite другой программы; файл не изменён.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/guard.py" line="126"/>
        <source>{path} was written by a newer version of Lead Dispatcher (schema {found}, this version knows {known}). Update the program; the file was left untouched.</source>
        <translation>Файл {path} записан более новой версией Lead Dispatcher (схема {found}, эта версия знает схему {known}). Обновите программу; файл не изменён.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/guard.py" line="327"/>
        <source>{path} cannot be written: the disk is full. Free some space and run the command again.</source>
        <translation>Не удаётся записать {path}: диск заполнен. Освободите место и повторите команду.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/guard.py" line="335"/>
        <source>{path} cannot be written: a disk I/O error (the disk is full, the file may not grow, or the disk failed). Free some space or check the disk, then run the command again.</source>
        <translation>Не удаётся записать {path}: ошибка ввода-вывода диска (диск заполнен, файлу нельзя расти или диск неисправен). Освободите место или проверьте диск и повторите команду.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/guard.py" line="372"/>
        <source>{path} was found damaged, so nothing is written to it until &apos;desktop-crm check&apos; passes again or a backup is restored (&apos;desktop-crm restore BACKUP&apos;); nothing was written.</source>
        <translation>В файле {path} найдены повреждения, поэтому в него ничего не записывается, пока &apos;desktop-crm check&apos; снова не пройдёт успешно или не будет восстановлена резервная копия (&apos;desktop-crm restore BACKUP&apos;); ничего не записано.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/guard.py" line="384"/>
        <source>{path} is damaged ({reason}). Run &apos;desktop-crm check&apos; to see the problems, or restore a backup (&apos;desktop-crm restore BACKUP&apos;).</source>
        <translation>Файл {path} повреждён ({reason}). Запустите «desktop-crm check», чтобы увидеть ошибки, или восстановите резервную копию («desktop-crm restore КОПИЯ»).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/guard.py" line="396"/>
        <source>{path} is read-only (the file or its folder cannot be written); nothing was written.</source>
        <translation>Файл {path} доступен только для чтения (нельзя записать в файл или его папку); ничего не записано.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/guard.py" line="409"/>
        <source>{path} is locked by another program; try again in a moment.</source>
        <translation>Файл {path} заблокирован другой программой; повторите попытку чуть позже.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/guard.py" line="419"/>
        <location filename="../../desktop_crm/db/location.py" line="293"/>
        <location filename="../../desktop_crm/db/postgres_storage.py" line="126"/>
        <location filename="../../desktop_crm/db/sqlite_storage.py" line="536"/>
        <location filename="../../desktop_crm/db/sqlite_storage.py" line="566"/>
        <source>Cannot open {path}: {reason}.</source>
        <translation>Не удаётся открыть {path}: {reason}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/location.py" line="179"/>
        <source>An empty --db names no file; give a database file or leave it out.</source>
        <translation>Пустой --db не называет никакого файла; укажите файл базы данных или не указывайте --db.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/location.py" line="77"/>
        <source>{database} is a PostgreSQL database; this works on a SQLite file only (use PostgreSQL&apos;s own tools, such as pg_dump, instead).</source>
        <translation>{database} — база данных PostgreSQL; это работает только с файлом SQLite (используйте средства самого PostgreSQL, например pg_dump).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/location.py" line="210"/>
        <source>Unsupported database URL {url!r}: use sqlite:///PATH or postgresql://USER@HOST/DATABASE.</source>
        <translation>Адрес базы данных {url!r} не поддерживается: укажите sqlite:///ПУТЬ или postgresql://ПОЛЬЗОВАТЕЛЬ@СЕРВЕР/БАЗА.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/location.py" line="231"/>
        <source>The database URL {url!r} names no file.</source>
        <translation>В URL базы данных {url!r} не указан файл.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/location.py" line="241"/>
        <source>The database URL is not valid: a password with @ : / # % or spaces must be percent-encoded (e.g. @ as %40), or kept in ~/.pgpass / PGPASSWORD.</source>
        <translation>Адрес базы данных неверен: пароль с символами @ : / # % или пробелами нужно записать в процентной кодировке (например, @ как %40) или хранить в ~/.pgpass / PGPASSWORD.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/location.py" line="221"/>
        <location filename="../../desktop_crm/db/location.py" line="254"/>
        <source>The database URL {url!r} is not valid: {reason}.</source>
        <translation>Адрес базы данных {url!r} неверен: {reason}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/location.py" line="260"/>
        <source>The database URL {url!r} names no database; give postgresql://USER@HOST/DATABASE.</source>
        <translation>В адресе {url!r} не указана база данных; укажите postgresql://ПОЛЬЗОВАТЕЛЬ@СЕРВЕР/БАЗА.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/location.py" line="313"/>
        <source>Cannot open {path}: {option} must be a whole number, not {value!r}.</source>
        <translation>Не удаётся открыть {path}: параметр {option} должен быть целым числом, а не {value!r}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/location.py" line="385"/>
        <source>{given!r} is an in-memory database; Lead Dispatcher keeps its data in a file: give a file name.</source>
        <translation>{given!r} — база данных в памяти; Lead Dispatcher хранит данные в файле: укажите имя файла.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/postgres_storage.py" line="225"/>
        <location filename="../../desktop_crm/db/postgres_storage.py" line="231"/>
        <location filename="../../desktop_crm/db/sqlite_storage.py" line="97"/>
        <source>The database stayed busy; nothing was written. Try again.</source>
        <translation>База данных занята; ничего не записано. Повторите попытку.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/postgres_storage.py" line="237"/>
        <source>{path} is read-only; nothing was written.</source>
        <translation>{path} доступна только для чтения; ничего не записано.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/postgres_storage.py" line="201"/>
        <source>Permission denied on {path} ({reason}); nothing was written.</source>
        <translation>Нет прав на запись в {path} ({reason}); ничего не записано.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/postgres_storage.py" line="117"/>
        <source>Cannot reach {path}: {reason}; nothing was written. Try again once the server is up.</source>
        <translation>Нет связи с {path}: {reason}; ничего не записано. Повторите, когда сервер заработает.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/postgres_storage.py" line="181"/>
        <source>The database role {role} may not write to {path} ({reason}); nothing was written.</source>
        <translation>Роли {role} не разрешено изменять {path} ({reason}); ничего не записано.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/postgres_storage.py" line="191"/>
        <source>The database role {role} may not read {path} ({reason}). Its owner can allow it: GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}</source>
        <translation>Роли {role} не разрешено читать {path} ({reason}). Владелец базы может это разрешить: GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/postgres_storage.py" line="649"/>
        <source>{path} is a PostgreSQL database of another program; it was left untouched.</source>
        <translation>{path} — база данных PostgreSQL другой программы; она оставлена без изменений.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/postgres_storage.py" line="698"/>
        <source>{path} has no tables yet, and the database role {role} may not create them ({reason}); nothing was written. Its owner {owner} creates them by running once: {command}</source>
        <translation>В {path} ещё нет таблиц, а роли {role} не разрешено их создать ({reason}); ничего не записано. Их создаст владелец {owner}, один раз выполнив: {command}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/postgres_storage.py" line="711"/>
        <source>{path} has schema version {version}; this version needs {needed}, and the database role {role} may not upgrade it ({reason}); nothing was written. Its owner {owner} upgrades it by running once: {command}</source>
        <translation>У {path} версия схемы {version}, а этой версии программы нужна {needed}; роли {role} не разрешено её обновить ({reason}); ничего не записано. Её обновит владелец {owner}, один раз выполнив: {command}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/storage.py" line="299"/>
        <source>{open} is still open in this program; close it before opening {path}.</source>
        <translation>База {open} ещё открыта в этой программе; закройте её, прежде чем открывать {path}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/sqlite_storage.py" line="330"/>
        <source>The database file {path} was deleted or replaced while it was open; nothing was written. Open it again.</source>
        <translation>Файл базы данных {path} удалён или заменён, пока был открыт; ничего не записано. Откройте его заново.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/sqlite_storage.py" line="517"/>
        <source>{path} is read-only, and this version must upgrade it first (schema {found} to {known}); make the file and its folder writable.</source>
        <translation>Файл {path} доступен только для чтения, а эта версия должна сначала обновить его (схема {found} → {known}); разрешите запись в файл и его папку.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/sqlite_storage.py" line="559"/>
        <source>{path} is read-only and SQLite cannot read it so ({reason}).</source>
        <translation>Файл {path} доступен только для чтения, и SQLite не может прочитать его так ({reason}).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/sqlite_storage.py" line="624"/>
        <source>Cannot create the folder {folder}: {reason}.</source>
        <translation>Не удаётся создать папку {folder}: {reason}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/postgres_storage.py" line="659"/>
        <location filename="../../desktop_crm/db/sqlite_storage.py" line="669"/>
        <source>{path} has migrations this version does not know ({names}); update the program.</source>
        <translation>В {path} есть миграции, неизвестные этой версии ({names}); обновите программу.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/sqlite_storage.py" line="688"/>
        <source>Upgrading {path} would break references; nothing changed.</source>
        <translation>Обновление {path} нарушило бы ссылки; ничего не изменено.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/sqlite_storage.py" line="707"/>
        <source>{path} was not upgraded: the backup before the upgrade failed ({reason}). Nothing changed.</source>
        <translation>Файл {path} не обновлён: не удалось сделать резервную копию перед обновлением ({reason}). Ничего не изменено.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/dialect.py" line="71"/>
        <source>The delimiter must be one character, not &quot;{value}&quot;.</source>
        <translation>Разделитель должен быть одним символом, а не «{value}».</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/encoding.py" line="223"/>
        <source>Unknown encoding &quot;{value}&quot;.</source>
        <translation>Неизвестная кодировка «{value}».</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/encoding.py" line="240"/>
        <source>The file does not decode in the encoding &quot;{value}&quot;.</source>
        <translation>Файл не читается в кодировке «{value}».</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/encoding.py" line="266"/>
        <source>Unsupported encoding &quot;{value}&quot;: choose a text encoding such as UTF-8.</source>
        <translation>Кодировка «{value}» не поддерживается: выберите текстовую кодировку, например UTF-8.</translation>
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
        <location filename="../../desktop_crm/importing/errors.py" line="50"/>
        <source>&quot;{name}&quot; is empty.</source>
        <translation>Файл «{name}» пуст.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/errors.py" line="58"/>
        <source>&quot;{name}&quot; is not a table: expected CSV/TSV/TXT text or an XLSX workbook.</source>
        <translation>«{name}» — не таблица: ожидается текст CSV/TSV/TXT или книга XLSX.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/errors.py" line="69"/>
        <source>&quot;{name}&quot;: no column holds the lead&apos;s id (phone, e-mail or id). Choose the id column or the header line.</source>
        <translation>«{name}»: ни в одном столбце нет ID лида (телефона, e-mail или другого ID). Укажите столбец с ID или строку заголовка.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/errors.py" line="87"/>
        <source>&quot;{name}&quot;, line {line}: a quoted field never ends; check the quotes on that line.</source>
        <translation>«{name}», строка {line}: поле в кавычках не закрыто; проверьте кавычки в этой строке.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/mapping.py" line="118"/>
        <source>No column is chosen for the field &quot;External id&quot;.</source>
        <translation>Для поля «Внешний ID» не выбран столбец.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/mapping.py" line="121"/>
        <source>No column is chosen for the field &quot;Name&quot;.</source>
        <translation>Для поля «Имя» не выбран столбец.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/mapping.py" line="122"/>
        <source>No column is chosen for the field &quot;Source&quot;.</source>
        <translation>Для поля «Источник» не выбран столбец.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/mapping.py" line="123"/>
        <source>No column is chosen for the field &quot;Message&quot;.</source>
        <translation>Для поля «Сообщение» не выбран столбец.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/mapping.py" line="124"/>
        <source>No column is chosen for the field &quot;Date&quot;.</source>
        <translation>Для поля «Дата» не выбран столбец.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/mapping.py" line="125"/>
        <source>No column is chosen for the field &quot;Owner&quot;.</source>
        <translation>Для поля «Ответственный» не выбран столбец.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/mapping.py" line="126"/>
        <source>No column is chosen for the field &quot;Tags&quot;.</source>
        <translation>Для поля «Теги» не выбран столбец.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/mapping.py" line="129"/>
        <source>Column {value} for the field &quot;External id&quot; is outside the table (1 to {count}).</source>
        <translation>Столбец {value} для поля «Внешний ID» вне таблицы (допустимо от 1 до {count}).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/mapping.py" line="132"/>
        <source>Column {value} for the field &quot;Name&quot; is outside the table (1 to {count}).</source>
        <translation>Столбец {value} для поля «Имя» вне таблицы (допустимо от 1 до {count}).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/mapping.py" line="135"/>
        <source>Column {value} for the field &quot;Source&quot; is outside the table (1 to {count}).</source>
        <translation>Столбец {value} для поля «Источник» вне таблицы (допустимо от 1 до {count}).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/mapping.py" line="138"/>
        <source>Column {value} for the field &quot;Message&quot; is outside the table (1 to {count}).</source>
        <translation>Столбец {value} для поля «Сообщение» вне таблицы (допустимо от 1 до {count}).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/mapping.py" line="141"/>
        <source>Column {value} for the field &quot;Date&quot; is outside the table (1 to {count}).</source>
        <translation>Столбец {value} для поля «Дата» вне таблицы (допустимо от 1 до {count}).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/mapping.py" line="144"/>
        <source>Column {value} for the field &quot;Owner&quot; is outside the table (1 to {count}).</source>
        <translation>Столбец {value} для поля «Ответственный» вне таблицы (допустимо от 1 до {count}).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/mapping.py" line="147"/>
        <source>Column {value} for the field &quot;Tags&quot; is outside the table (1 to {count}).</source>
        <translation>Столбец {value} для поля «Теги» вне таблицы (допустимо от 1 до {count}).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/mapping.py" line="167"/>
        <source>Unknown field &quot;{value}&quot; in the column mapping.</source>
        <translation>Неизвестное поле «{value}» в сопоставлении столбцов.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/table.py" line="422"/>
        <source>Line {value} is inside a record that starts on line {start}.</source>
        <translation>Строка {value} находится внутри записи, которая начинается в строке {start}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/table.py" line="469"/>
        <source>The file has no line {value} to take the header from.</source>
        <translation>В файле нет строки {value}, из которой можно взять заголовок.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/xlsx_reader.py" line="88"/>
        <source>&quot;{name}&quot; holds more text than can be imported from a workbook; save the sheet as CSV and import that.</source>
        <translation>В «{name}» больше текста, чем можно импортировать из книги Excel; сохраните лист как CSV и импортируйте его.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/common.py" line="115"/>
        <source>The operator name must not be empty.</source>
        <translation>Имя оператора не может быть пустым.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/common.py" line="116"/>
        <source>The source name must not be empty.</source>
        <translation>Название источника не может быть пустым.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/common.py" line="119"/>
        <source>The operator name is longer than {limit} characters.</source>
        <translation>Имя оператора длиннее {limit} символов.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/common.py" line="120"/>
        <source>The source name is longer than {limit} characters.</source>
        <translation>Название источника длиннее {limit} символов.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/common.py" line="123"/>
        <source>The operator name must not contain control characters (tab, line break, escape and the like).</source>
        <translation>Имя оператора не может содержать управляющие символы (табуляцию, перевод строки, Escape и подобные).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/common.py" line="128"/>
        <source>The source name must not contain control characters (tab, line break, escape and the like).</source>
        <translation>Название источника не может содержать управляющие символы (табуляцию, перевод строки, Escape и подобные).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/common.py" line="133"/>
        <source>The source code must not contain control characters (tab, line break, escape and the like).</source>
        <translation>Код источника не может содержать управляющие символы (табуляцию, перевод строки, Escape и подобные).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/common.py" line="140"/>
        <source>The name {value!r} already exists for operator {other!r} (names are compared ignoring case, width and invisible characters).</source>
        <translation>Имя {value!r} уже занято оператором {other!r} (имена сравниваются без учёта регистра, ширины символов и невидимых символов).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/common.py" line="145"/>
        <source>The name {value!r} already exists for source {other!r} (names and codes are compared ignoring case, width and invisible characters).</source>
        <translation>Название {value!r} уже занято источником {other!r} (названия и коды сравниваются без учёта регистра, ширины символов и невидимых символов).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/common.py" line="150"/>
        <source>The code {value!r} already exists for source {other!r} (names and codes are compared ignoring case, width and invisible characters).</source>
        <translation>Код {value!r} уже занят источником {other!r} (названия и коды сравниваются без учёта регистра, ширины символов и невидимых символов).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/common.py" line="157"/>
        <source>The name {value!r} already exists for another operator.</source>
        <translation>Имя {value!r} уже занято другим оператором.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/common.py" line="160"/>
        <source>The name {value!r} already exists for another source.</source>
        <translation>Название {value!r} уже занято другим источником.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/common.py" line="163"/>
        <source>The code {value!r} already exists for another source.</source>
        <translation>Код {value!r} уже занят другим источником.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/common.py" line="171"/>
        <source>The load limit must be a whole number.</source>
        <translation>Лимит нагрузки должен быть целым числом.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/common.py" line="172"/>
        <source>The weight of {operator} must be a whole number.</source>
        <translation>Вес оператора {operator} должен быть целым числом.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/common.py" line="175"/>
        <source>The load limit must not be negative (got {value}).</source>
        <translation>Лимит нагрузки не может быть отрицательным (указано {value}).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/common.py" line="176"/>
        <source>The weight of {operator} must not be negative (got {value}).</source>
        <translation>Вес оператора {operator} не может быть отрицательным (указано {value}).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/common.py" line="181"/>
        <source>The load limit must be at most {limit} (got {value}).</source>
        <translation>Лимит нагрузки не может быть больше {limit} (указано {value}).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/common.py" line="182"/>
        <source>The weight of {operator} must be at most {limit} (got {value}).</source>
        <translation>Вес оператора {operator} не может быть больше {limit} (указано {value}).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/common.py" line="275"/>
        <source>No id {ref}; for the one named {ref!r} write name:{ref}.</source>
        <translation>Нет записи с ID {ref}; чтобы указать запись с именем {ref!r}, напишите name:{ref}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/common.py" line="302"/>
        <source>No operator {ref!r}.</source>
        <translation>Оператор {ref!r} не найден.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/common.py" line="326"/>
        <source>No source {ref!r}.</source>
        <translation>Источник {ref!r} не найден.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/common.py" line="354"/>
        <location filename="../../desktop_crm/services/common.py" line="361"/>
        <source>No contact #{id}.</source>
        <translation>Контакт №&#xa0;{id} не найден.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/common.py" line="381"/>
        <source>{name} was changed meanwhile.</source>
        <translation>{name} уже изменили за это время.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/contacts.py" line="111"/>
        <source>Contact #{id} was reopened meanwhile.</source>
        <translation>Контакт № {id} тем временем снова открыт.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/contacts.py" line="113"/>
        <source>Contact #{id} was closed meanwhile.</source>
        <translation>Контакт № {id} тем временем закрыт.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/contacts.py" line="121"/>
        <source>Contact #{id} was changed meanwhile (it is in the queue now).</source>
        <translation>Контакт #{id} за это время изменили (теперь он в очереди).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/contacts.py" line="127"/>
        <source>Contact #{id} was changed meanwhile (its operator is {name} now).</source>
        <translation>Контакт #{id} за это время изменили (теперь его оператор — {name}).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/contacts.py" line="136"/>
        <source>The lead&apos;s id is longer than {limit} characters.</source>
        <translation>Идентификатор лида длиннее {limit} символов.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/contacts.py" line="137"/>
        <source>The lead&apos;s name is longer than {limit} characters.</source>
        <translation>Имя лида длиннее {limit} символов.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/contacts.py" line="138"/>
        <source>The message is longer than {limit} characters.</source>
        <translation>Сообщение длиннее {limit} символов.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/contacts.py" line="147"/>
        <source>The lead&apos;s name holds a control character ({char}); a name may hold none (escape, bell and the like).</source>
        <translation>В имени лида есть управляющий символ ({char}); в имени их быть не должно (escape, звонок и т. п.).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/contacts.py" line="152"/>
        <source>The message holds a control character ({char}); a message may hold only tabs and line breaks.</source>
        <translation>В сообщении есть управляющий символ ({char}); из таких символов в сообщении допустимы только табуляция и перевод строки.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/contacts.py" line="170"/>
        <location filename="../../desktop_crm/services/intake.py" line="143"/>
        <source>The lead&apos;s external id must not be empty.</source>
        <translation>Внешний ID лида не может быть пустым.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/contacts.py" line="183"/>
        <source>The request holds a character that cannot be stored (NUL or an unpaired surrogate).</source>
        <translation>В запросе есть символ, который нельзя сохранить (NUL или непарный суррогат).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/contacts.py" line="209"/>
        <source>The idempotency key must be 1 to {limit} characters.</source>
        <translation>Ключ идемпотентности должен содержать от 1 до {limit} символов.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/contacts.py" line="246"/>
        <source>The idempotency key {key!r} was already used for contact #{id} with a different lead, source, name, message or tags; use a new key for a new contact.</source>
        <translation>Ключ идемпотентности {key!r} уже использован для обращения №{id} с другим лидом, источником, именем, сообщением или тегами; для нового обращения нужен новый ключ.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/contacts.py" line="260"/>
        <source>{name} is inactive and takes no contacts.</source>
        <translation>Оператор {name} неактивен и не получает контакты.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/contacts.py" line="266"/>
        <source>{name} is away; contact #{id} was not given to them.</source>
        <translation>{name} отсутствует; обращение №{id} не передано.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/contacts.py" line="269"/>
        <source>{name} is off shift now; contact #{id} was not given to them.</source>
        <translation>{name} сейчас вне смены; обращение №{id} не передано.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/contacts.py" line="272"/>
        <source>{name} lacks a skill contact #{id} needs ({tags}); it was not given to them.</source>
        <translation>У оператора {name} нет навыка, нужного обращению №{id} ({tags}); обращение не передано.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/contacts.py" line="276"/>
        <source>{name} has reached the daily cap ({cap}); contact #{id} was not given to them.</source>
        <translation>{name} исчерпал(а) дневной лимит ({cap}); обращение №{id} не передано.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/contacts.py" line="284"/>
        <source>{name} is inactive; contact #{id} cannot be reopened to them.</source>
        <translation>{name} неактивен; контакт #{id} нельзя вернуть этому оператору.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/contacts.py" line="287"/>
        <source>{name} lacks a skill contact #{id} needs ({tags}); it cannot be reopened to them.</source>
        <translation>У оператора {name} нет навыка, нужного контакту #{id} ({tags}); контакт нельзя вернуть этому оператору.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/contacts.py" line="291"/>
        <source>{name} is away; contact #{id} cannot be reopened to them now.</source>
        <translation>{name} отсутствует; контакт #{id} сейчас нельзя вернуть этому оператору.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/contacts.py" line="294"/>
        <source>{name} is off shift now; contact #{id} cannot be reopened to them now.</source>
        <translation>{name} сейчас не на смене; контакт #{id} сейчас нельзя вернуть этому оператору.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/contacts.py" line="328"/>
        <source>{name} is at the limit ({max_load}); contact #{id} was not given to them.</source>
        <translation>У оператора {name} исчерпан лимит ({max_load}); контакт №&#xa0;{id} не назначен.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/contacts.py" line="394"/>
        <source>Contact #{id} is closed; reopen it first to record a reply.</source>
        <translation>Контакт №{id} закрыт; чтобы отметить ответ, сначала откройте его снова.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/contacts.py" line="402"/>
        <source>Contact #{id} has no operator yet; a reply is recorded once an operator has it.</source>
        <translation>У контакта #{id} ещё нет оператора; ответ отмечают, когда контакт у оператора.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/contacts.py" line="776"/>
        <source>{name} is at the limit ({max_load}); contact #{id} cannot be reopened. Close another contact or raise the limit.</source>
        <translation>У оператора {name} исчерпан лимит ({max_load}); контакт №&#xa0;{id} нельзя вернуть в работу. Закройте другой контакт или увеличьте лимит.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/demo.py" line="77"/>
        <source>Demo data can only be loaded into an empty database.</source>
        <translation>Демо-данные можно загрузить только в пустую базу данных.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/importer.py" line="702"/>
        <source>{reason} The import stopped part-way (rows committed: {committed}; they stay); run the same import again to resume.</source>
        <translation>{reason} Импорт остановлен на полпути (записано строк: {committed}, они сохранены); запустите тот же импорт снова, чтобы продолжить.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/importer.py" line="726"/>
        <source>A source value to map must not be empty ({value!r}).</source>
        <translation>Сопоставляемое значение источника не может быть пустым ({value!r}).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/importer.py" line="734"/>
        <source>Say which source the value {value!r} becomes.</source>
        <translation>Укажите, какому источнику соответствует значение {value!r}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/importer.py" line="760"/>
        <source>The source value {value!r} is both mapped and to be created.</source>
        <translation>Значение источника {value!r} одновременно сопоставлено с источником и отмечено для создания.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/importer.py" line="882"/>
        <source>{file} has no source column; choose the source for the whole file.</source>
        <translation>В файле {file} нет столбца источника; выберите источник для всего файла.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/importer.py" line="1169"/>
        <source>The row names no source.</source>
        <translation>В строке не указан источник.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/importer.py" line="1254"/>
        <source>The date {value} is in the future: a contact cannot come more than a day after now (a day and a month swapped?).</source>
        <translation>Дата {value} в будущем: контакт не может прийти позже, чем через сутки от текущего момента (перепутаны день и месяц?).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/settings.py" line="160"/>
        <source>Unknown time zone {zone!r} (use an IANA name, e.g. Europe/Moscow).</source>
        <translation>Неизвестный часовой пояс {zone!r} (укажите имя IANA, например Europe/Moscow).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/settings.py" line="176"/>
        <source>The time zone {zone!r} is a variant of the zone files; use the zone&apos;s own name, {plain!r}.</source>
        <translation>Часовой пояс {zone!r} — вариант файлов часовых поясов; укажите собственное имя пояса, {plain!r}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/settings.py" line="187"/>
        <source>The time zone {zone!r} is an old one-word name; use its Area/Location name, {plain!r}.</source>
        <translation>Часовой пояс {zone!r} — старое имя из одного слова; укажите его имя вида Регион/Город, {plain!r}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/settings.py" line="198"/>
        <source>The time zone {zone!r} follows each machine&apos;s own set-up (two machines would read one shift two ways); use an Area/Location name, e.g. Europe/Moscow, or UTC.</source>
        <translation>Часовой пояс {zone!r} зависит от настройки каждого компьютера (два компьютера прочтут одну смену по-разному); укажите имя вида Регион/Город, например Europe/Moscow, или UTC.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/settings.py" line="208"/>
        <source>The time zone {zone!r} is not an IANA Area/Location name; use one, e.g. Europe/Moscow, or UTC.</source>
        <translation>Часовой пояс {zone!r} — не имя IANA вида Регион/Город; укажите такое имя, например Europe/Moscow, или UTC.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/settings.py" line="285"/>
        <source>Unknown phone region {region!r} (use e.g. RU, KZ).</source>
        <translation>Неизвестный регион телефонов {region!r} (укажите, например, RU или KZ).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/sources.py" line="63"/>
        <source>The code {code!r} must be up to {limit} characters without spaces, and not only digits.</source>
        <translation>Код {code!r} должен быть не длиннее {limit} символов, без пробелов и не только из цифр.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/sources.py" line="78"/>
        <source>Unknown strategy {value!r}; use one of {names}.</source>
        <translation>Неизвестная стратегия {value!r}; используйте одну из: {names}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/sources.py" line="87"/>
        <source>{value!r} is not a duration: use a number with a unit, such as 90s, 15m, 2h, 1d or 1h30m, or off.</source>
        <translation>{value!r} — не длительность: укажите число с единицей, например 90s, 15m, 2h, 1d или 1h30m, либо off.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/sources.py" line="92"/>
        <source>{value!r} is too short: at least {minimum}.</source>
        <translation>{value!r} — слишком мало: не меньше {minimum}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/sources.py" line="93"/>
        <source>{value!r} is too long: at most {maximum}.</source>
        <translation>{value!r} — слишком много: не больше {maximum}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/sources.py" line="395"/>
        <source>Operator {name} is given more than once.</source>
        <translation>Оператор {name} указан более одного раза.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/files.py" line="24"/>
        <source>&quot;{name}&quot; is not a regular file (a folder, pipe, device or socket); only files can be imported.</source>
        <translation>«{name}» — не обычный файл (папка, канал, устройство или сокет); импортировать можно только файлы.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/csv_writer.py" line="84"/>
        <location filename="../../desktop_crm/database_files.py" line="92"/>
        <location filename="../../desktop_crm/db/backup.py" line="296"/>
        <source>Cannot write {path}: {reason}.</source>
        <translation>Не удаётся записать {path}: {reason}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/erasure.py" line="60"/>
        <source>Personal data erased.</source>
        <translation>Персональные данные удалены.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/erasure.py" line="147"/>
        <source>Lead #{id} does not exist.</source>
        <translation>Лида №&#xa0;{id} нет.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/erasure.py" line="200"/>
        <source>The lead was erased (its id is now {external_id}), but the file could not be cleaned of old copies: {reason}</source>
        <translation>Данные лида стёрты (теперь его id {external_id}), но старые копии не удалось вычистить из файла: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/erasure.py" line="546"/>
        <source>No lead with the id {reference!r} (an erased lead is found by its erased:… id, or id:N).</source>
        <translation>Нет лида с идентификатором {reference!r} (удалённый лид находится по его идентификатору erased:… или по id:N).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/exports.py" line="144"/>
        <source>{path} is the database; choose another file.</source>
        <translation>{path} — это база данных; выберите другой файл.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/intake.py" line="148"/>
        <source>The lead&apos;s external id must not contain control characters (escape, line break and the like).</source>
        <translation>Внешний идентификатор лида не должен содержать управляющих символов (escape, перевод строки и т. п.).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/intake.py" line="158"/>
        <source>A lead&apos;s external id may not start with {prefix!r} (erased leads).</source>
        <translation>Внешний идентификатор лида не может начинаться с {prefix!r} (так помечены удалённые лиды).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/search.py" line="76"/>
        <source>The search text is longer than {limit} characters.</source>
        <translation>Текст поиска длиннее {limit} символов.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/cli/maintenance.py" line="83"/>
        <source>{path} is damaged: SQLite&apos;s check found problems (listed above). Restore a backup (&apos;desktop-crm backups&apos;, &apos;desktop-crm restore BACKUP&apos;).</source>
        <translation>Файл {path} повреждён: проверка SQLite нашла ошибки (они перечислены выше). Восстановите резервную копию («desktop-crm backups», «desktop-crm restore КОПИЯ»).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/maintenance.py" line="119"/>
        <location filename="../../desktop_crm/services/maintenance.py" line="155"/>
        <source>The backup cannot be the database itself ({path}).</source>
        <translation>Резервная копия не может быть самой базой данных ({path}).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/maintenance.py" line="145"/>
        <source>The backup {backup} does not exist.</source>
        <translation>Резервной копии {backup} не существует.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/maintenance.py" line="150"/>
        <source>{backup} is not a Lead Dispatcher database.</source>
        <translation>{backup} — не база данных Lead Dispatcher.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/errors.py" line="140"/>
        <source>The database stayed busy past the wait.</source>
        <translation>База данных оставалась занятой дольше срока ожидания.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/errors.py" line="144"/>
        <source>Interrupted.</source>
        <translation>Прервано.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/errors.py" line="145"/>
        <source>An internal error stopped it.</source>
        <translation>Её остановила внутренняя ошибка.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/operators.py" line="104"/>
        <source>The daily cap must be a whole number from 0 to {limit}, or none.</source>
        <translation>Дневной лимит должен быть целым числом от 0 до {limit} или none.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/operators.py" line="118"/>
        <source>The tag {tag!r} is longer than {limit} characters.</source>
        <translation>Тег {tag!r} длиннее {limit} символов.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/operators.py" line="125"/>
        <source>An empty tag ({tag!r}) was given; leave it out for no tags.</source>
        <translation>Указан пустой тег ({tag!r}); если тегов нет, не указывайте его.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/operators.py" line="133"/>
        <source>At most {limit} tags are allowed ({count} given).</source>
        <translation>Допускается не больше {limit} тегов (указано {count}).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/operators.py" line="139"/>
        <source>The tag {tag!r} must not contain control or invisible characters or a comma.</source>
        <translation>Тег {tag!r} не должен содержать управляющих или невидимых символов и запятых.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/cli/commands.py" line="139"/>
        <location filename="../../desktop_crm/services/operators.py" line="157"/>
        <source>{spec!r} is not working hours: use DAYS HH:MM-HH:MM, e.g. mon-fri 09:00-18:00.</source>
        <translation>{spec!r} — не рабочие часы: пишите ДНИ ЧЧ:ММ-ЧЧ:ММ, например mon-fri 09:00-18:00.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/operators.py" line="161"/>
        <source>{detail!r} in {spec!r} is not a day (mon, tue, wed, thu, fri, sat, sun or пн, вт, ср, чт, пт, сб, вс).</source>
        <translation>{detail!r} в {spec!r} — не день недели (пн, вт, ср, чт, пт, сб, вс или mon, tue, wed, thu, fri, sat, sun).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/operators.py" line="166"/>
        <source>{detail!r} in {spec!r} is not a time of day (00:00 to 24:00).</source>
        <translation>{detail!r} в {spec!r} — не время суток (от 00:00 до 24:00).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/operators.py" line="169"/>
        <source>The shift {spec!r} starts when it ends (a whole day is 00:00-24:00).</source>
        <translation>Смена {spec!r} начинается тогда же, когда заканчивается (целые сутки — 00:00-24:00).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/operators.py" line="172"/>
        <source>The shifts {spec!r} and {detail!r} overlap.</source>
        <translation>Смены {spec!r} и {detail!r} пересекаются.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/operators.py" line="173"/>
        <source>Working hours may have at most {detail} shifts (a day&apos;s touching ones are one).</source>
        <translation>В рабочих часах не больше {detail} смен (смены одного дня, идущие встык, считаются одной).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/operators.py" line="202"/>
        <source>An absence cannot go past the year {year}.</source>
        <translation>Отсутствие не может выходить за {year} год.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/operators.py" line="344"/>
        <source>The load limit of {name} cannot be lower than the active contacts it has now ({load}). Close or reassign contacts first.</source>
        <translation>Лимит нагрузки оператора {name} не может быть меньше числа его активных контактов ({load}). Сначала закройте контакты или передайте их другим операторам.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/operators.py" line="401"/>
        <source>{name} cannot be deleted: contacts refer to it ({count}); deactivate the operator instead.</source>
        <translation>Оператора {name} нельзя удалить: у него есть контакты ({count}). Вместо этого сделайте его неактивным.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/operators.py" line="455"/>
        <source>An absence must end after it starts.</source>
        <translation>Отсутствие должно заканчиваться позже, чем начинается.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/operators.py" line="460"/>
        <source>An absence must end in the future.</source>
        <translation>Отсутствие должно заканчиваться в будущем.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/operators.py" line="531"/>
        <source>{name} has no absence #{id} ahead or now.</source>
        <translation>У {name} нет текущего или будущего отсутствия №{id}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/queue.py" line="219"/>
        <source>{reason} Distributing the queue stopped part-way (contacts assigned: {committed}; they stay); run it again to continue.</source>
        <translation>{reason} Распределение очереди остановлено на полпути (назначено обращений: {committed}, они сохранены); запустите его снова, чтобы продолжить.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/id_problems.py" line="15"/>
        <source>{id!r} looks like a phone number but is too short for one ({region}). Correct it, or import such ids as plain ids.</source>
        <translation>{id!r} похоже на номер телефона, но слишком короткое для номера ({region}). Исправьте его или импортируйте такие id как обычные.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/id_problems.py" line="20"/>
        <source>{id!r} looks like a phone number but is too long for one ({region}). Correct it, or import such ids as plain ids.</source>
        <translation>{id!r} похоже на номер телефона, но слишком длинное для номера ({region}). Исправьте его или импортируйте такие id как обычные.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/id_problems.py" line="25"/>
        <source>{id!r} looks like a phone number but its country code is unknown. Correct it, or import such ids as plain ids.</source>
        <translation>{id!r} похоже на номер телефона, но код страны неизвестен. Исправьте его или импортируйте такие id как обычные.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/id_problems.py" line="30"/>
        <source>{id!r} looks like a phone number but has letters where digits would be: {letters}. Correct it, or import such ids as plain ids.</source>
        <translation>{id!r} похоже на номер телефона, но в нём буквы на месте цифр: {letters}. Исправьте его или импортируйте такие id как обычные.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/id_problems.py" line="41"/>
        <source>“{id}” looks like a phone number but is too short for one ({region}). Correct it, or register it as a plain id.</source>
        <translation>«{id}» похоже на номер телефона, но слишком короткое для номера ({region}). Исправьте его или зарегистрируйте как обычный id.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/id_problems.py" line="46"/>
        <source>“{id}” looks like a phone number but is too long for one ({region}). Correct it, or register it as a plain id.</source>
        <translation>«{id}» похоже на номер телефона, но слишком длинное для номера ({region}). Исправьте его или зарегистрируйте как обычный id.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/id_problems.py" line="51"/>
        <source>“{id}” looks like a phone number but its country code is unknown. Correct it, or register it as a plain id.</source>
        <translation>«{id}» похоже на номер телефона, но код страны неизвестен. Исправьте его или зарегистрируйте как обычный id.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/id_problems.py" line="56"/>
        <source>“{id}” looks like a phone number but has letters where digits would be: {letters}. Correct it, or register it as a plain id.</source>
        <translation>«{id}» похоже на номер телефона, но в нём буквы на месте цифр: {letters}. Исправьте его или зарегистрируйте как обычный id.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/id_problems.py" line="62"/>
        <source>“{letter}” for {digit}</source>
        <translation>«{letter}» вместо {digit}</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/lookalikes.py" line="17"/>
        <source>No source {ref!r}; it looks like {lookalike!r} (mixes Latin and Cyrillic letters).</source>
        <translation>Источник {ref!r} не найден; он похож на {lookalike!r} (смесь латинских и кириллических букв).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/lookalikes.py" line="20"/>
        <source>No source {ref!r}; it looks like {lookalike!r} (letters of another alphabet that look the same).</source>
        <translation>Источник {ref!r} не найден; он похож на {lookalike!r} (буквы другого алфавита, выглядящие так же).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/lookalikes.py" line="61"/>
        <source>The name {value!r} looks like operator {other!r} (letters of another alphabet that look the same); use that operator or a clearly different name.</source>
        <translation>Имя {value!r} похоже на оператора {other!r} (буквы другого алфавита, выглядящие так же); выберите этого оператора или явно другое имя.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/lookalikes.py" line="66"/>
        <source>The name {value!r} looks like source {other!r} (letters of another alphabet that look the same); use that source or a clearly different name.</source>
        <translation>Имя {value!r} похоже на источник {other!r} (буквы другого алфавита, выглядящие так же); выберите этот источник или явно другое имя.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/lookalikes.py" line="118"/>
        <source>The tag {tag!r} looks like the skill {skill!r} but is not it: its letters {letters} are of another alphabet than the skill&apos;s. The contact would wait for a skill nobody has. Type {skill!r}, or a clearly different tag.</source>
        <translation>Тег {tag!r} похож на навык {skill!r}, но это не он: буквы {letters} — из другого алфавита, чем в навыке. Контакт ждал бы навыка, которого нет ни у кого. Введите {skill!r} или явно другой тег.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/lookalikes.py" line="124"/>
        <source>The skill {tag!r} looks like the skill {skill!r} of another operator but is not it: its letters {letters} are of another alphabet than that skill&apos;s. Type {skill!r}, or a clearly different skill.</source>
        <translation>Навык {tag!r} похож на навык {skill!r} другого оператора, но это не он: буквы {letters} — из другого алфавита, чем в том навыке. Введите {skill!r} или явно другой навык.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/lookalikes.py" line="154"/>
        <source>The skill {tag!r} looks like the tag {skill!r} that active contacts carry ({count}) but is not it: the letters differ: {letters}. Those contacts would never go to it. Type {skill!r} as they carry it, or a clearly different skill.</source>
        <translation>Навык {tag!r} похож на тег {skill!r} активных контактов ({count}), но это не он: отличаются буквы {letters}. Такие контакты никогда к нему не попадут. Введите {skill!r}, как у них, или явно другой навык.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/lookalikes.py" line="194"/>
        <source>The skills {tag!r} and {skill!r} look alike but are not the same: the letters {letters} are of another alphabet. Keep one of them.</source>
        <translation>Навыки {tag!r} и {skill!r} похожи, но это не одно и то же: буквы {letters} — из другого алфавита. Оставьте один из них.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/audit.py" line="91"/>
        <source>The dispatcher name must not be empty.</source>
        <translation>Имя диспетчера не может быть пустым.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/audit.py" line="96"/>
        <source>The dispatcher name is longer than {limit} characters.</source>
        <translation>Имя диспетчера длиннее {limit} символов.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/audit.py" line="102"/>
        <source>The dispatcher name must not contain control characters (tab, line break, escape and the like).</source>
        <translation>Имя диспетчера не должно содержать управляющих символов (табуляции, перевода строки, escape и т. п.).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/copy.py" line="98"/>
        <source>The source and the target are the same database: {path}.</source>
        <translation>Источник и цель — одна и та же база данных: {path}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/copy.py" line="103"/>
        <source>{path} does not exist; nothing was copied.</source>
        <translation>{path} не существует; ничего не скопировано.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/copy.py" line="185"/>
        <source>{path} has tables this version cannot copy ({names}); nothing was copied.</source>
        <translation>В {path} есть таблицы, которые эта версия не умеет копировать ({names}); ничего не скопировано.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/copy.py" line="201"/>
        <source>{path} already holds data (table {table}); copy-db copies into an empty database only. Nothing was written.</source>
        <translation>В {path} уже есть данные (таблица {table}); copy-db копирует только в пустую базу данных. Ничего не записано.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/copy.py" line="296"/>
        <source>The copy of table {table} did not verify ({found} rows written, {rows} read); it was rolled back and nothing was written.</source>
        <translation>Копия таблицы {table} не прошла проверку (записано строк: {found}, прочитано: {rows}); копирование отменено, ничего не записано.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/cli/paths.py" line="38"/>
        <source>An empty {name} names no file; give a file name.</source>
        <translation>Пустой {name} не называет никакого файла; укажите имя файла.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/errors.py" line="39"/>
        <source>&quot;{name}&quot; is a password-protected workbook: open it in Excel, save it without a password (as .xlsx) and import that copy.</source>
        <translation>«{name}» — книга, защищённая паролем: откройте её в Excel, сохраните без пароля (как .xlsx) и импортируйте эту копию.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/xlsx_reader.py" line="373"/>
        <source>The workbook has no sheet &quot;{value}&quot;; its sheets: {sheets}.</source>
        <translation>В книге нет листа «{value}»; её листы: {sheets}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/location.py" line="197"/>
        <source>The database looks like a libpq key=value connection string, which is not read here; give a URL: postgresql://USER@HOST/DATABASE (the password in ~/.pgpass or PGPASSWORD).</source>
        <translation>База данных указана как строка подключения libpq вида ключ=значение, а такие строки здесь не читаются; укажите адрес: postgresql://ПОЛЬЗОВАТЕЛЬ@СЕРВЕР/БАЗА (пароль — в ~/.pgpass или PGPASSWORD).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/sources.py" line="359"/>
        <source>{name} cannot be deleted: contacts refer to it ({count}); set all its weights to 0 instead, so that its new contacts go to no operator.</source>
        <translation>Источник {name} нельзя удалить: у него есть контакты ({count}). Вместо этого обнулите все его веса, чтобы его новые контакты больше не доставались операторам.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/lookalikes.py" line="84"/>
        <source>The name {value!r} looks like the code {other!r} of source {source!r} (letters of another alphabet that look the same); use that source or a clearly different name.</source>
        <translation>Имя {value!r} похоже на код {other!r} источника {source!r} (буквы другого алфавита, выглядящие так же); выберите этот источник или явно другое имя.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/lookalikes.py" line="89"/>
        <source>The code {value!r} looks like source {other!r} (letters of another alphabet that look the same); use a clearly different code.</source>
        <translation>Код {value!r} похож на источник {other!r} (буквы другого алфавита, выглядящие так же); выберите явно другой код.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/lookalikes.py" line="94"/>
        <source>The code {value!r} looks like the code {other!r} of source {source!r} (letters of another alphabet that look the same); use a clearly different code.</source>
        <translation>Код {value!r} похож на код {other!r} источника {source!r} (буквы другого алфавита, выглядящие так же); выберите явно другой код.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/common.py" line="98"/>
        <source>The date {value} is outside the years {first} to {last} that a contact&apos;s time can have.</source>
        <translation>Дата {value} вне допустимого для контакта диапазона: годы с {first} по {last}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/postgres_storage.py" line="164"/>
        <source>The connection to {path} was lost ({reason}); nothing was written. Try again.</source>
        <translation>Соединение с {path} потеряно ({reason}); ничего не записано. Повторите попытку.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/postgres_storage.py" line="385"/>
        <source>The connection to {path} was lost during the commit ({reason}); it may or may not have been written. Try again: a request sent again with the same key is stored once.</source>
        <translation>Соединение с {path} потеряно во время фиксации ({reason}); данные могли записаться, а могли и нет. Повторите попытку: запрос, отправленный повторно с тем же ключом, сохраняется один раз.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/postgres_storage.py" line="616"/>
        <source>{path} has the encoding {encoding}, not UTF8; it was left untouched. Create the database with CREATE DATABASE name ENCODING &apos;UTF8&apos; TEMPLATE template0.</source>
        <translation>У базы {path} кодировка {encoding}, а не UTF8; она оставлена без изменений. Создайте базу командой CREATE DATABASE имя ENCODING &apos;UTF8&apos; TEMPLATE template0.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/errors.py" line="138"/>
        <source>The connection to the database was lost.</source>
        <translation>Соединение с базой данных потеряно.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/copy.py" line="245"/>
        <source>{path}: table {table}, row {row}, column {column} holds text that is not UTF-8; correct it in the source first. Nothing was copied.</source>
        <translation>{path}: в таблице {table}, строке {row}, столбце {column} текст не в кодировке UTF-8; сначала исправьте его в источнике. Ничего не скопировано.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/copy.py" line="251"/>
        <source>{path}: table {table}, row {row}, column {column} holds binary data (a BLOB) instead of text; correct it in the source first. Nothing was copied.</source>
        <translation>{path}: в таблице {table}, строке {row}, столбце {column} вместо текста двоичные данные (BLOB); сначала исправьте их в источнике. Ничего не скопировано.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/db/copy.py" line="257"/>
        <source>{path}: table {table}, row {row}, column {column} holds a NUL character, which PostgreSQL cannot store; correct it in the source first. Nothing was copied.</source>
        <translation>{path}: в таблице {table}, строке {row}, столбце {column} есть символ NUL, который PostgreSQL не может хранить; сначала исправьте это в источнике. Ничего не скопировано.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/errors.py" line="102"/>
        <source>&quot;{name}&quot; changed while it was imported; nothing read after the change was imported. Importing the file again resumes when its content is as it was, or imports it as a new file.</source>
        <translation>Файл «{name}» изменился во время импорта; ничего из прочитанного после изменения не импортировано. Повторный импорт файла продолжит его, если содержимое стало прежним, или импортирует его как новый файл.</translation>
    </message>
</context>
<context>
    <name>exports</name>
    <message>
        <location filename="../../desktop_crm/services/exports.py" line="43"/>
        <location filename="../../desktop_crm/services/exports.py" line="53"/>
        <source>Lead id</source>
        <translation>№ лида</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/exports.py" line="44"/>
        <location filename="../../desktop_crm/services/exports.py" line="54"/>
        <source>External id</source>
        <translation>Внешний идентификатор</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/exports.py" line="45"/>
        <location filename="../../desktop_crm/services/exports.py" line="55"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/exports.py" line="46"/>
        <source>First seen</source>
        <translation>Впервые</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/exports.py" line="47"/>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/exports.py" line="48"/>
        <source>Last contact</source>
        <translation>Последний контакт</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/exports.py" line="51"/>
        <source>Contact id</source>
        <translation>№ контакта</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/exports.py" line="52"/>
        <source>Created</source>
        <translation>Создан</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/exports.py" line="56"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/exports.py" line="57"/>
        <location filename="../../desktop_crm/services/exports.py" line="62"/>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/exports.py" line="58"/>
        <source>Active</source>
        <translation>Активен</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/exports.py" line="59"/>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/exports.py" line="63"/>
        <source>Active operator</source>
        <translation>Оператор активен</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/exports.py" line="64"/>
        <source>Load</source>
        <translation>Нагрузка</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/exports.py" line="65"/>
        <source>Max load</source>
        <translation>Макс. нагрузка</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/exports.py" line="68"/>
        <source>{source}: contacts</source>
        <translation>{source}: контакты</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/exports.py" line="69"/>
        <source>{source}: active</source>
        <translation>{source}: активные</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/exports.py" line="72"/>
        <source>Total contacts</source>
        <translation>Всего контактов</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/exports.py" line="73"/>
        <source>Total active</source>
        <translation>Всего активных</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/exports.py" line="75"/>
        <source>Unassigned</source>
        <translation>Без оператора</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/exports.py" line="76"/>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/exports.py" line="77"/>
        <source>no</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>importing</name>
    <message>
        <location filename="../../desktop_crm/importing/rows.py" line="48"/>
        <source>No lead id: the column &quot;{column}&quot; is empty.</source>
        <translation>Нет ID лида: столбец «{column}» пуст.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/rows.py" line="49"/>
        <source>No lead id: the columns {columns} are all empty.</source>
        <translation>Нет ID лида: все столбцы {columns} пусты.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/rows.py" line="59"/>
        <source>The column &quot;{column}&quot; is too long: {length} characters, at most {limit}.</source>
        <translation>Значение в столбце «{column}» слишком длинное: символов — {length}, допустимо не более {limit}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/rows.py" line="62"/>
        <source>Cannot read the date &quot;{value}&quot; in the column &quot;{column}&quot;.</source>
        <translation>Не удаётся распознать дату «{value}» в столбце «{column}».</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/rows.py" line="79"/>
        <source>The column &quot;{column}&quot; holds a control character ({char}): a name may hold none, a message only tabs and line breaks.</source>
        <translation>В столбце «{column}» есть управляющий символ ({char}): в имени их быть не должно, в сообщении допустимы только табуляция и перевод строки.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/rows.py" line="84"/>
        <source>Bad tags &quot;{value}&quot; in the column &quot;{column}&quot;: at most {count} tags of 1 to {limit} characters, without control or invisible characters.</source>
        <translation>Неверные теги «{value}» в столбце «{column}»: не больше {count} тегов длиной от 1 до {limit} символов, без управляющих и невидимых символов.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/csv_reader.py" line="55"/>
        <source>A quoted field opens on this line and does not close properly; the lines after it were read as rows of their own.</source>
        <translation>В этой строке открывается кавычка, которая не закрывается как положено; следующие строки прочитаны как отдельные строки таблицы.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/csv_reader.py" line="60"/>
        <source>The line is longer than {limit} MB.</source>
        <translation>Строка длиннее {limit} МБ.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/csv_reader.py" line="61"/>
        <source>The line is not valid {encoding} text (does the file mix encodings?).</source>
        <translation>Строка не читается в кодировке {encoding} (в файле смешаны кодировки?).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/csv_reader.py" line="64"/>
        <source>The line is in another encoding ({encoding}) than the file ({file_encoding}).</source>
        <translation>Строка записана в другой кодировке ({encoding}), чем файл ({file_encoding}).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/csv_reader.py" line="67"/>
        <source>The line holds a NUL byte (binary data).</source>
        <translation>В строке есть нулевой байт (двоичные данные).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/xlsx_reader.py" line="58"/>
        <source>The cell {cell} holds {length} characters; a cell may hold at most {limit}.</source>
        <translation>В ячейке {cell} символов — {length}, а допустимо не более {limit}.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/xlsx_reader.py" line="61"/>
        <source>The row holds more than {limit} characters in all.</source>
        <translation>В строке больше {limit} символов в сумме.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/rows.py" line="52"/>
        <source>No lead id: the column &quot;{column}&quot; holds the Excel error {value}, not a value.</source>
        <translation>Нет ID лида: в столбце «{column}» ошибка Excel {value}, а не значение.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/rows.py" line="56"/>
        <source>No lead id: the column &quot;{column}&quot; holds {value}, a true/false value, not an id.</source>
        <translation>Нет ID лида: в столбце «{column}» логическое значение {value} (истина/ложь), а не ID.</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/rows.py" line="68"/>
        <source>Cannot read the date &quot;{value}&quot; in the column &quot;{column}&quot;: it is a number, not a date (in Excel, give the column a date format).</source>
        <translation>Не удаётся распознать дату «{value}» в столбце «{column}»: это число, а не дата (в Excel задайте столбцу формат даты).</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/importing/rows.py" line="74"/>
        <source>The date &quot;{value}&quot; in the column &quot;{column}&quot; is outside the years {first} to {last} that a contact&apos;s time can have.</source>
        <translation>Дата «{value}» в столбце «{column}» вне допустимого для контакта диапазона: годы с {first} по {last}.</translation>
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
        <source>every operator who could take it missed its reply deadline</source>
        <translation>все операторы, которые могли его взять, пропустили срок ответа</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/reasons.py" line="16"/>
        <source>all operators are away</source>
        <translation>все операторы отсутствуют</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/reasons.py" line="17"/>
        <source>all operators are off shift</source>
        <translation>все операторы вне смены</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/reasons.py" line="18"/>
        <source>all operators have reached their daily cap</source>
        <translation>все операторы исчерпали дневной лимит</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/reasons.py" line="21"/>
        <source>no operator has every tag of the contact among their skills</source>
        <translation>ни у одного оператора нет всех тегов обращения среди навыков</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/services/reasons.py" line="24"/>
        <source>no eligible operator (inactive, away, off shift, at a cap or limit, lacking a skill, or weight 0)</source>
        <translation>нет подходящего оператора (неактивны, отсутствуют, вне смены, исчерпали лимит, нет навыка или вес 0)</translation>
    </message>
</context>
<context>
    <name>texts</name>
    <message>
        <location filename="../../desktop_crm/ui/texts.py" line="32"/>
        <source>[erased]</source>
        <translation>[удалено]</translation>
    </message>
</context>
</TS>
