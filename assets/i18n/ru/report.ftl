# Отчёты для тренеров (src/report): одна попытка, один сотрудник, группа; и команды для LRS.

report-attempt-title = Отчёт о попытке
report-trainee-title = Отчёт о сотруднике
report-group-title = Отчёт по группе
report-kind-dialogue = Диалог
report-kind-quiz = Викторина
report-kind-team = Командная игра
report-trainee = Сотрудник
report-group = Группа
report-scenario = Сценарий
report-started = Начало
report-duration = Длительность
report-score = Итог
report-date = Дата
# $total — набранные баллы, $min и $max — наименьший и наибольший итог сценария.
report-points-range = { $total } (от { $min } до { $max })
report-points = Баллы
report-ending = Финал
report-principles = Принципы
report-no-principles = В этой попытке ни один принцип не проверялся.
# $upheld из $chances решений соблюли принцип.
report-upheld = соблюдён { $upheld } из { $chances }
report-decisions = Решения
report-step = Шаг { $n }
report-they-said = Собеседник
report-reply = Ваш ответ
report-better = Ответ лучше
report-best-made = Это был лучший из предложенных ответов.
report-progress = Прогресс по принципам
report-overall-score = Общий итог
report-weakest = Слабые принципы и что потренировать
report-practise = Тренировать в
report-nothing-weak = Слабых принципов нет: каждый шанс использован.
report-attempts = Попытки
report-attempt-count = { $n ->
    [one] { $n } попытка
    [few] { $n } попытки
   *[many] { $n } попыток
}
report-mean-score = средний итог
report-trainee-count = { $n ->
    [one] { $n } сотрудник
    [few] { $n } сотрудника
   *[many] { $n } сотрудников
}
report-heatmap = Принципы по сотрудникам
report-heat-legend = В клетке — доля случаев, когда сотрудник соблюл принцип; в скобках — сколько было таких случаев. Нижняя строка — среднее по тем, у кого был случай.
report-average = Среднее по группе
report-drilldown = По каждому сотруднику
report-generated = создан { $date }
report-saved = Отчёт сохранён: { $path }
report-no-attempts = Нет подходящих попыток: { $what }.
report-sync-done = Отправлено { $sent }, уже были в LRS { $duplicate }, ждут отправки { $pending }.
# $error is one of the report-lrs-* messages below.
report-sync-failed = { $error } В очереди { $pending } { $pending ->
    [one] запись; она уйдёт
    [few] записи; они уйдут
   *[many] записей; они уйдут
} в следующий раз.
report-lrs-missing = LRS не настроена: задайте её в настройках игры, укажите --lrs-endpoint, --lrs-key и --lrs-secret или переменные CF_LRS_ENDPOINT, CF_LRS_KEY и CF_LRS_SECRET.
# `report group` without a name, from an LRS.
report-lrs-group-needed = Укажите название группы: отчёт из LRS строится по группе.
# `sync --enqueue-store`: statements of stored attempts put in the outbox.
report-sync-enqueued = В очередь { $added ->
    [one] добавлена { $added } новая запись
    [few] добавлены { $added } новые записи
   *[many] добавлено { $added } новых записей
} (всего по завершённым попыткам: { $total }).
report-store-missing = Сохранённого прогресса нет: { $path }. Сначала сыграйте на этом компьютере или укажите файл прогресса через --store ФАЙЛ.
report-store-no-default = В этой системе нет папки данных пользователя: укажите файл прогресса через --store ФАЙЛ.
# $error is the database's reason.
report-store-error = Хранилище прогресса { $path } не открывается: { $error }
# Why sending to the LRS failed; shown by `sync` and in Settings.
report-lrs-unreachable = LRS недоступна ({ $error }). Проверьте сеть и адрес LRS в настройках; результаты ждут на этом компьютере.
report-lrs-unauthorized = LRS не приняла ключ и секрет (HTTP { $status }). Проверьте их в настройках.
report-lrs-rejected = LRS отклонила результаты как некорректные (HTTP { $status }): { $detail }
report-lrs-server = Ошибка на стороне LRS (HTTP { $status }): { $detail }. Попытка будет повторена позже.
report-lrs-protocol = Ответ LRS не похож на xAPI ({ $detail }). Проверьте адрес LRS в настройках.
report-outbox-store-error = Очередь отправки в хранилище прогресса недоступна: { $error }
# The outbox line of Settings.
report-outbox-not-configured = LRS не настроена: результаты остаются на этом компьютере.
report-outbox-pending = { $n ->
    [one] { $n } запись ждёт отправки
    [few] { $n } записи ждут отправки
   *[many] { $n } записей ждут отправки
}
report-outbox-last-sync = последняя отправка { $when }
report-outbox-never-synced = ещё не отправлялось
# A JSON file of attempts that cannot be read; $error is the system's reason.
report-json-unreadable = { $path }: не удаётся прочитать: { $error }
# A JSON file of attempts with a mistake at $line:$col; $error is the parser's reason.
report-json-invalid = { $path }:{ $line }:{ $col }: это не список попыток ({ $error }). Укажите JSON-файл в формате `client-first report sample`.
