package dev.wraith.tetragon;

/** A set of longs without boxing (open addressing), for telling a connect event read twice from a new one. */
final class LongSet {
  private static final long FREE = Long.MIN_VALUE;
  private long[] slots = new long[8];
  private int size;
  private boolean hasFree;

  LongSet() {
    java.util.Arrays.fill(slots, FREE);
  }

  /** True when v was not in the set yet. */
  boolean add(long v) {
    if (v == FREE) {
      if (hasFree) return false;
      hasFree = true;
      size++;
      return true;
    }
    if (2 * (size + 1) > slots.length) grow();
    int mask = slots.length - 1;
    for (int i = mix(v) & mask; ; i = (i + 1) & mask) {
      long s = slots[i];
      if (s == v) return false;
      if (s == FREE) {
        slots[i] = v;
        size++;
        return true;
      }
    }
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    java.util.Arrays.fill(slots, FREE);
    int mask = slots.length - 1;
    for (long v : old) {
      if (v == FREE) continue;
      int i = mix(v) & mask;
      while (slots[i] != FREE) i = (i + 1) & mask;
      slots[i] = v;
    }
  }

  /** MurmurHash3's finaliser: event times share their low bits (millisecond clocks), so they must be mixed. */
  private static int mix(long v) {
    v ^= v >>> 33;
    v *= 0xff51afd7ed558ccdL;
    v ^= v >>> 33;
    v *= 0xc4ceb9fe1a85ec53L;
    return (int) (v ^ (v >>> 33));
  }
}
