package dev.wraith.code.deploy;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.EndpointMatcher;
import dev.wraith.redact.Redactor;

/**
 * What the deployment detectors read files with, built once per detector from the catalogue: the catalogue itself,
 * its endpoint matcher and the redactor that masks secrets in commands and URLs. Immutable and thread-safe.
 */
record DeployRules(Catalogue catalogue, EndpointMatcher endpoints, Redactor redactor) {
  static DeployRules of(Catalogue catalogue) {
    return new DeployRules(catalogue, new EndpointMatcher(catalogue), Redactor.of(catalogue));
  }

  /** A fresh collector of the AI declarations of one file. */
  AiDeclarations declarations(String path) {
    return new AiDeclarations(catalogue, endpoints, path);
  }
}
