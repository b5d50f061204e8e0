//! The path map of a team session: a scenario's branching laid out as columns and rows, with the
//! room's path and the best path as lists of edges, and the run rebuilt at any earlier decision.
//!
//! After a room has played a scenario together, the projector shows its branching as a graph, the
//! way the room went through it and the way with the most points. This module is the data of that
//! picture only: where every node sits and which arrows a path walks. The drawing is the game's;
//! like the engine, this module returns data and enums, never interface words.

use crate::engine::model::{Choice, EndingKind, Scenario, Then};
use crate::engine::progress::{ReplayError, replay};
use crate::engine::run::Run;
use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

/// How many pairs of barycentre sweeps (left to right, then right to left) the layout tries.
/// Scenarios have at most a few dozen nodes, where a handful of sweeps reaches a stable order.
const SWEEPS: usize = 4;

/// What a node of the map is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapNodeKind {
    /// The trainee picks one of several replies here.
    Decision,
    /// Lines only: the conversation goes on with Continue.
    Lines,
    /// The conversation ends here, with this kind of outcome.
    Ending(EndingKind),
}

/// One node placed on the map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapNode {
    /// The scenario's node id.
    pub id: String,
    /// What the node is.
    pub kind: MapNodeKind,
    /// The column: the fewest steps from the start (0 is the start, columns go left to right).
    pub layer: usize,
    /// The row within its column, from 0.
    pub slot: usize,
}

/// One arrow of the map, for one choice or for one Continue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapEdge {
    /// The index of the node it leaves, in [`PathMap::nodes`].
    pub from: usize,
    /// The index of the node it reaches, in [`PathMap::nodes`].
    pub to: usize,
    /// The choice id, or `None` for a Continue.
    pub choice: Option<String>,
    /// The choice's total principle points (0 for a Continue), so that the drawing can colour it.
    pub total: i32,
    /// Whether the choice has the highest total among its node's choices (every tied choice is
    /// best). A Continue, the only way on from its node, is best too.
    pub best: bool,
    /// Whether it goes to an earlier column or to the same one (a loop), so the drawing curves it.
    pub back: bool,
}

/// A scenario's branching laid out for drawing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PathMap {
    /// The nodes reachable from the start, ordered by column, then by row.
    pub nodes: Vec<MapNode>,
    /// The arrows, ordered by the node they leave, then in the scenario's choice order.
    pub edges: Vec<MapEdge>,
    /// How many columns the map has.
    pub columns: usize,
    /// The most nodes in any column.
    pub rows: usize,
}

/// An arrow while the layout is being built: node numbers are positions in the BFS order.
struct RawEdge {
    from: usize,
    to: usize,
    choice: Option<String>,
    total: i32,
    best: bool,
}

