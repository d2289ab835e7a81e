package vn.hcmc.kpi.dashboard.digest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import vn.hcmc.kpi.dashboard.FixtureApp;

/**
 * The app on the fixture with the Monday digest switched on: SMTP to an in-process GreenMail server,
 * the cron every second, and the clock fixed at Monday {@link #NOW} (so "last week" is {@link #LAST_WEEK}).
 * One context for all digest tests.
 */
@Import(FixedDigestClock.class)
abstract class DigestApp extends FixtureApp {

  static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-30T07:00:00+07:00");
  static final java.time.LocalDate LAST_WEEK = java.time.LocalDate.parse("2026-03-23");
  static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
  static final Path STATE = Path.of("target", "test-digest-state-" + ProcessHandle.current().pid());

  static {
    MAIL.start();
  }

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "localhost");
    registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    registry.add("kpi.digest.enabled", () -> "true");
    registry.add("kpi.digest.cron", () -> "* * * * * *");
    registry.add("kpi.digest.backoff", () -> "0s");
    registry.add("kpi.digest.base-url", () -> "https://kpi.example");
    registry.add("kpi.digest.from", () -> "kpi@example.com");
    registry.add("kpi.state-dir", () -> STATE.toString());
  }

  /** The messages GreenMail has received for {@code address}. */
  static List<MimeMessage> to(String address) throws MessagingException {
    List<MimeMessage> messages = new ArrayList<>();
    for (MimeMessage message : MAIL.getReceivedMessages()) {
      if (message.getAllRecipients()[0].toString().equals(address)) {
        messages.add(message);
      }
    }
    return messages;
  }

  /** A message's parts: "html" → the body, and each attachment's file name → its bytes. */
  static Map<String, byte[]> parts(Part part) throws MessagingException, IOException {
    Map<String, byte[]> parts = new LinkedHashMap<>();
    collect(part, parts);
    return parts;
  }

  private static void collect(Part part, Map<String, byte[]> parts) throws MessagingException, IOException {
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        collect(child, parts);
      }
    } else if (part.getFileName() != null) {
      try (InputStream in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
        in.transferTo(out);
        parts.put(part.getFileName(), out.toByteArray());
      }
    } else if (part.isMimeType("text/html")) {
      parts.put("html", part.getContent().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  /** Every cell of every sheet of a workbook, as text, one line per row. */
  static String workbookText(byte[] xlsx) throws IOException {
    StringBuilder text = new StringBuilder();
    DataFormatter formatter = new DataFormatter();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      for (Sheet sheet : workbook) {
        text.append(sheet.getSheetName()).append('\n');
        for (Row row : sheet) {
          for (Cell cell : row) {
            text.append(formatter.formatCellValue(cell)).append('\t');
          }
          text.append('\n');
        }
      }
    }
    return text.toString();
  }
}
