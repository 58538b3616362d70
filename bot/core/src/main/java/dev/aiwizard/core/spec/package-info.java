/** The spec a conversation fills: what to build, slot by slot, and how it reads as Markdown. */
package dev.aiwizard.core.spec;
