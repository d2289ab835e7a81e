package vn.hcmc.kpi.bench.load;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Signed-in clients per role, made on first need and reused across endpoints and runs (a user keeps
 * their session; signing in 50 clients again for every run would only measure BCrypt).
 */
final class ClientPool {

  private final URI base;
  private final LoadOptions options;
  private final Map<EndpointPlan.Role, List<ApiClient>> clients = new EnumMap<>(EndpointPlan.Role.class);

  ClientPool(URI base, LoadOptions options) {
    this.base = base;
    this.options = options;
  }

  ApiClient client(EndpointPlan.Role role) throws Exception {
    return clients(role, 1).get(0);
  }

  /** The first {@code n} clients of a role, signing in the missing ones. */
  List<ApiClient> clients(EndpointPlan.Role role, int n) throws Exception {
    List<ApiClient> list = clients.computeIfAbsent(role, r -> new ArrayList<>());
    while (list.size() < n) {
      list.add(new ApiClient(base, LoadCommand.ACCOUNTS.get(role), options.auth(), options.timeout()).signIn());
    }
    return list.subList(0, n);
  }
}
