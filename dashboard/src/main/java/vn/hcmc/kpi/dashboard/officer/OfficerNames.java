package vn.hcmc.kpi.dashboard.officer;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.hcmc.kpi.dashboard.warehouse.Warehouse.Snapshot;

/**
 * The only place where officers' display names are looked up. SPEC 7 lets only the officer's own unit
 * leader and admins see names; everyone else must get a keyed-hash pseudonym. Sign-in (issue 6) will
 * decide here, per viewer, whether to return the name or a pseudonym; until then names are shown.
 */
@Component
public class OfficerNames {

  /** Display names of the officers of one unit, by officer id (officers without a name are absent). */
  public Map<String, String> ofUnit(Snapshot warehouse, String unitCode) {
    Map<String, String> names = new HashMap<>();
    warehouse.query("SELECT officer_id, display_name FROM officers WHERE unit_code = ?", row -> {
      names.put(row.getString(1), row.getString(2));
      return null;
    }, unitCode);
    return names;
  }

  /** Display name of one officer, or null when unknown or absent. */
  public String of(Snapshot warehouse, String officerId) {
    if (officerId == null) {
      return null;
    }
    return warehouse.queryFirst("SELECT display_name FROM officers WHERE officer_id = ?", row -> row.getString(1),
        officerId).orElse(null);
  }
}
