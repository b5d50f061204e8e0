//! Exploring every state a scenario can reach, for the validator and for the best and worst scores.
//!
//! The conditions of choices depend on mood, flags, counters, visited nodes and once-only choices, so
//! the graph of nodes alone says too little. This module walks the graph of *states*, keeping only the
//! parts of the state that some condition looks at (a scenario without mood conditions does not split
//! states by mood). Scores are then longest and shortest paths over that state graph.

use super::model::{Condition, Facts, MOOD_MAX, MOOD_MIN, Scenario, Then};
use super::run::State;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

/// A cap on explored states, so that a pathological scenario cannot hang the validator.
pub const MAX_STATES: usize = 200_000;

/// The best and the worst sum of some points over every complete playthrough.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Range {
    /// The highest sum any playthrough reaches.
    pub best: i32,
    /// The lowest sum any playthrough reaches.
    pub worst: i32,
}

/// What the state exploration found.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// Node ids reachable from the start, taking conditions into account.
    pub reachable: BTreeSet<String>,
    /// Node ids reachable when conditions are ignored.
    pub linked: BTreeSet<String>,
    /// Decision nodes where some reachable state offers no choice at all.
    pub dead_ends: BTreeSet<String>,
    /// For each dead end, the first state found stuck there, so that the message can name it.
    pub stuck: BTreeMap<String, Stuck>,
    /// Per decision node, the most choices offered at once in any reachable state.
    pub max_offered: BTreeMap<String, usize>,
    /// Nodes of reachable states from which no ending can be reached.
    pub trapped: BTreeSet<String>,
    /// `(node, choice)` pairs that can be repeated in a loop while scoring points.
    pub repeatable_scoring: BTreeSet<(String, String)>,
    /// The total score over complete playthroughs; `None` when no playthrough ends.
    pub total: Option<Range>,
    /// Per principle id, the points over complete playthroughs.
    pub principles: BTreeMap<String, Range>,
    /// The fewest and the most decisions in a complete playthrough.
    pub decisions: Option<Range>,
    /// Whether exploration stopped at [`MAX_STATES`]; the figures are then partial.
    pub truncated: bool,
    /// The explored state graph, kept to answer [`Analysis::best_from`].
    states: Option<Arc<StateTable>>,
}

/// A state in which a decision offers no choice: what the conditions see, and how it was reached.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stuck {
    /// The mood, when some condition tests mood.
    pub mood: Option<i32>,
    /// The tested flags that are set.
    pub flags: Vec<String>,
    /// The tested counters and their values.
    pub counters: Vec<(String, i32)>,
    /// The last choice taken on the shortest way there, as (node id, choice id).
    pub after: Option<(String, String)>,
}

/// The explored states and, for each, the best total still achievable from it.
#[derive(Debug)]
struct StateTable {
    layout: Layout,
    index: HashMap<String, usize>,
    ids: HashMap<Key, usize>,
    best: Vec<Option<i32>>,
}

impl Analysis {
    /// The best total of points still achievable from a run's state, up to an ending; `None` when no
    /// ending can be reached from it (or the state was never explored).
    pub fn best_from(&self, s: &Scenario, state: &State) -> Option<i32> {
        let t = self.states.as_ref()?;
        let node = *t.index.get(&state.node)?;
        let l = &t.layout;
        let mut bits = vec![0; l.nbits.div_ceil(64)];
        for (f, b) in &l.flags {
            Layout::put(&mut bits, *b, state.flags.contains(f));
        }
        for (v, b) in &l.visited {
            Layout::put(&mut bits, *b, state.visited.contains(v));
        }
        for ((ni, ci), b) in &l.once {
            if let Then::Choices(cs) = &s.nodes.get(*ni)?.then {
                let key = format!("{}/{}", s.nodes[*ni].id, cs.get(*ci)?.id);
                Layout::put(&mut bits, *b, state.used_once.contains(&key));
            }
        }
        let mut counters = vec![0; l.counters.len()];
        for (name, i) in &l.counters {
            let (lo, hi) = l.counter_bounds[*i];
            counters[*i] = state
                .counters
                .get(name)
                .copied()
                .unwrap_or(0)
                .clamp(lo.saturating_sub(8), hi.saturating_add(8));
        }
        let mut key = Key {
            node,
            mood: if l.uses_mood { state.mood } else { 0 },
            bits,
            counters,
        };
        l.forget_dead(&mut key);
        t.best[*t.ids.get(&key)?]
    }
}

