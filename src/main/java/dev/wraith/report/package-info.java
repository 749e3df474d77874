/** One class per output format; each builds a typed model of the report and serialises it. */
package dev.wraith.report;
