package vn.hcmc.kpi.etl.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files and folders get the permissions Hadoop's own local file system gives them, set without a chmod process. */
class NioLocalFileSystemTest {

  @Test
  void everyPermissionMapsToItsPosixSet() {
    for (int mode = 0; mode < 0777 + 1; mode++) {
      String expected = PosixFilePermissions.toString(NioLocalFileSystem.posix(new FsPermission((short) mode)));
      assertEquals(new FsPermission((short) mode).toString(), expected, "mode " + Integer.toOctalString(mode));
    }
  }

  @Test
  void writesAsHadoopsLocalFileSystemDoes(@TempDir java.nio.file.Path tmp) throws Exception {
    Configuration conf = new Configuration();
    conf.set("fs.permissions.umask-mode", "027");
    FileSystem nio = new NioLocalFileSystem();
    nio.initialize(java.net.URI.create("file:///"), conf);
    FileSystem hadoops = new LocalFileSystem();
    hadoops.initialize(java.net.URI.create("file:///"), conf);
    List<String> seen = new ArrayList<>();
    for (FileSystem fs : List.of(hadoops, nio)) {
      Path root = new Path(tmp.toUri().toString(), fs == nio ? "nio" : "hadoop");
      Path dir = new Path(root, "a/b");
      assertTrue(fs.mkdirs(dir));
      try (FSDataOutputStream out = fs.create(new Path(dir, "part-0.parquet"))) {
        out.writeUTF("rows");
      }
      fs.mkdirs(new Path(root, "c"), new FsPermission((short) 0700));
      fs.setPermission(new Path(dir, "part-0.parquet"), new FsPermission((short) 0604));
      java.nio.file.Path local = tmp.resolve(fs == nio ? "nio" : "hadoop");
      seen.add(String.join(" ", perms(local.resolve("a")), perms(local.resolve("a/b")),
          perms(local.resolve("a/b/part-0.parquet")), perms(local.resolve("a/b/.part-0.parquet.crc")),
          perms(local.resolve("c"))));
    }
    assertEquals(seen.get(0), seen.get(1));
    assertEquals("rwxr-x--- rwxr-x--- rw----r-- rw----r-- rwx------", seen.get(1)); // the checksum file follows its file
  }

  private static String perms(java.nio.file.Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
