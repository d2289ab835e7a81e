package vn.hcmc.kpi.dashboard.officer;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.hcmc.kpi.dashboard.security.Pseudonyms;
import vn.hcmc.kpi.dashboard.security.Viewer;
import vn.hcmc.kpi.dashboard.warehouse.Warehouse.Snapshot;

/**
 * The only place where officers' display names are looked up, and where officer ids become what the
 * signed-in viewer may see (SPEC 7): the unit's own leader and admins get real ids and names; everyone
 * else (planners, analysts, and anyone looking at another unit) gets the keyed-hash pseudonym
 * ({@link Pseudonyms}) in place of the id, everywhere (JSON, pages, links, exports), and no name.
 * Pages that take an officer id in the URL take what the viewer was shown: see {@link #resolve}.
 */
@Component
public class OfficerNames {

  private final Pseudonyms pseudonyms;

  public OfficerNames(Pseudonyms pseudonyms) {
    this.pseudonyms = pseudonyms;
  }

  /** How the current viewer sees the officers of one unit. */
  public Directory ofUnit(Snapshot warehouse, String unitCode) {
    if (!Viewer.current().seesNamesOf(unitCode)) {
      return new Directory(null, pseudonyms);
    }
    Map<String, String> names = new HashMap<>();
    warehouse.query("SELECT officer_id, display_name FROM officers WHERE unit_code = ?", row -> {
      names.put(row.getString(1), row.getString(2));
      return null;
    }, unitCode);
    return new Directory(names, null);
  }

  /**
   * The real id of the officer the current viewer calls {@code shownId} in {@code unitCode} (a real id
   * for those who see real ids, a pseudonym for everyone else), or null when there is none: a real id
   * given by a viewer who only sees pseudonyms is not accepted (it would confirm a guess).
   */
  public String resolve(Snapshot warehouse, String unitCode, String shownId) {
    if (shownId == null) {
      return null;
    }
    if (Viewer.current().seesNamesOf(unitCode)) {
      return shownId;
    }
    if (!Pseudonyms.looksLikePseudonym(shownId)) {
      return null;
    }
    return warehouse.query("SELECT DISTINCT officer_id FROM officer_weekly WHERE ward_code = ?",
        row -> row.getString(1), unitCode).stream()
        .filter(id -> shownId.equals(pseudonyms.of(id))).findFirst().orElse(null);
  }

  /** Officer ids and names of one unit as one viewer may see them. */
  public static final class Directory {

    private final Map<String, String> names;
    private final Pseudonyms pseudonyms;

    private Directory(Map<String, String> names, Pseudonyms pseudonyms) {
      this.names = names;
      this.pseudonyms = pseudonyms;
    }

    /** The id to show: the real one, or the pseudonym. */
    public String id(String officerId) {
      return pseudonyms == null || officerId == null ? officerId : pseudonyms.of(officerId);
    }

    /** The display name, or null (unknown, or not for this viewer). */
    public String name(String officerId) {
      return names == null || officerId == null ? null : names.get(officerId);
    }
  }
}
