//! Shared corpus for the bilan benchmarks.