/// The parts of a state that conditions look at.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    node: usize,
    mood: i32,
    bits: Vec<u64>,
    counters: Vec<i32>,
}

/// An edge of the state graph: which choice (if any) was taken, and where it leads.
struct Edge {
    choice: Option<(usize, usize)>,
    to: usize,
}

/// Indices of the state parts that matter, so that keys stay small.
#[derive(Debug)]
struct Layout {
    uses_mood: bool,
    flags: HashMap<String, usize>,
    visited: HashMap<String, usize>,
    once: HashMap<(usize, usize), usize>,
    counters: HashMap<String, usize>,
    counter_bounds: Vec<(i32, i32)>,
    nbits: usize,
    /// Per node, the bits that some condition at this node or after it may still test. Bits outside
    /// it can never matter again, so entering the node clears them: a flag set early and tested only
    /// early then stops splitting every later state in two.
    live_bits: Vec<Vec<u64>>,
    /// Per node, whether a mood condition may still be tested.
    live_mood: Vec<bool>,
    /// Per node and counter, whether the counter may still be tested.
    live_counters: Vec<Vec<bool>>,
}

impl Layout {
    fn new(s: &Scenario) -> Layout {
        let mut l = Layout {
            uses_mood: false,
            flags: HashMap::new(),
            visited: HashMap::new(),
            once: HashMap::new(),
            counters: HashMap::new(),
            counter_bounds: Vec::new(),
            nbits: 0,
            live_bits: Vec::new(),
            live_mood: Vec::new(),
            live_counters: Vec::new(),
        };
        let mut bit = 0;
        for (ni, n) in s.nodes.iter().enumerate() {
            let Then::Choices(cs) = &n.then else { continue };
            for (ci, c) in cs.iter().enumerate() {
                if c.once {
                    l.once.insert((ni, ci), bit);
                    bit += 1;
                }
                for cond in &c.when {
                    match cond {
                        Condition::MoodAtLeast(_) | Condition::MoodBelow(_) => l.uses_mood = true,
                        Condition::Flag(f) | Condition::NotFlag(f) => {
                            if !l.flags.contains_key(f) {
                                l.flags.insert(f.clone(), bit);
                                bit += 1;
                            }
                        }
                        Condition::Visited(v) | Condition::NotVisited(v) => {
                            if !l.visited.contains_key(v) {
                                l.visited.insert(v.clone(), bit);
                                bit += 1;
                            }
                        }
                        Condition::CounterAtLeast(name, v) | Condition::CounterBelow(name, v) => {
                            let next = l.counters.len();
                            let i = *l.counters.entry(name.clone()).or_insert(next);
                            if i == l.counter_bounds.len() {
                                l.counter_bounds.push((*v, *v));
                            }
                            let b = &mut l.counter_bounds[i];
                            *b = (b.0.min(*v), b.1.max(*v));
                        }
                    }
                }
            }
        }
        l.nbits = bit;
        l.compute_liveness(s);
        l
    }

