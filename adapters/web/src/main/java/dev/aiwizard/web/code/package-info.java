/**
 * Reading generated code in the browser: syntax highlighting done on the server ({@link Highlighter}) and the
 * line diff between two revisions of a file ({@link LineDiff}), both plain Java with no script or download.
 */
package dev.aiwizard.web.code;
