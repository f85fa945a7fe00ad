package org.web4rec.platform.http;

/**
 * A request that cannot be served, with the HTTP status, a stable error code, a message that says
 * what is wrong and, where it helps, a valid example. Thrown or failed anywhere in a handler chain;
 * {@link ErrorHandler} turns it into the JSON answer.
 */
public class ApiException extends RuntimeException {

  private final int status;
  private final String code;
  private final String example;

  public ApiException(int status, String code, String message, String example) {
    super(message);
    this.status = status;
    this.code = code;
    this.example = example;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String example() {
    return example;
  }

  public static ApiException badRequest(String message, String example) {
    return new ApiException(400, "bad_request", message, example);
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, "not_found", message, null);
  }

  public static ApiException conflict(String message) {
    return new ApiException(409, "conflict", message, null);
  }

  public static ApiException unauthorized(String message) {
    return new ApiException(401, "unauthorized", message,
        "Authorization: Bearer w4r_0123abcd_<secret>");
  }

  public static ApiException unavailable(String message) {
    return new ApiException(503, "unavailable", message, null);
  }
}