impl PathMap {
    /// Lays out a scenario.
    ///
    /// A node's column is its shortest distance from the start over choices and Continues, found
    /// breadth first; nodes the start cannot reach are left out, and so are arrows to missing nodes
    /// (the validator reports both). Within a column, rows start in the order the nodes were found
    /// and are then reordered by a few barycentre sweeps, keeping the order with the fewest
    /// crossings between neighbouring columns. Nothing depends on hashing order or on chance, so the
    /// same scenario always gives the same map.
    pub fn layout(s: &Scenario) -> PathMap {
        let mut index: HashMap<&str, usize> = HashMap::new();
        for (i, n) in s.nodes.iter().enumerate() {
            // The first node with an id wins, as in `Scenario::node`.
            index.entry(n.id.as_str()).or_insert(i);
        }
        let Some(&start) = index.get(s.start.as_str()) else {
            return PathMap::default();
        };

        // Breadth first from the start: `found` holds scenario node indices in the order reached.
        let mut bfs_of: Vec<Option<usize>> = vec![None; s.nodes.len()];
        let mut found: Vec<usize> = Vec::new();
        let mut layer: Vec<usize> = Vec::new();
        let mut queue = VecDeque::from([(start, 0)]);
        bfs_of[start] = Some(0);
        found.push(start);
        layer.push(0);
        while let Some((n, here)) = queue.pop_front() {
            for (_, next) in successors(s, n, &index) {
                if bfs_of[next].is_none() {
                    bfs_of[next] = Some(found.len());
                    found.push(next);
                    layer.push(here + 1);
                    queue.push_back((next, here + 1));
                }
            }
        }

        let mut raw: Vec<RawEdge> = Vec::new();
        for (from, &n) in found.iter().enumerate() {
            let top = match &s.nodes[n].then {
                Then::Choices(cs) => cs.iter().map(|c| c.total()).max(),
                _ => None,
            };
            for (choice, next) in successors(s, n, &index) {
                let Some(to) = bfs_of[next] else { continue };
                let (choice, total, best) = match choice {
                    Some(c) => (Some(c.id.clone()), c.total(), Some(c.total()) == top),
                    None => (None, 0, true),
                };
                raw.push(RawEdge {
                    from,
                    to,
                    choice,
                    total,
                    best,
                });
            }
        }

        let columns = layer.iter().max().map_or(0, |m| m + 1);
        let mut layers: Vec<Vec<usize>> = vec![Vec::new(); columns];
        for (b, &l) in layer.iter().enumerate() {
            layers[l].push(b);
        }
        let layers = order_rows(layers, &layer, &raw);

        // Final indices follow the columns, then the rows.
        let mut final_of = vec![0; found.len()];
        let mut nodes = Vec::with_capacity(found.len());
        for (l, column) in layers.iter().enumerate() {
            for (slot, &b) in column.iter().enumerate() {
                final_of[b] = nodes.len();
                let node = &s.nodes[found[b]];
                nodes.push(MapNode {
                    id: node.id.clone(),
                    kind: match &node.then {
                        Then::Choices(_) => MapNodeKind::Decision,
                        Then::Continue(_) => MapNodeKind::Lines,
                        Then::End(e) => MapNodeKind::Ending(e.kind),
                    },
                    layer: l,
                    slot,
                });
            }
        }
        let mut edges: Vec<MapEdge> = raw
            .into_iter()
            .map(|e| MapEdge {
                from: final_of[e.from],
                to: final_of[e.to],
                choice: e.choice,
                total: e.total,
                best: e.best,
                back: layer[e.to] <= layer[e.from],
            })
            .collect();
        // A stable sort keeps each node's arrows in the scenario's choice order.
        edges.sort_by_key(|e| e.from);
        let rows = layers.iter().map(Vec::len).max().unwrap_or(0);
        PathMap {
            nodes,
            edges,
            columns,
            rows,
        }
    }

    /// The index of the node with this id in [`PathMap::nodes`].
    pub fn node(&self, id: &str) -> Option<usize> {
        self.nodes.iter().position(|n| n.id == id)
    }

    /// The edges a run walked, as indices into [`PathMap::edges`] in walking order.
    ///
    /// `path` is the run's node path (as in an `Outcome`), and `choices` its decisions as
    /// (node, choice) pairs in order: the choice ids tell apart two choices that join the same two
    /// nodes. The walk stops at the first step the map does not have (a path of another version of
    /// the scenario), so what it returns always chains from the start.
    pub fn walk(&self, path: &[String], choices: &[(String, String)]) -> Vec<usize> {
        let mut walked = Vec::new();
        let mut decisions = choices.iter();
        for step in path.windows(2) {
            let (Some(from), Some(to)) = (self.node(&step[0]), self.node(&step[1])) else {
                break;
            };
            let choice = match self.nodes[from].kind {
                MapNodeKind::Decision => match decisions.next() {
                    Some((node, choice)) if *node == step[0] => Some(choice.as_str()),
                    _ => break,
                },
                MapNodeKind::Lines => None,
                MapNodeKind::Ending(_) => break,
            };
            let edge = self
                .edges
                .iter()
                .position(|e| e.from == from && e.to == to && e.choice.as_deref() == choice);
            match edge {
                Some(e) => walked.push(e),
                None => break,
            }
        }
        walked
    }
}

/// The ways on from scenario node `n`: each choice (or `None` for a Continue) with the index of the
/// node it leads to; ways to missing nodes are left out.
fn successors<'a>(
    s: &'a Scenario,
    n: usize,
    index: &HashMap<&str, usize>,
) -> Vec<(Option<&'a Choice>, usize)> {
    match &s.nodes[n].then {
        Then::Choices(cs) => cs
            .iter()
            .filter_map(|c| index.get(c.next.as_str()).map(|&i| (Some(c), i)))
            .collect(),
        Then::Continue(next) => index
            .get(next.as_str())
            .map(|&i| (None, i))
            .into_iter()
            .collect(),
        Then::End(_) => Vec::new(),
    }
}

