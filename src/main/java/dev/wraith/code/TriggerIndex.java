package dev.wraith.code;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The prefilter: one Aho-Corasick automaton over the trigger tokens of several groups (one group per
 * ecosystem), run over raw bytes with ASCII case folding. One pass over a file says whether a token of a given
 * group occurs, at a cost close to reading the bytes.
 *
 * <p>One automaton serves every group: each state carries the bit set of the groups whose tokens end there
 * (or at a suffix of it), so the union of the groups' tokens is built once instead of once per group. Bytes are
 * mapped to classes first (the bytes that occur in some token, A-Z folded onto a-z, and one class for every
 * other byte), so a state's row has a few dozen transitions instead of 256: the table is that much smaller to
 * build and to keep in cache. Immutable and thread-safe once built.
 */
public final class TriggerIndex {
  /** The most groups one index holds (bits of an int). */
  public static final int MAX_GROUPS = 32;

  private final byte[] classOf; // byte -> class
  private final int shift; // log2 of the row width (the class count rounded up to a power of two)
  private final int[] next; // next[state << shift | class] = target state << shift
  private final int[] groups; // per state: bit set of the groups some token ending here belongs to
  /** Bytes the two halves of a scan share: the longest token's length less one, so no occurrence is split. */
  private final int overlap;

  private TriggerIndex(byte[] classOf, int shift, int[] next, int[] groups, int overlap) {
    this.classOf = classOf;
    this.shift = shift;
    this.next = next;
    this.groups = groups;
    this.overlap = overlap;
  }

  /** An index of one group (group 0). */
  public static TriggerIndex of(Collection<String> tokens) {
    return ofGroups(List.of(tokens));
  }

  /** An index where {@code groups.get(i)} are the tokens of group i. Empty tokens are ignored. */
  public static TriggerIndex ofGroups(List<? extends Collection<String>> groups) {
    if (groups.size() > MAX_GROUPS) throw new IllegalArgumentException(groups.size() + " groups; at most " + MAX_GROUPS);
    byte[][] tokens = new byte[0][];
    int[] tokenGroups = new int[0];
    int count = 0;
    for (int g = 0; g < groups.size(); g++) {
      for (String t : new TreeSet<>(groups.get(g))) {
        if (t.isEmpty()) continue;
        if (count == tokens.length) {
          tokens = Arrays.copyOf(tokens, count * 2 + 16);
          tokenGroups = Arrays.copyOf(tokenGroups, count * 2 + 16);
        }
        tokens[count] = t.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        tokenGroups[count++] = 1 << g;
      }
    }
    byte[] classOf = classes(tokens, count);
    int classCount = 1;
    for (byte c : classOf) classCount = Math.max(classCount, c + 1);
    int shift = 32 - Integer.numberOfLeadingZeros(Math.max(1, classCount - 1));
    int longest = 1;
    for (int i = 0; i < count; i++) longest = Math.max(longest, tokens[i].length);
    return new Builder(classOf, shift, longest - 1).build(tokens, tokenGroups, count);
  }

  /** Class 0 for bytes in no token; 1.. for the others in byte order; upper-case ASCII shares its lower case's. */
  private static byte[] classes(byte[][] tokens, int count) {
    boolean[] used = new boolean[256];
    for (int i = 0; i < count; i++) for (byte b : tokens[i]) used[b & 0xff] = true;
    byte[] classOf = new byte[256];
    int n = 1;
    for (int c = 0; c < 256; c++) {
      if (!used[c]) continue;
      if (n > 127) throw new IllegalArgumentException("trigger tokens use more than 127 distinct bytes");
      classOf[c] = (byte) n++;
    }
    for (int c = 'A'; c <= 'Z'; c++) classOf[c] = classOf[c + 32];
    return classOf;
  }

  /** Builds the trie, then the failure links and the full transition table breadth-first. */
  private static final class Builder {
    private final byte[] classOf;
    private final int shift, width, overlap;
    private int[] next;
    private int[] groups = new int[64];
    private int states = 1;

