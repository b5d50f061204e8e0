# Находки проверки сценариев (`client-first check` и список сценариев с ошибками в игре).
# У каждого кода есть `diag-<код>` (что не так) и `diag-<код>-fix` (что сделать). Коды не меняются:
# по ним фильтруют скрипты.

diag-severity-error = ошибка
diag-severity-warning = предупреждение
diag-help = что сделать
diag-did-you-mean = может быть, `{ $hint }`?
diag-lang-ru = русском
diag-lang-en = английском

# О каком тексте речь.
diag-what-title = У названия
diag-what-summary = У описания
diag-what-client = У имени Клиента
diag-what-name-variant = У одного из вариантов имени Клиента
diag-what-character = У имени `{ $node }`
diag-what-line = У реплики { $line } узла `{ $node }`
diag-what-variant = У варианта реплики { $line } узла `{ $node }`
diag-what-label = У надписи выбора `{ $choice }` узла `{ $node }`
diag-what-feedback = У пояснения к выбору `{ $choice }` узла `{ $node }`
diag-what-say = У фразы выбора `{ $choice }` узла `{ $node }`
diag-what-ending-title = У названия концовки узла `{ $node }`
diag-what-ending-text = У текста концовки узла `{ $node }`
diag-what-principle-title = У названия принципа `{ $node }`
diag-what-description = У описания принципа `{ $node }`

# Части файла, как их называет описание формата.
diag-place-Scenario = сценарии `Scenario( … )`
diag-place-Client = `Client( … )`
diag-place-Character = `Character( … )`
diag-place-Node = `Node( … )`
diag-place-Line = `Line( … )`
diag-place-Choice = `Choice( … )`
diag-place-Ending = `Ending( … )`
diag-place-Variation = `Variation( … )`
diag-place-Text = тексте `(ru: "…", en: "…")`
diag-place-Then = `then:` (Choices, Continue или End)
diag-place-EndingKind = `kind` концовки
diag-place-Channel = `channel`
diag-place-Role = `role`
diag-place-Condition = условии `when`
diag-place-Lang = `languages`
diag-place-Theme = `theme` принципа
diag-place-Catalog = каталоге принципов
diag-place-Principle = `Principle( … )`
diag-place-Source = `Source( … )`
diag-place-CaseCatalog = каталоге случаев
diag-place-Case = `Case( … )`
diag-place-unknown = этом элементе

# Состояние, в котором узел оказывается тупиком.
diag-state-mood = настроение { $n }
diag-state-flags = флаги: { $flags }
diag-state-after = после `{ $choice }` (узел `{ $node }`)
diag-state-start = в самом начале