    /// Fills the `live_*` tables: what each node tests, spread backwards along every link until
    /// nothing changes (links are followed whatever their conditions, which keeps this safe).
    fn compute_liveness(&mut self, s: &Scenario) {
        let n = s.nodes.len();
        let words = self.nbits.div_ceil(64);
        let index = node_index(s);
        self.live_bits = vec![vec![0; words]; n];
        self.live_mood = vec![false; n];
        self.live_counters = vec![vec![false; self.counters.len()]; n];
        let mut succ: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (ni, node) in s.nodes.iter().enumerate() {
            match &node.then {
                Then::Continue(next) => succ[ni].extend(index.get(next.as_str())),
                Then::End(_) => {}
                Then::Choices(cs) => {
                    for (ci, c) in cs.iter().enumerate() {
                        succ[ni].extend(index.get(c.next.as_str()));
                        if let Some(b) = self.once.get(&(ni, ci)) {
                            Self::put(&mut self.live_bits[ni], *b, true);
                        }
                        for cond in &c.when {
                            match cond {
                                Condition::MoodAtLeast(_) | Condition::MoodBelow(_) => {
                                    self.live_mood[ni] = true;
                                }
                                Condition::Flag(f) | Condition::NotFlag(f) => {
                                    Self::put(&mut self.live_bits[ni], self.flags[f], true);
                                }
                                Condition::Visited(v) | Condition::NotVisited(v) => {
                                    Self::put(&mut self.live_bits[ni], self.visited[v], true);
                                }
                                Condition::CounterAtLeast(c, _) | Condition::CounterBelow(c, _) => {
                                    self.live_counters[ni][self.counters[c]] = true;
                                }
                            }
                        }
                    }
                }
            }
        }
        let mut changed = true;
        while changed {
            changed = false;
            for ni in (0..n).rev() {
                for &t in &succ[ni].clone() {
                    for w in 0..words {
                        let merged = self.live_bits[ni][w] | self.live_bits[t][w];
                        if merged != self.live_bits[ni][w] {
                            self.live_bits[ni][w] = merged;
                            changed = true;
                        }
                    }
                    if self.live_mood[t] && !self.live_mood[ni] {
                        self.live_mood[ni] = true;
                        changed = true;
                    }
                    for c in 0..self.counters.len() {
                        if self.live_counters[t][c] && !self.live_counters[ni][c] {
                            self.live_counters[ni][c] = true;
                            changed = true;
                        }
                    }
                }
            }
        }
    }

    /// Forgets the parts of a key that nothing at or after its node can test any more.
    fn forget_dead(&self, k: &mut Key) {
        for (w, live) in k.bits.iter_mut().zip(&self.live_bits[k.node]) {
            *w &= live;
        }
        if !self.live_mood[k.node] {
            k.mood = 0;
        }
        for (v, live) in k.counters.iter_mut().zip(&self.live_counters[k.node]) {
            if !live {
                *v = 0;
            }
        }
    }

    fn get(bits: &[u64], i: usize) -> bool {
        bits[i / 64] & (1 << (i % 64)) != 0
    }

    fn put(bits: &mut [u64], i: usize, on: bool) {
        if on {
            bits[i / 64] |= 1 << (i % 64);
        } else {
            bits[i / 64] &= !(1 << (i % 64));
        }
    }

    fn counter(&self, k: &Key, name: &str) -> i32 {
        self.counters.get(name).map_or(0, |i| k.counters[*i])
    }

    fn holds(&self, k: &Key, cond: &Condition) -> bool {
        cond.holds(&KeyFacts {
            layout: self,
            key: k,
        })
    }

    fn enter(&self, k: &mut Key, s: &Scenario, node: usize) {
        k.node = node;
        if let Some(b) = self.visited.get(&s.nodes[node].id) {
            Self::put(&mut k.bits, *b, true);
        }
        self.forget_dead(k);
    }
}

/// A compact state seen through its layout, for the one condition interpreter.
struct KeyFacts<'a> {
    layout: &'a Layout,
    key: &'a Key,
}

impl Facts for KeyFacts<'_> {
    fn mood(&self) -> i32 {
        self.key.mood
    }

    fn flag(&self, name: &str) -> bool {
        self.layout
            .flags
            .get(name)
            .is_some_and(|i| Layout::get(&self.key.bits, *i))
    }

    fn counter(&self, name: &str) -> i32 {
        self.layout.counter(self.key, name)
    }

    fn visited(&self, node: &str) -> bool {
        self.layout
            .visited
            .get(node)
            .is_some_and(|i| Layout::get(&self.key.bits, *i))
    }
}

