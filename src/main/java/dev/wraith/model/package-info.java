/** Immutable records and sealed types shared by every layer. Imports nothing else of wraith. */
package dev.wraith.model;
