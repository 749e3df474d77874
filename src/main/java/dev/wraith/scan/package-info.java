/** The one explicit registry of plugins and the orchestration of layers into a report. */
package dev.wraith.scan;
