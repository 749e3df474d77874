/** Rust: use-tree, path and method-call, struct literal, attribute and trait-impl extraction with tree-sitter-rust. */
package dev.wraith.code.rust;
