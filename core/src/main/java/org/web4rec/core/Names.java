package org.web4rec.core;

import java.util.regex.Pattern;

/**
 * The one rule for names users give: datasets, experiments (uploaded or re-ranked) and teams.
 * Names are shown in the UI, in CSV exports and in logs, so they must not hide text (zero-width
 * characters), reorder it (bidi controls), break lines (control characters) or read as a path
 * ({@code /}, {@code .}, {@code ..}).
 */
public final class Names {

  /** Longest experiment or team name, in characters. */
  public static final int MAX_NAME = 200;
  /** Longest dataset name; datasets also appear in URLs, hence the narrow alphabet. */
  public static final int MAX_DATASET = 128;
  public static final String DATASET_EXAMPLE = "ml-latest-small";
  public static final String NAME_EXAMPLE = "BPR-MF dim=64";

  private static final Pattern DATASET = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_DATASET + "}");

  private Names() {}

  /**
   * Checks a dataset name: 1-128 of letters, digits, '.', '_', '-', and not "." or "..".
   *
   * @param field how the request calls it, for the message
   * @throws InvalidInput saying what is wrong, with an example
   */
  public static String dataset(String field, String name) {
    if (name == null || !DATASET.matcher(name).matches()) {
      throw new InvalidInput(field + " must be 1-" + MAX_DATASET + " characters of letters,"
          + " digits, '.', '_' or '-', got " + (name == null ? "none" : quoted(name)),
          DATASET_EXAMPLE);
    }
    refuseDots(field, name, DATASET_EXAMPLE);
    return name;
  }

  /**
   * Checks an experiment, team or token name: 1-200 characters, not blank, no '/', no control,
   * bidi or zero-width character, and not "." or "..".
   *
   * @param field how the request calls it, for the message
   * @param example a valid name of that kind
   * @throws InvalidInput saying what is wrong, with the example
   */
  public static String name(String field, Object value, String example) {
    if (!(value instanceof String name) || name.isBlank()) {
      throw new InvalidInput(field + " must be a string that is not empty or blank", example);
    }
    int length = name.codePointCount(0, name.length());
    if (length > MAX_NAME) {
      throw new InvalidInput(field + " must be at most " + MAX_NAME + " characters, got "
          + length, example);
    }
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      String what = forbidden(cp);
      if (what != null) {
        throw new InvalidInput(field + " must not contain " + what + " (U+"
            + String.format("%04X", cp) + " at position " + i + ")", example);
      }
      i += Character.charCount(cp);
    }
    refuseDots(field, name, example);
    return name;
  }

  private static String forbidden(int cp) {
    if (cp == '/') {
      return "'/'";
    }
    if (Character.isISOControl(cp)) {
      return "a control character";
    }
    if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)
        || cp == 0x200E || cp == 0x200F) {
      return "a bidi control character";
    }
    if ((cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF) {
      return "a zero-width character";
    }
    return null;
  }

  private static void refuseDots(String field, String name, String example) {
    if (name.equals(".") || name.equals("..")) {
      throw new InvalidInput(field + " must not be '.' or '..'", example);
    }
  }

  private static String quoted(String name) {
    // The refused name is echoed for the user; cut it so a huge one does not fill the answer.
    return "'" + (name.length() > 40 ? name.substring(0, 40) + "…" : name) + "'";
  }
}
