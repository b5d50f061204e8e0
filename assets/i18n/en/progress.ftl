# The title screen, the profiles screen and the progress screen (English).

# Title screen: the button that shows who is playing and opens the list of profiles.
title-player = Player: { $name } (change: P)
title-player-group = Player: { $name }, { $group } (change: P)
# Title screen: principles that spaced practice says are due today.
title-due = { $n ->
    [one] { $n } principle is due for practice today
   *[other] { $n } principles are due for practice today
}
# Title screen and progress screen: start the scenario that covers the most due principles.
title-practise = Practise: { $scenario }
# Title screen and debrief: open the progress screen.
title-progress = My progress
# Title screen: dismiss the note about a repaired progress file.
title-recovery-ok = OK, understood

profiles-heading = Who is playing?
profiles-hint = ↑ ↓ to move, Enter to choose, Esc to go back. No passwords: results stay apart, nothing more.
profiles-rename = Rename
profiles-delete = Delete…
profiles-new = New player
profiles-back = Back
profiles-attempts = { $n ->
    [one] { $n } finished attempt
   *[other] { $n } finished attempts
}
profiles-current = playing now

profile-form-welcome-heading = Welcome to Client First!
profile-form-welcome = What should we call you? Your name goes on your results, so you (and your trainer) can see how you progress. There is no password. You can also skip this and play as a guest: the guest's results are saved too.
profile-form-new = New player
profile-form-rename = Rename player
profile-form-name = Name
profile-form-group = Group (optional), such as “Onboarding March”
profile-form-empty = Please type a name first.
profile-form-not-saved = The profile could not be saved. Try again, or go back and play as you are.
profile-form-keys = Enter saves, Tab moves to the next field, Esc cancels.
profile-form-start = Start
profile-form-save = Save
profile-form-skip = Skip: play as a guest
profile-form-cancel = Cancel

profile-delete-question = Delete “{ $name }”? { $n ->
    [0] It has no finished attempts yet.
    [one] Its { $n } finished attempt and all its progress will be removed from this computer.
   *[other] Its { $n } finished attempts and all its progress will be removed from this computer.
}{ $open ->
    [0] {""}
   *[other] {" "}The unfinished conversation is lost too.
} This cannot be undone. (Export the progress first to keep a copy.)
profile-delete-no = Keep it
profile-delete-yes = Delete

progress-heading = Progress: { $name }
progress-tab-sources = By source
progress-tab-themes = By theme
progress-tab-chart = Over time
progress-tab-history = History
progress-tab-path = Learning path
progress-hint = ← → or PageUp / PageDown change tabs, ↑ ↓ move, Enter opens, Esc goes back.
progress-no-store = Progress is not being saved on this computer (the progress file could not be opened), so there is nothing to show.
progress-empty = Nothing finished yet. Play a scenario: every reply you make shows up here.
progress-untested = not tested yet
progress-decisions = { $n ->
    [one] from { $n } decision
   *[other] from { $n } decisions
}
progress-due-mark = due today
progress-chart-overall = Overall score
progress-chart-attempts = Attempts, oldest first
progress-chart-score = Score, %
progress-chart-overall-only = Overall score only
progress-chart-choose = Show a principle beside the overall score:
progress-chart-empty = The chart fills in as you finish attempts.
progress-history-cut = The newest { $shown } of { $total } attempts.
progress-history-line = { $when } · { $what } · { $score }% { $ending } · { $min } min { $sec } s
progress-detail-changed = This scenario has changed since this attempt, so its replies cannot be shown again. These are the figures saved then:
progress-detail-gone = This scenario is no longer in the library. These are the figures saved then:
progress-detail-line = { $principle }: { $earned } points, { $percent }%
progress-detail-close = Close
progress-path-done = done · best { $best }% · endings found: { $found } of { $all }
progress-path-todo = not played yet
progress-kind-quiz = Quiz round
progress-kind-team = Team session
progress-export = Export my progress
progress-import = Import progress…
progress-back = Back
progress-exported = { $n ->
    [one] Saved { $n } attempt
   *[other] Saved { $n } attempts
} to { $path }. Take this file to another computer and import it there.
progress-imported = Imported into “{ $name }”: { $added } new, { $skipped } already here.
progress-export-failed = The progress file could not be written: { $error }
progress-nothing-to-import = No progress file was found in Documents, Downloads, the Desktop or your home folder. Put the exported file (client-first-progress-….json) in one of them and try again.
progress-import-question = Import which progress file? (Importing the same file twice adds nothing twice.)
progress-import-cancel = Cancel

# Debrief: write this attempt as an HTML report.
debrief-save-report = Save report
debrief-report-saved = Report saved: { $path } (open it in a browser; its Print gives clean A4 pages)
debrief-report-failed = The report could not be saved: { $error }

# Settings: the Learning Record Store.
settings-lrs = Learning Record Store (xAPI)
settings-lrs-note = Results are sent as xAPI statements to your company's LRS. They wait in a queue on this computer while the LRS cannot be reached, and nothing is sent twice.
settings-lrs-endpoint = Endpoint
settings-lrs-key = Key
settings-lrs-secret = Secret (hidden; type to replace it)
settings-lrs-save = Save LRS settings
settings-lrs-sync = Send now
progress-detail-team = A team session run from this profile:
progress-team-share = the best reply { $percent }% of the time ({ $n } of { $total } votes)
progress-team-path = Path { $n }: score { $score }, “{ $ending }”
progress-team-right = right { $percent }% of the time ({ $n } of { $total } votes)