/// How a state was first reached: the state before it and the (node, choice) taken, if any.
type Parent = Option<(usize, Option<(usize, usize)>)>;

/// What a stuck state looks like to the conditions, and the last choice on the way to it.
fn describe(s: &Scenario, layout: &Layout, k: &Key, index: usize, parent: &[Parent]) -> Stuck {
    let mut flags: Vec<String> = layout
        .flags
        .iter()
        .filter(|(_, b)| Layout::get(&k.bits, **b))
        .map(|(f, _)| f.clone())
        .collect();
    flags.sort();
    let mut counters: Vec<(String, i32)> = layout
        .counters
        .iter()
        .map(|(c, i)| (c.clone(), k.counters[*i]))
        .collect();
    counters.sort();
    let mut after = None;
    let mut at = index;
    while let Some(Some((from, choice))) = parent.get(at) {
        if let Some((ni, ci)) = choice
            && let Then::Choices(cs) = &s.nodes[*ni].then
        {
            after = Some((s.nodes[*ni].id.clone(), cs[*ci].id.clone()));
            break;
        }
        at = *from;
    }
    Stuck {
        mood: layout.uses_mood.then_some(k.mood),
        flags,
        counters,
        after,
    }
}

/// Node id → position in `s.nodes`.
fn node_index(s: &Scenario) -> HashMap<&str, usize> {
    s.nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect()
}

