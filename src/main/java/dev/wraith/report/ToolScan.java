package dev.wraith.report;

import dev.wraith.model.ScanReport;

/**
 * What {@code wraith mcp} and {@code wraith tetragon} report: the tool that ran and one layer's scan.
 *
 * @param <S> the layer's scan ({@code McpScan}, {@code TetragonScan})
 */
public record ToolScan<S>(ScanReport.Tool tool, S scan) {}
