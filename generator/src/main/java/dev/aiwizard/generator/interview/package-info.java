/**
 * The offline interviewer: rule-based reading of ideas, answers and change requests into a spec, and the choice of
 * the next question. Its wording lives in {@code questions.properties}.
 */
package dev.aiwizard.generator.interview;
