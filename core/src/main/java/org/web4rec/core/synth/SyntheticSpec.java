package org.web4rec.core.synth;

/**
 * What to generate.
 *
 * @param nUsers number of users, >= 1
 * @param nItems number of items, greater than {@code gtMax}
 * @param nTrain approximate total number of train interactions, >= 0 (each user gets at least one
 *     when it is positive, and at most {@code nItems - gtMax}, so the total can differ)
 * @param gtMin fewest ground-truth items per user, >= 0
 * @param gtMax most ground-truth items per user, >= gtMin
 * @param popularityExponent exponent s of the item popularity law, weight of the r-th most popular
 *     item ∝ r^-s (0 = uniform, 1 = Zipf), in [0, 5]
 * @param seed random seed; equal specs give equal datasets
 */
public record SyntheticSpec(
    int nUsers,
    int nItems,
    int nTrain,
    int gtMin,
    int gtMax,
    double popularityExponent,
    long seed) {

  /** Validates the spec. */
  public SyntheticSpec {
    if (nUsers < 1) {
      throw new IllegalArgumentException("nUsers must be >= 1, got " + nUsers);
    }
    if (nTrain < 0) {
      throw new IllegalArgumentException("nTrain must be >= 0, got " + nTrain);
    }
    if (gtMin < 0 || gtMax < gtMin) {
      throw new IllegalArgumentException(
          "need 0 <= gtMin <= gtMax, got gtMin=" + gtMin + ", gtMax=" + gtMax);
    }
    if (nItems <= gtMax) {
      throw new IllegalArgumentException(
          "nItems must exceed gtMax so every user can have a train item, got nItems=" + nItems
              + ", gtMax=" + gtMax);
    }
    if (!(popularityExponent >= 0 && popularityExponent <= 5)) {
      throw new IllegalArgumentException(
          "popularityExponent must lie in [0, 5], got " + popularityExponent);
    }
  }

  /**
   * A small MovieLens-like default: 1,000 users, 2,000 items, about 100,000 train interactions,
   * 5 to 20 ground-truth items per user, Zipf popularity.
   *
   * @param seed random seed
   * @return the spec
   */
  public static SyntheticSpec demo(long seed) {
    return new SyntheticSpec(1_000, 2_000, 100_000, 5, 20, 1.0, seed);
  }
}
