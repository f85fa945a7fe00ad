package org.web4rec.platform.contracts;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.web4rec.core.InvalidInput;
import org.web4rec.core.Names;

/**
 * The {@code meta} form field of an experiment upload (docs/api.md), validated: the experiment's
 * name, hyper-parameters, cut-offs K and candidates per user N. {@link #parse} is the only code
 * that reads its keys.
 *
 * @param name the experiment name
 * @param hyperParameters the hyper-parameters as given (a JSON object)
 * @param ks the cut-offs, ascending, distinct, none above {@code nCandidates}
 * @param nCandidates N, the candidates per user kept
 */
public record UploadMeta(String name, JsonObject hyperParameters, List<Integer> ks,
    int nCandidates) {

  public static final int MAX_CANDIDATES = 10_000;
  public static final int MAX_K = 1000;
  public static final int MAX_KS = 20;
  public static final String EXAMPLE = "{\"experiment_name\": \"BPR-MF\", \"hyper_parameters\":"
      + " {\"embedding_size\": 16}, \"ks\": [5, 10, 20, 50], \"n_candidates\": 100}";

  public UploadMeta {
    ks = List.copyOf(ks);
  }

  /**
   * Validates the meta object.
   *
   * @param meta the parsed {@code meta} field
   * @param defaultKs cut-offs used when none are given (those that fit N)
   * @param defaultCandidates N when none is given
   * @throws InvalidInput naming the field that is wrong, with {@link #EXAMPLE}
   */
  public static UploadMeta parse(JsonObject meta, List<Integer> defaultKs,
      int defaultCandidates) {
    String name = Names.name("meta.experiment_name", meta.getValue("experiment_name"), EXAMPLE);
    Object hp = meta.getValue("hyper_parameters", new JsonObject());
    if (!(hp instanceof JsonObject hyper)) {
      throw new InvalidInput("meta.hyper_parameters must be a JSON object", EXAMPLE);
    }
    Object nObj = meta.getValue("n_candidates");
    int n = defaultCandidates;
    if (nObj != null) {
      if (!(nObj instanceof Integer ni) || ni < 1 || ni > MAX_CANDIDATES) {
        throw new InvalidInput("meta.n_candidates must be an integer in 1..10000", EXAMPLE);
      }
      n = ni;
    }
    List<Integer> ks = cutoffs(meta.getValue("ks"), defaultKs, n);
    if (ks.get(ks.size() - 1) > n) {
      throw new InvalidInput("the largest K (" + ks.get(ks.size() - 1) + ") exceeds"
          + " n_candidates (" + n + ")", EXAMPLE);
    }
    return new UploadMeta(name, hyper, ks, n);
  }

  private static List<Integer> cutoffs(Object ksObj, List<Integer> defaultKs, int n) {
    List<Integer> ks = new ArrayList<>();
    if (ksObj == null) {
      // Default cut-offs that fit in the candidate lists.
      for (int k : defaultKs) {
        if (k <= n) {
          ks.add(k);
        }
      }
      if (ks.isEmpty()) {
        ks.add(n);
      }
      return ks;
    }
    if (!(ksObj instanceof JsonArray arr) || arr.isEmpty() || arr.size() > MAX_KS) {
      throw new InvalidInput("meta.ks must be a list of 1-20 integers", EXAMPLE);
    }
    for (Object k : arr) {
      if (!(k instanceof Integer ki) || ki < 1 || ki > MAX_K) {
        throw new InvalidInput("meta.ks must hold integers in 1..1000, got " + k, EXAMPLE);
      }
      if (!ks.contains(ki)) {
        ks.add(ki);
      }
    }
    ks.sort(null);
    return ks;
  }
}