/// Reorders the rows of every column by barycentre sweeps and returns the order with the fewest
/// crossings seen, the starting order included (so sweeping never makes the map worse).
fn order_rows(mut layers: Vec<Vec<usize>>, layer: &[usize], edges: &[RawEdge]) -> Vec<Vec<usize>> {
    let mut best = layers.clone();
    let mut fewest = crossings(&layers, layer, edges);
    for _ in 0..SWEEPS {
        for l in 1..layers.len() {
            sweep(&mut layers, l, l - 1, layer, edges);
        }
        for l in (0..layers.len().saturating_sub(1)).rev() {
            sweep(&mut layers, l, l + 1, layer, edges);
        }
        let c = crossings(&layers, layer, edges);
        if c < fewest {
            fewest = c;
            best = layers.clone();
        }
        if fewest == 0 {
            break;
        }
    }
    best
}

/// Where every node sits within its column, by BFS number.
fn positions(layers: &[Vec<usize>], count: usize) -> Vec<usize> {
    let mut pos = vec![0; count];
    for column in layers {
        for (slot, &b) in column.iter().enumerate() {
            pos[b] = slot;
        }
    }
    pos
}

/// Sorts column `l` by the mean row of each node's neighbours in column `other`. A node with no
/// neighbour there keeps its own row as its key, so it stays roughly where it was; ties keep the
/// current order, which makes the sort deterministic.
fn sweep(layers: &mut [Vec<usize>], l: usize, other: usize, layer: &[usize], edges: &[RawEdge]) {
    let pos = positions(layers, layer.len());
    let mut sum = vec![0usize; layer.len()];
    let mut count = vec![0usize; layer.len()];
    for e in edges {
        // Only arrows between the two columns count, in whichever direction they point.
        for (mine, theirs) in [(e.from, e.to), (e.to, e.from)] {
            if layer[mine] == l && layer[theirs] == other {
                sum[mine] += pos[theirs];
                count[mine] += 1;
            }
        }
    }
    let key = |b: usize| {
        if count[b] == 0 {
            pos[b] as f64
        } else {
            sum[b] as f64 / count[b] as f64
        }
    };
    layers[l].sort_by(|&a, &b| key(a).total_cmp(&key(b)).then(pos[a].cmp(&pos[b])));
}

/// How many pairs of arrows cross between neighbouring columns. Arrows within a column or back
/// to an earlier one are drawn as curves and are not counted.
fn crossings(layers: &[Vec<usize>], layer: &[usize], edges: &[RawEdge]) -> usize {
    let pos = positions(layers, layer.len());
    let forward: Vec<(usize, usize, usize)> = edges
        .iter()
        .filter(|e| layer[e.to] == layer[e.from] + 1)
        .map(|e| (layer[e.from], pos[e.from], pos[e.to]))
        .collect();
    let mut count = 0;
    for (i, a) in forward.iter().enumerate() {
        for b in &forward[i + 1..] {
            if a.0 == b.0 && (a.1 < b.1 && a.2 > b.2 || a.1 > b.1 && a.2 < b.2) {
                count += 1;
            }
        }
    }
    count
}

/// The best path through a scenario with this seed.
///
/// Plays a run: at every decision it takes the offered choice with the highest total (of tied
/// ones, the first offered in this seed's order), and it goes on through lines, until the end. A
/// step limit, larger than any path that ends, stops a scenario whose best choices loop forever;
/// the path then stops there without an ending. Returns the node path, from the start, and the
/// (node, choice) decisions in order, ready for [`PathMap::walk`].
pub fn best_path(scenario: Arc<Scenario>, seed: u64) -> (Vec<String>, Vec<(String, String)>) {
    let choice_count: usize = scenario
        .nodes
        .iter()
        .map(|n| match &n.then {
            Then::Choices(cs) => cs.len(),
            _ => 0,
        })
        .sum();
    // Without loops a path visits each node once; with loops, each once-only choice can bring the
    // run back at most one more time, and twice that leaves room for Continues on the way.
    let limit = 2 * (scenario.nodes.len() + choice_count) + 1;
    let mut run = Run::start(scenario, seed);
    let mut path = vec![run.state().node.clone()];
    let mut decisions = Vec::new();
    for _ in 0..limit {
        if run.is_over() {
            break;
        }
        if run.can_continue() {
            if run.advance().is_err() {
                break;
            }
        } else {
            let mut pick: Option<(i32, String)> = None;
            for c in run.choices() {
                if pick.as_ref().is_none_or(|(t, _)| c.total() > *t) {
                    pick = Some((c.total(), c.id.clone()));
                }
            }
            let Some((_, choice)) = pick else { break };
            let node = run.state().node.clone();
            if run.choose(&choice).is_err() {
                break;
            }
            decisions.push((node, choice));
        }
        path.push(run.state().node.clone());
    }
    (path, decisions)
}

