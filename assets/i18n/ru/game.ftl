# Интерфейс игры: экраны, кнопки, подсказки.

# The product name, shown on the title screen and in the window title.
app-name = Клиент прежде всего

# The line under the product name.
tagline = Тренажёр клиентского сервиса: разговоры с Клиентом по реальным случаям

# Title screen: go to the scenario picker.
play = Играть

# Title screen and elsewhere: open the settings.
settings = Настройки

# Title screen: close the game.
quit = Выход

# Keyboard hint on the title screen.
title-hint = ↑ ↓ — выбрать, Enter — подтвердить, L — язык, Ctrl + / Ctrl − — размер текста, F11 — во весь экран

# Picker heading.
pick-heading = Выберите разговор

# Picker: hint for keys.
pick-hint = ↑ ↓ — выбрать, Enter — начать, M — режим, Esc — назад

# Badge on the recommended card.
recommended = Рекомендуем следующим

# Label of the best score of this session on a card.
best-score = Лучший результат: { $n }%

# A card that has not been played in this session.
not-played = Ещё не пройден

# Label before the list of principles on a card.
trains = Тренирует

# Button on a card.
start = Начать

# Step number on the learning path.
step-of-path = Шаг { $n }

# Heading of the list of files that failed to load.
problems-heading = Файлы, которые не загрузились

# Explanation under the problems heading.
problems-note = Остальные разговоры доступны. Исправьте файл — игра перезагрузит его сама.

# Shown when no scenario at all could be loaded.
no-scenarios = Нет ни одного разговора, который можно сыграть.

# A short note after a hot reload.
reloaded = Сценарии перезагружены

# Mode names.
coach = Тренер

# Exam mode name.
exam = Экзамен

# Mode label.
mode = Режим

# Explanation of coach mode.
coach-note = подсказки после каждого ответа

# Explanation of exam mode.
exam-note = разбор только в конце

# The mood meter's caption.
mood = Настроение

# Dialogue: the prompt above the choices.
your-reply = Ваш ответ

# Dialogue: continue button.
continue = Дальше

# Dialogue: button after an ending.
see-debrief = К разбору

# Dialogue: hint under the choices.
choice-hint = 1–4 — ответить, ↑ ↓ и Enter — выбрать, Esc — выйти

# Dialogue: hint under a continue button.
continue-hint = Enter, пробел или → — дальше

# Coach feedback heading.
coach-heading = Разбор ответа

# Coach: a principle upheld.
upheld = соблюдён

# Coach: a principle broken.
broken = нарушен

# Coach: the mood change.
mood-change = Настроение Клиента: { $n }

# Exam mode note in the dialogue.
exam-badge = Экзамен: разбор будет в конце

# The ending card's heading.
ending = Финал

# Abandon dialog.
abandon-question = Прервать разговор? Ход этого прохождения не сохранится.

# Abandon dialog: leave.
abandon-yes = Прервать

# Abandon dialog: stay.
abandon-no = Продолжить разговор

# Step counter in the dialogue header.
decision-n = Ответ { $n }

# Debrief heading.
debrief = Разбор

# Debrief tabs.
tab-summary = Итог

# Debrief tab: principles.
tab-principles = Принципы

# Debrief tab: decisions.
tab-decisions = Ответы

# Debrief: overall score.
score = Результат

# Debrief: ending reached.
ending-reached = Финал разговора

# Debrief: endings discovered.
endings-found = Найдено финалов: { $n }

# Debrief: weakest principles heading.
weakest = Над чем поработать

# Debrief: nothing weak.
no-weakness = Слабых мест нет: каждый принцип соблюдён на лучшем уровне.

# Debrief: links to other scenarios.
train-in = Потренируйте в разговоре:

# Debrief: principle not met in this run.
not-faced = в этом прохождении не встретился

# Debrief: the choice made.
you-said = Ваш ответ

# Debrief: the better option.
better = Лучше было бы

