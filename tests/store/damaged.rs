//! Damaged files: never overwritten, moved aside, restored from the daily backup when there is one,
//! and reported in both languages.

use crate::common::{loaded, open, save_full_run, temp_store};
use client_first::engine::text::Lang;
use client_first::store::recovery::{BACKUPS_KEPT, backups, message};
use client_first::store::{Damage, RecoveryAction, Store};
use std::path::Path;

/// A store with one profile and `n` finished attempts, closed (its WAL folded into the file).
fn store_with(path: &Path, n: u64) {
    let store = open(path);
    let p = store.create_profile("Kira", None).unwrap();
    for seed in 0..n {
        save_full_run(&store, p.id, loaded("tutorial"), seed + 1);
    }
}

fn sibling_damaged(path: &Path) -> Vec<std::path::PathBuf> {
    let dir = path.parent().unwrap();
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().contains("progress.sqlite.damaged-"))
        .filter(|p| {
            !p.to_string_lossy().ends_with("-wal") && !p.to_string_lossy().ends_with("-shm")
        })
        .collect();
    v.sort();
    v
}

#[test]
fn a_file_that_is_not_a_database_is_kept_aside_and_a_new_store_starts() {
    let (_dir, path) = temp_store();
    let junk = b"these are my notes, not a database\n".repeat(100);
    std::fs::write(&path, &junk).unwrap();
    let opened = Store::open(&path).unwrap();
    let r = opened.recovery.expect("a recovery report");
    assert_eq!(r.damage, Damage::NotADatabase);
    assert_eq!(r.action, RecoveryAction::StartedEmpty);
    let moved = r.moved_to.clone().expect("moved aside");
    assert_eq!(
        std::fs::read(&moved).unwrap(),
        junk,
        "the damaged file is kept byte for byte"
    );
    assert_eq!(sibling_damaged(&path), vec![moved]);
    assert_eq!(opened.store.counts().unwrap(), (0, 0));
    for lang in Lang::ALL {
        let text = message(lang, &r);
        assert!(text.contains("progress.sqlite.damaged-"), "{text}");
        assert!(!text.contains("store-"), "no missing message ids: {text}");
    }
    assert_ne!(message(Lang::Ru, &r), message(Lang::En, &r));
}

#[test]
fn a_truncated_file_is_restored_from_the_backup() {
    let (_dir, path) = temp_store();
    store_with(&path, 3);
    {
        let store = open(&path);
        // Today's backup was made when the store opened above; make one that holds all three.
        store.backup_now().unwrap();
        let p = store.profile_by_name("Kira").unwrap().unwrap();
        save_full_run(&store, p.id, loaded("tutorial"), 50);
        assert_eq!(store.counts().unwrap(), (1, 4));
    }
    let len = std::fs::metadata(&path).unwrap().len();
    let f = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    f.set_len(len / 2).unwrap();
    drop(f);
    let cut = std::fs::read(&path).unwrap();

    let opened = Store::open(&path).unwrap();
    let r = opened.recovery.clone().expect("a recovery report");
    assert_eq!(r.damage, Damage::Corrupt);
    let RecoveryAction::Restored {
        profiles,
        attempts,
        ref day,
    } = r.action
    else {
        panic!("expected a restore, got {:?}", r.action);
    };
    assert_eq!((profiles, attempts), (1, 3), "what the backup held");
    assert_eq!(day.len(), 10, "YYYY-MM-DD: {day}");
    assert_eq!(opened.store.counts().unwrap(), (1, 3));
    assert!(opened.store.integrity_ok().unwrap());
    assert_eq!(
        std::fs::read(r.moved_to.as_ref().unwrap()).unwrap(),
        cut,
        "kept as it was"
    );
    let en = message(Lang::En, &r);
    let ru = message(Lang::Ru, &r);
    assert!(en.contains("1 profile and 3 attempts"), "{en}");
    assert!(ru.contains("1 профиль и 3 попытки"), "{ru}");
    // The restored store goes on saving.
    let p = opened.store.profile_by_name("Kira").unwrap().unwrap();
    save_full_run(&opened.store, p.id, loaded("tutorial"), 8);
    assert_eq!(opened.store.counts().unwrap(), (1, 4));
}

#[test]
fn a_corrupted_page_is_detected() {
    let (_dir, path) = temp_store();
    store_with(&path, 5);
    let mut bytes = std::fs::read(&path).unwrap();
    assert!(bytes.len() > 8192);
    // Overwrite the second half with noise, keeping the header and the file length.
    let half = bytes.len() / 2;
    for (i, b) in bytes[half..].iter_mut().enumerate() {
        *b = (i * 31 % 251) as u8;
    }
    std::fs::write(&path, &bytes).unwrap();
    let opened = Store::open(&path).unwrap();
    let r = opened.recovery.expect("a recovery report");
    assert_eq!(r.damage, Damage::Corrupt);
    // The backup made on the first open held the empty store of that moment.
    assert!(
        matches!(r.action, RecoveryAction::Restored { attempts: 0, .. }),
        "{:?}",
        r.action
    );
}

#[test]
fn a_store_from_a_newer_game_is_left_untouched() {
    let (_dir, path) = temp_store();
    store_with(&path, 1);
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.pragma_update(None, "user_version", 99).unwrap();
        c.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let opened = Store::open(&path).unwrap();
    let r = opened.recovery.clone().expect("a report");
    assert_eq!(
        r.damage,
        Damage::NewerVersion {
            found: 99,
            supported: client_first::store::schema::latest()
        }
    );
    assert_eq!(r.action, RecoveryAction::NotSaving);
    assert_eq!(r.moved_to, None);
    assert_eq!(opened.store.path(), None, "this session runs in memory");
    // The session can still play; nothing reaches the file.
    let p = opened.store.guest().unwrap();
    save_full_run(&opened.store, p.id, loaded("tutorial"), 1);
    drop(opened);
    assert_eq!(std::fs::read(&path).unwrap(), before, "not a byte changed");
    assert!(sibling_damaged(&path).is_empty());
    assert!(message(Lang::En, &r).contains("99"));
    assert!(message(Lang::Ru, &r).contains("99"));
}

#[test]
fn backups_are_made_at_most_once_a_day_and_rotate() {
    let (_dir, path) = temp_store();
    store_with(&path, 1);
    let store = open(&path);
    let made = backups(&path);
    assert_eq!(made.len(), 1, "the first open made today's backup");
    assert_eq!(store.backup_if_due().unwrap(), None, "not twice a day");
    // Older backups from earlier days: only the newest are kept.
    let dir = made[0].parent().unwrap();
    for day in ["20200101", "20200102", "20200103", "20200104"] {
        std::fs::copy(&made[0], dir.join(format!("progress-{day}.sqlite"))).unwrap();
    }
    store.backup_now().unwrap();
    let left = backups(&path);
    assert_eq!(left.len(), BACKUPS_KEPT);
    assert_eq!(left[0], made[0], "today's is the newest");
    let backup = rusqlite::Connection::open(&left[0]).unwrap();
    let ok: String = backup
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let n: i64 = backup
        .query_row("SELECT COUNT(*) FROM attempts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
}
