//! The path map of a team session: the layout of every built-in scenario, the best path, the walk
//! of a played run and the rewind to an earlier decision, plus a small hand-written scenario with a
//! loop and two choices between the same two nodes.

use client_first::engine::library::Library;
use client_first::engine::load::parse_scenario;
use client_first::engine::model::{Scenario, Then};
use client_first::engine::progress::replay;
use client_first::engine::run::{Outcome, Run};
use client_first::team::map::{MapNodeKind, PathMap, best_path, rewind};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, LazyLock};

static LIB: LazyLock<Library> = LazyLock::new(Library::builtin);

/// Seeds for the seeded parts (choice order decides ties and the first offered choice).
const SEEDS: [u64; 3] = [0, 1, 0x5eed];

fn builtin() -> Vec<Arc<Scenario>> {
    let all = LIB.all();
    assert!(all.len() >= 10, "the built-in library loads");
    all
}

/// The node ids reachable from the start, found independently of the map.
fn reachable(s: &Scenario) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut todo = vec![s.start.clone()];
    while let Some(id) = todo.pop() {
        let Some(node) = s.node(&id) else { continue };
        if !seen.insert(id) {
            continue;
        }
        match &node.then {
            Then::Choices(cs) => todo.extend(cs.iter().map(|c| c.next.clone())),
            Then::Continue(next) => todo.push(next.clone()),
            Then::End(_) => {}
        }
    }
    seen
}

/// The (node, choice) pairs of an outcome's decisions.
fn pairs(o: &Outcome) -> Vec<(String, String)> {
    o.decisions
        .iter()
        .map(|d| (d.node.clone(), d.choice.clone()))
        .collect()
}

/// Plays a run to its end, taking the first offered choice each time.
fn play_first(s: &Arc<Scenario>, seed: u64) -> Outcome {
    let mut run = Run::start(Arc::clone(s), seed);
    for _ in 0..1000 {
        if run.is_over() {
            break;
        }
        if run.can_continue() {
            run.advance().expect("continue");
        } else {
            let first = run.choices().first().map(|c| c.id.clone());
            run.choose(&first.expect("a decision offers a choice"))
                .expect("an offered choice is taken");
        }
    }
    run.outcome().expect("the run ends")
}

/// Checks that the walked edges chain from the start along `path`, one edge per step.
fn assert_chains(map: &PathMap, path: &[String], walked: &[usize], what: &str) {
    assert_eq!(walked.len(), path.len() - 1, "{what}: one edge per step");
    for (i, &e) in walked.iter().enumerate() {
        let edge = &map.edges[e];
        assert_eq!(map.nodes[edge.from].id, path[i], "{what}: step {i} leaves");
        assert_eq!(
            map.nodes[edge.to].id,
            path[i + 1],
            "{what}: step {i} reaches"
        );
        if let Some(&next) = walked.get(i + 1) {
            assert_eq!(edge.to, map.edges[next].from, "{what}: edges chain at {i}");
        }
    }
}

