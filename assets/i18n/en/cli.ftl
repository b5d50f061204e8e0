# The command line: `client-first check`, `graph`, `play`, and the overview without a window.

cli-bad-lang = `{ $value }` is not a language of the game; use ru or en
cli-write-error = cannot write the output: { $error }
cli-not-found = no playable scenario `{ $id }`; known: { $known }
cli-check-counts = { $nodes } nodes, { $choices } choices, { $endings } endings; languages: { $languages }
cli-check-range = decisions per playthrough: { $fewest }–{ $most }; points: worst { $worst }, best { $best }
cli-check-principles = principles ({ $n }): { $list }
cli-coverage-title = Coverage: principle × scenarios
cli-coverage-builtin = Counted together with { $n } built-in { $n ->
    [one] scenario
   *[other] scenarios
} that the checked files do not replace: { $list }
cli-coverage-few = ← fewer than 2
cli-check-total = { $files } scenario { $files ->
    [one] file
   *[other] files
}: { $errors } { $errors ->
    [one] error
   *[other] errors
}, { $warnings } { $warnings ->
    [one] warning
   *[other] warnings
}
cli-play-continue = [Enter to continue]
cli-play-type-number = Type a number 1–{ $n }
cli-play-score = Score: { $score }/100 — { $grade }
cli-play-better = Step { $step }: «{ $chosen }»
    Better: «{ $better }» — { $feedback }
cli-overview-title = Client First — built without the `game` feature; scenarios:
cli-overview-play = Play in the terminal: client-first play <id> --lang ru|en
