# The validator's findings (`client-first check` and the game's list of scenarios with errors).
# Each code has `diag-<code>` (what is wrong) and `diag-<code>-fix` (what to do). The code strings are
# stable; scripts filter on them.

diag-severity-error = error
diag-severity-warning = warning
diag-help = help
diag-did-you-mean = did you mean `{ $hint }`?
diag-lang-ru = Russian
diag-lang-en = English

# Which text a finding is about.
diag-what-title = the title
diag-what-summary = the summary
diag-what-client = the Client's name
diag-what-name-variant = a name variant of the Client
diag-what-character = the name of `{ $node }`
diag-what-line = line { $line } of node `{ $node }`
diag-what-variant = a variant of line { $line } of node `{ $node }`
diag-what-label = the label of choice `{ $choice }` of node `{ $node }`
diag-what-feedback = the feedback of choice `{ $choice }` of node `{ $node }`
diag-what-say = what is said in choice `{ $choice }` of node `{ $node }`
diag-what-ending-title = the ending title of node `{ $node }`
diag-what-ending-text = the ending text of node `{ $node }`
diag-what-principle-title = the title of principle `{ $node }`
diag-what-description = the description of principle `{ $node }`

# The parts of a file, as the scenario format names them.
diag-place-Scenario = the scenario `Scenario( … )`
diag-place-Client = `Client( … )`
diag-place-Character = `Character( … )`
diag-place-Node = `Node( … )`
diag-place-Line = `Line( … )`
diag-place-Choice = `Choice( … )`
diag-place-Ending = `Ending( … )`
diag-place-Variation = `Variation( … )`
diag-place-Text = a text `(ru: "…", en: "…")`
diag-place-Then = `then:` (Choices, Continue or End)
diag-place-EndingKind = the ending's `kind`
diag-place-Channel = `channel`
diag-place-Role = `role`
diag-place-Condition = a `when` condition
diag-place-Lang = `languages`
diag-place-Theme = the principle's `theme`
diag-place-Catalog = the principles catalog
diag-place-Principle = `Principle( … )`
diag-place-Source = `Source( … )`
diag-place-CaseCatalog = the case catalog
diag-place-Case = `Case( … )`
diag-place-unknown = this item

# The state a dead end is reached in.
diag-state-mood = mood { $n }
diag-state-flags = flags set: { $flags }
diag-state-after = after `{ $choice }` (node `{ $node }`)
diag-state-start = at the start

