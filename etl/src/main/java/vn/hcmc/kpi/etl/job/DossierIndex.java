package vn.hcmc.kpi.etl.job;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which segment ({@link Segments}) holds which dossiers, as sorted 64-bit hashes of the dossier ids per
 * segment, kept in a version's state as {@value #FILE}. An incremental run looks the day's dossiers up here
 * instead of scanning every dossier id of {@code _state/folded} (3.8 M for a year of the city; that scan cost
 * about a tenth of a daily run). Two ids with one hash can only make a run rewrite a segment it did not need
 * to: any dossier may be refolded, so a collision costs time, never a wrong figure.
 */
final class DossierIndex implements Serializable {
  static final String FILE = "dossier_ids.bin";
  private static final int MAGIC = 0x4b504931; // "KPI1"

  private final TreeMap<String, long[]> bySegment;

  private DossierIndex(TreeMap<String, long[]> bySegment) { this.bySegment = bySegment; }

  /** @param bySegment each segment's id hashes ({@link #hash}), in any order */
  static DossierIndex of(Map<String, long[]> bySegment) {
    TreeMap<String, long[]> sorted = new TreeMap<>();
    bySegment.forEach((segment, hashes) -> {
      long[] h = hashes.clone();
      Arrays.sort(h);
      sorted.put(segment, h);
    });
    return new DossierIndex(sorted);
  }

  /**
   * This index without the dropped segments, plus what was written (an incremental run's rewritten segments
   * and the dossiers that settled into a segment it carried: that segment's files are then the carried ones
   * and the new ones).
   */
  DossierIndex replacing(Collection<String> dropped, DossierIndex written) {
    TreeMap<String, long[]> out = new TreeMap<>(bySegment);
    dropped.forEach(out::remove);
    written.bySegment.forEach((segment, hashes) -> out.merge(segment, hashes, (a, b) -> {
      long[] both = Arrays.copyOf(a, a.length + b.length);
      System.arraycopy(b, 0, both, a.length, b.length);
      Arrays.sort(both);
      return both;
    }));
    return new DossierIndex(out);
  }

  /** The segments holding any of the dossiers (a hash collision can add one more). */
  Set<String> segmentsHolding(Collection<String> dossierIds) {
    long[] wanted = dossierIds.stream().mapToLong(DossierIndex::hash).sorted().toArray();
    Set<String> out = new TreeSet<>();
    for (Map.Entry<String, long[]> e : bySegment.entrySet()) {
      // both sorted: walk the smaller, search the larger
      long[] walked = wanted.length <= e.getValue().length ? wanted : e.getValue();
      long[] searched = walked == wanted ? e.getValue() : wanted;
      for (long h : walked) {
        if (Arrays.binarySearch(searched, h) >= 0) {
          out.add(e.getKey());
          break;
        }
      }
    }
    return out;
  }

  Set<String> segments() { return bySegment.keySet(); }

  long dossiers() { return bySegment.values().stream().mapToLong(h -> h.length).sum(); }

  @Override public boolean equals(Object o) {
    if (!(o instanceof DossierIndex other) || !bySegment.keySet().equals(other.bySegment.keySet())) return false;
    for (Map.Entry<String, long[]> e : bySegment.entrySet()) {
      if (!Arrays.equals(e.getValue(), other.bySegment.get(e.getKey()))) return false;
    }
    return true;
  }

  @Override public int hashCode() { return bySegment.keySet().hashCode(); }

  @Override public String toString() {
    StringBuilder b = new StringBuilder("DossierIndex{");
    bySegment.forEach((segment, h) -> b.append(segment).append('=').append(h.length).append(' '));
    return b.append('}').toString();
  }

  /** A dossier id's 64-bit hash: FNV-1a over its UTF-8 bytes, then a 64-bit finalizer to spread the bits. */
  static long hash(String dossierId) {
    long h = 0xcbf29ce484222325L;
    for (byte b : dossierId.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }

  static String path(String runId) {
    return DossierTables.versionPath(runId) + "/" + DossierTables.STATE + "/" + FILE;
  }

  void write(WarehouseFs fs, String runId) {
    try {
      fs.createDirectories(DossierTables.versionPath(runId) + "/" + DossierTables.STATE);
      fs.writeBytes(path(runId), toBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + fs.location(path(runId)) + ": " + e.getMessage(), e);
    }
  }

  /** The index of a version, or null when it has none. */
  static DossierIndex read(WarehouseFs fs, String runId) {
    String p = path(runId);
    try {
      return fs.isFile(p) ? fromBytes(fs.readBytes(p), fs.location(p)) : null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + fs.location(p) + ": " + e.getMessage(), e);
    }
  }

  byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(bySegment.size());
      for (Map.Entry<String, long[]> e : bySegment.entrySet()) {
        out.writeUTF(e.getKey());
        out.writeInt(e.getValue().length);
        for (long h : e.getValue()) out.writeLong(h);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** @param where names the file in the error */
  static DossierIndex fromBytes(byte[] data, String where) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      if (in.readInt() != MAGIC) throw new IOException("not a dossier index");
      int segments = in.readInt();
      TreeMap<String, long[]> out = new TreeMap<>();
      for (int s = 0; s < segments; s++) {
        String name = in.readUTF();
        long[] h = new long[in.readInt()];
        for (int i = 0; i < h.length; i++) h[i] = in.readLong();
        out.put(name, h);
      }
      return new DossierIndex(out);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the dossier index " + where + ": " + e.getMessage(), e);
    }
  }
}
