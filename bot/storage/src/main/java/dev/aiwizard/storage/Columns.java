package dev.aiwizard.storage;

import dev.aiwizard.core.StorageException;
import io.helidon.dbclient.DbRow;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Reads and writes column values the same way on PostgreSQL and H2, whose drivers hand back different Java types
 * for the same SQL type (a {@code Timestamp} from PostgreSQL, an {@code OffsetDateTime} from H2).
 */
final class Columns {
    private Columns() {
    }

    /**
     * {@code instant} as a value for a {@code TIMESTAMP WITH TIME ZONE} parameter. Cut to microseconds, the
     * precision both databases keep, so that the database never rounds it into another millisecond.
     */
    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    static Instant instant(DbRow row, String name) {
        Object value = raw(row, name);
        return switch (value) {
            case null -> null;
            case OffsetDateTime t -> t.toInstant();
            case Timestamp t -> t.toInstant();
            case ZonedDateTime t -> t.toInstant();
            case Instant t -> t;
            default -> throw new StorageException("column " + name + " holds a " + value.getClass().getName()
                    + ", not a time");
        };
    }

    static String string(DbRow row, String name) {
        Object value = raw(row, name);
        return value == null ? null : value.toString();
    }

    static long number(DbRow row, String name) {
        Object value = raw(row, name);
        if (value instanceof Number n) {
            return n.longValue();
        }
        throw new StorageException("column " + name + " holds " + value + ", not a number");
    }

    /** The driver's own value; unlike {@code DbColumn.get()}, which fails on SQL NULL, it may be {@code null}. */
    private static Object raw(DbRow row, String name) {
        return row.column(name).get(Object.class);
    }
}