    Builder(byte[] classOf, int shift, int overlap) {
      this.classOf = classOf;
      this.shift = shift;
      this.overlap = overlap;
      this.width = 1 << shift;
      this.next = new int[64 << shift];
      Arrays.fill(next, -1);
    }

    TriggerIndex build(byte[][] tokens, int[] tokenGroups, int count) {
      for (int i = 0; i < count; i++) {
        int s = 0;
        for (byte b : tokens[i]) {
          int at = s << shift | classOf[b & 0xff];
          if (next[at] < 0) {
            int fresh = newState(); // may grow the table: assign after
            next[at] = fresh;
          }
          s = next[at];
        }
        groups[s] |= tokenGroups[i];
      }
      int[] fail = new int[states];
      int[] queue = new int[states];
      int head = 0, tail = 0;
      for (int c = 0; c < width; c++) {
        if (next[c] > 0) queue[tail++] = next[c];
        else next[c] = 0;
      }
      while (head < tail) {
        int s = queue[head++];
        groups[s] |= groups[fail[s]];
        int row = s << shift, failRow = fail[s] << shift;
        for (int c = 0; c < width; c++) {
          int t = next[row + c];
          if (t > 0) {
            fail[t] = next[failRow + c];
            queue[tail++] = t;
          } else {
            next[row + c] = next[failRow + c];
          }
        }
      }
      int[] table = Arrays.copyOf(next, states << shift);
      for (int i = 0; i < table.length; i++) table[i] <<= shift;
      return new TriggerIndex(classOf, shift, table, Arrays.copyOf(groups, states), overlap);
    }

    private int newState() {
      if (states << shift == next.length) {
        int old = next.length;
        next = Arrays.copyOf(next, old * 2);
        Arrays.fill(next, old, next.length, -1);
        groups = Arrays.copyOf(groups, states * 2);
      }
      return states++;
    }
  }

  /** True when any token of any group occurs in {@code bytes[0..length)}. */
  public boolean anyIn(byte[] bytes, int length) {
    return scan(bytes, length, -1);
  }

  /** True when a token of group {@code group} occurs in {@code bytes[0..length)}. */
  public boolean anyIn(byte[] bytes, int length, int group) {
    return scan(bytes, length, 1 << group);
  }

  /**
   * One automaton walk is a chain of dependent table loads, bound by memory latency rather than by work; so a
   * file of some size is walked as two parts at once (two independent chains, 1.6 times the bytes per second): A
   * is {@code [0, mid)} and B {@code [mid - overlap, length)}, so an occurrence ending before {@code mid} lies in A
   * and any other in B.
   */
  private boolean scan(byte[] bytes, int length, int mask) {
    if (length < 512 + 2 * overlap) return scan(bytes, 0, length, 0, mask) < 0;
    int[] t = next;
    int[] g = groups;
    byte[] cls = classOf;
    int sh = shift;
    int mid = length >>> 1, startB = mid - overlap; // B is the longer part: length - startB >= mid
    int a = 0, b = 0;
    for (int k = 0; k < mid; k++) {
      a = t[a + cls[bytes[k] & 0xff]];
      b = t[b + cls[bytes[startB + k] & 0xff]];
      if (((g[a >>> sh] | g[b >>> sh]) & mask) != 0) return true;
    }
    return scan(bytes, startB + mid, length, b, mask) < 0;
  }

  /** Walks {@code bytes[from..to)} from row {@code row}: -1 when a token of the mask's groups ends there, else the row reached. */
  private int scan(byte[] bytes, int from, int to, int row, int mask) {
    int[] t = next;
    int[] g = groups;
    byte[] cls = classOf;
    int sh = shift;
    for (int i = from; i < to; i++) {
      row = t[row + cls[bytes[i] & 0xff]];
      if ((g[row >>> sh] & mask) != 0) return -1;
    }
    return row;
  }
}