diag-io = не удаётся прочитать { $reason ->
    [not-found] файл: такого файла или папки нет
    [permission] файл: нет прав на чтение
   *[other] файл: { $detail }
}
diag-io-fix = проверьте путь и что файл открывается; остальные файлы всё равно проверены
diag-encoding = файл не в кодировке UTF-8: байт { $byte } здесь не читается
diag-encoding-fix = сохраните файл в UTF-8 (в Блокноте: «Сохранить как», кодировка «UTF-8»); метка BOM и любые концы строк допустимы
diag-empty-file = файл пуст
diag-empty-file-fix = напишите в нём целый `Scenario( … )` (скопируйте пример из docs/scenario-format.md) или удалите файл
diag-syntax = { $kind ->
    [comma] не хватает запятой
    [string] здесь ожидался текст в двойных кавычках
    [struct-end] ожидалась закрывающая `)`
    [list-end] ожидалась закрывающая `]`
    [map] ожидался список баллов вида {"{"}"principle.id": 2{"}"}
    [integer] ожидалось целое число
    [number-range] это число вне допустимых для поля значений
    [ident] здесь ожидалось имя без кавычек, например Chat, Wow или Client
    [boolean] ожидалось `true` или `false`
    [eof] файл обрывается раньше времени
    [trailing] после конца сценария есть лишний текст
    [no-field] в { $where } нет поля `{ $found }`
    [missing-field] в { $where } не хватает `{ $field }`
    [duplicate-field] `{ $field }` написано дважды в { $where }
    [no-variant] `{ $found }` — недопустимое значение в { $where }
    [wrong-type] ожидалось { $expected }, а написано { $found }
    [char] неожиданный символ `{ $found }`
    [named] здесь ожидался { $where }
    [comment] комментарий не закрыт
    [too-deep] скобки вложены слишком глубоко
   *[other] файл не читается как сценарий: { $found }
}
diag-syntax-fix = { $kind ->
    [comma] поставьте `,` между двумя полями или двумя элементами списка
    [string] пишите тексты как "…"; внутри текста используйте «» или “” вместо прямой кавычки или пишите её как \"
    [struct-end] открытая раньше `(` не закрыта, или между полями не хватает запятой
    [list-end] список, открытый `[`, не закрыт, или между элементами не хватает запятой
    [map] пишите баллы так: {"{"}"fc.never_just_no": 2, "st.polite": 1{"}"}
    [integer] напишите число, например 10 или -5, без кавычек
    [number-range] укажите целое число из допустимого диапазона: difficulty 1–3, minutes и order от 0, mood 0–100
    [ident] напишите значение без кавычек, как в docs/scenario-format.md
    [boolean] напишите true или false, без кавычек
    [eof] скобка или кавычка, открытая раньше, так и не закрыта
    [trailing] весь файл — один `Scenario( … )`; удалите то, что идёт после его закрывающей `)`
    [no-field] { $suggest } поля здесь такие: { $expected }
    [missing-field] добавьте `{ $field }: …`; что это значит, сказано в docs/scenario-format.md
    [duplicate-field] оставьте одно из двух
    [no-variant] { $suggest } допустимые значения: { $expected }
    [named] напишите как в docs/scenario-format.md: имя, `(`, поля, затем `)`
    [comment] закройте `/*` с помощью `*/`
   *[other] проверьте скобки, кавычки и запятые прямо перед этим местом
}
diag-bad-value = { $field ->
    [difficulty] сложность { $value }, а должна быть 1, 2 или 3
    [mood] начальное настроение { $value } — вне 0–100
    [points] { $value } баллов — больше, чем может дать один выбор (не больше { $max } в плюс или минус)
    [mood-change] изменение настроения на { $value } — больше, чем может дать один выбор (не больше { $max } в плюс или минус)
    [add] шаг счётчика { $value } — больше, чем может дать один выбор (не больше { $max } в плюс или минус)
    [threshold] условие сравнивает с { $value }, а предел — { $max } в плюс или минус
   *[languages] не указан ни один язык
}
diag-bad-value-fix = { $field ->
    [difficulty] укажите 1 (легко), 2 (средне) или 3 (сложно)
    [mood] укажите число от 0 (в ярости) до 100 (в восторге)
    [points] ставьте от 1 до 3 баллов: 3 за суть принципа, 1 за небольшой штрих; с минусом за нарушение
    [mood-change] укажите изменение вроде 15 или -20; настроение всё равно остаётся в пределах 0–100
    [add] считайте маленькими шагами, например 1 или -1
    [threshold] сравнивайте со значением, которого настроение или счётчик могут достичь, например `MoodBelow(30)`
   *[languages] напишите `languages: [ru, en]` и дайте каждый текст на обоих языках
}
diag-bad-id = { $what ->
    [scenario] в id сценария `{ $id }` есть символы кроме строчных латинских букв, цифр и _
    [node] в id узла `{ $id }` есть символы кроме строчных латинских букв, цифр и _
   *[choice] в id выбора `{ $id }` есть символы кроме строчных латинских букв, цифр и _
}
diag-bad-id-fix = пишите id только из a–z, 0–9 и _, например `ask_for_number`
diag-unknown-case = { $missing ->
    [yes] сценарий не называет ни одного случая
   *[no] случая `{ $case }` нет в каталоге случаев
}
diag-unknown-case-fix = { $suggest } укажите id случая из scenarios/cases.ron, например `cases: ["where_is_order"]`
diag-duplicate-id = { $what ->
    [question] у двух вопросов одинаковый id `{ $id }`
    [node] у двух узлов одинаковый id `{ $id }`
    [choice] у узла `{ $node }` два выбора с id `{ $id }`
    [principle] у двух принципов одинаковый id `{ $id }`
   *[scenario] id сценария `{ $id }` уже занят: { $node }
}
diag-duplicate-id-fix = { $what ->
    [question] дайте каждому вопросу свой id: на него ссылаются сохранённые ответы
    [node] дайте каждому узлу свой id
    [choice] дайте каждому выбору узла свой id
    [principle] дайте каждому принципу свой id
   *[scenario] дайте каждому сценарию свой id; чтобы заменить встроенный сценарий, используйте его id только в одном файле
}
diag-unknown-node = { $from ->
    [start] начального узла `{ $target }` нет
    [continue] узел `{ $node }` продолжается в `{ $target }`, а такого узла нет
    [condition] условие выбора `{ $choice }` называет узел `{ $target }`, а такого узла нет
   *[choice] выбор `{ $choice }` ведёт в узел `{ $target }`, а такого узла нет
}
diag-unknown-node-fix = { $suggest } укажите id одного из узлов этого сценария
diag-unknown-speaker = говорящий `{ $speaker }` — не персонаж этого сценария
diag-unknown-speaker-fix = используйте одного из: { $known }, you, narrator; или добавьте `Character( … )` с этим id
diag-unknown-principle = принципа `{ $principle }` нет в каталоге
diag-unknown-principle-fix = { $suggest } используйте id из scenarios/principles.ron
diag-unknown-source = принцип `{ $principle }` ссылается на источник `{ $source }`, которого нет в списке
diag-unknown-source-fix = добавьте его в `sources` или используйте id из списка источников
diag-dead-end = { $empty ->
    [yes] узел `{ $node }` не предлагает ни одного выбора
   *[no] в узел `{ $node }` можно попасть, когда ни один выбор недоступен: { $state }
}
diag-dead-end-fix = { $empty ->
    [yes] добавьте выборы или закончите разговор здесь с помощью `End(Ending( … ))`
   *[no] оставьте одному выбору без условий `when` или сделайте так, чтобы условия покрывали и этот случай
}
diag-choice-count = узел `{ $node }` предлагает всего { $count } выбор
diag-choice-count-fix = в решении должно быть от 2 до 4 выборов; для единственного пути дальше используйте `Continue("next_node")`
diag-label-too-long = надпись выбора `{ $choice }` узла `{ $node }` на { $language } языке длиной { $length } символов — больше { $max }
diag-label-too-long-fix = сократите надпись до { $max } символов или меньше (на проекторе лучше всего читается до 45); полную фразу напишите в `say`
diag-missing-translation = { $text } нет текста на { $language } языке
diag-missing-translation-fix = напишите `{ $lang }: "…"` рядом с другим языком: каждый текст должен быть на каждом языке из `languages`
diag-no-ending = в сценарии нет ни одной концовки
diag-no-ending-fix = закончите хотя бы один узел так: `then: End(Ending(kind: Resolved, title: ( … ), text: ( … )))`
diag-no-way-out = из узла `{ $node }` разговор никогда не дойдёт до концовки: он ходит по кругу без выхода
diag-no-way-out-fix = добавьте выбор, который ведёт к концовке, или отметьте выборы в круге `once: true`
diag-unreachable = { $why ->
    [unlinked] до узла `{ $node }` нельзя дойти от начала
   *[conditions] на узел `{ $node }` есть ссылка, но условия по пути никогда её не пропускают
}
diag-unreachable-fix = { $why ->
    [unlinked] сошлитесь на него из выбора или `Continue` или удалите его
   *[conditions] проверьте условия `when` у выборов, которые ведут сюда
}
diag-unreachable-ending = { $why ->
    [unlinked] до концовки `{ $node }` нельзя дойти от начала
   *[conditions] на концовку `{ $node }` есть ссылка, но условия по пути никогда её не пропускают
}
diag-unreachable-ending-fix = { $why ->
    [unlinked] сошлитесь на неё из выбора или `Continue` или удалите её
   *[conditions] проверьте условия `when` у выборов, которые ведут сюда
}
diag-untrained-choice = выбор `{ $choice }` узла `{ $node }` не тренирует ни один принцип
diag-untrained-choice-fix = добавьте `scores: {"{"}"principle.id": 2{"}"}` с принципами, которые этот ответ соблюдает (плюс) или нарушает (минус)
diag-unset-flag = { $what ->
    [flag] выбор `{ $choice }` проверяет флаг `{ $name }`, который ни один выбор не ставит
   *[counter] выбор `{ $choice }` проверяет счётчик `{ $name }`, который ни один выбор не меняет
}
diag-unset-flag-fix = { $what ->
    [flag] { $suggest } добавьте `set: ["{ $name }"]` к выбору, который должен его включать
   *[counter] { $suggest } добавьте `add: {"{"}"{ $name }": 1{"}"}` к выборам, которые должны считаться
}
diag-bad-placeholder = { $text } есть `{"{"}{ $name }{"}"}`, но персонажа `{ $name }` нет
diag-bad-placeholder-fix = используйте {"{"}client{"}"} или id персонажа
diag-too-many-choices = узел `{ $node }` может предложить { $count } выборов сразу
diag-too-many-choices-fix = оставьте не больше { $max } одновременно: их выбирают клавишами 1–4, и больше не помещается на проекторе; часть можно скрыть условиями `when`
diag-repeatable-score = выбор `{ $choice }` узла `{ $node }` можно брать снова и снова по кругу, каждый раз получая баллы
diag-repeatable-score-fix = добавьте выбору `once: true`
diag-too-complex = у сценария больше { $max } состояний; проверка прервана
diag-too-complex-fix = используйте меньше флагов, счётчиков и условий на настроение

## Вопросы викторины, написанные вручную (quiz.ron).

diag-what-quiz-prompt = вопрос `{ $node }`
diag-what-quiz-explanation = пояснение к вопросу `{ $node }`
diag-what-quiz-option = вариант { $line } вопроса `{ $node }`
diag-no-principle = вопрос `{ $id }` не называет ни одного принципа
diag-no-principle-fix = перечислите в `principles` идентификаторы принципов из scenarios/principles.ron
diag-option-count = у вопроса `{ $id }` вариантов: { $n }
diag-option-count-fix = дайте от двух до четырёх вариантов
diag-right-answer = у вопроса `{ $id }` правильных ответов: { $n }
diag-right-answer-fix = отметьте ровно один вариант как `right: true`
diag-duplicate-option = два варианта вопроса `{ $id }` совпадают ({ $language })
diag-duplicate-option-fix = сделайте все варианты разными
diag-quiz-coverage = принципов без вопроса, написанного вручную: { $n } — { $missing }
diag-quiz-coverage-fix = добавьте вопрос, который называет каждый из них в `principles`