#[test]
fn every_builtin_scenario_is_laid_out_breadth_first_without_overlaps() {
    for s in builtin() {
        let id = &s.id;
        let map = PathMap::layout(&s);
        assert_eq!(
            map,
            PathMap::layout(&s),
            "{id}: the layout is deterministic"
        );

        let start = map.node(&s.start).expect("the start is on the map");
        assert_eq!(map.nodes[start].layer, 0, "{id}: the start is in column 0");
        assert_eq!(
            map.nodes.iter().filter(|n| n.layer == 0).count(),
            1,
            "{id}: only the start is in column 0"
        );

        let ids: Vec<&str> = map.nodes.iter().map(|n| n.id.as_str()).collect();
        let unique: BTreeSet<String> = ids.iter().map(|i| i.to_string()).collect();
        assert_eq!(unique.len(), ids.len(), "{id}: every node appears once");
        assert_eq!(unique, reachable(&s), "{id}: exactly the reachable nodes");

        let places: BTreeSet<(usize, usize)> =
            map.nodes.iter().map(|n| (n.layer, n.slot)).collect();
        assert_eq!(
            places.len(),
            map.nodes.len(),
            "{id}: no two nodes share a place"
        );
        let mut per_column: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for n in &map.nodes {
            per_column.entry(n.layer).or_default().push(n.slot);
        }
        assert_eq!(map.columns, per_column.len(), "{id}: columns counted");
        assert_eq!(
            per_column.keys().copied().collect::<Vec<_>>(),
            (0..map.columns).collect::<Vec<_>>(),
            "{id}: no empty column"
        );
        for slots in per_column.values() {
            let mut sorted = slots.clone();
            sorted.sort_unstable();
            assert_eq!(
                sorted,
                (0..slots.len()).collect::<Vec<_>>(),
                "{id}: rows from 0"
            );
        }
        assert_eq!(
            map.rows,
            per_column.values().map(Vec::len).max().unwrap_or(0),
            "{id}: rows is the tallest column"
        );

        let mut ways = 0;
        for n in &map.nodes {
            let node = s.node(&n.id).expect("a map node is a scenario node");
            match (&node.then, n.kind) {
                (Then::Choices(cs), MapNodeKind::Decision) => ways += cs.len(),
                (Then::Continue(_), MapNodeKind::Lines) => ways += 1,
                (Then::End(e), MapNodeKind::Ending(k)) => assert_eq!(e.kind, k),
                (_, kind) => panic!("{id}: node {} has kind {kind:?}", n.id),
            }
        }
        assert_eq!(
            map.edges.len(),
            ways,
            "{id}: one edge per choice or Continue"
        );

        for (i, e) in map.edges.iter().enumerate() {
            assert!(
                e.from < map.nodes.len() && e.to < map.nodes.len(),
                "{id}: edge {i}"
            );
            let (from, to) = (&map.nodes[e.from], &map.nodes[e.to]);
            assert!(
                to.layer <= from.layer + 1,
                "{id}: {} → {} skips",
                from.id,
                to.id
            );
            assert_eq!(
                e.back,
                to.layer <= from.layer,
                "{id}: {} → {}",
                from.id,
                to.id
            );
            let node = s.node(&from.id).expect("scenario node");
            match (&node.then, &e.choice) {
                (Then::Choices(cs), Some(c)) => {
                    let choice = cs.iter().find(|x| &x.id == c).expect("a real choice");
                    assert_eq!(choice.next, to.id, "{id}: {c} leads where it says");
                    let top = cs.iter().map(|x| x.total()).max();
                    assert_eq!(e.total, choice.total());
                    assert_eq!(e.best, Some(choice.total()) == top, "{id}: best of {c}");
                }
                (Then::Continue(next), None) => assert_eq!(next, &to.id),
                (_, c) => panic!("{id}: edge {c:?} from {}", from.id),
            }
        }
        // Breadth first: every node but the start is reached from the column before it.
        for (i, n) in map.nodes.iter().enumerate().filter(|(i, _)| *i != start) {
            assert!(
                map.edges
                    .iter()
                    .any(|e| e.to == i && map.nodes[e.from].layer + 1 == n.layer),
                "{id}: {} is in its shortest column",
                n.id
            );
        }
    }
}

#[test]
fn the_best_path_ends_and_walks_only_best_choices() {
    let mut not_offered = 0;
    for s in builtin() {
        let map = PathMap::layout(&s);
        for seed in SEEDS {
            let id = &s.id;
            let (path, choices) = best_path(Arc::clone(&s), seed);
            let last = map.node(path.last().expect("a path")).expect("on the map");
            assert!(
                matches!(map.nodes[last].kind, MapNodeKind::Ending(_)),
                "{id}/{seed}: the best path ends at an ending, not {}",
                map.nodes[last].id
            );
            let walked = map.walk(&path, &choices);
            assert_chains(&map, &path, &walked, &format!("{id}/{seed} best"));
            let chosen: Vec<usize> = walked
                .iter()
                .copied()
                .filter(|&e| map.edges[e].choice.is_some())
                .collect();
            assert!(
                walked
                    .iter()
                    .all(|&e| map.edges[e].choice.is_some() || map.edges[e].best),
                "{id}/{seed}: a Continue is always best"
            );

            // Replayed, every decision took an offered choice with the highest total; its edge
            // is best unless the node's best choices were not on offer then (their conditions
            // did not hold), which the map, drawn for every run, cannot know.
            let ids: Vec<String> = choices.iter().map(|(_, c)| c.clone()).collect();
            let run = replay(Arc::clone(&s), seed, &ids).expect("the best path replays");
            assert_eq!(chosen.len(), run.decisions().len(), "{id}/{seed}");
            for (d, &e) in run.decisions().iter().zip(&chosen) {
                let Some(Then::Choices(cs)) = s.node(&d.node).map(|n| &n.then) else {
                    panic!("{id}: a decision at {}", d.node);
                };
                let total = |c: &str| cs.iter().find(|x| x.id == c).expect("choice").total();
                let top = d.offered.iter().map(|c| total(c)).max();
                assert_eq!(Some(total(&d.choice)), top, "{id}/{seed} at {}", d.node);
                assert_eq!(map.edges[e].choice.as_deref(), Some(d.choice.as_str()));
                let best_offered = map.edges.iter().any(|b| {
                    b.from == map.edges[e].from
                        && b.best
                        && b.choice.as_ref().is_some_and(|c| d.offered.contains(c))
                });
                assert_eq!(map.edges[e].best, best_offered, "{id}/{seed} at {}", d.node);
                not_offered += usize::from(!best_offered);
            }
        }
    }
    // Some built-in decisions keep their best reply behind a condition, so both cases are tried.
    assert!(not_offered > 0);
}

