package vn.hcmc.kpi.etl.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DossierIndexTest {

  static long[] hashes(String... ids) {
    return java.util.Arrays.stream(ids).mapToLong(DossierIndex::hash).toArray();
  }

  final DossierIndex index = DossierIndex.of(Map.of(
      "open", hashes("D-9", "D-1"),
      "w20260105", hashes("D-2", "D-3", "D-4"),
      "w20260112", hashes("D-5")));

  @Test
  void findsTheSegmentsHoldingTheDossiers() {
    assertEquals(Set.of("w20260105", "w20260112"), index.segmentsHolding(List.of("D-5", "D-3", "D-new")));
    assertEquals(Set.of("open"), index.segmentsHolding(List.of("D-1")));
    assertEquals(Set.of(), index.segmentsHolding(List.of("D-new", "D-10", "d-1")));
    assertEquals(Set.of(), index.segmentsHolding(List.of()));
    assertEquals(6, index.dossiers());
  }

  @Test
  void aLookupOfManyIdsInASmallSegmentFindsIt() {
    // the walk goes over the smaller side: many wanted ids, a one-dossier segment
    List<String> many = IntStream.range(0, 10_000).mapToObj(i -> "X-" + i).toList();
    assertEquals(Set.of(), index.segmentsHolding(many));
    List<String> withOne = new java.util.ArrayList<>(many);
    withOne.add("D-5");
    assertEquals(Set.of("w20260112"), index.segmentsHolding(withOne));
  }

  @Test
  void replacingDropsRewrittenSegmentsAndAddsTheNewOnes() {
    DossierIndex rewritten = DossierIndex.of(Map.of("open", hashes("D-1"), "w20260112", hashes("D-5", "D-9")));
    DossierIndex next = index.replacing(List.of("open", "w20260112"), rewritten);
    assertEquals(Set.of("open", "w20260105", "w20260112"), next.segments());
    assertEquals(Set.of("w20260112"), next.segmentsHolding(List.of("D-9")));
    assertEquals(Set.of("w20260105"), next.segmentsHolding(List.of("D-2")));
    // a carried segment that dossiers settled into holds the carried ones and the new ones
    DossierIndex settled = index.replacing(List.of("open"), DossierIndex.of(Map.of("w20260105", hashes("D-1"))));
    assertEquals(Set.of("w20260105", "w20260112"), settled.segments());
    assertEquals(DossierIndex.of(Map.of("w20260105", hashes("D-1", "D-2", "D-3", "D-4"), "w20260112", hashes("D-5"))),
        settled);
    // a rewritten segment that is now empty goes away
    DossierIndex emptied = index.replacing(List.of("w20260112"), DossierIndex.of(Map.of()));
    assertEquals(Set.of("open", "w20260105"), emptied.segments());
  }

  @Test
  void orderOfHashesDoesNotMatter() {
    assertEquals(index, DossierIndex.of(Map.of(
        "open", hashes("D-1", "D-9"), "w20260105", hashes("D-4", "D-3", "D-2"), "w20260112", hashes("D-5"))));
    assertNotEquals(index, DossierIndex.of(Map.of("open", hashes("D-1", "D-9"))));
  }

  @Test
  void roundTripsThroughTheVersionState(@TempDir Path dir) throws Exception {
    WarehouseFs fs = WarehouseFs.of(dir.toString(), new Configuration());
    assertEquals(null, DossierIndex.read(fs, "r1"));
    index.write(fs, "r1");
    assertEquals(index, DossierIndex.read(fs, "r1"));
  }

  @Test
  void aDamagedFileIsNamed() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> DossierIndex.fromBytes(new byte[] {1, 2, 3}, "/wh/versions/r1/_state/dossier_ids.bin"));
    assertTrue(e.getMessage().contains("/wh/versions/r1/_state/dossier_ids.bin"), e.getMessage());
    byte[] cut = index.toBytes();
    assertThrows(IllegalStateException.class,
        () -> DossierIndex.fromBytes(java.util.Arrays.copyOf(cut, cut.length - 3), "x"));
  }

  @Test
  void hashesSpreadDistinctIds() {
    long distinct = IntStream.range(0, 200_000).mapToLong(i -> DossierIndex.hash("26782-2026-" + i)).distinct().count();
    assertEquals(200_000, distinct);
  }
}
