package dev.aiwizard.core.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class that starts processes (bubblewrap, Maven, npm, a private PostgreSQL or Redis, the bot's own
 * JVM, deployment tools); the quick run ({@code ./wizard test --unit}) leaves it out, and {@link TestTagGuard} fails
 * an unmarked class that does it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(SpawnsProcesses.TAG)
public @interface SpawnsProcesses {
    String TAG = "processes";
}
