/** Single-file components (Vue, Svelte, Astro): their script blocks scanned by the JavaScript and TypeScript detectors. */
package dev.wraith.code.component;
