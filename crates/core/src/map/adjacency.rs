//! The actor–actor network as compressed rows (each actor's neighbours in one slice), seen by
//! petgraph's traits so that rustworkx-core's betweenness runs on it. petgraph's own `Graph`
//! walks a node's edges as a linked list, which made betweenness twice as slow at national
//! scale; its `Csr` lacks the directed-neighbour trait betweenness asks for.

use petgraph::visit::{
    GraphBase, GraphProp, IntoNeighbors, IntoNeighborsDirected, IntoNodeIdentifiers, NodeCount, NodeIndexable,
};
use petgraph::{Direction, Undirected};

/// Undirected, without loops or parallel edges; nodes are `0..n`.
#[derive(Debug)]
pub(super) struct Adjacency {
    /// Node `i`'s neighbours are `targets[offsets[i]..offsets[i + 1]]`, ascending.
    offsets: Vec<usize>,
    targets: Vec<usize>,
}

impl Adjacency {
    /// From each node's neighbours.
    pub(super) fn from_neighbours<'a>(neighbours: impl ExactSizeIterator<Item = &'a [usize]>) -> Adjacency {
        let mut offsets = Vec::with_capacity(neighbours.len() + 1);
        let mut targets = Vec::new();
        offsets.push(0);
        for list in neighbours {
            targets.extend_from_slice(list);
            offsets.push(targets.len());
        }
        Adjacency { offsets, targets }
    }

    pub(super) fn neighbours(&self, node: usize) -> &[usize] {
        &self.targets[self.offsets[node]..self.offsets[node + 1]]
    }
}

impl GraphBase for Adjacency {
    type NodeId = usize;
    type EdgeId = (usize, usize);
}

impl GraphProp for Adjacency {
    type EdgeType = Undirected;
}

impl NodeCount for Adjacency {
    fn node_count(&self) -> usize {
        self.offsets.len() - 1
    }
}

impl NodeIndexable for Adjacency {
    fn node_bound(&self) -> usize {
        self.node_count()
    }

    fn to_index(&self, node: usize) -> usize {
        node
    }

    fn from_index(&self, index: usize) -> usize {
        index
    }
}

impl IntoNodeIdentifiers for &Adjacency {
    type NodeIdentifiers = std::ops::Range<usize>;

    fn node_identifiers(self) -> Self::NodeIdentifiers {
        0..self.node_count()
    }
}

impl<'a> IntoNeighbors for &'a Adjacency {
    type Neighbors = std::iter::Copied<std::slice::Iter<'a, usize>>;

    fn neighbors(self, node: usize) -> Self::Neighbors {
        self.neighbours(node).iter().copied()
    }
}

impl<'a> IntoNeighborsDirected for &'a Adjacency {
    type NeighborsDirected = std::iter::Copied<std::slice::Iter<'a, usize>>;

    /// Undirected: the same neighbours either way.
    fn neighbors_directed(self, node: usize, _: Direction) -> Self::NeighborsDirected {
        self.neighbours(node).iter().copied()
    }
}
