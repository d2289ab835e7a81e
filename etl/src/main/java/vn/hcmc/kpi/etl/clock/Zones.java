package vn.hcmc.kpi.etl.clock;

import java.time.ZoneId;

/** Every day, week and hour in the product is local to Ho Chi Minh City. */
public final class Zones {
  public static final ZoneId LOCAL = ZoneId.of("Asia/Ho_Chi_Minh");
  private Zones() {}
}
