# The quiz: round names, question prompts, countdown, answers, results, and the quiz part of `client-first check`.

## The quiz menu
quiz-title = Quiz
quiz-round-daily = Daily practice
quiz-round-daily-hint = The principles that are due for review, then your weakest
quiz-round-source = By source
quiz-round-source-hint = Questions on one of the five texts
quiz-round-theme = By theme
quiz-round-theme-hint = Questions on one theme across the sources
quiz-round-mixed = Mixed
quiz-round-mixed-hint = Anything from the whole library
quiz-round-length = { $n } { $n ->
    [one] question
   *[other] questions
}
quiz-timed = Timed: { $seconds } s per question
quiz-untimed = Untimed self-study
quiz-style-coach = Coach: explanation after each answer
quiz-style-exam = Exam: explanations on the results screen
quiz-start = Start
quiz-menu-hint = ↑ ↓ and Enter start a round; Esc goes back

## A question
quiz-question-of = Question { $n } of { $total }
quiz-prompt-upholds = Which principle does this reply uphold?
quiz-prompt-breaks = Which principle does this reply break?
quiz-prompt-best = Which reply is best here?
quiz-prompt-true-false = True or false?
quiz-prompt-order = Put these replies in order, best to worst.
quiz-prompt-written = Choose the right answer.
# A true/false statement; $principle is the principle's title.
quiz-statement-upholds = This reply upholds “{ $principle }”.
quiz-true = True
quiz-false = False
quiz-the-reply = The reply
quiz-countdown = { $seconds } s
quiz-time-up = Time's up
quiz-keys-answer = 1–4 or A–D to answer
quiz-keys-order = Press the replies in order, best first; Backspace undoes
quiz-keys-next = Enter, Space or Page Down to go on
quiz-leave-ask = Leave the round? Your answers so far will not be saved.
quiz-leave-yes = Leave
quiz-leave-no = Stay
quiz-undo = Undo
quiz-your-answer = Your answer: { $answer }

## After an answer
quiz-correct = Correct!
quiz-wrong = Not quite
quiz-right-answer = The right answer: { $answer }
quiz-points-won = +{ $n } { $n ->
    [one] point
   *[other] points
}
quiz-streak = Streak: { $n }
quiz-streak-bonus = Streak bonus +{ $n }
quiz-explanation = Why
quiz-principle = Principle
quiz-source = Source: { $source }
quiz-case = Case: { $case }
quiz-scenario = From the scenario “{ $scenario }”

## Results
quiz-results = Results
quiz-results-score = Score
quiz-results-points = { $n } { $n ->
    [one] point
   *[other] points
}
quiz-results-correct = { $correct } of { $total } correct
quiz-results-time = Time
quiz-results-best-streak = Best streak
quiz-results-per-principle = Principle by principle
quiz-results-right-wrong = { $right } right, { $wrong } wrong
quiz-results-missed = Missed questions
quiz-results-none-missed = No question missed
quiz-play-again = Play again
quiz-review-missed = Review the missed principles in a scenario
quiz-go-on = Go on

## `client-first check`: what the library yields for the quiz
quiz-check-heading = Quiz: questions made from each scenario
quiz-check-scenario = { $scenario }: { $n } { $n ->
    [one] question
   *[other] questions
} ({ $kinds })
quiz-check-skipped = skipped { $n } { $n ->
    [one] candidate
   *[other] candidates
}
quiz-check-skip-line = { $id } ({ $kind }): { $reason }
quiz-check-written = Hand-written questions: { $n }
quiz-check-total = Question pool: { $n } ({ $kinds })
quiz-kind-upholds = upholds
quiz-kind-breaks = breaks
quiz-kind-best = best reply
quiz-kind-tf = true/false
quiz-kind-order = order
quiz-kind-written = written
quiz-skip-ambiguous-max = two principles share the strongest weight
quiz-skip-distractors = fewer than three plausible distractors
quiz-skip-tie = two replies are worth the same
quiz-skip-margin = the best reply leads by less than 2 points
quiz-skip-few-replies = fewer than three replies
quiz-skip-path = the answer depends on how the conversation got there
quiz-skip-unreachable = the decision is never reached
quiz-skip-duplicate = two replies read the same
