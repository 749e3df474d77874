/**
 * The code layer: a walker that reads each file once (gitignore, excludes, prefilter), language fact
 * extractors built on tree-sitter, and a language-neutral matcher that turns facts into findings using
 * the catalogue. Sub-packages hold one extractor per language, manifests and deployment identity.
 */
package dev.wraith.code;
