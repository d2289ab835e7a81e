package vn.hcmc.kpi.bench.load;

/** One concrete request: method, path with query, JSON body (null for none). */
record ApiRequest(String method, String pathAndQuery, String jsonBody) {

  ApiRequest {
    if (!pathAndQuery.startsWith("/")) {
      throw new IllegalArgumentException("a path starts with '/': " + pathAndQuery);
    }
  }

  static ApiRequest get(String pathAndQuery) {
    return new ApiRequest("GET", pathAndQuery, null);
  }
}
