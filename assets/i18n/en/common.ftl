# Words shared by every surface: the game, the command line, the phone page and the reports.

# A number of points, unsigned.
points = { $n } { $n ->
    [one] point
   *[other] points
}
# A signed number of points: $sign is + or -, $n the absolute value.
points-signed = { $sign }{ $n } { $n ->
    [one] point
   *[other] points
}
# A duration in minutes.
minutes = { $n } min
# The note after a hot reload of the scenarios folder.
reload-counts = { $playable } playable, { $broken } with errors

## Names of the engine's enums.

channel-phone = Phone
channel-chat = Chat
channel-email = E-mail
channel-desk = Desk
channel-in-person = In person
ending-wow = Wow!
ending-resolved = Resolved
ending-partial = Partly resolved
ending-escalated = Escalated
ending-lost = Client lost
ending-parted = Parted ways
grade-excellent = Excellent
grade-good = Good
grade-fair = Fair
grade-weak = Weak
grade-poor = Poor
theme-empathy = Empathy
theme-solutions = Solutions
theme-honesty = Honesty
theme-respect = Respect
theme-process = Process
theme-team = Team
# The trainee, as a speaker in the transcript.
speaker-you = You
