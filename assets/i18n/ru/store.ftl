# Хранилище прогресса: отчёты о восстановлении, сообщения экспорта и импорта.

# Что было не так с файлом прогресса.
store-damage-not-a-database = Файл сохранённого прогресса не является базой данных, которую может прочитать игра.
store-damage-corrupt = Файл сохранённого прогресса повреждён: часть его больше не читается.
store-damage-newer = Сохранённый прогресс создан более новой версией игры (формат { $found }; эта версия читает до { $supported }).
# Что сделала игра.
store-action-restored = Он восстановлен из резервной копии от { $day }: { $profiles } { $profiles ->
    [one] профиль
    [few] профиля
   *[many] профилей
} и { $attempts } { $attempts ->
    [one] попытка
    [few] попытки
   *[many] попыток
}. Попытки после этого дня потеряны.
store-action-empty = Пригодной резервной копии не нашлось, поэтому начат новый, пустой файл прогресса.
store-action-not-saving = Файл оставлен без изменений. Обновите игру, чтобы продолжить с ним; прогресс этого сеанса сохранён не будет.
store-moved = Повреждённый файл сохранён как { $path }.

# Имя гостевого профиля.
store-guest = Гость

# Экспорт и импорт из командной строки.
store-exported = { $name }: { $attempts } { $attempts ->
    [one] попытка выгружена
    [few] попытки выгружены
   *[many] попыток выгружено
} в { $file }.
store-imported = Загружено в профиль { $name }: { $added } { $added ->
    [one] новая попытка
    [few] новые попытки
   *[many] новых попыток
}, { $skipped } уже были.
store-import-io = Не удаётся прочитать { $file }: { $error }.
store-import-syntax = { $file } — не файл прогресса: это не правильный JSON (строка { $line }, столбец { $column }). Выберите файл, выгруженный из Client First.
store-import-foreign = { $file } — не файл прогресса Client First (в нём нет "format": "client-first-progress"). Выберите файл, выгруженный командой «client-first progress export».
store-import-newer = { $file } выгружен более новой версией игры (версия формата { $version }). Обновите игру, чтобы загрузить его.
store-import-invalid = { $file }, строка { $line }, столбец { $column }: файл повреждён ({ $detail }). Выгрузите его заново на другом компьютере.
store-import-bad-value = { $file }: у попытки { $index } невозможное значение поля { $field }. Выгрузите файл заново на другом компьютере.
store-import-nothing = Ничего не изменено.
store-export-no-profile = Профиля с именем { $name } нет. Профили: { $names }.
store-export-which-profile = Профилей несколько; выберите один: --profile ИМЯ: { $names }.
store-export-empty = Профилей для выгрузки пока нет.
store-error = Ошибка хранилища прогресса: { $error }
