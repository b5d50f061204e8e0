# Командная строка: `client-first check`, `graph`, `play` и обзор без окна.

cli-bad-lang = `{ $value }` — не язык игры; укажите ru или en
cli-write-error = не удаётся записать вывод: { $error }
cli-not-found = нет играбельного сценария `{ $id }`; есть: { $known }
cli-check-counts = узлов: { $nodes }, выборов: { $choices }, концовок: { $endings }; языки: { $languages }
cli-check-range = решений за прохождение: { $fewest }–{ $most }; баллы: худший { $worst }, лучший { $best }
cli-check-principles = принципы ({ $n }): { $list }
cli-coverage-title = Покрытие: принцип × сценарии
cli-coverage-builtin = Учтены также { $n } { $n ->
    [one] встроенный сценарий
    [few] встроенных сценария
   *[many] встроенных сценариев
}, которые проверенные файлы не заменяют: { $list }
cli-coverage-few = ← меньше 2
cli-check-total = { $files } { $files ->
    [one] файл сценария
    [few] файла сценариев
   *[many] файлов сценариев
}: { $errors } { $errors ->
    [one] ошибка
    [few] ошибки
   *[many] ошибок
}, { $warnings } { $warnings ->
    [one] предупреждение
    [few] предупреждения
   *[many] предупреждений
}
cli-play-continue = [Enter — дальше]
cli-play-type-number = Введите число 1–{ $n }
cli-play-score = Итог: { $score }/100 — { $grade }
cli-play-better = Шаг { $step }: «{ $chosen }»
    Лучше: «{ $better }» — { $feedback }
cli-overview-title = Client First — собран без функции `game`; сценарии:
cli-overview-play = Играть в терминале: client-first play <id> --lang ru|en
