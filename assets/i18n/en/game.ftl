# The game's interface: screens, buttons, hints.

# The product name, shown on the title screen and in the window title.
app-name = Client First

# The line under the product name.
tagline = Customer-service training: conversations with a Client, built from real cases

# Title screen: go to the scenario picker.
play = Play

# Title screen and elsewhere: open the settings.
settings = Settings

# Title screen: close the game.
quit = Quit

# Keyboard hint on the title screen.
title-hint = ↑ ↓ to move, Enter to confirm, L for language, Ctrl + / Ctrl − text size, F11 full screen

# Picker heading.
pick-heading = Choose a conversation

# Picker: hint for keys.
pick-hint = ↑ ↓ to move, Enter to start, M to switch mode, Esc to go back

# Badge on the recommended card.
recommended = Recommended next

# Label of the best score of this session on a card.
best-score = Best score: { $n }%

# A card that has not been played in this session.
not-played = Not played yet

# Label before the list of principles on a card.
trains = Trains

# Button on a card.
start = Start

# Step number on the learning path.
step-of-path = Step { $n }

# Heading of the list of files that failed to load.
problems-heading = Files that could not be loaded

# Explanation under the problems heading.
problems-note = Every other conversation still plays. Fix the file and the game reloads it.

# Shown when no scenario at all could be loaded.
no-scenarios = There is no conversation that can be played.

# A short note after a hot reload.
reloaded = Scenarios reloaded

# Mode names.
coach = Coach

# Exam mode name.
exam = Exam

# Mode label.
mode = Mode

# Explanation of coach mode.
coach-note = feedback after every reply

# Explanation of exam mode.
exam-note = feedback only at the end

# The mood meter's caption.
mood = Mood

# Dialogue: the prompt above the choices.
your-reply = Your reply

# Dialogue: continue button.
continue = Continue

# Dialogue: button after an ending.
see-debrief = See the debrief

# Dialogue: hint under the choices.
choice-hint = 1–4 to reply, ↑ ↓ and Enter to pick, Esc to leave

# Dialogue: hint under a continue button.
continue-hint = Enter, Space or → to continue

# Coach feedback heading.
coach-heading = About that reply

# Coach: a principle upheld.
upheld = upheld

# Coach: a principle broken.
broken = broken

# Coach: the mood change.
mood-change = The Client's mood: { $n }

# Exam mode note in the dialogue.
exam-badge = Exam: the feedback comes at the end

# The ending card's heading.
ending = Ending

# Abandon dialog.
abandon-question = Leave this conversation? This playthrough will not be kept.

# Abandon dialog: leave.
abandon-yes = Leave

# Abandon dialog: stay.
abandon-no = Keep talking

# Step counter in the dialogue header.
decision-n = Reply { $n }

# Debrief heading.
debrief = Debrief

# Debrief tabs.
tab-summary = Summary

# Debrief tab: principles.
tab-principles = Principles

# Debrief tab: decisions.
tab-decisions = Replies

# Debrief: overall score.
score = Score

# Debrief: ending reached.
ending-reached = How it ended

# Debrief: endings discovered.
endings-found = Endings discovered: { $n }

# Debrief: weakest principles heading.
weakest = What to work on

# Debrief: nothing weak.
no-weakness = No weak spots: every principle was upheld as well as it could be.

# Debrief: links to other scenarios.
train-in = Practise it in:

# Debrief: principle not met in this run.
not-faced = did not come up in this playthrough

# Debrief: the choice made.
you-said = You said

# Debrief: the better option.
better = A better reply

# Debrief: best reply made.
best-made = That was the best reply.

# Debrief: mood line.
mood-from-to = The Client's mood

# Debrief: retry.
retry = Play again

# Debrief: another scenario.
another = Another conversation

# Debrief and elsewhere: main menu.
menu = Main menu

# Debrief hint.
debrief-hint = PageDown / → next tab, PageUp / ← previous tab, ↑ ↓ and Enter for the buttons

# Debrief: principles legend.
principles-note = The percentage shows how close your replies came to the best ones at those points.

# Debrief: the source of a principle.
source = Source

# Settings heading.
settings-heading = Settings

# Settings: language.
language = Language

# Settings: text size.
text-scale = Text size

# Settings: high contrast.
high-contrast = High contrast

# Settings: fullscreen.
fullscreen = Full screen

# Settings: on.
on = on

# Settings: off.
off = off

# Settings: back.
back = Back

# Settings hint.
settings-hint = ↑ ↓ to move, Enter to change, Esc to go back. Settings are saved at once.

# Settings: a damaged settings file was set aside.
settings-damaged = The settings file could not be read, so defaults are in use. The old file is kept beside it as .bak.

# Settings: where the file lives.
settings-file = Settings file

# Settings: saving failed.
settings-not-saved = The settings could not be saved

# Shown while the screen is blanked by the presenter's B key.
blank-hint = B to show the screen

# Difficulty labels, 1 to 3. (1)
difficulty-1 = Easy

# Difficulty labels, 1 to 3. (2)
difficulty-2 = Medium

# Difficulty labels, 1 to 3. (3)
difficulty-3 = Hard


# The word for the Client's mood on the meter; $gender is female, male or other.
mood-furious = { $gender ->
   *[other] furious
}
mood-upset = { $gender ->
   *[other] upset
}
mood-neutral = { $gender ->
   *[other] neutral
}
mood-calm = { $gender ->
   *[other] calm
}
mood-delighted = { $gender ->
   *[other] delighted
}

# Debrief: the ending was good but the replies were not the best.
gap-good-ending = The Client left content, but several replies fell short of the best ones on offer: the ending forgave more than the grade does.
# Debrief: the replies were strong, yet the conversation ended badly.
gap-bad-ending = Most replies were the best on offer, yet the conversation ended badly: some Clients cannot be kept, and the grade judges your replies, not the outcome.
# Debrief: Play again found its scenario gone.
retry-missing = This conversation is no longer in the scenarios folder, so it cannot be played again. Choose another one.
# The question before closing the game.
quit-question = Quit Client First?
# Quit question: stay.
quit-no = Stay
# Quit question: quit.
quit-yes = Quit
# Settings: the language button, naming both languages.
language-switch = English → Русский
# Debrief: a numbered point of a source text.
source-point = point { $n }
# Settings: the presenter layout.
presenter = Presenter layout
# Settings: what the presenter layout does.
presenter-note = for a projector: the line and every reply on one screen, long pages turned with the clicker
# Title: continue the conversation left unfinished.
title-continue = Continue: { $scenario }, reply { $n } of { $of }
# Title: the unfinished conversation's scenario changed.
title-resume-changed = “{ $scenario }” has changed since you left it, so it cannot continue where you were. Start it again?
# Title: start that conversation again.
start-again = Start it again
