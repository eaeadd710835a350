import Testing

/// The suites that change the shared test cluster's state (drained and killed nodes, slurm.conf's health lines):
/// nested here so that `.serialized` runs their tests one at a time across all of them; a sweep must never find a
/// node that a health test has just drained.
@Suite(.serialized) enum ClusterSuites {}