#[test]
fn the_walk_of_a_played_run_chains_from_the_start() {
    for s in builtin() {
        let map = PathMap::layout(&s);
        for seed in SEEDS {
            let o = play_first(&s, seed);
            let walked = map.walk(&o.path, &pairs(&o));
            assert_chains(&map, &o.path, &walked, &format!("{}/{seed}", s.id));
            assert_eq!(
                map.edges[walked[0]].from,
                map.node(&s.start).expect("start")
            );
            let taken: Vec<&str> = walked
                .iter()
                .filter_map(|&e| map.edges[e].choice.as_deref())
                .collect();
            let made: Vec<&str> = o.decisions.iter().map(|d| d.choice.as_str()).collect();
            assert_eq!(
                taken, made,
                "{}/{seed}: the edges are the choices made",
                s.id
            );
        }
    }
}

#[test]
fn rewind_keeps_the_first_decisions() {
    for s in builtin() {
        let o = play_first(&s, 3);
        let ids: Vec<String> = o.decisions.iter().map(|d| d.choice.clone()).collect();
        for keep in 0..=ids.len() {
            let run = rewind(Arc::clone(&s), 3, &ids, keep).expect("rewinds");
            assert_eq!(
                run.decisions(),
                &o.decisions[..keep],
                "{} keep {keep}",
                s.id
            );
            assert!(
                !run.is_over() || keep == ids.len(),
                "{}: playable again",
                s.id
            );
        }
        let all = rewind(Arc::clone(&s), 3, &ids, ids.len() + 5).expect("rewinds");
        assert_eq!(all.decisions(), &o.decisions[..], "a long keep keeps all");
    }
    let s = &builtin()[0];
    let err = rewind(Arc::clone(s), 3, &["no-such-choice".into()], 1).expect_err("unknown");
    assert_eq!(err.step, 0);
}

/// A scenario with a once-only question looping on its node, a later loop back to the start, and
/// two choices (`kind` and `curt`) that both go from `hello` to `check`.
const LOOPING: &str = r#"
Scenario(
    id: "looping",
    title: (ru: "Петля", en: "Loop"),
    summary: (ru: "Для тестов.", en: "For the tests."),
    cases: [],
    difficulty: 1,
    channel: Chat,
    minutes: 1,
    languages: [ru, en],
    client: Client(id: "client", name: (ru: "Анна", en: "Anna"), mood: 50),
    start: "hello",
    variation: Variation(shuffle_choices: false),
    nodes: [
        Node(
            id: "hello",
            then: Choices([
                Choice(id: "curt", label: (ru: "а", en: "a"), scores: {"p": -1},
                    feedback: (ru: "а", en: "a"), next: "check"),
                Choice(id: "kind", label: (ru: "б", en: "b"), scores: {"p": 2},
                    feedback: (ru: "б", en: "b"), next: "check"),
                Choice(id: "ask", label: (ru: "в", en: "c"), scores: {"p": 1},
                    feedback: (ru: "в", en: "c"), next: "hello", once: true),
            ]),
        ),
        Node(id: "check", then: Continue("detail")),
        Node(
            id: "detail",
            then: Choices([
                Choice(id: "again", label: (ru: "а", en: "a"),
                    feedback: (ru: "а", en: "a"), next: "hello"),
                Choice(id: "done", label: (ru: "б", en: "b"), scores: {"p": 1},
                    feedback: (ru: "б", en: "b"), next: "end_ok"),
            ]),
        ),
        Node(id: "end_ok", then: End(Ending(kind: Resolved, title: (ru: "а", en: "a"),
            text: (ru: "а", en: "a")))),
        Node(id: "lonely", then: End(Ending(kind: Lost, title: (ru: "а", en: "a"),
            text: (ru: "а", en: "a")))),
    ],
)
"#;

