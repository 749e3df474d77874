package dev.wraith.code;

import dev.wraith.catalogue.Ecosystem;

/** Source languages with an extractor, and the package ecosystem their imports come from. */
public enum Language {
  PYTHON(Ecosystem.PYPI), JAVASCRIPT(Ecosystem.NPM), TYPESCRIPT(Ecosystem.NPM), JAVA(Ecosystem.MAVEN), GO(Ecosystem.GO),
  CSHARP(Ecosystem.NUGET), KOTLIN(Ecosystem.MAVEN), RUBY(Ecosystem.RUBYGEMS), PHP(Ecosystem.PACKAGIST), RUST(Ecosystem.CARGO);

  private final Ecosystem ecosystem;

  Language(Ecosystem ecosystem) {
    this.ecosystem = ecosystem;
  }

  public Ecosystem ecosystem() {
    return ecosystem;
  }
}