/// The run as it was right after the first `keep` of its `choices`, for the trainer's "what if":
/// going back to a decision and playing on from there.
///
/// The run is rebuilt from the seed with [`replay`], so names, wordings and choice order are those
/// of the original run. A `keep` beyond the choices made keeps them all. The error says which
/// choice could not be made again (the scenario changed since).
pub fn rewind(
    scenario: Arc<Scenario>,
    seed: u64,
    choices: &[String],
    keep: usize,
) -> Result<Run, ReplayError> {
    replay(scenario, seed, &choices[..keep.min(choices.len())])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::{Client, Ending, Node, Variation};
    use crate::engine::text::{Lang, Text};
    use std::collections::BTreeMap;

    /// A choice in a compact description: its id, the node it leads to and its total.
    type Way<'a> = (&'a str, &'a str, i32);

    /// A scenario from a compact description: each node is an id with either choices or, when it
    /// has none, an ending.
    fn scenario(nodes: &[(&str, &[Way<'_>])]) -> Scenario {
        Scenario {
            id: "t".into(),
            title: Text::default(),
            summary: Text::default(),
            cases: Vec::new(),
            difficulty: 1,
            channel: crate::engine::model::Channel::Chat,
            minutes: 1,
            languages: vec![Lang::En],
            order: 0,
            client: Client {
                id: "client".into(),
                name: Text::default(),
                name_variants: Vec::new(),
                mood: 50,
                role: Default::default(),
                gender: Default::default(),
            },
            characters: Vec::new(),
            start: nodes[0].0.into(),
            variation: Variation {
                shuffle_choices: false,
            },
            nodes: nodes
                .iter()
                .map(|(id, cs)| Node {
                    id: (*id).into(),
                    lines: Vec::new(),
                    then: if cs.is_empty() {
                        Then::End(Ending {
                            kind: EndingKind::Resolved,
                            title: Text::default(),
                            text: Text::default(),
                        })
                    } else {
                        Then::Choices(
                            cs.iter()
                                .map(|(c, next, total)| Choice {
                                    id: (*c).into(),
                                    label: Text::default(),
                                    say: Text::default(),
                                    scores: BTreeMap::from([("p".to_string(), *total)]),
                                    mood: 0,
                                    set: Vec::new(),
                                    clear: Vec::new(),
                                    add: BTreeMap::new(),
                                    feedback: Text::default(),
                                    next: (*next).into(),
                                    when: Vec::new(),
                                    once: false,
                                })
                                .collect(),
                        )
                    },
                })
                .collect(),
        }
    }

    fn slot(map: &PathMap, id: &str) -> usize {
        map.nodes[map.node(id).expect("node on the map")].slot
    }

    #[test]
    fn sweeps_undo_a_crossing_of_the_first_found_order() {
        // Breadth first finds `p` before `q`, which crosses `a → q` with `b → p`; `q` above `p`
        // crosses nothing.
        let s = scenario(&[
            ("s", &[("a", "a", 0), ("b", "b", 0)]),
            ("a", &[("p", "p", 0), ("q", "q", 0)]),
            ("b", &[("p", "p", 0)]),
            ("p", &[]),
            ("q", &[]),
        ]);
        let map = PathMap::layout(&s);
        assert_eq!((map.columns, map.rows), (3, 2));
        assert!(slot(&map, "a") < slot(&map, "b"));
        assert!(slot(&map, "q") < slot(&map, "p"), "{map:?}");
    }

    #[test]
    fn a_best_choice_that_loops_forever_stops_at_the_step_limit() {
        let s = scenario(&[
            ("s", &[("again", "s", 2), ("leave", "end", 1)]),
            ("end", &[]),
        ]);
        let (path, decisions) = best_path(Arc::new(s), 7);
        assert!(path.len() > 2 && path.iter().all(|n| n == "s"), "{path:?}");
        assert_eq!(decisions.len(), path.len() - 1);
        assert!(decisions.iter().all(|(n, c)| n == "s" && c == "again"));
    }
}
