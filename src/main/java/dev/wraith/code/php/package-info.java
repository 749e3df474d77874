/** PHP: use, new, static and method-call, attribute and base-type extraction with tree-sitter-php. */
package dev.wraith.code.php;
