package dev.wraith.catalogue;

/** How well an entry is verified: stable entries are checked against primary sources. */
public enum Maturity {
  STABLE, EXPERIMENTAL
}
