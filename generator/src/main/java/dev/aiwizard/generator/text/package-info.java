/** Small English helpers shared by the interviewer and the generator: singular and plural nouns, word splitting. */
package dev.aiwizard.generator.text;
