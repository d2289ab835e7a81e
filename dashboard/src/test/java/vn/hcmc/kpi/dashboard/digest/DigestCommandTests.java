package vn.hcmc.kpi.dashboard.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCrypt;

import vn.hcmc.kpi.dashboard.Fixture;
import vn.hcmc.kpi.dashboard.FixtureApp;

/** {@code ./kpi digest --dry-run DIR}: the command's end to end on the fixture, and its usage errors. */
class DigestCommandTests {

  @TempDir
  Path tmp;

  @Test
  void aDryRunWritesEachRecipientsBodyAttachmentAndMessage() throws Exception {
    String unit = FixtureApp.unitA();
    String hash = BCrypt.hashpw("x", BCrypt.gensalt(4));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit = DigestCommand.run(new String[] {"--week", "2026-03-23", "--dry-run", tmp.resolve("out").toString(),
        "--kpi.warehouse=" + Fixture.warehouse(), "--kpi.state-dir=" + tmp.resolve("state"),
        "--kpi.security.users[0].username=lead", "--kpi.security.users[0].password-hash=" + hash,
        "--kpi.security.users[0].role=WARD_LEADER", "--kpi.security.users[0].unit=" + unit,
        "--kpi.security.users[0].email=lead@example.com",
        "--kpi.security.users[1].username=boss", "--kpi.security.users[1].password-hash=" + hash,
        "--kpi.security.users[1].role=ADMIN", "--kpi.security.users[1].email=boss@example.com"},
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("WRITTEN").contains("lead@example.com")
        .doesNotContain("boss@example.com");
    assertThat(Files.readString(tmp.resolve("out/lead.html"))).contains("23/03/2026").contains("id=\"digest-at-risk\"");
    assertThat(tmp.resolve("out/lead-ward-" + unit + "-2026-03-23.xlsx")).isNotEmptyFile();
    assertThat(Files.readString(tmp.resolve("out/lead.eml"))).contains("lead@example.com");
    assertThat(tmp.resolve("out/boss.html")).as("admins get no digest").doesNotExist();
    // the alerts were evaluated on the way, into the state folder
    assertThat(tmp.resolve("state/alerts/evaluated-versions.txt")).content()
        .contains(Fixture.currentVersion(Fixture.warehouse()));
  }

  @Test
  void aWeekThatIsNotAMondayIsAUsageError() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(DigestCommand.run(new String[] {"--week", "2026-03-25"}, System.out,
        new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("must be a Monday");
  }
}
