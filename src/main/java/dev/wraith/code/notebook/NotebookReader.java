package dev.wraith.code.notebook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the code cells of a Jupyter notebook (nbformat 4, and 3's {@code worksheets}/{@code input}) in one
 * streaming pass. Outputs, attachments and every other member are skipped token by token, never materialised,
 * so base64 images cost no memory. Each source string is kept with the offset of its opening quote in the file,
 * which is how a cell line is mapped back to a line of the JSON.
 */
final class NotebookReader {
  /** Bounds beyond the walker's file size limit: a notebook with more cells than this is read up to it. */
  static final int MAX_CELLS = 20_000;
  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(8 << 20).build()).build();
  /** Kernel and cell language names to the file extension whose detector reads them. */
  private static final Map<String, String> EXTENSIONS = Map.ofEntries(
      Map.entry("python", ".py"), Map.entry("python3", ".py"), Map.entry("ipython", ".py"), Map.entry("javascript", ".js"),
      Map.entry("typescript", ".ts"), Map.entry("java", ".java"), Map.entry("go", ".go"), Map.entry("kotlin", ".kt"),
      Map.entry("csharp", ".cs"), Map.entry("c#", ".cs"), Map.entry("fsharp", ".fs"), Map.entry("f#", ".fs"),
      Map.entry("ruby", ".rb"), Map.entry("php", ".php"), Map.entry("rust", ".rs"), Map.entry("scala", ".scala"),
      Map.entry("r", ".r"), Map.entry("julia", ".jl"), Map.entry("pwsh", ".ps1"), Map.entry("powershell", ".ps1"),
      Map.entry("sql", ".sql"), Map.entry("markdown", ".md"), Map.entry("html", ".html"), Map.entry("bash", ".sh"));

  private NotebookReader() {}

  /** One JSON string of a cell's source: the offset of its opening quote in the file, and its decoded text. */
  record Fragment(int quote, String text) {}

  /** A code cell; {@code extension} is its own language's (".py"), or "" to use the notebook's. */
  record Cell(String extension, List<Fragment> source) {
    Cell {
      source = List.copyOf(source);
    }

    String text() {
      StringBuilder b = new StringBuilder();
      for (Fragment f : source) b.append(f.text());
      return b.toString();
    }
  }

  /** The code cells in file order and the notebook's language as a file extension (".py" when it says none). */
  record Notebook(List<Cell> cells, String extension) {
    Notebook {
      cells = List.copyOf(cells);
    }

    String extensionOf(Cell c) {
      return c.extension().isEmpty() ? extension : c.extension();
    }
  }

  static Notebook read(String text) throws IOException {
    List<Cell> cells = new ArrayList<>();
    String[] language = {"", ""}; // language_info.file_extension, then a kernel or language name
    try (JsonParser p = JSON.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("not a JSON object");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        if (name.equals("cells") && t == JsonToken.START_ARRAY) cells(p, cells);
        else if (name.equals("worksheets") && t == JsonToken.START_ARRAY) worksheets(p, cells);
        else if (name.equals("metadata") && t == JsonToken.START_OBJECT) metadata(p, language);
        else p.skipChildren();
      }
    }
    String ext = EXTENSIONS.getOrDefault(language[1], language[0]); // IJava says ".jshell", its name says Java
    return new Notebook(cells, ext.isEmpty() && language[1].isEmpty() ? ".py" : ext);
  }

  private static void worksheets(JsonParser p, List<Cell> cells) throws IOException {
    while (p.nextToken() == JsonToken.START_OBJECT) {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        if (p.nextToken() == JsonToken.START_ARRAY && name.equals("cells")) cells(p, cells);
        else p.skipChildren();
      }
    }
  }

  private static void cells(JsonParser p, List<Cell> cells) throws IOException {
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY && t != null; t = p.nextToken()) {
      if (t != JsonToken.START_OBJECT || cells.size() >= MAX_CELLS) {
        p.skipChildren();
        continue;
      }
      cell(p, cells);
    }
  }

  /** One cell object; only code cells are kept. */
  private static void cell(JsonParser p, List<Cell> cells) throws IOException {
    String type = "";
    String language = "";
    List<Fragment> source = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      switch (name) {
        case "cell_type" -> type = t == JsonToken.VALUE_STRING ? p.getText() : "";
        case "source", "input" -> source(p, t, source);
        case "language" -> language = t == JsonToken.VALUE_STRING ? p.getText() : language; // nbformat 3
        case "metadata" -> language = t == JsonToken.START_OBJECT ? cellLanguage(p, language) : language;
        default -> p.skipChildren();
      }
    }
    if (type.equals("code")) cells.add(new Cell(extension(language), source));
  }

  private static void source(JsonParser p, JsonToken t, List<Fragment> into) throws IOException {
    if (t == JsonToken.VALUE_STRING) {
      into.add(new Fragment((int) p.currentTokenLocation().getCharOffset(), p.getText()));
    } else if (t == JsonToken.START_ARRAY) {
      for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY && e != null; e = p.nextToken()) {
        if (e == JsonToken.VALUE_STRING) into.add(new Fragment((int) p.currentTokenLocation().getCharOffset(), p.getText()));
        else p.skipChildren();
      }
    } else {
      p.skipChildren();
    }
  }

  /**
   * A cell's own language in polyglot notebooks: {@code metadata.vscode.languageId},
   * {@code metadata.dotnet_interactive.language} or {@code metadata.polyglot_notebook.kernelName}.
   */
  private static String cellLanguage(JsonParser p, String fallback) throws IOException {
    String found = fallback;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_OBJECT || !(name.equals("vscode") || name.equals("dotnet_interactive") || name.equals("polyglot_notebook"))) {
        p.skipChildren();
        continue;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonToken v = p.nextToken();
        if (v == JsonToken.VALUE_STRING && (key.equals("languageId") || key.equals("language") || key.equals("kernelName"))) found = p.getText();
        else p.skipChildren();
      }
    }
    return found;
  }

  /** The notebook's {@code language_info.file_extension}, else its {@code language_info.name} or kernelspec language. */
  private static void metadata(JsonParser p, String[] language) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_OBJECT || !(name.equals("language_info") || name.equals("kernelspec"))) {
        p.skipChildren();
        continue;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonToken v = p.nextToken();
        if (v != JsonToken.VALUE_STRING) {
          p.skipChildren();
        } else if (key.equals("file_extension")) {
          language[0] = p.getText().toLowerCase(Locale.ROOT);
        } else if (key.equals("language") || (key.equals("name") && name.equals("language_info"))) {
          // language_info names the language, unless it names only the front end ("polyglot-notebook")
          String lang = p.getText().toLowerCase(Locale.ROOT);
          if (language[1].isEmpty() || (name.equals("language_info") && EXTENSIONS.containsKey(lang))) language[1] = lang;
        }
      }
    }
  }

  private static String extension(String language) {
    if (language.isEmpty()) return "";
    return EXTENSIONS.getOrDefault(language.toLowerCase(Locale.ROOT), ".unknown");
  }
}
