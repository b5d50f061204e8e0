# Викторина: названия раундов, вопросы, обратный отсчёт, ответы, итоги и раздел викторины в `client-first check`.

## Меню викторины
quiz-title = Викторина
quiz-round-daily = Ежедневная практика
quiz-round-daily-hint = Принципы, которые пора повторить, затем самые слабые
quiz-round-source = По источнику
quiz-round-source-hint = Вопросы по одному из пяти текстов
quiz-round-theme = По теме
quiz-round-theme-hint = Вопросы по одной теме из всех источников
quiz-round-mixed = Вперемешку
quiz-round-mixed-hint = Любые вопросы из всей библиотеки
quiz-round-length = { $n } { $n ->
    [one] вопрос
    [few] вопроса
   *[many] вопросов
}
quiz-timed = На время: { $seconds } с на вопрос
quiz-untimed = Без таймера, для самостоятельных занятий
quiz-style-coach = Тренер: объяснение после каждого ответа
quiz-style-exam = Экзамен: объяснения на экране итогов
quiz-start = Начать
quiz-menu-hint = ↑ ↓ и Enter — начать раунд; Esc — назад

## Вопрос
quiz-question-of = Вопрос { $n } из { $total }
quiz-prompt-upholds = Какой принцип соблюдает этот ответ?
quiz-prompt-breaks = Какой принцип нарушает этот ответ?
quiz-prompt-best = Какой ответ здесь лучший?
quiz-prompt-true-false = Верно или нет?
quiz-prompt-order = Расставьте ответы от лучшего к худшему.
quiz-prompt-written = Выберите правильный ответ.
# Утверждение «верно или нет»; $principle — название принципа.
quiz-statement-upholds = Этот ответ соблюдает принцип «{ $principle }».
quiz-true = Верно
quiz-false = Неверно
quiz-the-reply = Ответ
quiz-countdown = { $seconds } с
quiz-time-up = Время вышло
quiz-keys-answer = 1–4 или A–D — ответить
quiz-keys-order = Нажимайте ответы по порядку, начиная с лучшего; Backspace отменяет
quiz-keys-next = Enter, пробел или Page Down — дальше
quiz-leave-ask = Выйти из раунда? Ответы этого раунда не сохранятся.
quiz-leave-yes = Выйти
quiz-leave-no = Остаться
quiz-undo = Отменить
quiz-your-answer = Ваш ответ: { $answer }

## После ответа
quiz-correct = Верно!
quiz-wrong = Не совсем
quiz-right-answer = Правильный ответ: { $answer }
quiz-points-won = +{ $n } { $n ->
    [one] балл
    [few] балла
   *[many] баллов
}
quiz-streak = Серия: { $n }
quiz-streak-bonus = Бонус за серию +{ $n }
quiz-explanation = Почему
quiz-principle = Принцип
quiz-source = Источник: { $source }
quiz-case = Случай: { $case }
quiz-scenario = Из сценария «{ $scenario }»

## Итоги
quiz-results = Итоги
quiz-results-score = Счёт
quiz-results-points = { $n } { $n ->
    [one] балл
    [few] балла
   *[many] баллов
}
quiz-results-correct = Верно: { $correct } из { $total }
quiz-results-time = Время
quiz-results-best-streak = Лучшая серия
quiz-results-per-principle = По принципам
quiz-results-right-wrong = верно: { $right }, неверно: { $wrong }
quiz-results-missed = Ошибки
quiz-results-none-missed = Ни одной ошибки
quiz-play-again = Сыграть ещё
quiz-review-missed = Повторить принципы с ошибками в сценарии
quiz-go-on = Дальше

## `client-first check`: сколько вопросов даёт библиотека
quiz-check-heading = Викторина: вопросы из каждого сценария
quiz-check-scenario = { $scenario }: { $n } { $n ->
    [one] вопрос
    [few] вопроса
   *[many] вопросов
} ({ $kinds })
quiz-check-skipped = пропущено кандидатов: { $n }
quiz-check-skip-line = { $id } ({ $kind }): { $reason }
quiz-check-written = Вопросов, написанных вручную: { $n }
quiz-check-total = Всего вопросов: { $n } ({ $kinds })
quiz-kind-upholds = соблюдает
quiz-kind-breaks = нарушает
quiz-kind-best = лучший ответ
quiz-kind-tf = верно/неверно
quiz-kind-order = порядок
quiz-kind-written = вручную
quiz-skip-ambiguous-max = у двух принципов одинаковый наибольший вес
quiz-skip-distractors = меньше трёх правдоподобных неверных вариантов
quiz-skip-tie = два ответа стоят одинаково
quiz-skip-margin = лучший ответ впереди меньше чем на 2 балла
quiz-skip-few-replies = меньше трёх ответов
quiz-skip-path = ответ зависит от того, как разговор сюда пришёл
quiz-skip-unreachable = до этого решения не дойти
quiz-skip-duplicate = два ответа звучат одинаково
