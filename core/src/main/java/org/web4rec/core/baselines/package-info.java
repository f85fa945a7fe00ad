/**
 * Reference recommenders (most popular, random, item-based kNN) computed from train data alone.
 * They give every dataset a floor and a sanity check to compare uploaded experiments against, and
 * they produce the demo's experiments without any external library.
 */
package org.web4rec.core.baselines;
