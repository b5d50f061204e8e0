# Сторона тренера в командной игре на проекторе: настройка, сбор участников, игра и итоги.

## Настройка

team-setup-heading = Командная игра
team-setup-hint = Выберите, во что играет зал, команды и время на голосование. Телефоны подключаются по QR-коду; без телефонов выбор зала вводит тренер с клавиатуры.
team-quiz-mixed = Викторина: вопросы обо всём
team-quiz-source = Викторина: { $source }
team-quiz-theme = Викторина: { $theme }
team-voting = Время на голосование: { $time }
team-voting-seconds = { $seconds } с
team-voting-none = без ограничения
team-open-lobby = Собрать участников
team-start-without-phones = Начать без телефонов
team-fewer-teams = − Меньше команд
team-more-teams = + Больше команд
team-shorter = − Короче
team-longer = + Дольше
team-phones-on = Голосование с телефонов: включено
team-phones-off = Голосование с телефонов: выключено (выбор вводит тренер)
team-change-colour = Сменить цвет команды «{ $team }»
team-no-network = У этого компьютера нет сетевого адреса.

## Сбор участников

team-no-server = Телефоны не могут подключиться по адресу { $address }: { $reason }. Выберите другой адрес или начните без телефонов и вводите выбор зала клавишами.
team-lobby-keys = Пробел или PageDown: начать · ↑ ↓ и Enter: другой адрес или убрать участника · Esc: завершить игру
team-addresses = Адреса этого компьютера (выберите тот, что доступен из Wi-Fi телефонов):

## Игра

team-decision = Решение { $n }
team-what-if-path = другой путь { $n }
team-what-do-you-say = Что вы ответите?
team-keys-voting = Пробел или PageDown: закрыть голосование и показать итог · 1–4: выбор зала поднятием рук · H: ввести число голосов
team-keys-tie = Ничья: выберите ответ клавишами 1–4 · B: затемнить экран
team-keys-next = Пробел или PageDown: дальше · B: затемнить экран · Esc: завершить игру
team-close-voting = Закрыть голосование и показать итог
team-count-hands = Ввести число голосов
team-play-reply = Сыграть ответ зала
team-show-board = Показать первую пятёрку
team-to-debrief = К разбору
team-to-podium = К пьедесталу
team-next = Дальше
team-pick = Сыграть ответ { $letter }
team-chose = Зал выбрал { $letter } ({ $n } из { $total } голосов)
team-chose-by-hand = Зал выбрал { $letter } (ввёл тренер)
team-room-said = Зал ответил: { $reply }
team-better-reply = Лучший ответ здесь: { $reply }
team-room-right = Зал ответил верно
team-room-wrong = Зал ошибся
team-room-undecided = Зал не выбрал ответ
team-room-answer = Ответ зала: { $answer }
team-counts-heading = Число голосов за каждый ответ, подсчитанное вручную
team-counts-save = Принять
team-counts-cancel = Отмена

## Итоги

team-tab-summary = Итог
team-tab-map = Карта пути
team-tab-decisions = Решения
team-share-heading = Как часто команды выбирали лучший ответ
team-share-right-heading = Как часто команды отвечали верно
team-share-votes = { $n } из { $total } голосов
team-whole-room = Весь зал
team-earlier-path = Путь { $n }: счёт { $score }, «{ $ending }»; зал вернулся к решению { $decision }.
team-end-summary = { $people ->
    [one] { $people } участник
    [few] { $people } участника
   *[many] { $people } участников
} · { $questions ->
    [one] { $questions } вопрос
    [few] { $questions } вопроса
   *[many] { $questions } вопросов
}
team-keys-end = ← → или PageUp/PageDown: вкладки · на карте пути выберите решение, чтобы попробовать другой ответ · Esc: завершить игру
team-keys-podium = Esc или Enter: завершить игру
team-what-if-at = Вернуться к решению { $n }
team-finish = Завершить игру
team-map-earlier = Прежний путь
team-map-hint = Цифры отмечают решения зала. «Вернуться к решению n» — и зал попробует другой ответ.
team-leave-ask = Завершить командную игру? Всё, что зал успел сыграть, сохранится.
team-leave-no = Продолжить
team-leave-yes = Завершить игру
