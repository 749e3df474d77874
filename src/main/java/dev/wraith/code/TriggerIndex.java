package dev.wraith.code;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The prefilter: an Aho-Corasick automaton over the catalogue's trigger tokens, run over raw bytes with
 * ASCII case folding. One pass over a file says whether any token occurs, at a cost close to reading
 * the bytes. Immutable and thread-safe once built.
 */
public final class TriggerIndex {
  private final int[] next; // dense transition table, flattened: next[state * 256 + byte]
  private final boolean[] accepts;

  private TriggerIndex(int[] next, boolean[] accepts) {
    this.next = next;
    this.accepts = accepts;
  }

  public static TriggerIndex of(Collection<String> tokens) {
    List<int[]> trie = new ArrayList<>();
    List<Boolean> out = new ArrayList<>();
    trie.add(newRow());
    out.add(false);
    for (String token : new TreeSet<>(tokens)) {
      if (token.isEmpty()) continue;
      int state = 0;
      for (byte b : token.toLowerCase(Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
        int c = b & 0xff;
        if (trie.get(state)[c] <= 0) {
          trie.add(newRow());
          out.add(false);
          trie.get(state)[c] = trie.size() - 1;
        }
        state = trie.get(state)[c];
      }
      out.set(state, true);
    }
    int n = trie.size();
    int[][] next = trie.toArray(new int[0][]);
    boolean[] accepts = new boolean[n];
    for (int i = 0; i < n; i++) accepts[i] = out.get(i);
    int[] fail = new int[n];
    Deque<Integer> queue = new ArrayDeque<>();
    for (int c = 0; c < 256; c++) {
      if (next[0][c] > 0) {
        fail[next[0][c]] = 0;
        queue.add(next[0][c]);
      } else {
        next[0][c] = 0;
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      accepts[s] |= accepts[fail[s]];
      for (int c = 0; c < 256; c++) {
        int t = next[s][c];
        if (t > 0) {
          fail[t] = next[fail[s]][c];
          queue.add(t);
        } else {
          next[s][c] = next[fail[s]][c];
        }
      }
    }
    // fold upper-case ASCII onto lower-case transitions
    for (int[] row : next) for (int c = 'A'; c <= 'Z'; c++) row[c] = row[c + 32];
    int[] flat = new int[n * 256];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < 256; c++) flat[i * 256 + c] = next[i][c] * 256; // store the target row's offset
    }
    return new TriggerIndex(flat, accepts);
  }

  private static int[] newRow() {
    int[] row = new int[256];
    java.util.Arrays.fill(row, -1);
    return row;
  }

  /** True when any token occurs in {@code bytes[0..length)}. */
  public boolean anyIn(byte[] bytes, int length) {
    int[] t = next;
    boolean[] acc = accepts;
    int row = 0;
    for (int i = 0; i < length; i++) {
      row = t[row + (bytes[i] & 0xff)];
      if (acc[row >>> 8]) return true;
    }
    return false;
  }
}
