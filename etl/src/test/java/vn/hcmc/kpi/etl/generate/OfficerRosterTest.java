package vn.hcmc.kpi.etl.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import vn.hcmc.kpi.etl.reference.Officer;

class OfficerRosterTest {

  @Test
  void everyUnitHasARealisticRosterWithVietnameseNames() {
    Set<String> ids = new HashSet<>();
    Map<String, Integer> families = new TreeMap<>();
    int total = 0, diacritics = 0;
    for (String code : Gen.allUnits()) {
      UnitProfile p = Gen.GENERATOR.profile(code, 42, 1.0);
      Map<String, Integer> roles = new TreeMap<>();
      Set<String> names = new HashSet<>();
      for (Officer o : p.officers()) {
        assertTrue(o.officerId().matches(code + "-CB\\d{2}"), o.officerId());
        assertTrue(ids.add(o.officerId()), "unique id " + o.officerId());
        assertEquals(code, o.unitCode());
        assertTrue(names.add(o.displayName()), "unique name within the unit: " + o.displayName());
        String[] parts = o.displayName().split(" ");
        assertTrue(parts.length >= 3, o.displayName());
        if (o.displayName().chars().anyMatch(c -> c > 127)) diacritics++;
        families.merge(parts[0], 1, Integer::sum);
        roles.merge(o.role(), 1, Integer::sum);
        total++;
      }
      int size = p.officers().size();
      assertTrue(size >= 15 && size <= 35, code + " size " + size);
      int leaders = roles.getOrDefault(UnitProfile.ROLE_LEADER, 0);
      assertTrue(leaders == 2 || leaders == 3, code + " " + roles);
      assertTrue(roles.getOrDefault(UnitProfile.ROLE_COUNTER, 0) >= 2, code + " " + roles);
      assertTrue(roles.getOrDefault(UnitProfile.ROLE_SPECIALIST, 0) >= 6, code + " " + roles);
      // counter officers handle roughly 20–40 counter and post dossiers a day (small communes keep two anyway)
      int counters = roles.get(UnitProfile.ROLE_COUNTER);
      double counterLoad = p.baseVolume() * (1 - p.channelShare(vn.hcmc.kpi.etl.model.Channel.ONLINE)) / counters;
      assertTrue(counterLoad <= 40 && (counters == 2 || counterLoad >= 15), code + " counter load " + counterLoad);
    }
    assertTrue(diacritics > 0.8 * total, "most Vietnamese names carry diacritics: " + diacritics + "/" + total);
    double nguyen = families.get("Nguyễn") / (double) total;
    assertTrue(nguyen > 0.3 && nguyen < 0.46, "Nguyễn share " + nguyen);
  }
}
