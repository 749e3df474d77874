/**
 * What a process's command line says, read one way wherever the command line comes from (/proc or a Tetragon event):
 * the program, the script an interpreter runs, and the NUL-separated /proc files split. The host and Tetragon layers
 * both use it; it uses nothing of ours.
 */
package dev.wraith.cmdline;
