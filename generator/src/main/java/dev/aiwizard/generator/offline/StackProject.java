package dev.aiwizard.generator.offline;

import dev.aiwizard.core.spec.Spec;
import java.util.List;

/** The files one built-in stack generates for a spec; {@link OfflineCodeGenerator} picks one by the spec's stack. */
interface StackProject {
    /** Every file of the project, in the order a reader would want them; contents are rendered on demand. */
    List<PlannedFile> plan(Spec spec);
}