/// Explores every reachable state of `s`. References to missing nodes are skipped (the validator
/// reports them separately).
pub fn analyse(s: &Scenario) -> Analysis {
    let index = node_index(s);
    let mut out = Analysis {
        linked: linked(s, &index),
        ..Analysis::default()
    };
    let Some(&start) = index.get(s.start.as_str()) else {
        return out;
    };
    let layout = Layout::new(s);
    let mut first = Key {
        node: start,
        mood: if layout.uses_mood {
            s.client.mood.clamp(MOOD_MIN, MOOD_MAX)
        } else {
            0
        },
        bits: vec![0; layout.nbits.div_ceil(64)],
        counters: vec![0; layout.counters.len()],
    };
    layout.enter(&mut first, s, start);

    let mut ids: HashMap<Key, usize> = HashMap::new();
    let mut keys: Vec<Key> = Vec::new();
    let mut edges: Vec<Vec<Edge>> = Vec::new();
    // How each state was first reached: the state before it and the choice taken, for messages.
    let mut parent: Vec<Parent> = vec![None];
    ids.insert(first.clone(), 0);
    keys.push(first);
    edges.push(Vec::new());
    let mut queue = 0;
    while queue < keys.len() {
        let k = keys[queue].clone();
        let node = &s.nodes[k.node];
        let mut next: Vec<(Option<(usize, usize)>, Key)> = Vec::new();
        match &node.then {
            Then::End(_) => {}
            Then::Continue(to) => {
                if let Some(&t) = index.get(to.as_str()) {
                    let mut nk = k.clone();
                    layout.enter(&mut nk, s, t);
                    next.push((None, nk));
                }
            }
            Then::Choices(cs) => {
                let mut offered = 0;
                for (ci, c) in cs.iter().enumerate() {
                    let once_bit = layout.once.get(&(k.node, ci)).copied();
                    if once_bit.is_some_and(|b| Layout::get(&k.bits, b))
                        || !c.when.iter().all(|cond| layout.holds(&k, cond))
                    {
                        continue;
                    }
                    offered += 1;
                    let Some(&t) = index.get(c.next.as_str()) else {
                        continue;
                    };
                    let mut nk = k.clone();
                    if layout.uses_mood {
                        nk.mood = nk.mood.saturating_add(c.mood).clamp(MOOD_MIN, MOOD_MAX);
                    }
                    for f in &c.set {
                        if let Some(b) = layout.flags.get(f) {
                            Layout::put(&mut nk.bits, *b, true);
                        }
                    }
                    for f in &c.clear {
                        if let Some(b) = layout.flags.get(f) {
                            Layout::put(&mut nk.bits, *b, false);
                        }
                    }
                    for (name, v) in &c.add {
                        if let Some(&i) = layout.counters.get(name) {
                            // Values far beyond every threshold behave alike; clamping keeps loops finite.
                            let (lo, hi) = layout.counter_bounds[i];
                            nk.counters[i] = nk.counters[i]
                                .saturating_add(*v)
                                .clamp(lo.saturating_sub(8), hi.saturating_add(8));
                        }
                    }
                    if let Some(b) = once_bit {
                        Layout::put(&mut nk.bits, b, true);
                    }
                    layout.enter(&mut nk, s, t);
                    next.push((Some((k.node, ci)), nk));
                }
                if offered == 0 && out.dead_ends.insert(node.id.clone()) {
                    let stuck = describe(s, &layout, &k, queue, &parent);
                    out.stuck.insert(node.id.clone(), stuck);
                }
                let most = out.max_offered.entry(node.id.clone()).or_insert(0);
                *most = (*most).max(offered);
            }
        }
        for (choice, nk) in next {
            let to = match ids.get(&nk) {
                Some(&i) => i,
                None => {
                    if keys.len() >= MAX_STATES {
                        out.truncated = true;
                        continue;
                    }
                    let i = keys.len();
                    ids.insert(nk.clone(), i);
                    keys.push(nk);
                    parent.push(Some((queue, choice)));
                    edges.push(Vec::new());
                    i
                }
            };
            edges[queue].push(Edge { choice, to });
        }
        queue += 1;
    }

    out.reachable = keys.iter().map(|k| s.nodes[k.node].id.clone()).collect();
    let terminal: Vec<bool> = keys
        .iter()
        .map(|k| matches!(s.nodes[k.node].then, Then::End(_)))
        .collect();

    // States from which an ending can be reached: a reverse search from the endings.
    let mut rev: Vec<Vec<usize>> = vec![Vec::new(); keys.len()];
    for (from, es) in edges.iter().enumerate() {
        for e in es {
            rev[e.to].push(from);
        }
    }
    let mut can_end = terminal.clone();
    let mut stack: Vec<usize> = (0..keys.len()).filter(|i| terminal[*i]).collect();
    while let Some(i) = stack.pop() {
        for &p in &rev[i] {
            if !can_end[p] {
                can_end[p] = true;
                stack.push(p);
            }
        }
    }
    for (i, k) in keys.iter().enumerate() {
        let node = &s.nodes[k.node];
        if !can_end[i] && !out.dead_ends.contains(&node.id) {
            out.trapped.insert(node.id.clone());
        }
    }

    let order = post_order(&edges);
    // Back edges close loops; a scoring choice on one could be farmed for points.
    for (from, to) in &order.back_edges {
        for e in &edges[*from] {
            if e.to == *to
                && let Some((ni, ci)) = e.choice
                && let Then::Choices(cs) = &s.nodes[ni].then
                && cs[ci].scores.values().any(|w| *w != 0)
                && !cs[ci].once
            {
                out.repeatable_scoring
                    .insert((s.nodes[ni].id.clone(), cs[ci].id.clone()));
            }
        }
    }

    let weight = |e: &Edge, f: &dyn Fn(&super::model::Choice) -> i32| -> i32 {
        match e.choice {
            Some((ni, ci)) => match &s.nodes[ni].then {
                Then::Choices(cs) => f(&cs[ci]),
                _ => 0,
            },
            None => 0,
        }
    };
    let range = |f: &dyn Fn(&super::model::Choice) -> i32| -> Option<Range> {
        let best = extreme(&edges, &terminal, &order, true, &|e| weight(e, f))[0]?;
        let worst = extreme(&edges, &terminal, &order, false, &|e| weight(e, f))[0]?;
        Some(Range { best, worst })
    };
    out.total = range(&|c| c.total());
    let best = extreme(&edges, &terminal, &order, true, &|e| {
        weight(e, &|c| c.total())
    });
    out.states = Some(Arc::new(StateTable {
        layout,
        index: index.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
        ids,
        best,
    }));
    out.decisions = range(&|_| 1);
    for p in s.principles() {
        if let Some(r) = range(&|c| c.scores.get(p).copied().unwrap_or(0)) {
            out.principles.insert(p.to_string(), r);
        }
    }
    out
}

