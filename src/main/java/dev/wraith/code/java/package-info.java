/** Java: import, call, annotation and builder-chain extraction with tree-sitter-java. */
package dev.wraith.code.java;
