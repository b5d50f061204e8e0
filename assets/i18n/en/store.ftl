# The progress store: recovery reports, export and import messages.

# What was wrong with the progress file.
store-damage-not-a-database = The saved progress file is not a database the game can read.
store-damage-corrupt = The saved progress file is damaged: part of it can no longer be read.
store-damage-newer = The saved progress comes from a newer version of the game (format { $found }; this version reads up to { $supported }).
# What the game did about it.
store-action-restored = It was restored from the backup of { $day }: { $profiles } { $profiles ->
    [one] profile
   *[other] profiles
} and { $attempts } { $attempts ->
    [one] attempt
   *[other] attempts
} recovered. Attempts after that day are lost.
store-action-empty = No usable backup was found, so a new, empty progress file was started.
store-action-not-saving = The file was left untouched. Update the game to continue with it; progress in this session will not be saved.
store-moved = The damaged file was kept as { $path }.

# The name shown for the guest profile.
store-guest = Guest

# Export and import from the command line.
store-exported = Exported { $attempts } { $attempts ->
    [one] attempt
   *[other] attempts
} of { $name } to { $file }.
store-imported = Imported into { $name }: { $added } new { $added ->
    [one] attempt
   *[other] attempts
}, { $skipped } already there.
store-import-io = Cannot read { $file }: { $error }.
store-import-syntax = { $file } is not a progress file: it is not valid JSON (line { $line }, column { $column }). Choose a file exported by Client First.
store-import-foreign = { $file } is not a Client First progress file (it has no "format": "client-first-progress"). Choose a file exported with "client-first progress export".
store-import-newer = { $file } was exported by a newer version of the game (format version { $version }). Update the game to import it.
store-import-invalid = { $file }, line { $line }, column { $column }: the file is damaged ({ $detail }). Export it again from the other computer.
store-import-bad-value = { $file }: attempt { $index } has an impossible { $field }. Export it again from the other computer.
store-import-nothing = Nothing was changed.
store-export-no-profile = There is no profile named { $name }. Profiles: { $names }.
store-export-which-profile = There are several profiles; choose one with --profile NAME: { $names }.
store-export-empty = There are no profiles to export yet.
store-error = The progress store failed: { $error }
