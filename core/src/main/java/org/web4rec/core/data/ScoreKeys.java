package org.web4rec.core.data;

/**
 * Packs a float score and an int tie breaker into one {@code long} whose natural (signed)
 * ascending order is "score descending, then tie breaker ascending".
 *
 * <p>Why: sorting a {@code long[]} with {@code Arrays.sort} is the fastest way to order scored
 * items in Java (no comparator calls, no boxing), and both halves can be decoded afterwards, so no
 * separate index array is needed. The float is mapped to an int that orders like the float
 * ({@code -0.0} is treated as {@code 0.0}, so they tie), then complemented so larger scores come
 * first. NaN must be rejected by the caller: it has no place in a ranking.
 */
public final class ScoreKeys {

  private ScoreKeys() {}

  /**
   * @param score the score (not NaN)
   * @param tie the tie breaker, ascending (any int; compared as unsigned, so keep it >= 0)
   * @return the packed key
   */
  public static long descending(float score, int tie) {
    return ((long) descendingBits(score) << 32) | (tie & 0xffffffffL);
  }

  /**
   * @param score the score (not NaN)
   * @return an int whose signed ascending order is the score's descending order
   */
  public static int descendingBits(float score) {
    int bits = Float.floatToIntBits(score + 0.0f); // folds -0.0 into 0.0
    int ascending = bits ^ ((bits >> 31) & 0x7fffffff);
    return ~ascending;
  }

  /** @return the score packed into {@code key} */
  public static float score(long key) {
    int ascending = ~(int) (key >>> 32);
    int bits = ascending ^ ((ascending >> 31) & 0x7fffffff);
    return Float.intBitsToFloat(bits);
  }

  /** @return the tie breaker packed into {@code key} */
  public static int tie(long key) {
    return (int) key;
  }
}
