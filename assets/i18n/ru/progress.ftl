# Титульный экран, экран игроков и экран прогресса (русский).

# Титульный экран: кнопка с именем игрока, открывает список игроков.
title-player = Игрок: { $name } (сменить: P)
title-player-group = Игрок: { $name }, { $group } (сменить: P)
# Титульный экран: сколько принципов пора повторить сегодня.
title-due = { $n ->
    [one] Сегодня пора повторить { $n } принцип
    [few] Сегодня пора повторить { $n } принципа
   *[many] Сегодня пора повторить { $n } принципов
}
# Титульный экран и экран прогресса: сценарий, который тренирует больше всего принципов к повторению.
title-practise = Повторить: { $scenario }
# Титульный экран и разбор: открыть экран прогресса.
title-progress = Мой прогресс
# Титульный экран: закрыть сообщение о восстановленном файле прогресса.
title-recovery-ok = Понятно

profiles-heading = Кто играет?
profiles-hint = ↑ ↓ — выбор, Enter — подтвердить, Esc — назад. Паролей нет: имена лишь разделяют результаты.
profiles-rename = Переименовать
profiles-delete = Удалить…
profiles-new = Новый игрок
profiles-back = Назад
profiles-attempts = { $n ->
    [one] { $n } завершённая попытка
    [few] { $n } завершённые попытки
   *[many] { $n } завершённых попыток
}
profiles-current = играет сейчас

profile-form-welcome-heading = Добро пожаловать в «Клиент прежде всего»!
profile-form-welcome = Как вас зовут? Имя будет стоять в ваших результатах, чтобы вы (и ваш тренер) видели, как растёт мастерство. Пароля нет. Можно пропустить этот шаг и играть как гость: результаты гостя тоже сохраняются.
profile-form-new = Новый игрок
profile-form-rename = Переименовать игрока
profile-form-name = Имя
profile-form-group = Группа (необязательно), например «Адаптация, март»
profile-form-empty = Сначала введите имя.
profile-form-not-saved = Не удалось сохранить игрока. Попробуйте ещё раз или вернитесь и играйте под текущим именем.
profile-form-keys = Enter — сохранить, Tab — следующее поле, Esc — отмена.
profile-form-start = Начать
profile-form-save = Сохранить
profile-form-skip = Пропустить: играть как гость
profile-form-cancel = Отмена

profile-delete-question = Удалить игрока «{ $name }»? { $n ->
    [0] Завершённых попыток у него пока нет.
    [one] Его { $n } завершённая попытка и весь прогресс будут удалены с этого компьютера.
    [few] Его { $n } завершённые попытки и весь прогресс будут удалены с этого компьютера.
   *[many] Его { $n } завершённых попыток и весь прогресс будут удалены с этого компьютера.
}{ $open ->
    [0] {""}
   *[other] {" "}Незаконченный разговор тоже пропадёт.
} Отменить это нельзя. (Чтобы сохранить копию, сначала экспортируйте прогресс.)
profile-delete-no = Оставить
profile-delete-yes = Удалить

progress-heading = Прогресс: { $name }
progress-tab-sources = По источникам
progress-tab-themes = По темам
progress-tab-chart = Динамика
progress-tab-history = История
progress-tab-path = Путь обучения
progress-hint = ← → или PageUp / PageDown — вкладки, ↑ ↓ — выбор, Enter — открыть, Esc — назад.
progress-no-store = Прогресс на этом компьютере не сохраняется (файл прогресса не открылся), поэтому показать нечего.
progress-empty = Пока ничего не завершено. Сыграйте сценарий — каждый ваш ответ появится здесь.
progress-untested = ещё не проверялся
progress-decisions = { $n ->
    [one] по { $n } решению
   *[other] по { $n } решениям
}
progress-due-mark = пора повторить
progress-chart-overall = Общий результат
progress-chart-attempts = Попытки, от первой к последней
progress-chart-score = Результат, %
progress-chart-overall-only = Только общий результат
progress-chart-choose = Показать принцип рядом с общим результатом:
progress-chart-empty = График появится, когда вы завершите первые попытки.
progress-history-cut = Последние { $shown } из { $total } попыток.
progress-history-line = { $when } · { $what } · { $score }% { $ending } · { $min } мин { $sec } с
progress-detail-changed = Сценарий изменился после этой попытки, поэтому её ответы показать нельзя. Вот сохранённые тогда цифры:
progress-detail-gone = Этого сценария больше нет в библиотеке. Вот сохранённые тогда цифры:
progress-detail-line = { $principle }: { $earned } { $earned ->
    [one] балл
    [few] балла
   *[many] баллов
}, { $percent }%
progress-detail-close = Закрыть
progress-path-done = пройден · лучший результат { $best }% · найдено концовок: { $found } из { $all }
progress-path-todo = ещё не пройден
progress-kind-quiz = Раунд викторины
progress-kind-team = Командная сессия
progress-export = Экспорт прогресса
progress-import = Импорт прогресса…
progress-back = Назад
progress-exported = { $n ->
    [one] Сохранена { $n } попытка
    [few] Сохранены { $n } попытки
   *[many] Сохранено { $n } попыток
} в файл { $path }. Перенесите его на другой компьютер и импортируйте там.
progress-imported = Импортировано в профиль «{ $name }»: новых попыток — { $added }, уже были — { $skipped }.
progress-export-failed = Не удалось записать файл прогресса: { $error }
progress-nothing-to-import = Файл прогресса не найден ни в «Документах», ни в «Загрузках», ни на рабочем столе, ни в домашней папке. Положите экспортированный файл (client-first-progress-….json) в одну из них и попробуйте снова.
progress-import-question = Какой файл прогресса импортировать? (Повторный импорт того же файла ничего не удвоит.)
progress-import-cancel = Отмена

# Разбор: сохранить эту попытку как HTML-отчёт.
debrief-save-report = Сохранить отчёт
debrief-report-saved = Отчёт сохранён: { $path } (откройте его в браузере; «Печать» даёт аккуратные страницы A4)
debrief-report-failed = Не удалось сохранить отчёт: { $error }

# Настройки: хранилище учебных записей (LRS).
settings-lrs = Хранилище учебных записей (LRS, xAPI)
settings-lrs-note = Результаты отправляются в LRS вашей компании как записи xAPI. Пока LRS недоступно, они ждут в очереди на этом компьютере, и ничего не отправляется дважды.
settings-lrs-endpoint = Адрес (endpoint)
settings-lrs-key = Ключ
settings-lrs-secret = Секрет (скрыт; введите, чтобы заменить)
settings-lrs-save = Сохранить настройки LRS
settings-lrs-sync = Отправить сейчас
progress-detail-team = Командная игра, проведённая из этого профиля:
progress-team-share = лучший ответ в { $percent }% случаев ({ $n } из { $total } голосов)
progress-team-path = Путь { $n }: счёт { $score }, «{ $ending }»
progress-team-right = верно в { $percent }% случаев ({ $n } из { $total } голосов)
