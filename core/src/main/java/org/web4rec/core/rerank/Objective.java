package org.web4rec.core.rerank;

import java.util.Locale;
import org.web4rec.core.similarity.SimilaritySource;

/**
 * A re-ranking objective of METRICS.md ("Re-ranking") with the similarity source or column it
 * needs.
 *
 * <p>{@link Kind#DIVERSITY}, {@link Kind#UNEXPECTEDNESS} and {@link Kind#DPP} take a similarity
 * source: {@code cooc}, {@code genre.<col>} or {@code emb}, the names the beyond-accuracy metrics
 * use. {@link Kind#CALIBRATION} takes a multi-valued item column ({@code genres}). {@link
 * Kind#NOVELTY} takes nothing.
 *
 * @param kind the objective
 * @param source the similarity source or column, or null for novelty
 */
public record Objective(Kind kind, String source) {

  /** The objectives of METRICS.md; {@link #label()} is the name used there. */
  public enum Kind {
    /** Average-distance MMR: gain = mean over j in S of (1 - sim(i,j)). */
    DIVERSITY,
    /** gain = normalised self-information of the item's popularity. */
    NOVELTY,
    /** gain = 1 - mean over the user's train items of sim(i,j), clipped to [0,1]. */
    UNEXPECTEDNESS,
    /** gain = marginal decrease of KL(p_u ‖ q̃) (Steck 2018). */
    CALIBRATION,
    /** Fast greedy MAP inference for a DPP (Chen, Zhang, Zhou 2018). */
    DPP;

    /** @return the lower-case name used in METRICS.md and result columns */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** @return whether this objective needs a similarity source */
    public boolean needsSimilarity() {
      return this == DIVERSITY || this == UNEXPECTEDNESS || this == DPP;
    }
  }

  /** Validates that the source fits the kind. */
  public Objective {
    if (kind == null) {
      throw new IllegalArgumentException("kind must not be null");
    }
    if (kind == Kind.NOVELTY) {
      if (source != null) {
        throw new IllegalArgumentException("novelty takes no source, got " + source);
      }
    } else if (source == null || source.isEmpty()) {
      throw new IllegalArgumentException(kind.label()
          + (kind == Kind.CALIBRATION ? " needs a multi-valued column"
              : " needs a similarity source (cooc, genre.<col> or emb)"));
    } else if (kind.needsSimilarity() && !isSimilaritySource(source)) {
      throw new IllegalArgumentException("unknown similarity source '" + source
          + "' for " + kind.label() + "; expected cooc, genre.<col> or emb");
    }
  }

  /** @return average-distance MMR diversity with similarity {@code sim} */
  public static Objective diversity(String sim) {
    return new Objective(Kind.DIVERSITY, sim);
  }

  /** @return novelty */
  public static Objective novelty() {
    return new Objective(Kind.NOVELTY, null);
  }

  /** @return unexpectedness with similarity {@code sim} */
  public static Objective unexpectedness(String sim) {
    return new Objective(Kind.UNEXPECTEDNESS, sim);
  }

  /** @return calibration on the multi-valued item column {@code column} */
  public static Objective calibration(String column) {
    return new Objective(Kind.CALIBRATION, column);
  }

  /** @return DPP with similarity {@code sim} */
  public static Objective dpp(String sim) {
    return new Objective(Kind.DPP, sim);
  }

  /**
   * Parses {@code <objective>[:<source>]}, e.g. {@code diversity:cooc}, {@code novelty}, {@code
   * calibration:genres}, {@code dpp:genre.genres}.
   *
   * @param text the objective text
   * @return the objective
   * @throws IllegalArgumentException on an unknown objective or a missing or invalid source
   */
  public static Objective parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("objective must not be null");
    }
    int colon = text.indexOf(':');
    String name = colon < 0 ? text : text.substring(0, colon);
    String source = colon < 0 ? null : text.substring(colon + 1);
    for (Kind k : Kind.values()) {
      if (k.label().equals(name)) {
        return new Objective(k, source);
      }
    }
    throw new IllegalArgumentException("unknown objective '" + name
        + "'; expected diversity, novelty, unexpectedness, calibration or dpp");
  }

  /** @return the objective as {@code <objective>[:<source>]} */
  @Override
  public String toString() {
    return source == null ? kind.label() : kind.label() + ":" + source;
  }

  static boolean isSimilaritySource(String s) {
    return SimilaritySource.isSource(s);
  }
}
