/**
 * Dependency manifests and lockfiles (Python, npm, Maven/Gradle, Go): each declared package whose exact,
 * ecosystem-normalised name is in a catalogue signature becomes a {@code dependency} finding. Inputs are
 * hostile: parsers never read other files, never resolve XML entities, and turn malformed files into warnings.
 */
package dev.wraith.code.manifest;
