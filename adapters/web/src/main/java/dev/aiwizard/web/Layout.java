package dev.aiwizard.web;

import static java.util.Objects.requireNonNull;

/**
 * What every page's frame shows: its title, who is signed in (null on the sign-in pages), their CSRF token for the
 * forms and the script, the path it was asked for (to mark the current link), and the assets' addresses.
 */
public record Layout(String title, Person person, String csrf, String path, Assets assets) {
    public Layout {
        requireNonNull(title, "title");
        csrf = csrf == null ? "" : csrf;
        requireNonNull(path, "path");
        requireNonNull(assets, "assets");
    }

    /** The address of asset {@code name}, which changes when its content does (so it may be cached long). */
    public String asset(String name) {
        return assets.href(name);
    }

    /** Whether {@code href} is the page shown. */
    public boolean current(String href) {
        return path.equals(href);
    }
}
