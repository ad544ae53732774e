//! Exhaustive analysis: explores every reachable state (node + emotions + flags + fired rules)
//! of a story with the real [`Session`] step function, memoised and bounded, and reports what an
//! author must know before a learner plays it.

use super::diagnostic::Diagnostic;
use super::model::{Outcome, Rating};
use super::session::Session;
use super::story::{holds, Story};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::rc::Rc;

/// Exploration stops after this many distinct states (the report then says it is partial).
pub const DEFAULT_MAX_STATES: usize = 1_000_000;
/// Best/worst scores are computed only when states × longest path is at most this.
const MAX_SCORE_CELLS: usize = 30_000_000;

/// Path lengths and counts to one ending.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct EndingPaths {
    /// Ending node id.
    pub ending: String,
    /// Its outcome.
    pub outcome: String,
    /// Fewest decisions that reach it, if reachable.
    pub shortest: Option<u32>,
    /// Most decisions that reach it (loops excluded).
    pub longest: Option<u32>,
    /// Number of distinct play-throughs that end here (saturating).
    pub paths: u64,
}

/// Everything the analysis found.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Analysis {
    /// Distinct states explored.
    pub states: usize,
    /// True when exploration stopped at the state bound.
    pub truncated: bool,
    /// Complete play-throughs from the start to an ending (saturating).
    pub paths_explored: u64,
    /// Reachable states where the learner has no available reply and the story has not ended.
    pub dead_ends: usize,
    /// Most decisions on any play-through (loops excluded).
    pub longest_path: u32,
    /// Fewest decisions on any play-through.
    pub shortest_path: u32,
    /// Best outcome any play reaches.
    pub best_outcome: Option<Outcome>,
    /// Worst outcome any play reaches.
    pub worst_outcome: Option<Outcome>,
    /// Best overall score (%) any play reaches, when computed.
    pub best_score: Option<u32>,
    /// Worst overall score (%) any play reaches, when computed.
    pub worst_score: Option<u32>,
    /// Per ending: shortest and longest path and path count.
    pub ending_paths: Vec<EndingPaths>,
    /// Problems that make the story unplayable somewhere.
    #[serde(skip)]
    pub errors: Vec<Diagnostic>,
    /// Probable mistakes.
    #[serde(skip)]
    pub warnings: Vec<Diagnostic>,
    /// Facts worth knowing that are not mistakes (emotion values clamped at a bound).
    #[serde(skip)]
    pub notes: Vec<Diagnostic>,
}

/// Per ending: (play-throughs, shortest, longest) from one state.
type Reach = (u64, Option<u32>, Option<u32>);

/// One available reply from an explored state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edge {
    /// The state it leads to (an index into [`StateGraph::states`]).
    pub to: usize,
    /// Which reply: its position among its node's choices.
    pub choice: usize,
    /// The reply's rating.
    pub rating: Rating,
}

/// The reachable states and the replies between them, as [`analyse_graph`] explored them: kept
/// for analyses that need the same states (the assessment lints) without exploring twice.
#[derive(Clone, Debug, Default)]
pub struct StateGraph {
    /// Every explored state, history cleared; the start is state 0.
    pub states: Vec<Rc<Session>>,
    /// The available replies from each state, in file order.
    pub edges: Vec<Vec<Edge>>,
    /// True when exploration stopped at the state bound.
    pub truncated: bool,
}

/// Explores the story's reachable states, at most `max_states` of them.
pub fn analyse(story: &Story, max_states: usize) -> Analysis {
    analyse_graph(story, max_states).0
}

