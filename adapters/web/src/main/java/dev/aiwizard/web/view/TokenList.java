package dev.aiwizard.web.view;

import java.util.List;

/**
 * The API tokens page: the person's tokens, and after making one its secret ({@code secret}, shown this once) and
 * name; {@code problem} says why a token was not made.
 */
public record TokenList(List<Row> rows, String secret, String madeName, String problem) {
    public TokenList {
        rows = List.copyOf(rows);
    }

    /** One token: never its secret, only its id, name, dates and where to revoke it ({@code revoked} null: works). */
    public record Row(String id, String name, String created, String revoked, String revokeHref) {
    }
}
