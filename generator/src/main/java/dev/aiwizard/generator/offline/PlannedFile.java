package dev.aiwizard.generator.offline;

import java.util.function.Supplier;

/** A file the generator will write: its path now, its content when rendered. */
record PlannedFile(String path, Supplier<String> content) {
}
