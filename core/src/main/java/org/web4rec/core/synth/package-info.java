/**
 * Deterministic synthetic recommendation datasets (train interactions, ground truth, user and
 * item side tables) with MovieLens-like shape: power-law item popularity and user activity. They
 * feed demos, tests and benchmarks without shipping real data, and the same spec and seed always
 * yield the same dataset.
 */
package org.web4rec.core.synth;
