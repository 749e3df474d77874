/** Kotlin: import, call-chain, annotation and supertype extraction with tree-sitter-kotlin, named as Java names are. */
package dev.wraith.code.kotlin;
