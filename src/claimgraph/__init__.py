"""claimgraph: a sourced knowledge graph and event dataset from conflict reporting."""

__version__ = "0.2.0"
