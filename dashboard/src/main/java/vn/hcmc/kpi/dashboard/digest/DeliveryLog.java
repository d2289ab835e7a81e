package vn.hcmc.kpi.dashboard.digest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import vn.hcmc.kpi.dashboard.system.StateDirectory;

/**
 * Every digest delivery and failure, appended to {@code <kpi.state-dir>/digest/deliveries.jsonl}: the
 * report of what was sent, and what was not (admins read it at {@code /api/admin/digests}). A recipient
 * with a SENT line for a week is not sent that week again, so a rerun after a failure sends only what is
 * missing.
 */
@Component
class DeliveryLog {

  private final Path file;
  private final JsonMapper json = JsonMapper.builder().build();

  DeliveryLog(StateDirectory state) {
    this.file = state.resolve("digest/deliveries.jsonl");
  }

  synchronized void append(Delivery delivery) {
    StateDirectory.append(file, List.of(json.writeValueAsString(delivery)));
  }

  synchronized boolean wasSent(String username, LocalDate weekStart) {
    return all().stream().anyMatch(d -> d.status() == Delivery.Status.SENT && d.username().equals(username)
        && d.weekStart().equals(weekStart));
  }

  /** The last {@code limit} deliveries, newest first. */
  synchronized List<Delivery> last(int limit) {
    List<Delivery> all = new ArrayList<>(all());
    Collections.reverse(all);
    return all.subList(0, Math.min(limit, all.size()));
  }

  private List<Delivery> all() {
    return StateDirectory.lines(file).stream().map(line -> json.readValue(line, Delivery.class)).toList();
  }
}