fn looping() -> Arc<Scenario> {
    Arc::new(parse_scenario("looping.ron", LOOPING).expect("the test scenario parses"))
}

/// The index of the edge leaving `from` by `choice` (`None`: the Continue).
fn edge(map: &PathMap, from: &str, choice: Option<&str>) -> usize {
    let from = map.node(from).expect("node");
    map.edges
        .iter()
        .position(|e| e.from == from && e.choice.as_deref() == choice)
        .expect("edge")
}

#[test]
fn a_small_loop_is_laid_out_with_back_edges_and_parallel_choices() {
    let s = looping();
    let map = PathMap::layout(&s);
    assert_eq!(
        map.node("lonely"),
        None,
        "the unreachable ending is left out"
    );
    let layers: Vec<(&str, usize)> = map.nodes.iter().map(|n| (n.id.as_str(), n.layer)).collect();
    assert_eq!(
        layers,
        [("hello", 0), ("check", 1), ("detail", 2), ("end_ok", 3)]
    );
    assert_eq!((map.columns, map.rows), (4, 1));

    let (curt, kind) = (
        edge(&map, "hello", Some("curt")),
        edge(&map, "hello", Some("kind")),
    );
    assert_ne!(curt, kind);
    assert_eq!(
        (map.edges[curt].from, map.edges[curt].to),
        (map.edges[kind].from, map.edges[kind].to),
        "two choices between the same two nodes"
    );
    assert!(map.edges[kind].best && !map.edges[curt].best);
    assert!(
        map.edges[edge(&map, "hello", Some("ask"))].back,
        "a loop on its own node"
    );
    assert!(
        map.edges[edge(&map, "detail", Some("again"))].back,
        "a loop to the start"
    );
    assert!(!map.edges[kind].back && !map.edges[edge(&map, "check", None)].back);
    assert!(
        map.edges[edge(&map, "check", None)].best,
        "a Continue is the only way on"
    );
}

#[test]
fn the_walk_tells_parallel_choices_apart_around_a_loop() {
    let s = looping();
    let map = PathMap::layout(&s);
    let mut run = Run::start(Arc::clone(&s), 9);
    for step in ["ask", "curt", "again", "kind", "done"] {
        while run.can_continue() {
            run.advance().expect("continue");
        }
        run.choose(step).expect("offered");
    }
    let o = run.outcome().expect("ended");
    let walked = map.walk(&o.path, &pairs(&o));
    assert_chains(&map, &o.path, &walked, "looping");
    let expected = [
        edge(&map, "hello", Some("ask")),
        edge(&map, "hello", Some("curt")),
        edge(&map, "check", None),
        edge(&map, "detail", Some("again")),
        edge(&map, "hello", Some("kind")),
        edge(&map, "check", None),
        edge(&map, "detail", Some("done")),
    ];
    assert_eq!(walked, expected);

    // A step the map does not have ends the walk there: what came before still chains.
    let mut foreign = o.path.clone();
    foreign.insert(3, "elsewhere".into());
    assert_eq!(map.walk(&foreign, &pairs(&o)), expected[..2]);

    let (path, choices) = best_path(Arc::clone(&s), 9);
    assert_eq!(path, ["hello", "check", "detail", "end_ok"]);
    assert_eq!(
        choices,
        [
            ("hello".to_string(), "kind".to_string()),
            ("detail".to_string(), "done".to_string())
        ]
    );

    let ids: Vec<String> = o.decisions.iter().map(|d| d.choice.clone()).collect();
    let back = rewind(Arc::clone(&s), 9, &ids, 3).expect("rewinds");
    assert_eq!(back.decisions(), &o.decisions[..3]);
    assert_eq!(
        back.state().node,
        "hello",
        "back at the start after the loop"
    );
    assert!(
        back.state().used_once.contains("hello/ask"),
        "the question stays asked"
    );
}
