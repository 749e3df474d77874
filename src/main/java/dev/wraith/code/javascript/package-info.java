/**
 * JavaScript and TypeScript (incl. TSX): import, require and call extraction with the tree-sitter
 * javascript, typescript and tsx grammars, which share their expression node types.
 */
package dev.wraith.code.javascript;
