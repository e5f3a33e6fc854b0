"""The translations of the window, as data: ``tools/fill_translations.py`` writes them
into ``resources/translations/*.ts``.

``RUSSIAN``: (context, source) -> the Russian text; for a numerus source (one with
``%n``) a tuple of the three Russian plural forms: one (1, 21 контакт), few (2-4,
22 контакта), many (5-20, 11-14, 0 контактов). ``ENGLISH``: (context, source) ->
(singular, plural) for the numerus sources only (``desktop_crm_en.ts`` holds nothing else).

Terms used throughout: оператор, источник, лид, контакт, очередь, нагрузка, лимит
(«Макс. нагрузка» in the operator table), вес, доля, импорт, «без оператора» for
unassigned, «вернуть в работу» for reopen, «нет мест» for an operator at the limit
(«полностью загруженные» in running text), «№ 12» for "#12".

Placeholders ({name}, {count!r}, %n, …) must stay exactly as in the source: the
tests compare them. Keep menu accelerators (&) unique within one menu.
"""

from __future__ import annotations

NBSP = "\u00a0"  # before "%", inside "п. п." and after "№"

Forms = tuple[str, str, str]

RUSSIAN: dict[tuple[str, str], str | Forms] = {
    # -- Application: opening a database, crashes -----------------------------------
    ("Application", "Cannot open the database"): "Не удаётся открыть базу данных",
    ("Application", "The file was not changed. Pick another one?"): (
        "Файл не изменён. Выбрать другой?"
    ),
    ("Application", "Open another file…"): "Открыть другой файл…",
    ("Application", "Create a new database…"): "Создать новую базу данных…",
    ("Application", "Quit"): "Выйти",
    ("Application", "Cannot restore the backup"): "Не удаётся восстановить резервную копию",
    # -- DatabaseFile: backup, the quick check, a damaged file ------------------------
    ("MainWindow", "&Back up database…"): "Р&езервная копия базы…",
    ("DatabaseFile", "Back up database"): "Резервная копия базы данных",
    ("DatabaseFile", "The database is damaged"): "База данных повреждена",
    (
        "DatabaseFile",
        "You can restore the latest automatic backup ({name}); the damaged file is kept "
        "beside the backups. Changes made after that backup are not in it.",
    ): (
        "Можно восстановить последнюю автоматическую резервную копию ({name}); повреждённый "
        "файл сохранится рядом с копиями. Изменений, сделанных после этой копии, в ней нет."
    ),
    ("DatabaseFile", "There is no automatic backup of this file."): (
        "Автоматических резервных копий этого файла нет."
    ),
    ("DatabaseFile", "Restore the backup"): "Восстановить копию",
    ("DatabaseFile", "Open another file…"): "Открыть другой файл…",
    ("DatabaseFile", "Create a new database…"): "Создать новую базу данных…",
    ("DatabaseFile", "Quit"): "Выйти",
    ("DatabaseFile", "Continue"): "Продолжить",
    ("DatabaseFile", "The database was copied to {path}."): "База данных скопирована в {path}.",
    (
        "DatabaseFile",
        "SQLite's check found damage in {path}:\n{problems}\n\nSome screens may fail to "
        "load and new data may be lost. Restore a backup soon.",
    ): (
        "Проверка SQLite нашла повреждения в {path}:\n{problems}\n\nНекоторые экраны могут "
        "не открыться, а новые данные — потеряться. Восстановите резервную копию как можно скорее."
    ),
    ("Application", "Unexpected error"): "Непредвиденная ошибка",
    (
        "Application",
        "Something went wrong: {error}\n\nYour saved data is safe. Details are in the log "
        "file:\n{log}",
    ): (
        "Что-то пошло не так: {error}\n\nСохранённые данные не пострадали. Подробности — "
        "в файле журнала:\n{log}"
    ),
    # -- MainWindow: menus, the queue, about -----------------------------------------
    # Menu bar: &Файл &Контакты &Вид &Справка. File: Н О И В. Contacts (with the
    # Contacts page's actions): К Р А Н З В. View: Ф О Я.
    ("MainWindow", "New contact"): "Новый контакт",
    ("MainWindow", "&File"): "&Файл",
    ("MainWindow", "&New database…"): "&Новая база данных…",
    ("MainWindow", "&Open database…"): "&Открыть базу данных…",
    ("MainWindow", "&Import contacts…"): "&Импорт контактов…",
    ("MainWindow", "&Quit"): "&Выход",
    ("MainWindow", "&Contacts"): "&Контакты",
    ("MainWindow", "&New contact"): "Новый &контакт",
    ("MainWindow", "&Distribute queue now"): "&Распределить очередь",
    ("MainWindow", "Give queued contacts to operators who have room, oldest first"): (
        "Передать контакты из очереди операторам со свободными местами, начиная с самых старых"
    ),
    ("MainWindow", "&Automatic re-distribution"): "&Автоматическое перераспределение",
    ("MainWindow", "Distribute queued contacts whenever an operator gets room (all users)"): (
        "Распределять контакты из очереди, как только у оператора освобождается место "
        "(для всех пользователей)"
    ),
    ("MainWindow", "&View"): "&Вид",
    ("MainWindow", "Intake &form"): "&Форма приёма",
    ("MainWindow", "&Refresh"): "&Обновить",
    ("MainWindow", "&Language"): "&Язык",
    ("MainWindow", "System default"): "Как в системе",
    ("MainWindow", "&Help"): "&Справка",
    ("MainWindow", "&About"): "&О программе",
    ("MainWindow", "About {app}"): "О программе {app}",
    (
        "MainWindow",
        "{app} {version}\n\nHands incoming lead contacts to operators by the weights set for "
        "each source, within each operator's load limit.\n\nDatabase: {path}",
    ): (
        "{app} {version}\n\nРаспределяет входящие контакты лидов между операторами по весам, "
        "заданным для каждого источника, с учётом лимита нагрузки каждого оператора."
        "\n\nБаза данных: {path}"
    ),
    ("MainWindow", "Language"): "Язык",
    ("MainWindow", "The new language is used from the next start of the program."): (
        "Новый язык будет применён при следующем запуске программы."
    ),
    ("MainWindow", "Distributing the queue… %n contact(s) assigned"): (
        "Распределение очереди… назначен %n контакт",
        "Распределение очереди… назначено %n контакта",
        "Распределение очереди… назначено %n контактов",
    ),
    ("MainWindow", "Queue distributed: %n contact(s) assigned"): (
        "Очередь распределена: назначен %n контакт",
        "Очередь распределена: назначено %n контакта",
        "Очередь распределена: назначено %n контактов",
    ),
    # -- Pages: the screens' titles ----------------------------------------------------
    ("Pages", "Contacts"): "Контакты",
    ("Pages", "Imports"): "Импорт",
    ("Pages", "Leads"): "Лиды",
    ("Pages", "Operators"): "Операторы",
    ("Pages", "Sources"): "Источники",
    ("Pages", "Statistics"): "Статистика",
    ("Pages", "Start"): "Начало",
    # -- WelcomePage ------------------------------------------------------------------
    ("WelcomePage", "Welcome to Lead Dispatcher"): "Добро пожаловать в Lead Dispatcher",
    (
        "WelcomePage",
        "This database is empty. Set it up in three steps, or load demo data to look around first.",
    ): (
        "Эта база данных пуста. Настройте её за три шага или сначала загрузите демо-данные, "
        "чтобы осмотреться."
    ),
    ("WelcomePage", "Add the operators who handle contacts, with their load limits."): (
        "Добавьте операторов, которые обрабатывают контакты, и их лимиты нагрузки."
    ),
    ("WelcomePage", "Add operators"): "Добавить операторов",
    ("WelcomePage", "Add a source (a bot, a form, a channel) and give operators weights."): (
        "Добавьте источник (бота, форму, канал) и задайте веса операторов."
    ),
    ("WelcomePage", "Add a source"): "Добавить источник",
    (
        "WelcomePage",
        "Register contacts by hand, drop CSV/XLSX files, or let bots call the command line.",
    ): (
        "Регистрируйте контакты вручную, перетаскивайте в окно файлы CSV/XLSX или подключите "
        "ботов через командную строку."
    ),
    ("WelcomePage", "Register a contact"): "Зарегистрировать контакт",
    ("WelcomePage", "Import a file…"): "Импортировать файл…",
    ("WelcomePage", "Load demo data"): "Загрузить демо-данные",
    ("WelcomePage", "Loading demo data…"): "Загрузка демо-данных…",
    ("WelcomePage", "Loaded %n demo contact(s)."): (
        "Загружен %n демо-контакт.",
        "Загружено %n демо-контакта.",
        "Загружено %n демо-контактов.",
    ),
    # -- IntakeForm: registering a contact by hand --------------------------------------
    ("IntakeForm", "phone, e-mail or messenger id"): "телефон, e-mail или ID в мессенджере",
    ("IntakeForm", "optional"): "необязательно",
    ("IntakeForm", "What the lead wrote (Shift+Enter: new line)"): (
        "Что написал лид (Shift+Enter — новая строка)"
    ),
    ("IntakeForm", "Register"): "Зарегистрировать",
    ("IntakeForm", "External id:"): "Внешний ID:",
    ("IntakeForm", "Name:"): "Имя:",
    ("IntakeForm", "Source:"): "Источник:",
    ("IntakeForm", "Message:"): "Сообщение:",
    ("IntakeForm", "Add a source first (Sources screen)."): (
        "Сначала добавьте источник (экран «Источники»)."
    ),
    ("IntakeForm", "New lead"): "Новый лид",
    ("IntakeForm", "%n contact(s)"): ("%n контакт", "%n контакта", "%n контактов"),
    ("IntakeForm", "Known lead: {who} ({id}), {contacts}"): (
        "Известный лид: {who} ({id}), {contacts}"
    ),
    ("IntakeForm", "Choose a source."): "Выберите источник.",
    ("IntakeForm", "Contact #{id} went to {operator}."): (
        f"Контакт №{NBSP}{{id}} передан оператору {{operator}}."
    ),
    ("IntakeForm", "Contact #{id} left unassigned: {reason}."): (
        f"Контакт №{NBSP}{{id}} остался без оператора: {{reason}}."
    ),
    # -- Contacts: the table, the detail, the page ---------------------------------------
    ("ContactsModel", "#"): "№",
    ("ContactsModel", "Created"): "Создан",
    ("ContactsModel", "Lead"): "Лид",
    ("ContactsModel", "Source"): "Источник",
    ("ContactsModel", "Operator"): "Оператор",
    ("ContactsModel", "State"): "Состояние",
    ("ContactsModel", "Message"): "Сообщение",
    ("ContactsModel", "— unassigned: {reason}"): "— без оператора: {reason}",
    ("ContactsModel", "— unassigned"): "— без оператора",
    ("ContactsModel", "no reason recorded"): "причина не записана",
    ("ContactsModel", "Nobody took this contact: {reason}."): (
        "Контакт никому не достался: {reason}."
    ),
    ("ContactsModel", "Active"): "Активен",
    ("ContactsModel", "Closed"): "Закрыт",
    ("ContactDetail", "No message"): "Нет сообщения",
    ("ContactDetail", "Lead:"): "Лид:",
    ("ContactDetail", "Source:"): "Источник:",
    ("ContactDetail", "Operator:"): "Оператор:",
    ("ContactDetail", "Why unassigned:"): "Почему без оператора:",
    ("ContactDetail", "Why this operator?"): "Почему этот оператор?",
    ("ContactDetail", "Created:"): "Создан:",
    ("ContactDetail", "State:"): "Состояние:",
    ("ContactDetail", "Message:"): "Сообщение:",
    ("ContactDetail", "Contact #{id} (of %n selected)"): (
        f"Контакт №{NBSP}{{id}} (из %n выбранного)",
        f"Контакт №{NBSP}{{id}} (из %n выбранных)",
        f"Контакт №{NBSP}{{id}} (из %n выбранных)",
    ),
    ("ContactDetail", "Contact #{id}"): f"Контакт №{NBSP}{{id}}",
    ("ContactDetail", "nobody (unassigned)"): "никто (без оператора)",
    ("ContactsPage", "All"): "Все",
    ("ContactsPage", "Active"): "Активные",
    ("ContactsPage", "Closed"): "Закрытые",
    ("ContactsPage", "Unassigned"): "Без оператора",
    ("ContactsPage", "All sources"): "Все источники",
    ("ContactsPage", "All operators"): "Все операторы",
    ("ContactsPage", "Newest first"): "Сначала новые",
    ("ContactsPage", "Oldest first"): "Сначала старые",
    ("ContactsPage", "State:"): "Состояние:",
    ("ContactsPage", "Source:"): "Источник:",
    ("ContactsPage", "Operator:"): "Оператор:",
    ("ContactsPage", "Order:"): "Порядок:",
    ("ContactsPage", "Select a contact to see it in full here."): (
        "Выберите контакт, чтобы увидеть его здесь полностью."
    ),
    ("ContactsPage", "Assign to…"): "Назначить…",
    ("ContactsPage", "Close contact"): "Закрыть контакт",
    ("ContactsPage", "Reopen contact"): "Вернуть в работу",
    ("ContactsPage", "&Assign to…"): "&Назначить…",
    ("ContactsPage", "&Close contact"): "&Закрыть контакт",
    ("ContactsPage", "&Reopen contact"): "&Вернуть в работу",
    ("ContactsPage", "Give the selected contacts to an operator of your choice ({key})"): (
        "Передать выбранные контакты указанному оператору ({key})"
    ),
    ("ContactsPage", "Close the selected contacts ({key})"): "Закрыть выбранные контакты ({key})",
    ("ContactsPage", "Reopen the selected contacts ({key})"): (
        "Вернуть выбранные контакты в работу ({key})"
    ),
    ("ContactsPage", "{name} (inactive)"): "{name} (неактивен)",
    ("ContactsPage", "Close contacts"): "Закрытие контактов",
    ("ContactsPage", "Close %n contact(s)?"): (
        "Закрыть %n контакт?",
        "Закрыть %n контакта?",
        "Закрыть %n контактов?",
    ),
    ("ContactsPage", "No operators yet: add them on the Operators screen first."): (
        "Операторов пока нет: сначала добавьте их на экране «Операторы»."
    ),
    ("ContactsPage", "Assigned %n contact(s) to {name}."): (
        "%n контакт передан оператору {name}.",
        "%n контакта переданы оператору {name}.",
        "%n контактов передано оператору {name}.",
    ),
    ("ContactsPage", "%n contact(s) already had this operator."): (
        "%n контакт уже был у этого оператора.",
        "%n контакта уже были у этого оператора.",
        "%n контактов уже было у этого оператора.",
    ),
    ("ContactsPage", "%n contact(s) could not be assigned:"): (
        "Не удалось назначить %n контакт:",
        "Не удалось назначить %n контакта:",
        "Не удалось назначить %n контактов:",
    ),
    ("ContactsPage", "…and %n more."): ("…и ещё %n.", "…и ещё %n.", "…и ещё %n."),
    ("ContactsPage", "Closed %n contact(s)."): (
        "Закрыт %n контакт.",
        "Закрыто %n контакта.",
        "Закрыто %n контактов.",
    ),
    ("ContactsPage", "Reopened %n contact(s)."): (
        "%n контакт возвращён в работу.",
        "%n контакта возвращены в работу.",
        "%n контактов возвращено в работу.",
    ),
    ("ContactsPage", "%n contact(s) could not be reopened:"): (
        "Не удалось вернуть в работу %n контакт:",
        "Не удалось вернуть в работу %n контакта:",
        "Не удалось вернуть в работу %n контактов:",
    ),
    ("ContactsPage", "Assign %n contact(s) to…"): (
        "Назначить %n контакт…",
        "Назначить %n контакта…",
        "Назначить %n контактов…",
    ),
    ("ContactsPage", "Close %n contact(s)"): (
        "Закрыть %n контакт",
        "Закрыть %n контакта",
        "Закрыть %n контактов",
    ),
    ("ContactsPage", "Reopen %n contact(s)"): (
        "Вернуть в работу %n контакт",
        "Вернуть в работу %n контакта",
        "Вернуть в работу %n контактов",
    ),
    ("ContactsPage", "Loading…"): "Загрузка…",
    ("ContactsPage", "%n contact(s)"): ("%n контакт", "%n контакта", "%n контактов"),
    ("ContactsPage", "%n contact(s) loaded; scroll for more"): (
        "Загружен %n контакт; прокрутите, чтобы загрузить ещё",
        "Загружено %n контакта; прокрутите, чтобы загрузить ещё",
        "Загружено %n контактов; прокрутите, чтобы загрузить ещё",
    ),
    ("ContactsPage", "%n selected"): ("выбран %n", "выбрано %n", "выбрано %n"),
    (
        "ContactsPage",
        "No contacts yet.\nRegister one with the intake form (Ctrl+N), drop a CSV or XLSX file "
        "onto the window, or let bots call the command line.",
    ): (
        "Контактов пока нет.\nЗарегистрируйте контакт в форме приёма (Ctrl+N), перетащите "
        "в окно файл CSV или XLSX или подключите ботов через командную строку."
    ),
    ("ContactsPage", "No contacts match the filter.\nChoose “All” above to see more."): (
        "Нет контактов, подходящих под фильтр.\nВыберите «Все» вверху, чтобы увидеть остальные."
    ),
    # -- AssignDialog: giving contacts to an operator by hand ----------------------------
    ("AssignDialog", "Assign to operator"): "Назначение оператора",
    ("AssignDialog", "Give %n selected contact(s) to:"): (
        "Передать %n выбранный контакт оператору:",
        "Передать %n выбранных контакта оператору:",
        "Передать %n выбранных контактов оператору:",
    ),
    (
        "AssignDialog",
        "Greyed out: inactive operators and those at their limit cannot take contacts.",
    ): (
        "Серым показаны неактивные операторы и те, у кого исчерпан лимит: им нельзя "
        "передать контакты."
    ),
    ("AssignDialog", "Assign"): "Назначить",
    (
        "AssignDialog",
        "{name} has room for %n more; the other contacts will be refused (closed ones always fit).",
    ): (
        "{name} может принять ещё %n контакт; остальные будут отклонены (закрытые контакты "
        "в лимит не входят).",
        "{name} может принять ещё %n контакта; остальные будут отклонены (закрытые контакты "
        "в лимит не входят).",
        "{name} может принять ещё %n контактов; остальные будут отклонены (закрытые контакты "
        "в лимит не входят).",
    ),
    ("OperatorChoiceModel", "Operator"): "Оператор",
    ("OperatorChoiceModel", "Room"): "Свободно",
    ("OperatorChoiceModel", "inactive"): "неактивен",
    ("OperatorChoiceModel", "at the limit ({max_load})"): "лимит исчерпан ({max_load})",
    ("OperatorChoiceModel", "{free} free of {max_load}"): "свободно {free} из {max_load}",
    ("OperatorChoiceModel", "{name} is inactive and takes no contacts."): (
        "Оператор {name} неактивен и не получает контакты."
    ),
    (
        "OperatorChoiceModel",
        "{name} has {load} active contacts, the limit: close one or raise the limit first.",
    ): (
        "У оператора {name} активных контактов: {load} — это его лимит. Сначала закройте "
        "один из них или увеличьте лимит."
    ),
    ("OperatorChoiceModel", "{name} has {load} active contacts and can take {free} more."): (
        "У оператора {name} активных контактов: {load}; можно передать ещё: {free}."
    ),
    # -- DecisionView: "Why this operator?" -------------------------------------------
    ("DecisionView", "Assigned automatically"): "Назначен автоматически",
    ("DecisionView", "Re-distributed"): "Перераспределён",
    ("DecisionView", "Assigned by hand"): "Назначен вручную",
    ("DecisionView", "weight 0"): "вес 0",
    ("DecisionView", "inactive"): "неактивен",
    ("DecisionView", "at the limit"): "лимит исчерпан",
    ("DecisionView", "no reason recorded"): "причина не записана",
    ("DecisionView", "nobody: {reason}"): "никому: {reason}",
    ("DecisionView", "lottery: r = {r} of {total}"): "жребий: r = {r} из {total}",
    ("DecisionView", "returning lead: the operator who handled it last"): (
        "повторный лид: оператор, который вёл его последним"
    ),
    ("DecisionView", "round-robin: current weight {value} of {total}"): (
        "по кругу: текущий вес {value} из {total}"
    ),
    ("DecisionView", "least loaded: load {load} of {max_load}"): (
        "наименее загруженный: нагрузка {load} из {max_load}"
    ),
    ("DecisionView", "chosen"): "выбран",
    ("DecisionView", "Taken from the queue."): "Взят из очереди.",
    ("DecisionView", "Given by the owner column of an imported file."): (
        "Назначен по столбцу «Ответственный» импортированного файла."
    ),
    ("DecisionView", "Taken from {name}."): "Взят у оператора {name}.",
    ("DecisionView", "Operator"): "Оператор",
    ("DecisionView", "Weight"): "Вес",
    ("DecisionView", "Load"): "Нагрузка",
    ("DecisionView", "at the limit at the re-check"): "лимит исчерпан при повторной проверке",
    ("DecisionView", "{load} of {max_load}"): "{load} из {max_load}",
    ("DecisionView", "refused at re-check"): "отказ при повторной проверке",
    ("DecisionView", "then"): "затем",
    ("DecisionView", "no draw: nobody could take it"): "без жребия: никто не мог его принять",
    ("DecisionView", "{name} had {load} active contacts of {max_load} then."): (
        "У оператора {name} тогда было активных контактов: {load} из {max_load}."
    ),
    ("DecisionView", "Strategy: {strategy}"): "Стратегия: {strategy}",
    ("DecisionView", "No decision was recorded for this contact."): (
        "Для этого контакта решение не записано."
    ),
    ("DecisionView", "The explanation could not be read: {error}"): (
        "Не удалось прочитать объяснение: {error}"
    ),
    # -- Leads -----------------------------------------------------------------------
    ("LeadsModel", "no name"): "без имени",
    ("LeadsModel", "External id"): "Внешний ID",
    ("LeadsModel", "Name"): "Имя",
    ("LeadsModel", "Contacts"): "Контакты",
    ("LeadsModel", "Last contact"): "Последний контакт",
    ("LeadsModel", "First seen"): "Первый контакт",
    ("LeadsPage", "Search by phone, e-mail, messenger id or name"): (
        "Поиск по телефону, e-mail, ID в мессенджере или имени"
    ),
    ("LeadsPage", "Newest first"): "Сначала новые",
    ("LeadsPage", "By name"): "По имени",
    ("LeadsPage", "By external id"): "По внешнему ID",
    ("LeadsPage", "Sort:"): "Сортировка:",
    ("LeadsPage", "Select a lead to see all its contacts."): (
        "Выберите лида, чтобы увидеть все его контакты."
    ),
    ("LeadsPage", "%n contact(s)"): ("%n контакт", "%n контакта", "%n контактов"),
    ("LeadsPage", "{lead} — {contacts}"): "{lead} — {contacts}",
    ("LeadsPage", "Loading…"): "Загрузка…",
    ("LeadsPage", "%n lead(s)"): ("%n лид", "%n лида", "%n лидов"),
    ("LeadsPage", "%n lead(s) loaded; scroll for more"): (
        "Загружен %n лид; прокрутите, чтобы загрузить ещё",
        "Загружено %n лида; прокрутите, чтобы загрузить ещё",
        "Загружено %n лидов; прокрутите, чтобы загрузить ещё",
    ),
    ("LeadsPage", "No leads match “{text}”."): "Нет лидов по запросу «{text}».",
    ("LeadsPage", "No leads yet. Every contact brings its lead here."): (
        "Лидов пока нет. Лид появляется здесь вместе с первым контактом."
    ),
    ("LeadsPage", "Select a lead above."): "Выберите лида выше.",
    ("LeadsPage", "This lead has no contacts."): "У этого лида нет контактов.",
    # -- Operators ---------------------------------------------------------------------
    ("OperatorsModel", "Name"): "Имя",
    ("OperatorsModel", "Active"): "Активен",
    ("OperatorsModel", "Load"): "Нагрузка",
    ("OperatorsModel", "Max load"): "Макс. нагрузка",
    ("OperatorsPage", "New operator's name"): "Имя нового оператора",
    ("OperatorsPage", "The most active contacts this operator may have"): (
        "Наибольшее число активных контактов у этого оператора"
    ),
    ("OperatorsPage", "Add operator"): "Добавить оператора",
    ("OperatorsPage", "Max load:"): "Макс. нагрузка:",
    (
        "OperatorsPage",
        "Double-click a name or a limit to change it; the check box makes an operator active "
        "or inactive. Inactive operators keep their contacts but get no new ones.",
    ): (
        "Чтобы изменить имя или лимит, дважды щёлкните по нему; флажок делает оператора "
        "активным или неактивным. Неактивные операторы сохраняют свои контакты, но новых "
        "не получают."
    ),
    ("OperatorsPage", "Delete"): "Удалить",
    ("OperatorsPage", "Delete operator"): "Удалить оператора",
    ("OperatorsPage", "Added {name}."): "Оператор {name} добавлен.",
    ("OperatorsPage", "Delete operator {name}?"): "Удалить оператора {name}?",
    ("OperatorsPage", "Deleted {name}."): "Оператор {name} удалён.",
    # -- Sources, weights and strategies -------------------------------------------------
    ("SourcesModel", "Name"): "Название",
    ("SourcesModel", "Code"): "Код",
    ("SourcesModel", "Operators"): "Операторы",
    ("SourcesModel", "Strategy"): "Стратегия",
    ("SourcesModel", "No operators"): "Нет операторов",
    ("SourcesModel", "%n operator(s)"): ("%n оператор", "%n оператора", "%n операторов"),
    ("SourcesModel", "{operators}, total weight {total}"): "{operators}, общий вес {total}",
    ("SourcesModel", "No operator has a weight for this source: select it and set weights."): (
        "Ни у одного оператора нет веса для этого источника: выберите его и задайте веса."
    ),
    ("SourcesModel", "{name}: {weight} ({percent} %)"): (
        f"{{name}}: {{weight}} ({{percent}}{NBSP}%)"
    ),
    ("SourcesModel", "inactive"): "неактивен",
    ("SourcesModel", "full"): "нет мест",
    ("SourcesModel", "None of them can take contacts now: new ones stay unassigned."): (
        "Сейчас никто из них не может принять контакты: новые останутся без оператора."
    ),
    ("SourcesModel", "{strategy} + repeat"): "{strategy} + закрепление",
    (
        "SourcesModel",
        "A returning lead goes to the operator who handled it last, when that operator can "
        "take it.",
    ): (
        "Повторного лида получает оператор, который вёл его последним, если этот оператор "
        "может его принять."
    ),
    ("Strategies", "Weighted random (lottery)"): "Случайно по весам (жребий)",
    ("Strategies", "Lottery"): "Жребий",
    (
        "Strategies",
        "Each contact goes to an operator drawn by lot, with chances in proportion to the weights.",
    ): ("Каждый контакт получает оператор, выбранный жребием; шансы пропорциональны весам."),
    ("Strategies", "Smooth round-robin"): "По кругу (сглаженно)",
    ("Strategies", "Round-robin"): "По кругу",
    (
        "Strategies",
        "Operators take turns in proportion to the weights, so the shares come out exact over "
        "every full round.",
    ): (
        "Операторы получают контакты по очереди пропорционально весам, поэтому за каждый "
        "полный круг доли соблюдаются точно."
    ),
    ("Strategies", "Least loaded"): "Наименее загруженный",
    (
        "Strategies",
        "Each contact goes to the operator with the most room for their limit; the weight "
        "only breaks ties, and weight 0 still means never.",
    ): (
        "Каждый контакт получает оператор с наибольшим запасом до лимита; вес решает только "
        "при равенстве, а вес 0 по-прежнему означает «никогда»."
    ),
    ("SourcesPage", "Sources and weights"): "Источники и веса",
    ("SourcesPage", "Distribution plan"): "План распределения",
    ("SourcesPage", "Save weights"): "Сохранить веса",
    ("SourcesPage", "Delete source"): "Удалить источник",
    ("SourcesPage", "New source's name, e.g. Telegram bot"): (
        "Название нового источника, например Telegram-бот"
    ),
    ("SourcesPage", "Code, e.g. tg (optional)"): "Код, например tg (необязательно)",
    (
        "SourcesPage",
        "A short code for bots and the command line: no spaces, not only digits. Optional.",
    ): (
        "Короткий код для ботов и командной строки: без пробелов и не только из цифр. "
        "Необязательно."
    ),
    ("SourcesPage", "Add source"): "Добавить источник",
    (
        "SourcesPage",
        "Double-click a name or a code to change it. Select a source to set weights.",
    ): (
        "Чтобы изменить название или код, дважды щёлкните по нему. Выберите источник, "
        "чтобы задать веса."
    ),
    ("SourcesPage", "Delete"): "Удалить",
    ("SourcesPage", "Weights"): "Веса",
    (
        "SourcesPage",
        "A contact goes to one of the operators by lot, in proportion to the weights. "
        "0 means never. Inactive and full operators are skipped.",
    ): (
        "Контакт получает один из операторов по жребию, пропорционально весам. 0 — никогда. "
        "Неактивные и полностью загруженные операторы пропускаются."
    ),
    (
        "SourcesPage",
        "Operators take turns in proportion to the weights. 0 means never. Inactive and full "
        "operators are skipped.",
    ): (
        "Операторы получают контакты по очереди, пропорционально весам. 0 — никогда. "
        "Неактивные и полностью загруженные операторы пропускаются."
    ),
    (
        "SourcesPage",
        "A contact goes to the operator with the most room for their limit; the weight only "
        "breaks ties. 0 means never. Inactive and full operators are skipped.",
    ): (
        "Контакт получает оператор с наибольшим запасом до лимита; вес решает только "
        "при равенстве. 0 — никогда. Неактивные и полностью загруженные операторы пропускаются."
    ),
    ("SourcesPage", "Unsaved changes"): "Есть несохранённые изменения",
    ("SourcesPage", "Revert"): "Отменить изменения",
    ("SourcesPage", "Replace the source's weights with these ({shortcut})"): (
        "Заменить веса источника этими ({shortcut})"
    ),
    (
        "SourcesPage",
        "Each cell is an operator's weight for a source; double-click a cell to change it "
        "(saved at once). Under each name: how many more active contacts the operator can "
        "take. Grey: no weight, or an operator who gets nothing right now.",
    ): (
        "В каждой ячейке — вес оператора для источника; дважды щёлкните по ячейке, чтобы "
        "изменить его (сохраняется сразу). Под каждым именем — сколько ещё активных контактов "
        "может принять оператор. Серым: веса нет или оператор сейчас ничего не получает."
    ),
    ("SourcesPage", "Strategy:"): "Стратегия:",
    (
        "SourcesPage",
        "Send a returning lead to the operator who handled it last (when that operator can "
        "take it)",
    ): (
        "Передавать повторного лида оператору, который вёл его последним (если тот может "
        "его принять)"
    ),
    (
        "SourcesPage",
        "A lead who writes again goes to the same operator if they are active, have a weight "
        "here and are below their limit; otherwise the strategy decides.",
    ): (
        "Лид, написавший снова, попадает к тому же оператору, если тот активен, имеет вес "
        "для этого источника и не исчерпал лимит; иначе решает стратегия."
    ),
    ("SourcesPage", "The source was deleted elsewhere; its unsaved weights are gone."): (
        "Источник удалён в другом месте; его несохранённые веса потеряны."
    ),
    (
        "SourcesPage",
        "No sources yet.\nAdd one above: a bot, a form or a channel that sends contacts. "
        "Then give its operators weights here.",
    ): (
        "Источников пока нет.\nДобавьте источник выше: бота, форму или канал, откуда приходят "
        "контакты. Затем задайте здесь веса его операторов."
    ),
    ("SourcesPage", "Add a source to set its operators' weights."): (
        "Добавьте источник, чтобы задать веса его операторов."
    ),
    ("SourcesPage", "Select a source to set its operators' weights."): (
        "Выберите источник, чтобы задать веса его операторов."
    ),
    ("SourcesPage", "No operators yet: add them on the Operators screen, then come back."): (
        "Операторов пока нет: добавьте их на экране «Операторы» и вернитесь сюда."
    ),
    (
        "SourcesPage",
        "The plan shows every source against every operator.\nAdd at least one source and "
        "one operator to see it.",
    ): (
        "План показывает веса каждого источника по каждому оператору.\nДобавьте хотя бы "
        "один источник и одного оператора, чтобы его увидеть."
    ),
    ("SourcesPage", "Unsaved weights"): "Несохранённые веса",
    ("SourcesPage", "The weights of {name} are not saved. Discard the changes?"): (
        "Веса источника {name} не сохранены. Отбросить изменения?"
    ),
    ("SourcesPage", "Added {name}. Now give its operators weights."): (
        "Источник {name} добавлен. Теперь задайте веса его операторов."
    ),
    ("SourcesPage", "Delete source {name}? Its weights are deleted with it."): (
        "Удалить источник {name}? Его веса будут удалены вместе с ним."
    ),
    ("SourcesPage", "Deleted {name}."): "Источник {name} удалён.",
    ("SourcesPage", "Saved the weights of {name}."): "Веса источника {name} сохранены.",
    ("SourcesPage", "Weights for {name}"): "Веса источника {name}",
    ("SourcesPage", "Total weight {total}; %n operator(s) get contacts"): (
        "Общий вес {total}; контакты получает %n оператор",
        "Общий вес {total}; контакты получают %n оператора",
        "Общий вес {total}; контакты получают %n операторов",
    ),
    ("WeightsModel", "Operator"): "Оператор",
    ("WeightsModel", "Status"): "Состояние",
    ("WeightsModel", "Active"): "Активен",
    ("WeightsModel", "Inactive"): "Неактивен",
    ("WeightsModel", "Load"): "Нагрузка",
    ("WeightsModel", "Weight"): "Вес",
    ("WeightsModel", "Share"): "Доля",
    ("WeightsModel", "{free} free of {max}"): "свободно {free} из {max}",
    ("WeightsModel", "full"): "нет мест",
    ("WeightsModel", "{free} free"): "свободно {free}",
    ("WeightsModel", "Changed from {saved}; not saved yet."): (
        "Изменено (было {saved}); ещё не сохранено."
    ),
    ("WeightsModel", "Double-click or type a number to change the weight."): (
        "Чтобы изменить вес, дважды щёлкните или введите число."
    ),
    ("WeightsModel", "{weight} of the total weight {total}."): "{weight} из общего веса {total}.",
    ("WeightsModel", "Gets nothing right now: the operator is inactive or has no free places."): (
        "Сейчас ничего не получает: оператор неактивен или у него нет свободных мест."
    ),
    ("WeightsModel", "Right now, with full and inactive operators skipped: {percent}."): (
        "Сейчас, без учёта полностью загруженных и неактивных операторов: {percent}."
    ),
    ("WeightsModel", "Inactive: gets no new contacts whatever the weight."): (
        "Неактивен: не получает новых контактов независимо от веса."
    ),
    ("WeightsModel", "Full: gets no new contacts until some are closed."): (
        "Нет мест: не получает новых контактов, пока часть не будет закрыта."
    ),
    ("WeightsModel", "Can take %n more active contact(s)."): (
        "Может принять ещё %n активный контакт.",
        "Может принять ещё %n активных контакта.",
        "Может принять ещё %n активных контактов.",
    ),
    ("WeightGridModel", "Total weight"): "Общий вес",
    ("WeightGridModel", "inactive"): "неактивен",
    ("WeightGridModel", "The sum of the source's weights"): "Сумма весов источника",
    ("WeightGridModel", "Load {load} of {max}."): "Нагрузка: {load} из {max}.",
    ("WeightGridModel", "Inactive: gets no new contacts whatever the weights."): (
        "Неактивен: не получает новых контактов независимо от весов."
    ),
    ("WeightGridModel", "Full: gets no new contacts until some are closed."): (
        "Нет мест: не получает новых контактов, пока часть не будет закрыта."
    ),
    ("WeightGridModel", "Can take %n more active contact(s)."): (
        "Может принять ещё %n активный контакт.",
        "Может принять ещё %n активных контакта.",
        "Может принять ещё %n активных контактов.",
    ),
    ("WeightGridModel", "No operator has a weight: contacts of {source} stay unassigned."): (
        "Ни у одного оператора нет веса: контакты источника {source} остаются без оператора."
    ),
    ("WeightGridModel", "{operator} gets no contacts of {source}."): (
        "{operator} не получает контакты источника {source}."
    ),
    ("WeightGridModel", "{operator}: weight {weight} of {total} ({percent} %) for {source}."): (
        f"{{operator}}: вес {{weight}} из {{total}} ({{percent}}{NBSP}%) для источника {{source}}."
    ),
    ("WeightGridModel", "Inactive: skipped until made active again."): (
        "Неактивен: пропускается, пока его снова не сделают активным."
    ),
    ("WeightGridModel", "Full: skipped until some contacts are closed."): (
        "Нет мест: пропускается, пока часть контактов не будет закрыта."
    ),
    ("WeightGridModel", "Double-click to change the weight."): (
        "Дважды щёлкните, чтобы изменить вес."
    ),
    # -- Statistics ----------------------------------------------------------------------
    ("StatisticsModel", "Operator"): "Оператор",
    ("StatisticsModel", "Load"): "Нагрузка",
    ("StatisticsModel", "Total"): "Всего",
    ("StatisticsModel", "{value} %"): f"{{value}}{NBSP}%",
    ("StatisticsModel", "Unassigned"): "Без оператора",
    ("StatisticsModel", "%n contact(s) in the period"): (
        "%n контакт за период",
        "%n контакта за период",
        "%n контактов за период",
    ),
    ("StatisticsModel", "%n still active"): (
        "из них %n ещё активен",
        "из них %n ещё активны",
        "из них %n ещё активны",
    ),
    (
        "StatisticsModel",
        "{load} active contacts now, at most {max_load} (not limited to the period)",
    ): "Сейчас активных контактов: {load}, максимум {max_load} (без учёта периода)",
    ("StatisticsModel", "Contacts in the period (of them still active)."): (
        "Контакты за период (в скобках — сколько из них ещё активны)."
    ),
    ("StatisticsModel", "Active contacts now against the operator's limit (any period)."): (
        "Активные контакты сейчас относительно лимита оператора (за любой период)."
    ),
    ("StatisticsModel", "Contacts nobody could take"): "Контакты, которые никто не смог принять",
    ("StatisticsModel", "{name} (inactive)"): "{name} (неактивен)",
    ("SharesModel", "Source / operator"): "Источник / оператор",
    ("SharesModel", "Weight"): "Вес",
    ("SharesModel", "Weight %"): "Вес, %",
    ("SharesModel", "Delivered"): "Получено",
    ("SharesModel", "Delivered %"): "Получено, %",
    ("SharesModel", "Deviation"): "Отклонение",
    ("SharesModel", "The operator's weight on this source"): "Вес оператора для этого источника",
    ("SharesModel", "The weight as a share of the source's total weight"): (
        "Доля веса в общем весе источника"
    ),
    ("SharesModel", "Contacts of the period this operator got from the source"): (
        "Контакты за период, полученные оператором из этого источника"
    ),
    ("SharesModel", "Share of the source's assigned contacts of the period"): (
        "Доля от назначенных контактов источника за период"
    ),
    (
        "SharesModel",
        "Delivered share minus configured share, in percentage points. Full operators and "
        "small numbers make it drift; large drifts deserve a look.",
    ): (
        "Фактическая доля минус заданная, в процентных пунктах. Полностью загруженные "
        "операторы и малые числа дают расхождение; на большие отклонения стоит обратить "
        "внимание."
    ),
    ("SharesModel", "No operators are configured for this source."): (
        "Для этого источника не настроены операторы."
    ),
    ("SharesModel", "%n contact(s) in the period"): (
        "%n контакт за период",
        "%n контакта за период",
        "%n контактов за период",
    ),
    ("SharesModel", "{assigned} assigned, {unassigned} unassigned"): (
        "назначено: {assigned}, без оператора: {unassigned}"
    ),
    ("SharesModel", "{value} pp"): f"{{value}}{NBSP}п.{NBSP}п.",
    ("SharesModel", "Nothing was assigned on this source in the period."): (
        "За период по этому источнику ничего не назначено."
    ),
    ("StackedBarChart", "%n contact(s)"): ("%n контакт", "%n контакта", "%n контактов"),
    ("StackedBarChart", "Total: %n"): ("Всего: %n", "Всего: %n", "Всего: %n"),
    ("StatisticsPage", "Today"): "Сегодня",
    ("StatisticsPage", "Last 7 days"): "Последние 7 дней",
    ("StatisticsPage", "Last 30 days"): "Последние 30 дней",
    ("StatisticsPage", "All time"): "За всё время",
    ("StatisticsPage", "Custom range"): "Свой период",
    ("StatisticsPage", "Export statistics"): "Экспорт статистики",
    ("StatisticsPage", "CSV files (*.csv)"): "Файлы CSV (*.csv)",
    ("StatisticsPage", "Export to CSV…"): "Экспорт в CSV…",
    ("StatisticsPage", "Save the table to a CSV file (Ctrl+E)"): (
        "Сохранить таблицу в файл CSV (Ctrl+E)"
    ),
    ("StatisticsPage", "Period:"): "Период:",
    (
        "StatisticsPage",
        "Each cell: contacts of the period (of them still active). Load is the operator's "
        "active contacts now against the limit.",
    ): (
        "В ячейке — контакты за период (в скобках — сколько из них ещё активны). Нагрузка — "
        "активные контакты оператора сейчас относительно лимита."
    ),
    ("StatisticsPage", "<b>Weights against delivery</b>"): (
        "<b>Веса и фактическое распределение</b>"
    ),
    (
        "StatisticsPage",
        "Per source: each operator's share of the configured weight against the share of the "
        "period's assigned contacts it actually got.",
    ): (
        "По каждому источнику: доля оператора в заданном весе и доля назначенных за период "
        "контактов, которую он получил на самом деле."
    ),
    ("StatisticsPage", "<b>Contacts per operator, by source</b>"): (
        "<b>Контакты по операторам и источникам</b>"
    ),
    ("StatisticsPage", "Export statistics…"): "Экспорт статистики…",
    ("StatisticsPage", "Calculating…"): "Подсчёт…",
    ("StatisticsPage", "%n contact(s)"): ("%n контакт", "%n контакта", "%n контактов"),
    ("StatisticsPage", "%n unassigned"): (
        "%n без оператора",
        "%n без оператора",
        "%n без оператора",
    ),
    (
        "StatisticsPage",
        "Nothing to show yet: add operators and sources, then register contacts.",
    ): "Пока нечего показать: добавьте операторов и источники, затем зарегистрируйте контакты.",
    ("StatisticsPage", "Unassigned"): "Без оператора",
    ("StatisticsPage", "No contacts in this period."): "За этот период контактов нет.",
    ("StatisticsPage", "The statistics are still being calculated."): (
        "Статистика ещё подсчитывается."
    ),
    ("StatisticsPage", "Saving…"): "Сохранение…",
    ("StatisticsPage", "Could not save {path}: {reason}"): "Не удалось сохранить {path}: {reason}",
    ("StatisticsPage", "Saved %n row(s) to {path}."): (
        "%n строка сохранена в {path}.",
        "%n строки сохранены в {path}.",
        "%n строк сохранено в {path}.",
    ),
    # -- Import: the dialog, the preview, the Imports screen ------------------------------
    ("Import", "External id"): "Внешний ID",
    ("Import", "Name"): "Имя",
    ("Import", "Source"): "Источник",
    ("Import", "Message"): "Сообщение",
    ("Import", "Date"): "Дата",
    ("Import", "Owner"): "Ответственный",
    ("Import", "owner"): "ответственный",
    ("ImportDialog", "Give each row to the operator in its Owner column"): (
        "Отдавать каждую строку оператору из столбца «Ответственный»"
    ),
    (
        "ImportDialog",
        "When an operator of that name exists, is active and below the limit, the row's "
        "contact goes to them, as if assigned by hand; otherwise the distributor decides as "
        "usual.",
    ): (
        "Если оператор с таким именем есть, активен и не достиг лимита, контакт из строки "
        "достаётся ему, как при назначении вручную; иначе оператора, как обычно, выбирает "
        "распределение."
    ),
    (
        "ImportDialog",
        "The lead's id comes from the column «{column}», which looks like the exporting "
        "system's row number, not a phone or e-mail: every row will become a lead of its "
        "own. Choose the column with the phone or e-mail as the external id if the file has "
        "one.",
    ): (
        "ID лида берётся из столбца «{column}», а это, похоже, номер строки в системе, из "
        "которой сделана выгрузка, а не телефон или e-mail: каждая строка станет отдельным "
        "лидом. Если в файле есть столбец с телефоном или e-mail, выберите его как внешний ID."
    ),
    ("ImportDialog", ", else "): ", иначе ",
    ("ImportDialog", "The first non-empty of these columns"): ("Первый непустой из этих столбцов"),
    ("ImportDialog", "These columns joined with spaces"): "Эти столбцы через пробел",
    ("Import", "external id"): "внешний ID",
    ("Import", "name"): "имя",
    ("Import", "source"): "источник",
    ("Import", "message"): "сообщение",
    ("Import", "date"): "дата",
    ("Import", "Column {number}"): "Столбец {number}",
    ("Import", "Line {line} of the file"): "Строка {line} файла",
    ("Import", "Above the header: not imported."): "Выше заголовка: не импортируется.",
    ("ImportDialog", "Comma ( , )"): "Запятая ( , )",
    ("ImportDialog", "Semicolon ( ; )"): "Точка с запятой ( ; )",
    ("ImportDialog", "Tab"): "Табуляция",
    ("ImportDialog", "Vertical bar ( | )"): "Вертикальная черта ( | )",
    ("ImportDialog", "Save rejected rows"): "Сохранение отклонённых строк",
    ("ImportDialog", "CSV files (*.csv);;All files (*)"): "Файлы CSV (*.csv);;Все файлы (*)",
    ("ImportDialog", "Import contacts"): "Импорт контактов",
    ("ImportDialog", "Contact tables ({patterns});;All files (*)"): (
        "Таблицы контактов ({patterns});;Все файлы (*)"
    ),
    ("ImportDialog", "about %n second(s) left"): (
        "осталось около %n секунды",
        "осталось около %n секунд",
        "осталось около %n секунд",
    ),
    ("ImportDialog", "about %n minute(s) left"): (
        "осталось около %n минуты",
        "осталось около %n минут",
        "осталось около %n минут",
    ),
    ("ImportDialog", "Import {file}"): "Импорт: {file}",
    ("ImportDialog", "Save rejected rows…"): "Сохранить отклонённые строки…",
    ("ImportDialog", "Import"): "Импортировать",
    ("ImportDialog", "Cancel"): "Отмена",
    ("ImportDialog", "no header"): "без заголовка",
    ("ImportDialog", "The line that holds the column names; 0 = the file has no header line."): (
        "Строка с названиями столбцов; 0 — в файле нет строки заголовка."
    ),
    ("ImportDialog", "Encoding:"): "Кодировка:",
    ("ImportDialog", "Delimiter:"): "Разделитель:",
    ("ImportDialog", "Sheet:"): "Лист:",
    ("ImportDialog", "How the file is read"): "Как читать файл",
    ("ImportDialog", "Header line:"): "Строка заголовка:",
    ("ImportDialog", "Which column holds what"): "Что в каких столбцах",
    ("ImportDialog", "The lead's phone, e-mail or messenger id: required."): (
        "Телефон, e-mail или ID лида в мессенджере — обязательно."
    ),
    ("ImportDialog", "Source of the rows:"): "Источник строк:",
    (
        "ImportDialog",
        "Rows are committed in batches: Cancel keeps every row committed so far, and "
        "importing the file again continues where it stopped. You can keep working in the "
        "window meanwhile.",
    ): (
        "Строки сохраняются пакетами: при отмене все уже сохранённые строки остаются, "
        "а повторный импорт файла продолжится с места остановки. Тем временем можно "
        "продолжать работу в окне."
    ),
    ("ImportDialog", "Rows read:"): "Прочитано строк:",
    ("ImportDialog", "Imported:"): "Импортировано:",
    ("ImportDialog", "Skipped (imported before):"): "Пропущено (импортированы ранее):",
    ("ImportDialog", "Rejected:"): "Отклонено:",
    ("ImportDialog", "Rejected rows"): "Отклонённые строки",
    ("ImportDialog", "Reading the file…"): "Чтение файла…",
    ("ImportDialog", "Close"): "Закрыть",
    ("ImportDialog", "<b>{name}</b> &nbsp;·&nbsp; {size} &nbsp;·&nbsp; {folder}"): (
        "<b>{name}</b> &nbsp;·&nbsp; {size} &nbsp;·&nbsp; {folder}"
    ),
    ("ImportDialog", "{encoding} (detected)"): "{encoding} (определена автоматически)",
    ("ImportDialog", "(not imported)"): "(не импортируется)",
    ("ImportDialog", "From the file's Source column"): "Из столбца источника в файле",
    ("ImportDialog", "Rows with an empty source cell get the source chosen here."): (
        "Строкам с пустой ячейкой источника назначается источник, выбранный здесь."
    ),
    ("ImportDialog", "Choose the source…"): "Выберите источник…",
    ("ImportDialog", "The file has no Source column: every row gets the source chosen here."): (
        "В файле нет столбца источника: всем строкам назначается источник, выбранный здесь."
    ),
    ("ImportDialog", "This file is being imported right now."): (
        "Этот файл импортируется прямо сейчас."
    ),
    (
        "ImportDialog",
        "The file has no Source column and there are no sources yet: add one on the Sources "
        "screen, or choose the column that holds the source.",
    ): (
        "В файле нет столбца источника, а источников пока нет: добавьте источник на экране "
        "«Источники» или укажите столбец, в котором он записан."
    ),
    ("ImportDialog", "The file has no Source column: choose the source of its rows."): (
        "В файле нет столбца источника: выберите источник для его строк."
    ),
    (
        "ImportDialog",
        "This file was already imported on {date} (%n row(s)). Import again to register every "
        "row once more, as new contacts.",
    ): (
        "Этот файл уже импортирован {date} (%n строка). Импортируйте его снова, чтобы "
        "зарегистрировать каждую строку ещё раз как новый контакт.",
        "Этот файл уже импортирован {date} (%n строки). Импортируйте его снова, чтобы "
        "зарегистрировать каждую строку ещё раз как новый контакт.",
        "Этот файл уже импортирован {date} (%n строк). Импортируйте его снова, чтобы "
        "зарегистрировать каждую строку ещё раз как новый контакт.",
    ),
    ("ImportDialog", "Import again"): "Импортировать снова",
    (
        "ImportDialog",
        "An interrupted import of this file will resume after row {row}, with the settings "
        "chosen then.",
    ): (
        "Прерванный импорт этого файла продолжится после строки {row} с настройками, "
        "выбранными тогда."
    ),
    ("ImportDialog", "Resume import"): "Продолжить импорт",
    ("ImportDialog", "The first %n row(s) of the file."): (
        "Первая %n строка файла.",
        "Первые %n строки файла.",
        "Первые %n строк файла.",
    ),
    ("ImportDialog", "%n of them would be rejected (in red; hover for the reason)."): (
        "%n из них будет отклонена (выделено красным; причина — во всплывающей подсказке).",
        "%n из них будут отклонены (выделено красным; причина — во всплывающей подсказке).",
        "%n из них будут отклонены (выделено красным; причина — во всплывающей подсказке).",
    ),
    ("ImportDialog", "Importing {file}…"): "Импорт {file}…",
    ("ImportDialog", "Starting…"): "Запуск…",
    ("ImportDialog", "Cancel import"): "Отменить импорт",
    ("ImportDialog", "Cancelling…"): "Отмена…",
    ("ImportDialog", "Stopping after the batch being written…"): (
        "Остановка после записи текущего пакета…"
    ),
    ("ImportDialog", "%n row(s) done"): (
        "Обработана %n строка",
        "Обработано %n строки",
        "Обработано %n строк",
    ),
    ("ImportDialog", "{rate} rows/s"): "{rate} строк/с",
    ("ImportDialog", "imported {imported}, skipped {skipped}, rejected {rejected}"): (
        "импортировано: {imported}, пропущено: {skipped}, отклонено: {rejected}"
    ),
    ("ImportDialog", "The import stopped"): "Импорт остановлен",
    (
        "ImportDialog",
        "%n row(s) were committed before that and stay; importing the file again continues "
        "after them.",
    ): (
        "До этого была сохранена %n строка, она остаётся; повторный импорт файла продолжится "
        "после неё.",
        "До этого были сохранены %n строки, они остаются; повторный импорт файла продолжится "
        "после них.",
        "До этого было сохранено %n строк, они остаются; повторный импорт файла продолжится "
        "после них.",
    ),
    ("ImportDialog", "{file} was imported before"): "{file} уже импортировался",
    ("ImportDialog", "It was already imported on {date}; nothing was imported again."): (
        "Файл уже импортирован {date}; повторно ничего не импортировано."
    ),
    ("ImportDialog", "Import of {file} cancelled"): "Импорт {file} отменён",
    (
        "ImportDialog",
        "%n row(s) were committed and stay. Import the file again to continue where it stopped.",
    ): (
        "Сохранена %n строка — она останется. Импортируйте файл снова, чтобы продолжить "
        "с места остановки.",
        "Сохранены %n строки — они останутся. Импортируйте файл снова, чтобы продолжить "
        "с места остановки.",
        "Сохранено %n строк — они останутся. Импортируйте файл снова, чтобы продолжить "
        "с места остановки.",
    ),
    ("ImportDialog", "Imported {file}"): "Импорт {file} завершён",
    (
        "ImportDialog",
        "Resumed the interrupted import and finished it. The counts below are "
        "this run's; the whole import: {rows} rows, {imported} imported, "
        "{skipped} skipped, {rejected} rejected.",
    ): (
        "Прерванный импорт продолжен и завершён. Ниже — счёт этого запуска; весь импорт: "
        "строк {rows}, импортировано {imported}, пропущено {skipped}, отклонено {rejected}."
    ),
    ("ImportDialog", "{imported} (assigned {assigned}, unassigned {unassigned})"): (
        "{imported} (назначено: {assigned}, без оператора: {unassigned})"
    ),
    (
        "ImportDialog",
        "Saved %n row(s) to {path}. Fix them and drop the file onto the window again.",
    ): (
        "%n строка сохранена в {path}. Исправьте её и снова перетащите файл в окно.",
        "%n строки сохранены в {path}. Исправьте их и снова перетащите файл в окно.",
        "%n строк сохранено в {path}. Исправьте их и снова перетащите файл в окно.",
    ),
    ("ImportDialog", "Cannot save {path}: {error}"): "Не удалось сохранить {path}: {error}",
    ("ImportDialog", "Not imported (only CSV, TSV, TXT and XLSX files can be): {names}"): (
        "Не импортированы (поддерживаются только файлы CSV, TSV, TXT и XLSX): {names}"
    ),
    ("ImportDialog", "%n file(s) waiting: each opens when the dialog before it is closed."): (
        "В очереди %n файл: каждый откроется после закрытия предыдущего диалога.",
        "В очереди %n файла: каждый откроется после закрытия предыдущего диалога.",
        "В очереди %n файлов: каждый откроется после закрытия предыдущего диалога.",
    ),
    ("ImportsModel", "File"): "Файл",
    ("ImportsModel", "Started"): "Начат",
    ("ImportsModel", "Status"): "Состояние",
    ("ImportsModel", "Rows"): "Строк",
    ("ImportsModel", "Imported"): "Импортировано",
    ("ImportsModel", "Assigned"): "Назначено",
    ("ImportsModel", "Unassigned"): "Без оператора",
    ("ImportsModel", "Skipped"): "Пропущено",
    ("ImportsModel", "Rejected"): "Отклонено",
    ("ImportsModel", "done"): "завершён",
    ("ImportsModel", "cancelled"): "отменён",
    ("ImportsModel", "importing…"): "импортируется…",
    ("ImportsModel", "interrupted"): "прерван",
    ("ImportsModel", "Stopped after {rows} rows; import the file again to finish it."): (
        "Остановлен, обработано строк: {rows}. Импортируйте файл снова, чтобы завершить."
    ),
    ("ImportsPage", "Import a file…"): "Импортировать файл…",
    ("ImportsPage", "Or drop CSV/XLSX files onto the window (Ctrl+I)"): (
        "Или перетащите файлы CSV/XLSX в окно (Ctrl+I)"
    ),
    ("ImportsPage", "Save rejected rows…"): "Сохранить отклонённые строки…",
    ("ImportsPage", "<br><br>Sample files to try are in <code>{folder}</code>."): (
        "<br><br>Примеры файлов для пробы — в папке <code>{folder}</code>."
    ),
    (
        "ImportsPage",
        "<h3>No imports yet</h3>Drop CSV or Excel files (.csv, .tsv, .txt, .xlsx) onto the "
        "window, or choose <b>File › Import contacts…</b> (Ctrl+I). Each file shows its "
        "columns and first rows before anything is imported; every row is registered exactly "
        "once, and a cancelled import continues where it stopped.",
    ): (
        "<h3>Импорта пока не было</h3>Перетащите в окно файлы CSV или Excel (.csv, .tsv, "
        ".txt, .xlsx) или выберите <b>Файл › Импорт контактов…</b> (Ctrl+I). До импорта "
        "для каждого файла показываются его столбцы и первые строки; каждая строка "
        "регистрируется ровно один раз, а отменённый импорт продолжается с места остановки."
    ),
    ("ImportsPage", "Select an import to see its rejected rows."): (
        "Выберите импорт, чтобы увидеть его отклонённые строки."
    ),
    ("ImportsPage", "Rejected rows of {file}: %n"): (
        "Отклонённые строки файла {file}: %n",
        "Отклонённые строки файла {file}: %n",
        "Отклонённые строки файла {file}: %n",
    ),
    ("ImportsPage", "{file}: no rejected rows."): "{file}: отклонённых строк нет.",
    (
        "ImportsPage",
        "Saved %n rejected row(s) to {path}. Fix them and drop the file onto the window again.",
    ): (
        "%n отклонённая строка сохранена в {path}. Исправьте её и снова перетащите файл в окно.",
        "%n отклонённые строки сохранены в {path}. Исправьте их и снова перетащите файл в окно.",
        "%n отклонённых строк сохранено в {path}. Исправьте их и снова перетащите файл в окно.",
    ),
    ("ImportsPage", "Cannot save {path}: {error}"): "Не удалось сохранить {path}: {error}",
    ("RejectsModel", "Line"): "Строка",
    ("RejectsModel", "Reason"): "Причина",
    ("RejectsModel", "Row"): "Содержимое",
    # -- importing: why the importer rejected a row -----------------------------------
    ("importing", 'No lead id: the column "{column}" is empty.'): (
        "Нет ID лида: столбец «{column}» пуст."
    ),
    ("importing", "No lead id: the columns {columns} are all empty."): (
        "Нет ID лида: все столбцы {columns} пусты."
    ),
    ("importing", 'The column "{column}" is too long: {length} characters, at most {limit}.'): (
        "Значение в столбце «{column}» слишком длинное: символов — {length}, "
        "допустимо не более {limit}."
    ),
    ("importing", 'Cannot read the date "{value}" in the column "{column}".'): (
        "Не удаётся распознать дату «{value}» в столбце «{column}»."
    ),
    (
        "importing",
        "A quoted field opens on this line and does not close properly; "
        "the lines after it were read as rows of their own.",
    ): (
        "В этой строке открывается кавычка, которая не закрывается как положено; "
        "следующие строки прочитаны как отдельные строки таблицы."
    ),
    ("importing", "The line is longer than {limit} MB."): "Строка длиннее {limit} МБ.",
    ("importing", "The line is not valid {encoding} text (does the file mix encodings?)."): (
        "Строка не читается в кодировке {encoding} (в файле смешаны кодировки?)."
    ),
    (
        "importing",
        "The line is in another encoding ({encoding}) than the file ({file_encoding}).",
    ): ("Строка записана в другой кодировке ({encoding}), чем файл ({file_encoding})."),
    ("importing", "The line holds a NUL byte (binary data)."): (
        "В строке есть нулевой байт (двоичные данные)."
    ),
    ("importing", "The cell {cell} holds {length} characters; a cell may hold at most {limit}."): (
        "В ячейке {cell} символов — {length}, а допустимо не более {limit}."
    ),
    ("importing", "The row holds more than {limit} characters in all."): (
        "В строке больше {limit} символов в сумме."
    ),
    # -- reasons: why a contact has no operator (lower case: they go mid-sentence) -----
    ("reasons", "no operators configured for the source"): "у источника нет настроенных операторов",
    ("reasons", "all operators have weight 0"): "у всех операторов вес 0",
    ("reasons", "all operators are inactive"): "все операторы неактивны",
    ("reasons", "all operators are at their limit"): "у всех операторов исчерпан лимит",
    ("reasons", "no eligible operator (inactive, at their limit or weight 0)"): (
        "нет подходящего оператора (неактивны, исчерпан лимит или вес 0)"
    ),
    # -- errors: CrmError templates ------------------------------------------------------
    # {what} and {field} arrive as English identifiers ("operator", "max_load"), so they
    # lead the sentence as a label: "max_load: значение не может быть отрицательным".
    ("errors", "{arg!r} is not OPERATOR=WEIGHT."): "{arg!r} не имеет вид OPERATOR=WEIGHT.",
    ("errors", "The weight in {arg!r} is not a whole number in plain digits 0-9."): (
        "Вес в {arg!r} — не целое число из обычных цифр 0-9."
    ),
    ("errors", "{value!r} is not a date (use YYYY-MM-DD or YYYY-MM-DDTHH:MM)."): (
        "{value!r} — не дата (используйте формат ГГГГ-ММ-ДД или ГГГГ-ММ-ДДTЧЧ:ММ)."
    ),
    ("errors", "Operator {names} given more than once."): (
        "Операторы указаны более одного раза: {names}."
    ),
    ("errors", "--limit must not be negative."): "--limit не может быть отрицательным.",
    (
        "errors",
        '"{name}" is not a regular file (a folder, pipe, device or socket); '
        "only files can be imported.",
    ): (
        "«{name}» — не обычный файл (папка, канал, устройство или сокет); "
        "импортировать можно только файлы."
    ),
    (
        "errors",
        '"{name}" holds more text than can be imported from a workbook; '
        "save the sheet as CSV and import that.",
    ): (
        "В «{name}» больше текста, чем можно импортировать из книги Excel; "
        "сохраните лист как CSV и импортируйте его."
    ),
    ("errors", 'Cannot write the rejected rows to "{value}".'): (
        "Не удаётся записать отклонённые строки в «{value}»."
    ),
    (
        "errors",
        'The import is done, but the rejected rows could not be written to "{value}": {error}.',
    ): ("Импорт выполнен, но отклонённые строки не удалось записать в «{value}»: {error}."),
    ("errors", "The delimiter must be one of , ; | tab (got {value!r})."): (
        "Разделитель должен быть одним из: , ; | tab (получено {value!r})."
    ),
    ("errors", "{path} is a folder, not a database file."): (
        "{path} — это папка, а не файл базы данных."
    ),
    ("errors", "The folder {folder} does not exist."): "Папка {folder} не существует.",
    ("errors", "Cannot read {path}: {reason}."): "Не удаётся прочитать {path}: {reason}.",
    ("errors", "{path} is not a database file."): "{path} не является файлом базы данных.",
    ("errors", "{path} is a SQLite database of another program; it was left untouched."): (
        "{path} — база данных SQLite другой программы; файл не изменён."
    ),
    (
        "errors",
        "{path} was written by a newer version of Lead Dispatcher (schema {found}, this "
        "version knows {known}). Update the program; the file was left untouched.",
    ): (
        "Файл {path} записан более новой версией Lead Dispatcher (схема {found}, эта версия "
        "знает схему {known}). Обновите программу; файл не изменён."
    ),
    ("errors", "{path} is locked by another program; try again in a moment."): (
        "Файл {path} заблокирован другой программой; повторите попытку чуть позже."
    ),
    # -- the database file: damage, read-only, special files, check, backup, restore --
    ("errors", "{path} is not a regular file (a device, pipe or socket); give a database file."): (
        "{path} — не обычный файл (устройство, канал или сокет); укажите файл базы данных."
    ),
    (
        "errors",
        "{path} is damaged ({reason}). Run 'desktop-crm check' to see the problems, "
        "or restore a backup ('desktop-crm restore BACKUP').",
    ): (
        "Файл {path} повреждён ({reason}). Запустите «desktop-crm check», чтобы увидеть "
        "ошибки, или восстановите резервную копию («desktop-crm restore КОПИЯ»)."
    ),
    (
        "errors",
        "{path} is damaged: SQLite's check found problems (listed above). Restore a "
        "backup ('desktop-crm backups', 'desktop-crm restore BACKUP').",
    ): (
        "Файл {path} повреждён: проверка SQLite нашла ошибки (они перечислены выше). "
        "Восстановите резервную копию («desktop-crm backups», «desktop-crm restore КОПИЯ»)."
    ),
    (
        "errors",
        "{path} is read-only (the file or its folder cannot be written); nothing was written.",
    ): (
        "Файл {path} доступен только для чтения (нельзя записать в файл или его папку); "
        "ничего не записано."
    ),
    (
        "errors",
        "{path} is read-only, and this version must upgrade it first (schema {found} "
        "to {known}); make the file and its folder writable.",
    ): (
        "Файл {path} доступен только для чтения, а эта версия должна сначала обновить его "
        "(схема {found} → {known}); разрешите запись в файл и его папку."
    ),
    ("errors", "{path} is read-only and SQLite cannot read it so ({reason})."): (
        "Файл {path} доступен только для чтения, и SQLite не может прочитать его так ({reason})."
    ),
    (
        "errors",
        "{path} was not upgraded: the backup before the upgrade failed ({reason}). "
        "Nothing changed.",
    ): (
        "Файл {path} не обновлён: не удалось сделать резервную копию перед обновлением "
        "({reason}). Ничего не изменено."
    ),
    ("errors", "{target} already exists; choose a new file name."): (
        "{target} уже существует; выберите новое имя файла."
    ),
    ("errors", "There is no database at {path}."): "Базы данных {path} нет.",
    ("errors", "Cannot write {path}: {reason}."): "Не удаётся записать {path}: {reason}.",
    ("errors", "The backup cannot be the database itself ({path})."): (
        "Резервная копия не может быть самой базой данных ({path})."
    ),
    ("errors", "{backup} is not a Lead Dispatcher database."): (
        "{backup} — не база данных Lead Dispatcher."
    ),
    (
        "errors",
        "{path} was created by another process meanwhile; this import was kept in {temp}. "
        "Import the file again into {path}.",
    ): (
        "Тем временем файл {path} создал другой процесс; этот импорт сохранён в {temp}. "
        "Импортируйте файл в {path} ещё раз."
    ),
    ("errors", "Cannot open {path}: {reason}."): "Не удаётся открыть {path}: {reason}.",
    ("errors", "Unsupported database URL {url!r}: only sqlite:///PATH is supported."): (
        "Неподдерживаемый URL базы данных {url!r}: поддерживается только sqlite:///PATH."
    ),
    ("errors", "The database URL {url!r} names no file."): (
        "В URL базы данных {url!r} не указан файл."
    ),
    ("errors", "The database stayed busy; nothing was written. Try again."): (
        "База данных занята; ничего не записано. Повторите попытку."
    ),
    ("errors", "Interrupted."): "Прервано.",
    ("errors", "The database stayed busy past the wait."): (
        "База данных оставалась занятой дольше срока ожидания."
    ),
    ("errors", "An internal error stopped it."): "Её остановила внутренняя ошибка.",
    (
        "errors",
        "{reason} The import stopped part-way: {committed} rows were committed and "
        "stay; run the same import again to resume.",
    ): (
        "{reason} Импорт остановлен на полпути: записано строк — {committed}, они "
        "сохранены; запустите тот же импорт снова, чтобы продолжить."
    ),
    (
        "errors",
        "{reason} Distributing the queue stopped part-way: {committed} contacts "
        "were assigned and stay; run it again to continue.",
    ): (
        "{reason} Распределение очереди остановлено на полпути: назначено обращений — "
        "{committed}, они сохранены; запустите его снова, чтобы продолжить."
    ),
    ("errors", "The date {value} is out of range."): "Дата {value} вне допустимого диапазона.",
    (
        "errors",
        "The idempotency key {key!r} was already used for contact #{id} with a "
        "different lead, source, name or message; use a new key for a new contact.",
    ): (
        "Ключ идемпотентности {key!r} уже использован для обращения №{id} с другим "
        "лидом, источником, именем или сообщением; для нового обращения нужен новый ключ."
    ),
    ("errors", "{open} is still open in this program; close it before opening {path}."): (
        "База {open} ещё открыта в этой программе; закройте её, прежде чем открывать {path}."
    ),
    ("errors", "Cannot create the folder {folder}: {reason}."): (
        "Не удаётся создать папку {folder}: {reason}."
    ),
    ("errors", "{path} has migrations this version does not know ({names}); update the program."): (
        "В {path} есть миграции, неизвестные этой версии ({names}); обновите программу."
    ),
    ("errors", "Upgrading {path} would break references; nothing changed."): (
        "Обновление {path} нарушило бы ссылки; ничего не изменено."
    ),
    ("errors", 'The delimiter must be one character, not "{value}".'): (
        "Разделитель должен быть одним символом, а не «{value}»."
    ),
    ("errors", 'Unknown encoding "{value}".'): "Неизвестная кодировка «{value}».",
    (
        "errors",
        "The lead's external id must not contain control characters "
        "(escape, line break and the like).",
    ): (
        "Внешний идентификатор лида не должен содержать управляющих символов "
        "(escape, перевод строки и т. п.)."
    ),
    ("errors", 'Unsupported encoding "{value}": choose a text encoding such as UTF-8.'): (
        "Кодировка «{value}» не поддерживается: выберите текстовую кодировку, например UTF-8."
    ),
    ("errors", 'The file does not decode in the encoding "{value}".'): (
        "Файл не читается в кодировке «{value}»."
    ),
    ("errors", 'Cannot read "{name}": {error}.'): "Не удаётся прочитать «{name}»: {error}.",
    (
        "errors",
        '"{name}": files of type "{suffix}" cannot be imported; use CSV, TSV, TXT or XLSX '
        "(save an old .xls workbook as .xlsx).",
    ): (
        "«{name}»: файлы типа «{suffix}» импортировать нельзя; используйте CSV, TSV, TXT "
        "или XLSX (старую книгу .xls сохраните как .xlsx)."
    ),
    ("errors", '"{name}" is empty.'): "Файл «{name}» пуст.",
    ("errors", '"{name}" is not a table: expected CSV/TSV/TXT text or an XLSX workbook.'): (
        "«{name}» — не таблица: ожидается текст CSV/TSV/TXT или книга XLSX."
    ),
    (
        "errors",
        '"{name}": no column holds the lead\'s id (phone, e-mail or id). Choose the id column '
        "or the header line.",
    ): (
        "«{name}»: ни в одном столбце нет ID лида (телефона, e-mail или другого ID). "
        "Укажите столбец с ID или строку заголовка."
    ),
    (
        "errors",
        '"{name}", line {line}: a quoted field never ends; check the quotes on that line.',
    ): "«{name}», строка {line}: поле в кавычках не закрыто; проверьте кавычки в этой строке.",
    ("errors", 'Unknown field "{value}" in the column mapping.'): (
        "Неизвестное поле «{value}» в сопоставлении столбцов."
    ),
    ("errors", "Column {value} for {target} is outside the table (1 to {count})."): (
        "Столбец {value} для поля «{target}» вне таблицы (допустимо от 1 до {count})."
    ),
    # Other CRMs' exports: --map
    ("errors", "No column is given for {target}."): "Для поля «{target}» не указан столбец.",
    ("errors", "--map takes FIELD=COLUMN or FIELD=COLUMN+COLUMN, not {value!r}."): (
        "--map принимает ПОЛЕ=СТОЛБЕЦ или ПОЛЕ=СТОЛБЕЦ+СТОЛБЕЦ, а не {value!r}."
    ),
    ("errors", 'Unknown field "{value}" for --map; the fields are: {fields}.'): (
        "Неизвестное поле «{value}» в --map; поля: {fields}."
    ),
    ("errors", "The lead's id column cannot be left out."): (
        "Столбец с ID лида нельзя исключить из импорта."
    ),
    ("errors", 'No column "{value}" in {file}; its columns are: {columns}.'): (
        "В файле {file} нет столбца «{value}»; его столбцы: {columns}."
    ),
    ("errors", "Line {value} is inside a record that starts on line {start}."): (
        "Строка {value} находится внутри записи, которая начинается в строке {start}."
    ),
    ("errors", "The file has no line {value} to take the header from."): (
        "В файле нет строки {value}, из которой можно взять заголовок."
    ),
    ("errors", 'The workbook has no sheet "{value}".'): "В книге нет листа «{value}».",
    ("errors", "The {what} name must not be empty."): "{what}: имя не может быть пустым.",
    ("errors", "The {what} name is longer than {limit} characters."): (
        "{what}: имя слишком длинное (не более {limit} символов)."
    ),
    ("errors", "{field} must be a whole number."): "{field}: нужно целое число.",
    ("errors", "{field} must not be negative (got {value})."): (
        "{field}: значение не может быть отрицательным (получено {value})."
    ),
    ("errors", "{field} must be at most {limit} (got {value})."): (
        "{field}: значение не может быть больше {limit} (получено {value})."
    ),
    ("errors", "No operator {ref!r}."): "Оператор {ref!r} не найден.",
    ("errors", "No source {ref!r}."): "Источник {ref!r} не найден.",
    ("errors", "No id {ref}; for the one named {ref!r} write name:{ref}."): (
        "Нет записи с ID {ref}; чтобы указать запись с именем {ref!r}, напишите name:{ref}."
    ),
    ("errors", "No contact #{id}."): f"Контакт №{NBSP}{{id}} не найден.",
    ("errors", "The {field} {value!r} already exists for another {what}."): (
        "{what}: запись с {field} = {value!r} уже существует."
    ),
    (
        "errors",
        "The {field} {value!r} already exists for {what} {other!r} (names and codes "
        "are compared ignoring case, width and invisible characters).",
    ): (
        "{what}: {field} {value!r} уже занято записью {other!r} (имена и коды сравниваются "
        "без учёта регистра, ширины символов и невидимых символов)."
    ),
    (
        "errors",
        "The {what} {field} must not contain control characters "
        "(tab, line break, escape and the like).",
    ): (
        "{what}: {field} не может содержать управляющие символы "
        "(табуляцию, перевод строки, Escape и подобные)."
    ),
    ("errors", "The {field} is longer than {limit} characters."): (
        "{field}: значение слишком длинное (не более {limit} символов)."
    ),
    ("errors", "The lead's external id must not be empty."): (
        "Внешний ID лида не может быть пустым."
    ),
    ("errors", "The idempotency key must be 1 to {limit} characters."): (
        "Ключ идемпотентности должен содержать от 1 до {limit} символов."
    ),
    ("errors", "{name} is inactive and takes no contacts."): (
        "Оператор {name} неактивен и не получает контакты."
    ),
    ("errors", "{name} is at the limit ({max_load}); contact #{id} was not given to them."): (
        f"У оператора {{name}} исчерпан лимит ({{max_load}}); контакт №{NBSP}{{id}} не назначен."
    ),
    (
        "errors",
        "{name} is at the limit ({max_load}); contact #{id} cannot be reopened. Close another "
        "contact or raise the limit.",
    ): (
        f"У оператора {{name}} исчерпан лимит ({{max_load}}); контакт №{NBSP}{{id}} нельзя "
        "вернуть в работу. Закройте другой контакт или увеличьте лимит."
    ),
    ("errors", "Demo data can only be loaded into an empty database."): (
        "Демо-данные можно загрузить только в пустую базу данных."
    ),
    ("errors", "{file} has no source column; choose the source for the whole file."): (
        "В файле {file} нет столбца источника; выберите источник для всего файла."
    ),
    ("errors", "The row names no source."): "В строке не указан источник.",
    (
        "errors",
        "{name} has {load} active contacts; max_load cannot be lower than that. Close or "
        "reassign contacts first.",
    ): (
        "У оператора {name} активных контактов: {load}; макс. нагрузка не может быть меньше. "
        "Сначала закройте контакты или передайте их другим операторам."
    ),
    (
        "errors",
        "{name} has {count} contacts and cannot be deleted; deactivate the operator instead.",
    ): (
        "Оператора {name} нельзя удалить: у него есть контакты ({count}). Вместо этого "
        "сделайте его неактивным."
    ),
    ("errors", "Unknown phone region {region!r} (use e.g. RU, KZ)."): (
        "Неизвестный регион телефонов {region!r} (укажите, например, RU или KZ)."
    ),
    (
        "errors",
        "The code {code!r} must be up to {limit} characters without spaces, and not only digits.",
    ): ("Код {code!r} должен быть не длиннее {limit} символов, без пробелов и не только из цифр."),
    ("errors", "Unknown strategy {value!r}; use one of {names}."): (
        "Неизвестная стратегия {value!r}; используйте одну из: {names}."
    ),
    (
        "errors",
        "{name} has {count} contacts and cannot be deleted; set all its weights to 0 to stop "
        "it receiving operators instead.",
    ): (
        "Источник {name} нельзя удалить: у него есть контакты ({count}). Вместо этого "
        "обнулите все его веса, чтобы его контакты больше не доставались операторам."
    ),
    ("errors", "Operator {name} is given more than once."): (
        "Оператор {name} указан более одного раза."
    ),
    # -- Exports, erasure (issue 8) ----------------------------------------------------
    ("ContactsPage", "Export to CSV…"): "Экспорт в CSV…",
    ("ContactsPage", "Save the contacts that match the filter to a CSV file (Ctrl+E)"): (
        "Сохранить контакты, подходящие под фильтр, в файл CSV (Ctrl+E)"
    ),
    ("ContactsPage", "Export contacts…"): "Экспорт контактов…",
    ("ContactsPage", "Export contacts"): "Экспорт контактов",
    ("CsvExporter", "An export is already running."): "Экспорт уже идёт.",
    ("CsvExporter", "Cancel export"): "Отменить экспорт",
    ("CsvExporter", "Exporting to {path}…"): "Экспорт в {path}…",
    ("CsvExporter", "Exporting… %n row(s) written."): (
        "Экспорт… записана %n строка.",
        "Экспорт… записаны %n строки.",
        "Экспорт… записано %n строк.",
    ),
    ("CsvExporter", "Saved %n row(s) to {path}."): (
        "Сохранена %n строка в {path}.",
        "Сохранены %n строки в {path}.",
        "Сохранено %n строк в {path}.",
    ),
    ("CsvExporter", "The export was cancelled; no file was written."): (
        "Экспорт отменён; файл не записан."
    ),
    ("Exports", "CSV files (*.csv)"): "Файлы CSV (*.csv)",
    ("LeadsPage", "Erase personal data"): "Удаление персональных данных",
    ("LeadsPage", "Erase the personal data of {lead}?"): "Удалить персональные данные {lead}?",
    ("LeadsPage", "Erase"): "Удалить",
    ("LeadsPage", "Export to CSV…"): "Экспорт в CSV…",
    ("LeadsPage", "Save the leads that match the search to a CSV file (Ctrl+E)"): (
        "Сохранить лиды, найденные поиском, в файл CSV (Ctrl+E)"
    ),
    ("LeadsPage", "Export leads…"): "Экспорт лидов…",
    ("LeadsPage", "&Erase personal data…"): "&Удалить персональные данные…",
    ("LeadsPage", "Anonymise the selected lead's id, name and messages everywhere"): (
        "Обезличить идентификатор, имя и сообщения выбранного лида везде"
    ),
    ("LeadsPage", "Export leads"): "Экспорт лидов",
    ("LeadsPage", "Erasing…"): "Удаление…",
    ("LeadsPage", "Personal data erased; the lead is now {id}."): (
        "Персональные данные удалены; теперь лид — {id}."
    ),
    (
        "LeadsPage",
        "Personal data erased, but another program kept the database busy, so old copies "
        "may remain in the file until the next erasure finishes.",
    ): (
        "Персональные данные удалены, но другая программа занимала базу данных, поэтому "
        "старые копии могут оставаться в файле до завершения следующего удаления."
    ),
    (
        "LeadsPage",
        "Its phone or other id, its name and the messages of its %n contact(s) are removed "
        "for good: from the contacts, from stored import rejects and from the database file. "
        "The lead gets an erased:… id; its contacts stay with their source, operator and "
        "times, so counts and statistics do not change. This cannot be undone.",
    ): (
        "Телефон или другой идентификатор, имя и сообщения его %n контакта будут удалены "
        "навсегда: из контактов, из сохранённых отклонённых строк импорта и из файла базы "
        "данных. Лид получит идентификатор erased:…; контакты останутся со своим источником, "
        "оператором и временем, поэтому счётчики и статистика не изменятся. Отменить это "
        "нельзя.",
        "Телефон или другой идентификатор, имя и сообщения его %n контактов будут удалены "
        "навсегда: из контактов, из сохранённых отклонённых строк импорта и из файла базы "
        "данных. Лид получит идентификатор erased:…; контакты останутся со своим источником, "
        "оператором и временем, поэтому счётчики и статистика не изменятся. Отменить это "
        "нельзя.",
        "Телефон или другой идентификатор, имя и сообщения его %n контактов будут удалены "
        "навсегда: из контактов, из сохранённых отклонённых строк импорта и из файла базы "
        "данных. Лид получит идентификатор erased:…; контакты останутся со своим источником, "
        "оператором и временем, поэтому счётчики и статистика не изменятся. Отменить это "
        "нельзя.",
    ),
    ("errors", "--{option} does not apply to export {what}."): (
        "--{option} не применяется к export {what}."
    ),
    ("errors", "Personal data erased."): "Персональные данные удалены.",
    ("errors", "The search text is longer than {limit} characters."): (
        "Текст поиска длиннее {limit} символов."
    ),
    ("errors", "Lead #{id} does not exist."): "Лида №" + NBSP + "{id} нет.",
    (
        "errors",
        "No lead with the id {reference!r} (an erased lead is found by its erased:… id, or id:N).",
    ): (
        "Нет лида с идентификатором {reference!r} (удалённый лид находится по его "
        "идентификатору erased:… или по id:N)."
    ),
    ("errors", "{path} is the database; choose another file."): (
        "{path} — это база данных; выберите другой файл."
    ),
    ("errors", "A lead's external id may not start with {prefix!r} (erased leads)."): (
        "Внешний идентификатор лида не может начинаться с {prefix!r} (так помечены удалённые лиды)."
    ),
    ("exports", "Lead id"): "№ лида",
    ("exports", "External id"): "Внешний идентификатор",
    ("exports", "Name"): "Имя",
    ("exports", "First seen"): "Впервые",
    ("exports", "Contacts"): "Контакты",
    ("exports", "Last contact"): "Последний контакт",
    ("exports", "Contact id"): "№ контакта",
    ("exports", "Created"): "Создан",
    ("exports", "Source"): "Источник",
    ("exports", "Operator"): "Оператор",
    ("exports", "Active"): "Активен",
    ("exports", "Message"): "Сообщение",
    ("exports", "Active operator"): "Оператор активен",
    ("exports", "Load"): "Нагрузка",
    ("exports", "Max load"): "Макс. нагрузка",
    ("exports", "{source}: contacts"): "{source}: контакты",
    ("exports", "{source}: active"): "{source}: активные",
    ("exports", "Total contacts"): "Всего контактов",
    ("exports", "Total active"): "Всего активных",
    ("exports", "Unassigned"): "Без оператора",
    ("exports", "yes"): "да",
    ("exports", "no"): "нет",
}

