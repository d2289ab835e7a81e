package vn.hcmc.kpi.dashboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class FigureFormatTests {

  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

  @Test
  void vietnameseNumbers() {
    assertThat(FigureFormat.count(1234567L, VIETNAMESE)).isEqualTo("1.234.567");
    assertThat(FigureFormat.decimal(1234.5, 1, VIETNAMESE)).isEqualTo("1.234,5");
    assertThat(FigureFormat.percent(0.952, VIETNAMESE)).isEqualTo("95,2\u00a0%");
    assertThat(FigureFormat.percent(null, VIETNAMESE)).isEqualTo(FigureFormat.MISSING);
  }

  @Test
  void englishNumbers() {
    assertThat(FigureFormat.count(1234567L, Locale.ENGLISH)).isEqualTo("1,234,567");
    assertThat(FigureFormat.percent(0.952, Locale.ENGLISH)).isEqualTo("95.2%");
  }

  @Test
  void datesAreDayMonthYear() {
    assertThat(new FigureFormat().date(LocalDate.of(2025, 11, 3))).isEqualTo("03/11/2025");
  }
}
