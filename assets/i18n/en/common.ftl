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
