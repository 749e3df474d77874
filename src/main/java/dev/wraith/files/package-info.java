/**
 * Files the user names, read and written without surprises: inputs are checked (regular files only), read within
 * {@link dev.wraith.files.Limits} (line, document, nesting depth, decompressed size) without ever holding an oversize
 * line or document, and every file failure becomes one plain sentence naming the file ({@link
 * dev.wraith.files.FileProblem}). The bottom of the house: it imports nothing of ours, and every layer may use it.
 */
package dev.wraith.files;
