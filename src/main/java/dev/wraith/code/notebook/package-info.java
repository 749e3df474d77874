/** Jupyter notebooks: code cells scanned by the language detectors, locations mapped back into the notebook JSON. */
package dev.wraith.code.notebook;