/// [`analyse`], also returning the explored state graph.
pub fn analyse_graph(story: &Story, max_states: usize) -> (Analysis, StateGraph) {
    let f = &story.file;
    let node_index = f.node_index();
    // Each state is stored once and shared by the index and the list.
    let mut ids: HashMap<Rc<Session>, usize> = HashMap::new();
    let mut states: Vec<Rc<Session>> = Vec::new();
    let mut edges: Vec<Vec<Edge>> = Vec::new();
    let mut queue = VecDeque::new();
    // (node, choice) → [seen available, seen unavailable]; likewise for lines.
    let mut choice_seen: HashMap<(usize, usize), [bool; 2]> = HashMap::new();
    let mut line_seen: HashMap<(usize, usize), [bool; 2]> = HashMap::new();
    let mut rule_fired = vec![false; f.rules.len()];
    let mut clamped: BTreeMap<(usize, usize, String), bool> = BTreeMap::new();
    let mut stuck: BTreeMap<usize, usize> = BTreeMap::new();
    let mut truncated = false;

    let start = Rc::new(Session::new(story));
    ids.insert(start.clone(), 0);
    states.push(start);
    edges.push(Vec::new());
    queue.push_back(0usize);
    while let Some(at) = queue.pop_front() {
        let state = Rc::clone(&states[at]);
        let Ok(step) = state.step(story) else {
            continue;
        };
        let Some(&node_i) = node_index.get(step.node.id.as_str()) else {
            continue;
        };
        for (li, line) in step.node.lines.iter().enumerate() {
            if line.when.is_some() {
                let shown = step.lines.iter().any(|l| std::ptr::eq(*l, line));
                line_seen.entry((node_i, li)).or_default()[usize::from(!shown)] = true;
            }
        }
        if step.ending.is_some() {
            continue;
        }
        let mut any = false;
        for (ci, choice) in step.node.choices.iter().enumerate() {
            let available = step
                .offers
                .iter()
                .any(|o| std::ptr::eq(o.choice, choice) && o.available);
            if choice.when.is_some() {
                choice_seen.entry((node_i, ci)).or_default()[usize::from(!available)] = true;
            }
            if !available {
                continue;
            }
            any = true;
            let mut next = Session::clone(&state);
            let Ok(turn) = next.choose(story, &choice.id) else {
                continue;
            };
            if let Some(rule) = &turn.rule {
                if let Some(r) = f.rules.iter().position(|x| &x.id == rule) {
                    rule_fired[r] = true;
                }
            }
            for (emotion, delta) in choice.effects.iter() {
                let before = state.emotions.get(emotion).copied().unwrap_or(0);
                let after = next.emotions.get(emotion).copied().unwrap_or(0);
                if before.saturating_add(*delta) != after {
                    clamped.insert((node_i, ci, emotion.to_string()), *delta > 0);
                }
            }
            next.history.clear();
            let to = match ids.get(&next) {
                Some(&i) => i,
                None if states.len() >= max_states => {
                    truncated = true;
                    continue;
                }
                None => {
                    let i = states.len();
                    let next = Rc::new(next);
                    ids.insert(Rc::clone(&next), i);
                    states.push(next);
                    edges.push(Vec::new());
                    queue.push_back(i);
                    i
                }
            };
            edges[at].push(Edge {
                to,
                choice: ci,
                rating: choice.feedback.rating,
            });
        }
        if !any {
            *stuck.entry(node_i).or_default() += 1;
        }
    }

    let mut a = Analysis {
        states: states.len(),
        truncated,
        dead_ends: stuck.values().sum(),
        ..Analysis::default()
    };
    let ending_of = |s: &Session| {
        story
            .node(&s.node)
            .and_then(|n| n.ending.as_deref().map(|e| (n, e)))
    };

    for (&node_i, &count) in &stuck {
        a.errors.push(Diagnostic::error(
            format!("/nodes/{node_i}"),
            format!(
                "the learner can get stuck at `{}`: in {count} reachable state(s) no reply is available",
                f.nodes[node_i].id
            ),
        ));
    }
    // "Never" and "always" are claims about every reachable state: a partial exploration (the
    // live check's bound) has not seen them all, so it makes none (a stuck state it did see is
    // still a fact).
    if !truncated {
        for ((node_i, ci), seen) in &choice_seen {
            let id = &f.nodes[*node_i].choices[*ci].id;
            let pointer = format!("/nodes/{node_i}/choices/{ci}/when");
            match seen {
                [true, false] => a.warnings.push(Diagnostic::warning(
                    pointer,
                    format!("condition on choice `{id}` is always true where it is offered"),
                )),
                [false, true] => a.warnings.push(Diagnostic::warning(
                    pointer,
                    format!(
                        "condition on choice `{id}` is never true: the reply is never available"
                    ),
                )),
                _ => {}
            }
        }
        for ((node_i, li), seen) in &line_seen {
            let pointer = format!("/nodes/{node_i}/lines/{li}/when");
            match seen {
                [true, false] => a.warnings.push(Diagnostic::warning(
                    pointer,
                    "this line's condition is always true when the node is reached",
                )),
                [false, true] => a.warnings.push(Diagnostic::warning(
                    pointer,
                    "this line's condition is never true: the line is never shown",
                )),
                _ => {}
            }
        }
        debrief_parts(story, &states, &mut a.warnings);
    }
    if !truncated {
        for (r, fired) in rule_fired.iter().enumerate() {
            if !fired {
                a.warnings.push(Diagnostic::warning(
                    format!("/rules/{r}/when"),
                    format!("rule `{}` never fires in any play", f.rules[r].id),
                ));
            }
        }
    }
    for ((node_i, ci, emotion), up) in &clamped {
        a.notes.push(Diagnostic::warning(
            format!("/nodes/{node_i}/choices/{ci}/effects/{emotion}"),
            format!(
                "`{emotion}` can hit its {} here and is clamped",
                if *up { "maximum" } else { "minimum" }
            ),
        ));
    }

    // Which states can still reach an ending (reverse reachability over the explored graph).
    let mut reverse: Vec<Vec<usize>> = vec![Vec::new(); states.len()];
    for (from, out) in edges.iter().enumerate() {
        for e in out {
            reverse[e.to].push(from);
        }
    }
    let mut can_end = vec![false; states.len()];
    let mut q: VecDeque<usize> = (0..states.len())
        .filter(|&i| ending_of(&states[i]).is_some())
        .collect();
    for &i in &q {
        can_end[i] = true;
    }
    while let Some(i) = q.pop_front() {
        for &p in &reverse[i] {
            if !can_end[p] {
                can_end[p] = true;
                q.push_back(p);
            }
        }
    }
    if !truncated {
        let mut trapped: BTreeMap<usize, usize> = BTreeMap::new();
        for (i, s) in states.iter().enumerate() {
            if !can_end[i] && !edges[i].is_empty() {
                if let Some(&n) = node_index.get(s.node.as_str()) {
                    *trapped.entry(n).or_default() += 1;
                }
            }
        }
        for (node_i, count) in trapped {
            a.errors.push(Diagnostic::error(
                format!("/nodes/{node_i}"),
                format!(
                    "a loop with no way out passes through `{}` ({count} state(s) can never reach an ending)",
                    f.nodes[node_i].id
                ),
            ));
        }
    }

    // Path DP over the state graph in reverse topological order; edges closing a cycle are
    // ignored (a loop adds no new play-through).
    let order = topological(&edges);
    let endings: Vec<usize> = f
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.ending.is_some())
        .map(|(i, _)| i)
        .collect();
    let slot: HashMap<usize, usize> = endings.iter().enumerate().map(|(k, &n)| (n, k)).collect();
    let k = endings.len();
    // Per state and ending: (paths, shortest, longest).
    let mut dp: Vec<Vec<Reach>> = vec![vec![(0, None, None); k]; states.len()];
    let rank: HashMap<usize, usize> = order.iter().enumerate().map(|(r, &s)| (s, r)).collect();
    for &s in order.iter().rev() {
        if let Some((n, _)) = ending_of(&states[s]) {
            if let Some(&slot_k) = node_index.get(n.id.as_str()).and_then(|i| slot.get(i)) {
                dp[s][slot_k] = (1, Some(0), Some(0));
            }
            continue;
        }
        for e in &edges[s] {
            if rank.get(&e.to) <= rank.get(&s) {
                continue; // closes a cycle
            }
            let (before, after) = dp.split_at_mut(e.to.max(s));
            let (cur_row, next_row) = if s < e.to {
                (&mut before[s], &after[0])
            } else {
                (&mut after[0], &before[e.to])
            };
            for (cur, &(p, lo, hi)) in cur_row.iter_mut().zip(next_row.iter()) {
                if p == 0 {
                    continue;
                }
                cur.0 = cur.0.saturating_add(p);
                let (lo, hi) = (lo.unwrap_or(0) + 1, hi.unwrap_or(0) + 1);
                cur.1 = Some(cur.1.map_or(lo, |c| c.min(lo)));
                cur.2 = Some(cur.2.map_or(hi, |c| c.max(hi)));
            }
        }
    }
    for (j, &n) in endings.iter().enumerate() {
        let (paths, shortest, longest) = dp[0][j];
        let node = &f.nodes[n];
        let outcome = node.ending.as_deref().map(|e| e.outcome);
        a.ending_paths.push(EndingPaths {
            ending: node.id.to_string(),
            outcome: outcome.map(|o| o.as_str().to_string()).unwrap_or_default(),
            shortest,
            longest,
            paths,
        });
        if paths > 0 {
            a.paths_explored = a.paths_explored.saturating_add(paths);
            if let Some(o) = outcome {
                a.best_outcome = Some(a.best_outcome.map_or(o, |b| b.max(o)));
                a.worst_outcome = Some(a.worst_outcome.map_or(o, |w| w.min(o)));
            }
            a.longest_path = a.longest_path.max(longest.unwrap_or(0));
            let s = shortest.unwrap_or(0);
            a.shortest_path = if a.shortest_path == 0 {
                s
            } else {
                a.shortest_path.min(s)
            };
        } else if !truncated {
            a.warnings.push(Diagnostic::warning(
                format!("/nodes/{n}"),
                format!("ending `{}` cannot be reached in any play", node.id),
            ));
        }
    }
    // Best/worst score need, per state, the point range for each path length: affordable only
    // when states × longest path stays small (hand-written stories, not generated giants).
    if states.len().saturating_mul(a.longest_path as usize + 1) <= MAX_SCORE_CELLS {
        let mut scores: Vec<BTreeMap<u32, (u32, u32)>> = vec![BTreeMap::new(); states.len()];
        for &s in order.iter().rev() {
            if ending_of(&states[s]).is_some() {
                scores[s].insert(0, (0, 0));
                continue;
            }
            for e in &edges[s] {
                if rank.get(&e.to) <= rank.get(&s) {
                    continue;
                }
                let pts = e.rating.points();
                let next: Vec<(u32, (u32, u32))> =
                    scores[e.to].iter().map(|(d, v)| (*d, *v)).collect();
                for (d, (lo, hi)) in next {
                    let entry = scores[s].entry(d + 1).or_insert((u32::MAX, 0));
                    entry.0 = entry.0.min(lo + pts);
                    entry.1 = entry.1.max(hi + pts);
                }
            }
        }
        if let Some(start) = scores.first() {
            let pct = |pts: u32, d: u32| (pts * 100 + 2 * d) / (4 * d);
            a.best_score = start
                .iter()
                .filter(|(d, _)| **d > 0)
                .map(|(d, v)| pct(v.1, *d))
                .max();
            a.worst_score = start
                .iter()
                .filter(|(d, _)| **d > 0)
                .map(|(d, v)| pct(v.0, *d))
                .min();
        }
    }
    a.errors.sort_by(|x, y| x.pointer.cmp(&y.pointer));
    a.warnings.sort_by(|x, y| x.pointer.cmp(&y.pointer));
    let graph = StateGraph {
        states,
        edges,
        truncated,
    };
    (a, graph)
}

