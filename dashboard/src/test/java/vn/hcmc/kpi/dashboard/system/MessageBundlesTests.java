package vn.hcmc.kpi.dashboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class MessageBundlesTests {

  @Test
  void vietnameseAndEnglishHaveTheSameKeys() throws IOException {
    Properties vietnamese = load("messages.properties");
    Properties english = load("messages_en.properties");
    assertThat(vietnamese).isNotEmpty();
    assertThat(english.keySet()).containsExactlyInAnyOrderElementsOf(vietnamese.keySet());
  }

  @Test
  void noMessageIsEmpty() throws IOException {
    for (String bundle : new String[] {"messages.properties", "messages_en.properties"}) {
      load(bundle).forEach((key, value) -> assertThat(value.toString()).as(bundle + " " + key).isNotBlank());
    }
  }

  private static Properties load(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = MessageBundlesTests.class.getResourceAsStream("/" + name)) {
      assertThat(in).as(name).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
