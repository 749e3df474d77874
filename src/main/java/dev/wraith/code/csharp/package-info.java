/** C#: using, call, object-initializer, attribute and extension-method extraction with tree-sitter-c-sharp. */
package dev.wraith.code.csharp;