/// A topological order of the states from the start (depth-first post-order, reversed);
/// in a cycle, the edge back to a state still on the stack is the one left out.
fn topological(edges: &[Vec<Edge>]) -> Vec<usize> {
    let n = edges.len();
    let mut mark = vec![0u8; n]; // 0 new, 1 on stack, 2 done
    let mut post = Vec::with_capacity(n);
    for root in 0..n {
        if mark[root] != 0 {
            continue;
        }
        let mut stack = vec![(root, 0usize)];
        mark[root] = 1;
        while let Some((v, i)) = stack.pop() {
            if let Some(e) = edges[v].get(i) {
                stack.push((v, i + 1));
                if mark[e.to] == 0 {
                    mark[e.to] = 1;
                    stack.push((e.to, 0));
                }
            } else {
                mark[v] = 2;
                post.push(v);
            }
        }
    }
    post.reverse();
    post
}

/// Debrief parts, checked as lines are: a condition that is always or never true where its
/// ending is reached, and an ending reached in a state where no part is shown (an empty debrief).
fn debrief_parts(story: &Story, states: &[Rc<Session>], warnings: &mut Vec<Diagnostic>) {
    let f = &story.file;
    let node_index = f.node_index();
    // (node, part) → [seen shown, seen hidden]; node → states with nothing shown.
    let mut seen: BTreeMap<(usize, usize), [bool; 2]> = BTreeMap::new();
    let mut empty: BTreeMap<usize, usize> = BTreeMap::new();
    for state in states {
        let Some(&n) = node_index.get(state.node.as_str()) else {
            continue;
        };
        let Some(ending) = f.nodes[n].ending.as_deref() else {
            continue;
        };
        let mut any = false;
        for (k, (_, when)) in ending.debrief.parts().into_iter().enumerate() {
            let shown = when.is_none_or(|c| holds(c, &state.emotions, &state.flags));
            any |= shown;
            if when.is_some() {
                seen.entry((n, k)).or_default()[usize::from(!shown)] = true;
            }
        }
        if !any {
            *empty.entry(n).or_default() += 1;
        }
    }
    for ((n, k), seen) in seen {
        let pointer = format!("/nodes/{n}/ending/debrief/{k}/when");
        match seen {
            [true, false] => warnings.push(Diagnostic::warning(
                pointer,
                "this debrief part's condition is always true when the ending is reached",
            )),
            [false, true] => warnings.push(Diagnostic::warning(
                pointer,
                "this debrief part's condition is never true: the part is never shown",
            )),
            _ => {}
        }
    }
    for (n, count) in empty {
        warnings.push(Diagnostic::warning(
            format!("/nodes/{n}/ending/debrief"),
            format!(
                "ending `{}` can be reached with no debrief part shown ({count} state(s)): give it a part without `when`",
                f.nodes[n].id
            ),
        ));
    }
}