diag-io = cannot read { $reason ->
    [not-found] it: there is no such file or folder
    [permission] it: permission denied
   *[other] it: { $detail }
}
diag-io-fix = check the path and that the file can be opened; the other files are still checked
diag-encoding = the file is not UTF-8 text: byte { $byte } here cannot be read
diag-encoding-fix = save the file as UTF-8 (in Notepad: "Save as", encoding "UTF-8"); a byte-order mark and any line ends are fine
diag-empty-file = the file is empty
diag-empty-file-fix = write a whole `Scenario( … )` in it (copy the example of docs/scenario-format.md), or delete the file
diag-syntax = { $kind ->
    [comma] a comma is missing
    [string] a text in double quotes was expected here
    [struct-end] a closing `)` was expected
    [list-end] a closing `]` was expected
    [map] a list of scores such as {"{"}"principle.id": 2{"}"} was expected
    [integer] a whole number was expected
    [number-range] this number is outside what the field allows
    [ident] a name without quotes was expected here, such as Chat, Wow or Client
    [boolean] `true` or `false` was expected
    [eof] the file ends too early
    [trailing] there is text after the end of the scenario
    [no-field] `{ $found }` is not a field of { $where }
    [missing-field] { $where } has no `{ $field }`
    [duplicate-field] `{ $field }` is written twice in { $where }
    [no-variant] `{ $found }` is not a valid value for { $where }
    [wrong-type] expected { $expected }, found { $found }
    [char] unexpected character `{ $found }`
    [named] { $where } was expected here
    [comment] a comment is not closed
    [too-deep] brackets are nested too deeply
   *[other] the file cannot be read as a scenario: { $found }
}
diag-syntax-fix = { $kind ->
    [comma] put a `,` between two fields or two items of a list
    [string] write texts as "…"; inside a text use «» or “” instead of a plain double quote, or write it as \"
    [struct-end] a `(` opened earlier is not closed, or a comma is missing between fields
    [list-end] a list opened with `[` is not closed, or a comma is missing between its items
    [map] write scores as {"{"}"fc.never_just_no": 2, "st.polite": 1{"}"}
    [integer] write a number such as 10 or -5, without quotes
    [number-range] use a whole number in the field's range: difficulty 1–3, minutes and order 0 or more, mood 0–100
    [ident] write the value without quotes, as in docs/scenario-format.md
    [boolean] write true or false, without quotes
    [eof] a bracket or quote opened earlier is never closed
    [trailing] the whole file must be one `Scenario( … )`; remove what follows its closing `)`
    [no-field] { $suggest } the fields are: { $expected }
    [missing-field] add `{ $field }: …`; docs/scenario-format.md says what it means
    [duplicate-field] keep one of the two
    [no-variant] { $suggest } use one of: { $expected }
    [named] write it as in docs/scenario-format.md: the name, `(`, the fields, then `)`
    [comment] close `/*` with `*/`
   *[other] check the brackets, quotes and commas just before this place
}
diag-bad-value = { $field ->
    [difficulty] difficulty is { $value }, but it must be 1, 2 or 3
    [mood] the starting mood is { $value }, outside 0–100
    [points] { $value } points is more than a choice may carry (at most { $max }, up or down)
    [mood-change] a mood change of { $value } is more than a choice may carry (at most { $max }, up or down)
    [add] a counter step of { $value } is more than a choice may carry (at most { $max }, up or down)
    [threshold] the condition tests { $value }, beyond the limit of { $max }, up or down
   *[languages] no languages are listed
}
diag-bad-value-fix = { $field ->
    [difficulty] use 1 (easy), 2 (medium) or 3 (hard)
    [mood] use a number from 0 (furious) to 100 (delighted)
    [points] use 1 to 3 points: 3 for the heart of a principle, 1 for a small touch; negative for breaking it
    [mood-change] use a change such as 15 or -20; mood stays within 0–100 anyway
    [add] count in small steps such as 1 or -1
    [threshold] compare with a value the mood or the counter can reach, such as `MoodBelow(30)`
   *[languages] write `languages: [ru, en]` and give every text in both
}
diag-bad-id = { $what ->
    [scenario] the scenario id `{ $id }` has characters other than lowercase letters, digits and _
    [node] the node id `{ $id }` has characters other than lowercase letters, digits and _
   *[choice] the choice id `{ $id }` has characters other than lowercase letters, digits and _
}
diag-bad-id-fix = write ids with a–z, 0–9 and _ only, for example `ask_for_number`
diag-unknown-case = { $missing ->
    [yes] the scenario names no case
   *[no] case `{ $case }` is not in the case catalog
}
diag-unknown-case-fix = { $suggest } use the id of a case from scenarios/cases.ron, for example `cases: ["where_is_order"]`
diag-duplicate-id = { $what ->
    [question] two questions have the id `{ $id }`
    [node] two nodes have the id `{ $id }`
    [choice] node `{ $node }` has two choices with the id `{ $id }`
    [principle] two principles have the id `{ $id }`
   *[scenario] scenario id `{ $id }` is already used by { $node }
}
diag-duplicate-id-fix = { $what ->
    [question] give each question its own id: saved answers refer to it
    [node] give each node its own id
    [choice] give each choice of a node its own id
    [principle] give each principle its own id
   *[scenario] give each scenario its own id; to replace a built-in scenario, use its id in one file only
}
diag-unknown-node = { $from ->
    [start] the start node `{ $target }` does not exist
    [continue] node `{ $node }` continues to `{ $target }`, which does not exist
    [condition] the condition of choice `{ $choice }` names node `{ $target }`, which does not exist
   *[choice] choice `{ $choice }` goes to node `{ $target }`, which does not exist
}
diag-unknown-node-fix = { $suggest } use the id of one of the nodes of this scenario
diag-unknown-speaker = speaker `{ $speaker }` is not a character of this scenario
diag-unknown-speaker-fix = use one of: { $known }, you, narrator; or add a `Character( … )` with this id
diag-unknown-principle = principle `{ $principle }` is not in the catalog
diag-unknown-principle-fix = { $suggest } use an id from scenarios/principles.ron
diag-unknown-source = principle `{ $principle }` names source `{ $source }`, which is not listed
diag-unknown-source-fix = add it to `sources`, or use one of the listed source ids
diag-dead-end = { $empty ->
    [yes] node `{ $node }` offers no choices
   *[no] node `{ $node }` can be reached with no choice available: { $state }
}
diag-dead-end-fix = { $empty ->
    [yes] add choices, or end the conversation here with `End(Ending( … ))`
   *[no] give one choice no `when` conditions, or make the conditions cover this case
}
diag-choice-count = node `{ $node }` offers only { $count } choice
diag-choice-count-fix = a decision needs 2 to 4 choices; for a single way on, use `Continue("next_node")`
diag-label-too-long = the { $language } label of choice `{ $choice }` of node `{ $node }` has { $length } characters, more than { $max }
diag-label-too-long-fix = shorten the label to { $max } characters or fewer (45 reads best on a projector); put the full sentence in `say`
diag-missing-translation = { $text } has no { $language } text
diag-missing-translation-fix = write `{ $lang }: "…"` beside the other language: every text must exist in each language of `languages`
diag-no-ending = the scenario has no ending
diag-no-ending-fix = end at least one node with `then: End(Ending(kind: Resolved, title: ( … ), text: ( … )))`
diag-no-way-out = from node `{ $node }` the conversation can never reach an ending: it loops with no way out
diag-no-way-out-fix = add a choice that leads towards an ending, or mark the looping choices `once: true`
diag-unreachable = { $why ->
    [unlinked] node `{ $node }` cannot be reached from the start
   *[conditions] node `{ $node }` is linked, but the conditions on the way never allow it
}
diag-unreachable-fix = { $why ->
    [unlinked] link it from a choice or a `Continue`, or delete it
   *[conditions] check the `when` conditions of the choices that lead here
}
diag-unreachable-ending = { $why ->
    [unlinked] ending `{ $node }` cannot be reached from the start
   *[conditions] ending `{ $node }` is linked, but the conditions on the way never allow it
}
diag-unreachable-ending-fix = { $why ->
    [unlinked] link it from a choice or a `Continue`, or delete it
   *[conditions] check the `when` conditions of the choices that lead here
}
diag-untrained-choice = choice `{ $choice }` of node `{ $node }` trains no principle
diag-untrained-choice-fix = add `scores: {"{"}"principle.id": 2{"}"}` with the principles this reply upholds (positive) or breaks (negative)
diag-unset-flag = { $what ->
    [flag] choice `{ $choice }` tests flag `{ $name }`, which no choice sets
   *[counter] choice `{ $choice }` tests counter `{ $name }`, which no choice changes
}
diag-unset-flag-fix = { $what ->
    [flag] { $suggest } add `set: ["{ $name }"]` to the choice that should turn it on
   *[counter] { $suggest } add `add: {"{"}"{ $name }": 1{"}"}` to the choices that should count
}
diag-bad-placeholder = { $text } uses `{"{"}{ $name }{"}"}`, but there is no character `{ $name }`
diag-bad-placeholder-fix = use {"{"}client{"}"} or the id of a character
diag-too-many-choices = node `{ $node }` can offer { $count } choices at once
diag-too-many-choices-fix = keep to { $max } at a time: the keys 1–4 pick them, and a projector shows no more; `when` conditions can hide some
diag-repeatable-score = choice `{ $choice }` of node `{ $node }` can be taken again and again in a loop, scoring each time
diag-repeatable-score-fix = add `once: true` to the choice
diag-too-complex = the scenario has more than { $max } states; checks were cut short
diag-too-complex-fix = use fewer flags, counters and mood conditions

## The hand-written quiz questions (quiz.ron).

diag-what-quiz-prompt = the question of `{ $node }`
diag-what-quiz-explanation = the explanation of question `{ $node }`
diag-what-quiz-option = option { $line } of question `{ $node }`
diag-no-principle = question `{ $id }` names no principle
diag-no-principle-fix = list the principle ids it is about in `principles`, from scenarios/principles.ron
diag-option-count = question `{ $id }` has { $n } options
diag-option-count-fix = give two to four options
diag-right-answer = question `{ $id }` has { $n } right answers
diag-right-answer-fix = mark exactly one option with `right: true`
diag-duplicate-option = two options of question `{ $id }` read the same in { $language }
diag-duplicate-option-fix = make every option different
diag-quiz-coverage = { $n } principles have no hand-written question: { $missing }
diag-quiz-coverage-fix = add a question that names each of them in `principles`
