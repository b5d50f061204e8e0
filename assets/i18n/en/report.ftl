# Reports for trainers (src/report): one attempt, one trainee, a group; and the LRS commands.

report-attempt-title = Attempt report
report-trainee-title = Trainee report
report-group-title = Group report
report-kind-dialogue = Dialogue
report-kind-quiz = Quiz
report-kind-team = Team session
report-trainee = Trainee
report-group = Group
report-scenario = Scenario
report-started = Started
report-duration = Duration
report-score = Score
report-date = Date
# $total is the points earned, $min and $max the lowest and highest the scenario allows.
report-points-range = { $total } (from { $min } to { $max })
report-points = Points
report-ending = Ending
report-principles = Principles
report-no-principles = No principle was at stake in this attempt.
# $upheld of $chances decisions upheld the principle.
report-upheld = upheld { $upheld } of { $chances }
report-decisions = Decisions
report-step = Step { $n }
report-they-said = They said
report-reply = Your reply
report-better = Better reply
report-best-made = This was the best reply on offer.
report-progress = Progress per principle
report-overall-score = Overall score
report-weakest = Weakest principles and what to practise
report-practise = Practise in
report-nothing-weak = No weak principle: every chance was taken.
report-attempts = Attempts
report-attempt-count = { $n ->
    [one] { $n } attempt
   *[other] { $n } attempts
}
report-mean-score = mean score
report-trainee-count = { $n ->
    [one] { $n } trainee
   *[other] { $n } trainees
}
report-heatmap = Principles by trainee
report-heat-legend = Each cell is the share of chances where the trainee upheld the principle; the number of chances is in brackets. The bottom row averages the trainees who had a chance.
report-average = Group average
report-drilldown = Each trainee
report-generated = generated { $date }
report-saved = Report saved to { $path }
report-no-attempts = No attempts match: { $what }.
report-sync-done = Sent { $sent }, already in the LRS { $duplicate }, waiting { $pending }.
# $error is one of the report-lrs-* messages below.
report-sync-failed = { $error } { $pending } { $pending ->
    [one] statement waits
   *[other] statements wait
} in the outbox and will be sent next time.
report-lrs-missing = No LRS is set: set it in the game's Settings, give --lrs-endpoint, --lrs-key and --lrs-secret, or set CF_LRS_ENDPOINT, CF_LRS_KEY and CF_LRS_SECRET.
# `report group` without a name, from an LRS.
report-lrs-group-needed = Give the group's name: a report from an LRS is fetched by group.
# `sync --enqueue-store`: statements of stored attempts put in the outbox.
report-sync-enqueued = Queued { $added } new { $added ->
    [one] statement
   *[other] statements
} ({ $total } for the finished attempts in all).
report-store-missing = There is no saved progress at { $path }. Play on this computer first, or name a progress file with --store FILE.
report-store-no-default = This system has no per-user data folder: name the progress file with --store FILE.
# $error is the database's reason.
report-store-error = The progress store { $path } cannot be used: { $error }
# Why sending to the LRS failed; shown by `sync` and in Settings.
report-lrs-unreachable = The LRS cannot be reached ({ $error }). Check the network and the LRS address in Settings; the results wait on this computer.
report-lrs-unauthorized = The LRS refused the key and secret (HTTP { $status }). Check them in Settings.
report-lrs-rejected = The LRS rejected the results as invalid (HTTP { $status }): { $detail }
report-lrs-server = The LRS failed (HTTP { $status }): { $detail }. It is tried again later.
report-lrs-protocol = The LRS gave an answer that is not xAPI ({ $detail }). Check the LRS address in Settings.
report-outbox-store-error = The outbox in the progress store cannot be used: { $error }
# The outbox line of Settings.
report-outbox-not-configured = No LRS is set: results stay on this computer.
report-outbox-pending = { $n ->
    [one] { $n } statement waiting
   *[other] { $n } statements waiting
}
report-outbox-last-sync = last sync { $when }
report-outbox-never-synced = not synced yet
# A JSON file of attempts that cannot be read; $error is the system's reason.
report-json-unreadable = { $path }: cannot read it: { $error }
# A JSON file of attempts with a mistake at $line:$col; $error is the parser's reason.
report-json-invalid = { $path }:{ $line }:{ $col }: this is not a list of attempts ({ $error }). Give a JSON file as written by `client-first report sample`.
