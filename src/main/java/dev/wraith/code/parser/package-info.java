/**
 * Parsing source files into {@link dev.wraith.code.parser.NodeTable}s: the native tree-sitter library built with
 * wraith (one JNI crossing per file) or, where it could not be built, the bundled bonede binding. Both backends
 * produce the same table; {@link dev.wraith.code.parser.Parsers} picks one per process.
 */
package dev.wraith.code.parser;
