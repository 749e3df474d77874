package dev.wraith.tetragon;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A bounded map from byte strings to values, looked up without first turning the bytes into a String: the
 * export reader finds known processes by the bytes of their exec_id and shares repeated strings (node, pod,
 * binary, address) between events. When full it starts over, so it holds at most {@code max} entries; it is a
 * cache, never the only copy of anything. Not thread-safe.
 */
final class ByteTable<V> {
  private final int max;
  private byte[][] keys;
  private Object[] values;
  private int[] hashes;
  private int size;

  ByteTable(int max) {
    this.max = max;
    clear(16);
  }

  @SuppressWarnings("unchecked")
  V get(byte[] b, int from, int to) {
    int h = hash(b, from, to);
    int mask = keys.length - 1;
    for (int i = h & mask; keys[i] != null; i = (i + 1) & mask) {
      if (hashes[i] == h && Arrays.equals(keys[i], 0, keys[i].length, b, from, to)) return (V) values[i];
    }
    return null;
  }

  void put(byte[] b, int from, int to, V value) {
    if (size >= max) clear(16);
    else if (2 * (size + 1) > keys.length) grow();
    int h = hash(b, from, to);
    int mask = keys.length - 1;
    int i = h & mask;
    for (; keys[i] != null; i = (i + 1) & mask) {
      if (hashes[i] == h && Arrays.equals(keys[i], 0, keys[i].length, b, from, to)) {
        values[i] = value;
        return;
      }
    }
    keys[i] = Arrays.copyOfRange(b, from, to);
    hashes[i] = h;
    values[i] = value;
    size++;
  }

  int size() {
    return size;
  }

  private void clear(int capacity) {
    keys = new byte[capacity][];
    values = new Object[capacity];
    hashes = new int[capacity];
    size = 0;
  }

  private void grow() {
    byte[][] oldKeys = keys;
    Object[] oldValues = values;
    int[] oldHashes = hashes;
    clear(oldKeys.length * 2);
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] == null) continue;
      int i = oldHashes[j] & mask;
      while (keys[i] != null) i = (i + 1) & mask;
      keys[i] = oldKeys[j];
      hashes[i] = oldHashes[j];
      values[i] = oldValues[j];
      size++;
    }
  }

  /**
   * Hashes the length and at most the last 24 bytes: exec_ids share a long prefix (the base64 of the node
   * name) and differ at the end (ktime, pid). Equality is still checked on every byte.
   */
  private static int hash(byte[] b, int from, int to) {
    int h = to - from;
    for (int i = Math.max(from, to - 24); i < to; i++) h = 31 * h + b[i];
    return h ^ (h >>> 16);
  }

  /** Interned strings: the String for these UTF-8 bytes, made once. */
  static final class Strings {
    private final ByteTable<String> table;

    Strings(int max) {
      table = new ByteTable<>(max);
    }

    String of(byte[] b, int from, int to) {
      String s = table.get(b, from, to);
      if (s == null) {
        s = new String(b, from, to - from, StandardCharsets.UTF_8);
        table.put(b, from, to, s);
      }
      return s;
    }
  }
}
