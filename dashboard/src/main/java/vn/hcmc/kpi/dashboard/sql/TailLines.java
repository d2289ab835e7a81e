package vn.hcmc.kpi.dashboard.sql;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The last non-blank lines of a UTF-8 text file, newest first, read backwards from its end: the cost
 * depends on the lines asked for, not on the file (the SQL audit only grows; reading all of it for the
 * last 500 entries took longer with every query audited). Splitting on the byte {@code '\n'} is safe in
 * UTF-8, where it never occurs inside a multi-byte character.
 */
final class TailLines {

  static final int CHUNK = 64 * 1024;

  private TailLines() {
  }

  static List<String> last(Path file, int limit) throws IOException {
    List<String> lines = new ArrayList<>();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long position = channel.size();
      ByteArrayOutputStream partial = new ByteArrayOutputStream(); // bytes of the line being read, reversed
      ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
      while (position > 0 && lines.size() < limit) {
        int length = (int) Math.min(CHUNK, position);
        position -= length;
        buffer.clear().limit(length);
        while (buffer.hasRemaining()) {
          if (channel.read(buffer, position + buffer.position()) < 0) {
            throw new IOException(file + " shrank while it was read");
          }
        }
        byte[] bytes = buffer.array();
        for (int i = length - 1; i >= 0 && lines.size() < limit; i--) {
          if (bytes[i] == '\n') {
            add(lines, partial);
          } else {
            partial.write(bytes[i]);
          }
        }
      }
      if (position == 0 && lines.size() < limit) {
        add(lines, partial); // the first line of the file has no newline before it
      }
    }
    return lines;
  }

  private static void add(List<String> lines, ByteArrayOutputStream reversed) {
    byte[] bytes = reversed.toByteArray();
    reversed.reset();
    for (int i = 0, j = bytes.length - 1; i < j; i++, j--) {
      byte b = bytes[i];
      bytes[i] = bytes[j];
      bytes[j] = b;
    }
    String line = new String(bytes, StandardCharsets.UTF_8);
    if (!line.isBlank()) {
      lines.add(line);
    }
  }
}
