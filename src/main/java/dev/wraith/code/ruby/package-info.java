/** Ruby: require, constant-path call, superclass and mixin extraction with tree-sitter-ruby. */
package dev.wraith.code.ruby;
