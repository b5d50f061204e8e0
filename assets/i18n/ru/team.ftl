# Командная игра: страница на телефоне и командные экраны проектора.

## Страница на телефоне

team-phone-title = Client First — командная игра
team-phone-room = Комната
team-phone-join-title = Присоединиться к игре
team-phone-nickname = Ваше имя в игре
team-phone-team = Ваша команда
team-phone-join = Войти
team-phone-leave = Выйти из игры
team-phone-loading = Подключение…
team-phone-noscript = Для голосования нужен JavaScript. Попросите тренера ввести ваш выбор.
team-phone-offline = Связь потеряна. Переподключаемся…
# Обратный отсчёт на телефоне; $n — оставшиеся секунды.
team-phone-seconds = { $n } с
team-phone-waiting = Ждём, когда тренер откроет следующий вопрос…
team-phone-open = Голосование открыто. Нажмите на ответ; его можно поменять, пока голосование не закрыто.
team-phone-closed = Голосование закрыто. Сейчас будет результат.
# $option — буква от A до D.
team-phone-your-vote = Ваш голос: { $option }
team-phone-no-vote = В этом вопросе вы не голосовали.
team-phone-room-chose = Зал выбрал { $option }.
# $options — список букв, например «A, C».
team-phone-tie = Ничья между { $options }: решает тренер.
team-phone-no-votes = Никто не проголосовал: решает тренер.
team-phone-correct = Верно! +{ $n } { $n ->
    [one] балл
    [few] балла
   *[many] баллов
}
team-phone-wrong = На этот раз нет. Правильный ответ — { $option }.
team-phone-total = Ваш счёт: { $n } { $n ->
    [one] балл
    [few] балла
   *[many] баллов
}
team-phone-ended = Игра окончена. Спасибо за участие!
team-phone-removed = Тренер убрал вас из этой игры.

## Ошибки на телефоне

team-error-nickname-empty = Введите имя.
team-error-nickname-long = В имени не больше { $max } символов.
team-error-nickname-chars = В имени можно использовать буквы, цифры и пробелы.
team-error-team = Выберите команду.
team-error-full = Комната заполнена. Обратитесь к тренеру.
team-error-closed = Голосование по этому вопросу закрыто.
team-error-rate = Слишком много нажатий подряд. Подождите секунду.
team-error-ended = Игра окончена.
team-error-unknown = Этот телефон больше не в игре. Войдите снова.
team-error-network = Нет связи с компьютером тренера. Проверьте Wi-Fi.

## Страница по адресу без кода

team-landing-title = Вход в командную игру
team-landing-code = Код комнаты (на проекторе)
team-landing-go = Войти
team-landing-wrong = Комнаты с таким кодом нет. Сверьтесь с проектором.

## Проектор

team-session-title = Командная игра
team-mode-solo = Каждый за себя
team-mode-teams = { $n ->
    [one] { $n } команда
    [few] { $n } команды
   *[many] { $n } команд
}
team-voting-time = Время на голосование: { $n } с
team-address-pick = Сетевой адрес для телефонов
team-address-loopback = только этот компьютер
team-address-virtual = виртуальный адаптер
team-lobby-title = Подключайтесь с телефона
team-lobby-step-wifi = Подключитесь к той же сети Wi-Fi, что и этот компьютер.
team-lobby-step-open = Отсканируйте код или откройте { $url }
team-room-code = Код комнаты: { $code }
team-lobby-count = { $n ->
    [one] { $n } участник
    [few] { $n } участника
   *[many] { $n } участников
}
team-lobby-empty = Пока никто не подключился.
team-lobby-remove = Убрать из комнаты: { $name }
team-lobby-start = Начать
team-server-failed = Не удалось запустить сервер для телефонов: { $reason }. Играть можно и без телефонов: вводите выбор зала клавишами.
team-voted-count = Проголосовали { $voted } из { $total }
team-countdown = { $n } с
team-voting-closed = Голосование закрыто
team-reveal-title = Как проголосовал зал
team-room-choice = Зал выбрал { $option }
team-tie-pick = Ничья между { $options }. Тренер, выберите ответ.
team-no-votes-pick = Никто не проголосовал. Тренер, выберите ответ.
team-correct-answer = Правильный ответ: { $option }
team-leaderboard = Первая пятёрка
team-podium = Пьедестал
team-team-totals = Счёт команд
team-best-share = { $team }: лучший ответ в { $n }% случаев
team-manual-hint = Без телефонов? Нажмите A–D, чтобы ввести выбор зала, или введите число голосов за каждый ответ.
team-manual-counts = Голосов за { $option }
team-path-map = Карта пути
team-path-room = Путь зала
team-path-best = Лучший путь
team-what-if = А если бы мы ответили иначе?
team-session-ended = Игра окончена

## Названия команд по умолчанию

team-default-1 = Красные
team-default-2 = Синие
team-default-3 = Жёлтые
team-default-4 = Зелёные
team-default-5 = Фиолетовые
team-default-6 = Бирюзовые
team-default-7 = Розовые
team-default-8 = Серые
