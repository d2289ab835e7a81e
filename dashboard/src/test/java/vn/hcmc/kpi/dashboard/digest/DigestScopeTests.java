package vn.hcmc.kpi.dashboard.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each digest carries only what its recipient may see, in the e-mail body and in the Excel attachment
 * alike: a leader their own ward's officers (ids and names), nothing of the other ward; a planner no
 * officer at all. Read from the messages the scheduled job delivered to the test mail server.
 */
class DigestScopeTests extends DigestApp {

  @BeforeEach
  void waitForTheScheduledRun() {
    // leader-a, leader-b and the planner: the cron fires every second
    assertThat(MAIL.waitForIncomingEmail(60_000, 3)).as("3 digests delivered").isTrue();
  }

  static String officers(String unit, String week) {
    return "SELECT DISTINCT officer_id FROM {officer_weekly} WHERE ward_code = '" + unit + "'"
        + (week == null ? "" : " AND week_start = DATE '" + week + "'");
  }

  static List<String> column(String sql) {
    return rows(sql).stream().map(row -> (String) row.values().iterator().next()).toList();
  }

  /** The body and the attachment's cells of the one message sent to {@code user}, as text. */
  static String[] delivered(String user) throws Exception {
    List<MimeMessage> messages = to(user + "@example.com");
    assertThat(messages).as("one digest for " + user).hasSize(1);
    Map<String, byte[]> parts = parts(messages.get(0));
    assertThat(parts).containsKey("html");
    byte[] xlsx = parts.entrySet().stream().filter(e -> e.getKey().endsWith(".xlsx")).map(Map.Entry::getValue)
        .findFirst().orElseThrow();
    return new String[] {new String(parts.get("html"), StandardCharsets.UTF_8), workbookText(xlsx)};
  }

  @Test
  void eachLeadersDigestHasTheirOwnOfficersAndNothingOfTheOtherWard() throws Exception {
    checkLeader(LEADER_A, unitA(), unitB());
    checkLeader(LEADER_B, unitB(), unitA());
  }

  private void checkLeader(String user, String own, String other) throws Exception {
    String[] delivered = delivered(user);
    List<String> ownOfficers = column(officers(own, LAST_WEEK.toString()));
    List<String> ownNames = column("SELECT display_name FROM {officers} WHERE unit_code = '" + own
        + "' AND officer_id IN (" + officers(own, LAST_WEEK.toString()) + ")");
    List<String> otherOfficers = column(officers(other, null));
    // names the generator gave in both units (common Vietnamese names) prove nothing either way
    List<String> otherNames = column("SELECT display_name FROM {officers} WHERE unit_code = '" + other
        + "' AND display_name NOT IN (SELECT display_name FROM {officers} WHERE unit_code = '" + own + "')");
    assertThat(ownOfficers).isNotEmpty();
    assertThat(otherOfficers).isNotEmpty();
    assertThat(otherNames).isNotEmpty();
    for (String text : delivered) {
      // the leader's own officers, with real ids and names, in the body and in the workbook
      assertThat(text).contains(ownOfficers).contains(ownNames);
      for (String id : otherOfficers) {
        assertThat(text).as(user + " must not see " + id).doesNotContain(id);
      }
      for (String name : otherNames) {
        assertThat(text).as(user + " must not see " + name).doesNotContain(name);
      }
      assertThat(text).as("no dossier of " + other).doesNotContain("H" + other + "-");
    }
    assertThat(delivered[0]).contains("https://kpi.example/wards/" + own + "/weeks/" + LAST_WEEK);
  }

  @Test
  void thePlannersDigestRanksEveryUnitAndHasNoOfficerAtAll() throws Exception {
    String[] delivered = delivered(PLANNER);
    List<String> units = column("SELECT DISTINCT ward_code FROM {ward_weekly} WHERE week_start = DATE '" + LAST_WEEK + "'");
    List<String> officerIds = column("SELECT DISTINCT officer_id FROM {officer_weekly}");
    List<String> names = column("SELECT display_name FROM {officers}");
    assertThat(units).hasSizeGreaterThan(1);
    for (String text : delivered) {
      for (String id : officerIds) {
        assertThat(text).doesNotContain(id);
      }
      for (String name : names) {
        assertThat(text).doesNotContain(name);
      }
    }
    for (String unit : units) {
      assertThat(delivered[0]).contains("data-unit=\"" + unit + "\"");
      assertThat(delivered[1]).contains(unit);
    }
  }
}
