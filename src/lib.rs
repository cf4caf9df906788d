//! Support code shared by the workspace's tests, examples and benchmarks.
//! Not published.

pub mod drops;
