package vn.hcmc.kpi.dashboard.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import vn.hcmc.kpi.dashboard.Http;
import vn.hcmc.kpi.dashboard.alert.AlertEvaluator;
import vn.hcmc.kpi.dashboard.system.StateDirectory;
import vn.hcmc.kpi.dashboard.warehouse.Warehouse;

/**
 * Delivery over SMTP to an in-process GreenMail server: the scheduled job sends each recipient once; a
 * failed send is retried, then reported (delivery log, kept .eml, the run's result) and sent on the next
 * run, never lost silently.
 */
class DigestDeliveryTests extends DigestApp {

  @Autowired Recipients recipients;
  @Autowired DigestBuilder builder;
  @Autowired DigestMailer mailer;
  @Autowired AlertEvaluator alerts;
  @Autowired DigestSettings settings;
  @Autowired Clock clock;
  @Autowired Warehouse warehouse;

  @TempDir Path tmp;

  @Test
  void theScheduledJobSendsEachRecipientLastWeeksDigestOnce() throws Exception {
    assertThat(MAIL.waitForIncomingEmail(60_000, 3)).isTrue();
    Thread.sleep(2_500); // more cron ticks: nobody gets it twice
    for (String user : List.of(LEADER_A, LEADER_B, PLANNER)) {
      List<MimeMessage> week = to(user + "@example.com").stream().filter(m -> subject(m).contains("23/03")).toList();
      assertThat(week).as(user).hasSize(1);
      assertThat(week.get(0).getFrom()[0].toString()).isEqualTo("kpi@example.com");
    }
    assertThat(to(ANALYST + "@example.com")).isEmpty();
    assertThat(to(ADMIN + "@example.com")).isEmpty();
    assertThat(subject(to(LEADER_A + "@example.com").get(0))).contains("23/03 – 29/03/2026");
    // the delivery report, for admins only
    String report = Http.get(port, "/api/admin/digests").body();
    assertThat(report).contains("\"status\":\"SENT\"").contains(LEADER_A).contains(PLANNER);
    assertThat(Http.as(LEADER_A, port, "/api/admin/digests", "application/json").statusCode()).isEqualTo(403);
  }

  @Test
  void aSendThatFailsTwiceIsRetriedAndDeliveredOnce() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    JavaMailSenderImpl flaky = new JavaMailSenderImpl() {
      @Override
      public void send(MimeMessage... messages) {
        if (calls.incrementAndGet() <= 2) {
          throw new MailSendException("connection reset (test)");
        }
        super.send(messages);
      }
    };
    flaky.setHost("localhost");
    flaky.setPort(MAIL.getSmtp().getPort());
    Recipient leader = recipient(LEADER_A);
    LocalDate week = LocalDate.parse("2026-03-16");
    Delivery delivery = mailer(flaky, 3).send(builder.build(leader, week));
    assertThat(delivery.status()).isEqualTo(Delivery.Status.SENT);
    assertThat(delivery.attempts()).isEqualTo(3);
    assertThat(to(leader.email()).stream().filter(m -> subject(m).contains("16/03"))).hasSize(1);
  }

  @Test
  void aSendThatKeepsFailingIsReportedAndKeptThenSentByTheNextRun() throws Exception {
    JavaMailSenderImpl down = new JavaMailSenderImpl();
    down.setHost("localhost");
    down.setPort(closedPort());
    StateDirectory state = new StateDirectory(tmp.resolve("state"), warehouse);
    DeliveryLog log = new DeliveryLog(state);
    LocalDate week = LocalDate.parse("2026-03-09");
    DigestJob failing = new DigestJob(recipients, builder, new DigestMailer(provider(down), settings(3), state, clock),
        log, alerts, settings, clock);

    DigestJob.Run run = failing.send(week);
    assertThat(run.deliveries()).hasSize(3).allSatisfy(d -> {
      assertThat(d.status()).isEqualTo(Delivery.Status.FAILED);
      assertThat(d.attempts()).isEqualTo(3);
      assertThat(d.error()).isNotBlank();
      // the message is kept, whole, for a later send
      try (InputStream in = Files.newInputStream(Path.of(d.unsentFile()))) {
        MimeMessage kept = new MimeMessage(Session.getInstance(new java.util.Properties()), in);
        assertThat(kept.getAllRecipients()[0].toString()).isEqualTo(d.email());
        assertThat(kept.getSubject()).isEqualTo(d.subject());
      }
    });
    assertThat(log.last(10)).extracting(Delivery::status).containsOnly(Delivery.Status.FAILED);
    assertThat(to(LEADER_A + "@example.com").stream().filter(m -> subject(m).contains("09/03"))).isEmpty();

    // the next run (SMTP back) sends what failed, and a third sends nothing more
    DigestJob working = new DigestJob(recipients, builder, mailer, log, alerts, settings, clock);
    assertThat(working.send(week).count(Delivery.Status.SENT)).isEqualTo(3);
    assertThat(working.send(week).deliveries()).isEmpty();
    for (String user : List.of(LEADER_A, LEADER_B, PLANNER)) {
      assertThat(to(user + "@example.com").stream().filter(m -> subject(m).contains("09/03"))).as(user).hasSize(1);
    }
  }

  private Recipient recipient(String username) {
    return recipients.all().stream().filter(r -> r.username().equals(username)).findFirst().orElseThrow();
  }

  private DigestMailer mailer(JavaMailSender sender, int attempts) {
    return new DigestMailer(provider(sender), settings(attempts), new StateDirectory(tmp.resolve("state"), warehouse),
        clock);
  }

  private DigestSettings settings(int attempts) {
    return new DigestSettings(true, null, null, "kpi@example.com", "https://kpi.example", "vi", attempts, Duration.ZERO);
  }

  private static org.springframework.beans.factory.ObjectProvider<JavaMailSender> provider(JavaMailSender sender) {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    beans.addBean("mailSender", sender);
    return beans.getBeanProvider(JavaMailSender.class);
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
