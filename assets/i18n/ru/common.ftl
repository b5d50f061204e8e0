# Слова, общие для всех поверхностей: игры, командной строки, страницы для телефона и отчётов.

# Число баллов без знака.
points = { $n } { $n ->
    [one] балл
    [few] балла
   *[many] баллов
}
# Число баллов со знаком: $sign — плюс или минус, $n — модуль.
points-signed = { $sign }{ $n } { $n ->
    [one] балл
    [few] балла
   *[many] баллов
}
# Длительность в минутах.
minutes = { $n } { $n ->
    [one] минута
    [few] минуты
   *[many] минут
}
# Заметка после перезагрузки папки сценариев.
reload-counts = можно играть: { $playable }, с ошибками: { $broken }

## Названия перечислений движка.

channel-phone = Телефон
channel-chat = Чат
channel-email = Почта
channel-desk = Стойка
channel-in-person = Личная встреча
ending-wow = «Вау!»
ending-resolved = Решено
ending-partial = Решено частично
ending-escalated = Жалоба наверх
ending-lost = Клиент потерян
ending-parted = Расстались вежливо
grade-excellent = Отлично
grade-good = Хорошо
grade-fair = Удовлетворительно
grade-weak = Слабо
grade-poor = Неудачно
theme-empathy = Эмпатия
theme-solutions = Решения
theme-honesty = Честность
theme-respect = Уважение
theme-process = Порядок
theme-team = Команда
# Обучаемый как говорящий в расшифровке.
speaker-you = Вы
