package dev.wraith.report;

import dev.wraith.model.Classification;
import dev.wraith.model.Inventory;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.Risk;
import java.util.EnumMap;
import java.util.Map;

/**
 * The agents-by-class-and-risk chart: one horizontal bar per classification, stacked by risk, drawn as inline SVG
 * (colours come from the stylesheet, so it follows the light or dark theme). Every segment has a tooltip, and the
 * whole chart a text alternative for screen readers.
 */
final class HtmlChart {
  private static final int WIDTH = 720;
  private static final int LABEL = 120;
  private static final int BAR_AREA = 520;
  private static final int ROW = 34;
  private static final int BAR = 22;

  private HtmlChart() {}

  static void write(Inventory inventory, HtmlWriter w) {
    Map<Classification, Map<Risk, Integer>> counts = counts(inventory);
    int max = Math.max(1, inventory.summary().values().stream().mapToInt(Integer::intValue).max().orElse(1));
    int height = Classification.values().length * ROW + 40;
    w.open("svg", "class", "chart", "viewBox", "0 0 " + WIDTH + " " + height, "role", "img", "aria-labelledby",
        "chart-title", "xmlns", "http://www.w3.org/2000/svg");
    w.element("title", altText(inventory, counts), "id", "chart-title");
    int y = 8;
    for (Classification c : Classification.values()) {
      w.element("text", c.label(), "x", "0", "y", String.valueOf(y + BAR - 6), "class", "chart-label");
      int x = LABEL;
      int total = 0;
      for (Risk r : Risk.values()) {
        int n = counts.get(c).get(r);
        if (n == 0) continue;
        int width = Math.max(2, n * BAR_AREA / max);
        w.open("rect", "x", String.valueOf(x), "y", String.valueOf(y), "width", String.valueOf(width), "height",
            String.valueOf(BAR), "rx", "3", "class", "seg risk-" + r.id(), "data-class", c.name(), "data-risk", r.id());
        w.element("title", c.label() + ", " + r.id() + " risk: " + n);
        w.close("rect");
        x += width;
        total += n;
      }
      w.element("text", String.valueOf(total), "x", String.valueOf(x + 6), "y", String.valueOf(y + BAR - 6),
          "class", "chart-count");
      y += ROW;
    }
    int lx = LABEL;
    for (Risk r : Risk.values()) {
      w.open("rect", "x", String.valueOf(lx), "y", String.valueOf(y + 4), "width", "12", "height", "12", "rx", "2",
          "class", "seg risk-" + r.id()).close("rect");
      w.element("text", r.id(), "x", String.valueOf(lx + 18), "y", String.valueOf(y + 14), "class", "chart-legend");
      lx += 110;
    }
    w.close("svg");
  }

  private static Map<Classification, Map<Risk, Integer>> counts(Inventory inventory) {
    Map<Classification, Map<Risk, Integer>> m = new EnumMap<>(Classification.class);
    for (Classification c : Classification.values()) {
      Map<Risk, Integer> byRisk = new EnumMap<>(Risk.class);
      for (Risk r : Risk.values()) byRisk.put(r, 0);
      m.put(c, byRisk);
    }
    for (InventoryAgent a : inventory.agents()) m.get(a.classification()).merge(a.risk(), 1, Integer::sum);
    return m;
  }

  private static String altText(Inventory inventory, Map<Classification, Map<Risk, Integer>> counts) {
    StringBuilder b = new StringBuilder("Agents by classification and risk: ");
    boolean first = true;
    for (Classification c : Classification.values()) {
      if (!first) b.append("; ");
      first = false;
      b.append(c.label()).append(' ').append(inventory.summary().get(c));
      StringBuilder parts = new StringBuilder();
      for (Risk r : Risk.values()) {
        int n = counts.get(c).get(r);
        if (n > 0) parts.append(parts.length() == 0 ? "" : ", ").append(n).append(' ').append(r.id());
      }
      if (parts.length() > 0) b.append(" (").append(parts).append(')');
    }
    return b.append('.').toString();
  }
}
