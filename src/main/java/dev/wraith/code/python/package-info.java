/** Python: import and call extraction with tree-sitter-python. */
package dev.wraith.code.python;