# Debrief: best reply made.
best-made = Это был лучший ответ.

# Debrief: mood line.
mood-from-to = Настроение Клиента

# Debrief: retry.
retry = Сыграть ещё раз

# Debrief: another scenario.
another = Другой разговор

# Debrief and elsewhere: main menu.
menu = Главное меню

# Debrief hint.
debrief-hint = PageDown / → — следующая вкладка, PageUp / ← — предыдущая, ↑ ↓ и Enter — кнопки

# Debrief: principles legend.
principles-note = Процент — насколько ваши ответы в этих местах близки к лучшим.

# Debrief: the source of a principle.
source = Источник

# Settings heading.
settings-heading = Настройки

# Settings: language.
language = Язык

# Settings: text size.
text-scale = Размер текста

# Settings: high contrast.
high-contrast = Высокий контраст

# Settings: fullscreen.
fullscreen = Во весь экран

# Settings: on.
on = вкл.

# Settings: off.
off = выкл.

# Settings: back.
back = Назад

# Settings hint.
settings-hint = ↑ ↓ — выбрать, Enter — изменить, Esc — назад. Настройки сохраняются сразу.

# Settings: a damaged settings file was set aside.
settings-damaged = Файл настроек не читается, взяты значения по умолчанию. Старый файл сохранён рядом с расширением .bak.

# Settings: where the file lives.
settings-file = Файл настроек

# Settings: saving failed.
settings-not-saved = Не удалось сохранить настройки

# Shown while the screen is blanked by the presenter's B key.
blank-hint = B — вернуть экран

# Difficulty labels, 1 to 3. (1)
difficulty-1 = Лёгкий

# Difficulty labels, 1 to 3. (2)
difficulty-2 = Средний

# Difficulty labels, 1 to 3. (3)
difficulty-3 = Сложный


# Слово для настроения Клиента на шкале; $gender — female, male или other.
mood-furious = { $gender ->
   *[other] в ярости
}
mood-upset = { $gender ->
    [female] расстроена
   *[other] расстроен
}
mood-neutral = { $gender ->
    [female] сдержанна
   *[other] сдержан
}
mood-calm = { $gender ->
    [female] спокойна
   *[other] спокоен
}
mood-delighted = { $gender ->
   *[other] в восторге
}

# Разбор: финал хороший, но ответы были не лучшими.
gap-good-ending = Клиент ушёл довольным, но несколько ответов уступали лучшим из возможных: финал простил больше, чем оценка.
# Разбор: ответы сильные, а разговор закончился плохо.
gap-bad-ending = Почти все ответы были лучшими из возможных, но разговор закончился плохо: не каждого Клиента можно удержать, а оценка судит ответы, а не исход.
# Разбор: «Сыграть ещё раз» не нашёл сценарий.
retry-missing = Этого разговора больше нет в папке сценариев, поэтому сыграть его ещё раз нельзя. Выберите другой.
# Вопрос перед закрытием игры.
quit-question = Выйти из игры?
# Вопрос о выходе: остаться.
quit-no = Остаться
# Вопрос о выходе: выйти.
quit-yes = Выйти
# Настройки: кнопка языка с названиями обоих языков.
language-switch = Русский → English
# Разбор: номер пункта в тексте-источнике.
source-point = п. { $n }
# Настройки: режим ведущего.
presenter = Режим ведущего
# Настройки: что делает режим ведущего.
presenter-note = для проектора: реплика и все ответы на одном экране, длинные страницы листаются кликером
# Титульный экран: продолжить незаконченный разговор.
title-continue = Продолжить: { $scenario }, ответ { $n } из { $of }
# Титульный экран: сценарий незаконченного разговора изменился.
title-resume-changed = «{ $scenario }» изменился с тех пор, как вы его оставили, поэтому продолжить с того же места нельзя. Начать заново?
# Титульный экран: начать этот разговор заново.
start-again = Начать заново
