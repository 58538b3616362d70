/** The stacks and persistence options the offline generator can build; the interviewer offers them as choices. */
package dev.aiwizard.generator.stack;
