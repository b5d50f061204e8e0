# The trainer's side of a team session on the projector: set-up, lobby, play and the end.

## Set-up

team-setup-heading = Team session
team-setup-hint = Pick what the room plays, the teams and the voting time. Phones join from the lobby's QR code; without phones you enter the room's choice with the keys.
team-quiz-mixed = Quiz: mixed questions
team-quiz-source = Quiz: { $source }
team-quiz-theme = Quiz: { $theme }
team-voting = Voting time: { $time }
team-voting-seconds = { $seconds } s
team-voting-none = no limit
team-open-lobby = Open the lobby
team-start-without-phones = Start without phones
team-fewer-teams = − Fewer teams
team-more-teams = + More teams
team-shorter = − Shorter
team-longer = + Longer
team-phones-on = Phones vote: on
team-phones-off = Phones vote: off (the trainer enters the choice)
team-change-colour = Change the colour of { $team }
team-no-network = This computer has no network address.

## Lobby

team-no-server = Phones cannot join on { $address }: { $reason }. Pick another address, or start anyway and enter the room's choice with the keys.
team-lobby-keys = Space or PageDown: start · ↑ ↓ and Enter: another address or remove someone · Esc: end the session
team-addresses = This computer's addresses (pick the one the phones' Wi-Fi reaches):

## Play

team-decision = Decision { $n }
team-what-if-path = what-if path { $n }
team-what-do-you-say = What do you answer?
team-keys-voting = Space or PageDown: close voting and reveal · 1–4: the room's choice by a show of hands · H: type the vote counts
team-keys-tie = A tie: pick the reply with 1–4 · B: blank the screen
team-keys-next = Space or PageDown: go on · B: blank the screen · Esc: end the session
team-close-voting = Close voting and reveal
team-count-hands = Type the vote counts
team-play-reply = Play the room's reply
team-show-board = Show the top five
team-to-debrief = To the debrief
team-to-podium = To the podium
team-next = Go on
team-pick = Play reply { $letter }
team-chose = The room chose { $letter } ({ $n } of { $total } votes)
team-chose-by-hand = The room chose { $letter } (entered by the trainer)
team-room-said = The room said: { $reply }
team-better-reply = The best reply here: { $reply }
team-room-right = The room got it right
team-room-wrong = The room's answer was wrong
team-room-undecided = The room did not decide
team-room-answer = The room's answer: { $answer }
team-counts-heading = Votes per reply, counted by hand
team-counts-save = Use these counts
team-counts-cancel = Cancel

## End

team-tab-summary = Summary
team-tab-map = Path map
team-tab-decisions = Decisions
team-share-heading = How often each team chose the best reply
team-share-right-heading = How often each team answered right
team-share-votes = { $n } of { $total } votes
team-whole-room = The whole room
team-earlier-path = Path { $n }: score { $score }, “{ $ending }”; the room went back to decision { $decision }.
team-end-summary = { $people ->
    [one] { $people } person
   *[other] { $people } people
} · { $questions ->
    [one] { $questions } question
   *[other] { $questions } questions
}
team-keys-end = ← → or PageUp/PageDown: tabs · on the path map, pick a decision to try another reply · Esc: end the session
team-keys-podium = Esc or Enter: end the session
team-what-if-at = Back to decision { $n }
team-finish = End the session
team-map-earlier = Earlier path
team-map-hint = Numbers mark the room's decisions. Pick “Back to decision n” to let the room try another reply.
team-leave-ask = End the team session? What the room played so far is saved.
team-leave-no = Keep playing
team-leave-yes = End the session