/// Node ids reachable from the start when conditions are ignored.
fn linked(s: &Scenario, index: &HashMap<&str, usize>) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut stack = vec![s.start.as_str()];
    while let Some(id) = stack.pop() {
        let Some(&i) = index.get(id) else { continue };
        if !seen.insert(id.to_string()) {
            continue;
        }
        match &s.nodes[i].then {
            Then::Choices(cs) => stack.extend(cs.iter().map(|c| c.next.as_str())),
            Then::Continue(n) => stack.push(n),
            Then::End(_) => {}
        }
    }
    seen
}

struct Order {
    /// States in post-order: every state comes after the states its forward edges lead to.
    post: Vec<usize>,
    /// Edges `(from, to)` that lead back to a state on the current path.
    back_edges: BTreeSet<(usize, usize)>,
    /// Per state and edge index, whether that edge is a back edge (a fast copy of `back_edges`).
    is_back: Vec<Vec<bool>>,
}

/// An iterative depth-first search from state 0, so that deep graphs cannot overflow the stack.
fn post_order(edges: &[Vec<Edge>]) -> Order {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let mut mark = vec![Mark::New; edges.len()];
    let mut post = Vec::with_capacity(edges.len());
    let mut back_edges = BTreeSet::new();
    if edges.is_empty() {
        return Order {
            post,
            back_edges,
            is_back: Vec::new(),
        };
    }
    let mut stack: Vec<(usize, usize)> = vec![(0, 0)];
    mark[0] = Mark::Open;
    while let Some(top) = stack.last_mut() {
        let (v, i) = *top;
        if i < edges[v].len() {
            top.1 += 1;
            let w = edges[v][i].to;
            match mark[w] {
                Mark::New => {
                    mark[w] = Mark::Open;
                    stack.push((w, 0));
                }
                Mark::Open => {
                    back_edges.insert((v, w));
                }
                Mark::Done => {}
            }
        } else {
            mark[v] = Mark::Done;
            post.push(v);
            stack.pop();
        }
    }
    let is_back = edges
        .iter()
        .enumerate()
        .map(|(v, es)| es.iter().map(|e| back_edges.contains(&(v, e.to))).collect())
        .collect();
    Order {
        post,
        back_edges,
        is_back,
    }
}

/// For every state, the highest (or lowest) sum of edge weights from it to any terminal state, over
/// paths that never return to a state already on the path (back edges are skipped).
fn extreme(
    edges: &[Vec<Edge>],
    terminal: &[bool],
    order: &Order,
    best: bool,
    weight: &dyn Fn(&Edge) -> i32,
) -> Vec<Option<i32>> {
    let mut value: Vec<Option<i32>> = vec![None; edges.len()];
    for &v in &order.post {
        if terminal[v] {
            value[v] = Some(0);
            continue;
        }
        let mut acc: Option<i32> = None;
        for (i, e) in edges[v].iter().enumerate() {
            if order.is_back[v][i] {
                continue;
            }
            if let Some(rest) = value[e.to] {
                let x = weight(e).saturating_add(rest);
                acc = Some(match acc {
                    None => x,
                    Some(a) if best => a.max(x),
                    Some(a) => a.min(x),
                });
            }
        }
        value[v] = acc;
    }
    value
}