# English plural forms (singular, plural) for desktop_crm_en.ts.
ENGLISH: dict[tuple[str, str], tuple[str, str]] = {
    ("AssignDialog", "Give %n selected contact(s) to:"): (
        "Give %n selected contact to:",
        "Give %n selected contacts to:",
    ),
    (
        "AssignDialog",
        "{name} has room for %n more; the other contacts will be refused (closed ones always fit).",
    ): (
        "{name} has room for %n more; the other contacts will be refused (closed ones always fit).",
        "{name} has room for %n more; the other contacts will be refused (closed ones always fit).",
    ),
    ("CsvExporter", "Exporting… %n row(s) written."): (
        "Exporting… %n row written.",
        "Exporting… %n rows written.",
    ),
    ("CsvExporter", "Saved %n row(s) to {path}."): (
        "Saved %n row to {path}.",
        "Saved %n rows to {path}.",
    ),
    (
        "LeadsPage",
        "Its phone or other id, its name and the messages of its %n contact(s) are removed "
        "for good: from the contacts, from stored import rejects and from the database file. "
        "The lead gets an erased:… id; its contacts stay with their source, operator and "
        "times, so counts and statistics do not change. This cannot be undone.",
    ): (
        "Its phone or other id, its name and the message of its %n contact are removed "
        "for good: from the contacts, from stored import rejects and from the database file. "
        "The lead gets an erased:… id; its contact stays with its source, operator and "
        "time, so counts and statistics do not change. This cannot be undone.",
        "Its phone or other id, its name and the messages of its %n contacts are removed "
        "for good: from the contacts, from stored import rejects and from the database file. "
        "The lead gets an erased:… id; its contacts stay with their source, operator and "
        "times, so counts and statistics do not change. This cannot be undone.",
    ),
    ("ContactDetail", "Contact #{id} (of %n selected)"): (
        "Contact #{id} (of %n selected)",
        "Contact #{id} (of %n selected)",
    ),
    ("ContactsPage", "Close %n contact(s)?"): ("Close %n contact?", "Close %n contacts?"),
    ("ContactsPage", "Assigned %n contact(s) to {name}."): (
        "Assigned %n contact to {name}.",
        "Assigned %n contacts to {name}.",
    ),
    ("ContactsPage", "%n contact(s) already had this operator."): (
        "%n contact already had this operator.",
        "%n contacts already had this operator.",
    ),
    ("ContactsPage", "%n contact(s) could not be assigned:"): (
        "%n contact could not be assigned:",
        "%n contacts could not be assigned:",
    ),
    ("ContactsPage", "…and %n more."): ("…and %n more.", "…and %n more."),
    ("ContactsPage", "Closed %n contact(s)."): ("Closed %n contact.", "Closed %n contacts."),
    ("ContactsPage", "Reopened %n contact(s)."): ("Reopened %n contact.", "Reopened %n contacts."),
    ("ContactsPage", "%n contact(s) could not be reopened:"): (
        "%n contact could not be reopened:",
        "%n contacts could not be reopened:",
    ),
    ("ContactsPage", "Assign %n contact(s) to…"): (
        "Assign %n contact to…",
        "Assign %n contacts to…",
    ),
    ("ContactsPage", "Close %n contact(s)"): ("Close %n contact", "Close %n contacts"),
    ("ContactsPage", "Reopen %n contact(s)"): ("Reopen %n contact", "Reopen %n contacts"),
    ("ContactsPage", "%n contact(s)"): ("%n contact", "%n contacts"),
    ("ContactsPage", "%n contact(s) loaded; scroll for more"): (
        "%n contact loaded; scroll for more",
        "%n contacts loaded; scroll for more",
    ),
    ("ContactsPage", "%n selected"): ("%n selected", "%n selected"),
    ("ImportDialog", "about %n second(s) left"): ("about %n second left", "about %n seconds left"),
    ("ImportDialog", "about %n minute(s) left"): ("about %n minute left", "about %n minutes left"),
    (
        "ImportDialog",
        "This file was already imported on {date} (%n row(s)). Import again to register every "
        "row once more, as new contacts.",
    ): (
        "This file was already imported on {date} (%n row). Import again to register the row "
        "once more, as a new contact.",
        "This file was already imported on {date} (%n rows). Import again to register every "
        "row once more, as new contacts.",
    ),
    ("ImportDialog", "The first %n row(s) of the file."): (
        "The first %n row of the file.",
        "The first %n rows of the file.",
    ),
    ("ImportDialog", "%n of them would be rejected (in red; hover for the reason)."): (
        "%n of them would be rejected (in red; hover for the reason).",
        "%n of them would be rejected (in red; hover for the reason).",
    ),
    ("ImportDialog", "%n row(s) done"): ("%n row done", "%n rows done"),
    (
        "ImportDialog",
        "%n row(s) were committed before that and stay; importing the file again continues "
        "after them.",
    ): (
        "%n row was committed before that and stays; importing the file again continues after it.",
        "%n rows were committed before that and stay; importing the file again continues "
        "after them.",
    ),
    (
        "ImportDialog",
        "%n row(s) were committed and stay. Import the file again to continue where it stopped.",
    ): (
        "%n row was committed and stays. Import the file again to continue where it stopped.",
        "%n rows were committed and stay. Import the file again to continue where it stopped.",
    ),
    (
        "ImportDialog",
        "Saved %n row(s) to {path}. Fix them and drop the file onto the window again.",
    ): (
        "Saved %n row to {path}. Fix it and drop the file onto the window again.",
        "Saved %n rows to {path}. Fix them and drop the file onto the window again.",
    ),
    ("ImportDialog", "%n file(s) waiting: each opens when the dialog before it is closed."): (
        "%n file waiting: it opens when this dialog is closed.",
        "%n files waiting: each opens when the dialog before it is closed.",
    ),
    ("ImportsPage", "Rejected rows of {file}: %n"): (
        "Rejected rows of {file}: %n",
        "Rejected rows of {file}: %n",
    ),
    (
        "ImportsPage",
        "Saved %n rejected row(s) to {path}. Fix them and drop the file onto the window again.",
    ): (
        "Saved %n rejected row to {path}. Fix it and drop the file onto the window again.",
        "Saved %n rejected rows to {path}. Fix them and drop the file onto the window again.",
    ),
    ("IntakeForm", "%n contact(s)"): ("%n contact", "%n contacts"),
    ("LeadsPage", "%n contact(s)"): ("%n contact", "%n contacts"),
    ("LeadsPage", "%n lead(s)"): ("%n lead", "%n leads"),
    ("LeadsPage", "%n lead(s) loaded; scroll for more"): (
        "%n lead loaded; scroll for more",
        "%n leads loaded; scroll for more",
    ),
    ("MainWindow", "Distributing the queue… %n contact(s) assigned"): (
        "Distributing the queue… %n contact assigned",
        "Distributing the queue… %n contacts assigned",
    ),
    ("MainWindow", "Queue distributed: %n contact(s) assigned"): (
        "Queue distributed: %n contact assigned",
        "Queue distributed: %n contacts assigned",
    ),
    ("SharesModel", "%n contact(s) in the period"): (
        "%n contact in the period",
        "%n contacts in the period",
    ),
    ("SourcesModel", "%n operator(s)"): ("%n operator", "%n operators"),
    ("SourcesPage", "Total weight {total}; %n operator(s) get contacts"): (
        "Total weight {total}; %n operator gets contacts",
        "Total weight {total}; %n operators get contacts",
    ),
    ("StackedBarChart", "%n contact(s)"): ("%n contact", "%n contacts"),
    ("StackedBarChart", "Total: %n"): ("Total: %n", "Total: %n"),
    ("StatisticsModel", "%n contact(s) in the period"): (
        "%n contact in the period",
        "%n contacts in the period",
    ),
    ("StatisticsModel", "%n still active"): ("%n still active", "%n still active"),
    ("StatisticsPage", "%n contact(s)"): ("%n contact", "%n contacts"),
    ("StatisticsPage", "%n unassigned"): ("%n unassigned", "%n unassigned"),
    ("StatisticsPage", "Saved %n row(s) to {path}."): (
        "Saved %n row to {path}.",
        "Saved %n rows to {path}.",
    ),
    ("WeightGridModel", "Can take %n more active contact(s)."): (
        "Can take %n more active contact.",
        "Can take %n more active contacts.",
    ),
    ("WeightsModel", "Can take %n more active contact(s)."): (
        "Can take %n more active contact.",
        "Can take %n more active contacts.",
    ),
    ("WelcomePage", "Loaded %n demo contact(s)."): (
        "Loaded %n demo contact.",
        "Loaded %n demo contacts.",
    ),
}
