# Team sessions: the phone page and the projector's team screens.

## The phone page

team-phone-title = Client First — team session
team-phone-room = Room
team-phone-join-title = Join the session
team-phone-nickname = Your nickname
team-phone-team = Your team
team-phone-join = Join
team-phone-leave = Leave the session
team-phone-loading = Connecting…
team-phone-noscript = This page needs JavaScript to vote. Ask the trainer to enter your choice.
team-phone-offline = Connection lost. Reconnecting…
# A countdown on the phone; $n is seconds left.
team-phone-seconds = { $n } s
team-phone-waiting = Waiting for the trainer to open the next question…
team-phone-open = Voting is open. Tap an answer; you can change it until voting closes.
team-phone-closed = Voting is closed. The result is coming.
# $option is a letter A–D.
team-phone-your-vote = Your vote: { $option }
team-phone-no-vote = You did not vote on this one.
team-phone-room-chose = The room chose { $option }.
# $options is a list of letters such as "A, C".
team-phone-tie = A tie between { $options }: the trainer decides.
team-phone-no-votes = Nobody voted: the trainer decides.
team-phone-correct = Correct! +{ $n } { $n ->
    [one] point
   *[other] points
}
team-phone-wrong = Not this time. The answer was { $option }.
team-phone-total = Your score: { $n } { $n ->
    [one] point
   *[other] points
}
team-phone-ended = The session has ended. Thank you for playing!
team-phone-removed = The trainer has removed you from this session.

## Errors shown on the phone

team-error-nickname-empty = Type a nickname.
team-error-nickname-long = A nickname has at most { $max } characters.
team-error-nickname-chars = Use letters, digits and spaces in your nickname.
team-error-team = Pick a team.
team-error-full = The room is full. Ask the trainer.
team-error-closed = Voting on this question is closed.
team-error-rate = Too many taps at once. Wait a second.
team-error-ended = The session has ended.
team-error-unknown = This phone is no longer in the session. Join again.
team-error-network = No connection to the trainer's computer. Check the Wi-Fi.

## The page at the bare address

team-landing-title = Join a team session
team-landing-code = Room code (on the projector)
team-landing-go = Enter
team-landing-wrong = There is no room with this code. Check the projector.

## The projector

team-session-title = Team session
team-mode-solo = Everyone for themselves
team-mode-teams = { $n } teams
team-voting-time = Voting time: { $n } s
team-address-pick = Network address for the phones
team-address-loopback = this computer only
team-address-virtual = virtual adapter
team-lobby-title = Join on your phone
team-lobby-step-wifi = Connect to the same Wi-Fi as this computer.
team-lobby-step-open = Scan the code or open { $url }
team-room-code = Room code: { $code }
team-lobby-count = { $n ->
    [one] { $n } participant
   *[other] { $n } participants
}
team-lobby-empty = Nobody has joined yet.
team-lobby-remove = Remove { $name }
team-lobby-start = Start
team-server-failed = The phone server could not start: { $reason }. The session works without phones: enter the room's choice with the keys.
team-voted-count = { $voted } of { $total } voted
team-countdown = { $n } s
team-voting-closed = Voting closed
team-reveal-title = How the room voted
team-room-choice = The room chose { $option }
team-tie-pick = A tie between { $options }. Trainer, pick the reply.
team-no-votes-pick = Nobody voted. Trainer, pick the reply.
team-correct-answer = Correct answer: { $option }
team-leaderboard = Top five
team-podium = Podium
team-team-totals = Team scores
team-best-share = { $team }: the best reply { $n }% of the time
team-manual-hint = No phones? Press A–D for the room's choice, or enter the votes per answer.
team-manual-counts = Votes for { $option }
team-path-map = Path map
team-path-room = The room's path
team-path-best = The best path
team-what-if = What if we had said…?
team-session-ended = Session over

## Default team names

team-default-1 = Red
team-default-2 = Blue
team-default-3 = Yellow
team-default-4 = Green
team-default-5 = Purple
team-default-6 = Teal
team-default-7 = Pink
team-default-8 = Grey
