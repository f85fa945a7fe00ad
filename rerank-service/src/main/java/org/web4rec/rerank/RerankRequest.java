package org.web4rec.rerank;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.web4rec.core.Names;
import org.web4rec.core.ids.ExternalId;
import org.web4rec.core.rerank.Objective;
import org.web4rec.platform.http.ApiException;

/**
 * A validated re-rank or sweep request: objective and its similarity source or column, the λ
 * values, K, N and the optional user group (external ids).
 */
record RerankRequest(Objective objective, String sim, String column, List<Double> lambdas, int k,
    Integer n, List<String> users, String name) {

  static final String EXAMPLE = "{\"objective\": \"diversity\", \"sim\": \"cooc\", \"lambda\": 0.5,"
      + " \"k\": 10, \"n_candidates\": 100, \"users\": null}";

  static RerankRequest parse(JsonObject body, boolean sweep) {
    String objective = body.getValue("objective") instanceof String s ? s : null;
    if (objective == null) {
      throw ApiException.badRequest("objective is required: diversity, novelty, unexpectedness,"
          + " calibration or dpp", EXAMPLE);
    }
    String sim = body.getValue("sim") instanceof String s ? s : null;
    String column = body.getValue("column") instanceof String s ? s : null;
    Objective parsed;
    try {
      Objective.Kind kind = java.util.Arrays.stream(Objective.Kind.values())
          .filter(x -> x.label().equals(objective)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("unknown objective '" + objective
              + "'; expected diversity, novelty, unexpectedness, calibration or dpp"));
      parsed = switch (kind) {
        case NOVELTY -> Objective.novelty();
        case CALIBRATION -> {
          if (column == null) {
            throw ApiException.badRequest("calibration needs column: a multi-valued item side"
                + " column such as genres", "{\"objective\": \"calibration\", \"column\": \"genres\"}");
          }
          yield Objective.calibration(column);
        }
        case DIVERSITY -> Objective.diversity(sim == null ? "cooc" : sim);
        case UNEXPECTEDNESS -> Objective.unexpectedness(sim == null ? "cooc" : sim);
        case DPP -> Objective.dpp(sim == null ? "cooc" : sim);
      };
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage(), EXAMPLE);
    }
    List<Double> lambdas = new ArrayList<>();
    if (sweep) {
      Object l = body.getValue("lambdas");
      if (l == null) {
        for (int i = 0; i <= 10; i++) {
          lambdas.add(i / 10.0);
        }
      } else if (l instanceof JsonArray arr && !arr.isEmpty() && arr.size() <= 21) {
        for (Object x : arr) {
          lambdas.add(lambda(x));
        }
      } else {
        throw ApiException.badRequest("lambdas must be a list of 1-21 numbers in [0, 1]",
            "{\"lambdas\": [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]}");
      }
    } else {
      lambdas.add(lambda(body.getValue("lambda")));
    }
    int k = integer(body.getValue("k"), 10, "k", 1, 1000);
    Integer n = body.getValue("n_candidates") == null ? null
        : integer(body.getValue("n_candidates"), 100, "n_candidates", 1, 10_000);
    if (n != null && n < k) {
      throw ApiException.badRequest("n_candidates (" + n + ") must be at least k (" + k + ")",
          EXAMPLE);
    }
    List<String> users = null;
    Object u = body.getValue("users");
    if (u instanceof JsonArray arr) {
      if (arr.isEmpty()) {
        throw ApiException.badRequest("users is an empty list; give user ids or null for all",
            EXAMPLE);
      }
      users = new ArrayList<>();
      for (Object x : arr) {
        if (!(x instanceof String) && !(x instanceof Number)) {
          throw ApiException.badRequest("users must be a list of user ids", EXAMPLE);
        }
        users.add(ExternalId.canonical(x));
      }
    } else if (u != null) {
      throw ApiException.badRequest("users must be a list of user ids or null", EXAMPLE);
    }
    Object nameValue = body.getValue("name");
    if (nameValue != null && sweep) {
      throw ApiException.badRequest("a sweep names its experiments itself; drop name", EXAMPLE);
    }
    // The derived experiment's name follows the upload rules, so it is checked the same way.
    String name = nameValue == null ? null
        : Names.name("name", nameValue, "{\"name\": \"BPR diversified\"}");
    return new RerankRequest(parsed, parsed.kind() == Objective.Kind.CALIBRATION
        || parsed.kind() == Objective.Kind.NOVELTY ? null : parsed.source(),
        parsed.kind() == Objective.Kind.CALIBRATION ? column : null, lambdas, k, n, users, name);
  }

  private static double lambda(Object x) {
    if (!(x instanceof Number num) || !(num.doubleValue() >= 0 && num.doubleValue() <= 1)) {
      throw ApiException.badRequest("lambda must be a number in [0, 1], got " + x, EXAMPLE);
    }
    return num.doubleValue();
  }

  private static int integer(Object x, int fallback, String name, int min, int max) {
    if (x == null) {
      return fallback;
    }
    if (!(x instanceof Integer i) || i < min || i > max) {
      throw ApiException.badRequest(name + " must be an integer in " + min + ".." + max, EXAMPLE);
    }
    return i;
  }

  /** {@code parent~objective:source@λ}, plus {@code ~group-<hash>} for a user group. */
  String derivedName(String parent, double lambda, String groupHash) {
    if (name != null) {
      return name;
    }
    String source = sim != null ? sim : column;
    String lam = new BigDecimal(Double.toString(lambda)).stripTrailingZeros().toPlainString();
    return parent + "~" + objective.kind().label() + (source == null ? "" : ":" + source) + "@"
        + lam + (groupHash == null ? "" : "~group-" + groupHash);
  }
}
