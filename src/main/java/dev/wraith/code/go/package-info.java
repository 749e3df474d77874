/** Go: import, call, struct-literal and binding extraction with tree-sitter-go. */
package dev.wraith.code.go;
