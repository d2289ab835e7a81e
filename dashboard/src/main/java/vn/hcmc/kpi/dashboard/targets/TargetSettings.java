package vn.hcmc.kpi.dashboard.targets;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code kpi.targets}: the targets of application.yml (see {@link Target}). */
@ConfigurationProperties("kpi")
public record TargetSettings(List<Target> targets) {

  public TargetSettings {
    targets = targets == null ? List.of() : List.copyOf(targets);
  }
}
