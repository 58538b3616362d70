package dev.aiwizard.generator.interview;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a verb between two nouns says about storage. "members borrow books": both are kept and a Loan links them.
 * "groups organize meetups": each meetup belongs to a group. Any other verb ("customers open tickets") names
 * something made by people who use the API: the object is kept, the subject need not be.
 */
final class Verbs {
    /** Verbs whose act is itself worth keeping, with the name of the record that links the two sides. */
    private static final Map<String, String> LINKS = Map.ofEntries(
            Map.entry("borrow", "Loan"), Map.entry("lend", "Loan"), Map.entry("rent", "Rental"), Map.entry("hire", "Rental"),
            Map.entry("rsvp", "Rsvp"), Map.entry("enroll", "Enrollment"), Map.entry("enrol", "Enrollment"),
            Map.entry("attend", "Attendance"), Map.entry("reserve", "Reservation"), Map.entry("book", "Booking"),
            Map.entry("apply", "Application"), Map.entry("sign", "Signup"), Map.entry("subscribe", "Subscription"),
            Map.entry("rate", "Rating"), Map.entry("review", "Review"), Map.entry("vote", "Vote"),
            Map.entry("join", "Membership"), Map.entry("follow", "Follow"), Map.entry("like", "Like"),
            Map.entry("favorite", "Favorite"), Map.entry("buy", "Purchase"), Map.entry("purchase", "Purchase"),
            Map.entry("adopt", "Adoption"), Map.entry("register", "Registration"), Map.entry("order", "Order"),
            Map.entry("bid", "Bid"), Map.entry("visit", "Visit"));
    /** Objects that already are the link: "patients book appointments with doctors". */
    private static final Set<String> EVENT_NOUNS = Set.of("appointment", "booking", "reservation", "session", "lesson",
            "visit", "meeting", "order", "loan", "rental", "enrollment", "registration", "application", "subscription",
            "review", "rating", "vote", "bid", "purchase", "consultation");
    /** Verbs whose subject owns what it acts on: "clients receive invoices" -> each invoice has a client. */
    private static final Set<String> OWNING = Set.of("receive", "own", "organize", "organise", "host", "run", "hold",
            "earn", "get", "issue", "manage", "operate");
    /** Words that stand where a verb would but are none: "products with", "books and", "users are". */
    private static final Set<String> NOT_VERBS = Set.of("has", "have", "had", "with", "and", "or", "are", "is", "were",
            "was", "that", "which", "who", "whose", "of", "in", "on", "for", "to", "a", "an", "the", "can", "will", "should",
            "must", "may", "might", "could", "would", "do", "does", "need", "needs", "want", "wants", "like", "where",
            "when", "by", "from", "at", "as", "but", "so", "than", "then", "each", "every", "all", "their", "its",
            "also", "go", "be", "been", "being", "it", "them", "they", "this", "these", "those");
    /** Subjects that are the app's users in general: no assumption is worth saying about them. */
    private static final Set<String> GENERIC = Set.of("people", "persons", "folks", "i", "we", "you", "they", "someone",
            "anyone", "everyone", "one");

    private Verbs() {
    }

    /** "borrowed", "borrows", "borrow" -> "borrow". */
    static String base(String verb) {
        String v = Words.lower(verb);
        if (LINKS.containsKey(v) || OWNING.contains(v)) {
            return v;
        }
        for (String end : new String[] {"es", "s", "ed", "d"}) {
            if (v.endsWith(end) && (LINKS.containsKey(v.substring(0, v.length() - end.length()))
                    || OWNING.contains(v.substring(0, v.length() - end.length())))) {
                return v.substring(0, v.length() - end.length());
            }
        }
        return v;
    }

    static Optional<String> link(String verb) {
        return Optional.ofNullable(LINKS.get(base(verb)));
    }

    static boolean isEventNoun(String singular) {
        return EVENT_NOUNS.contains(Words.lower(singular));
    }

    static boolean owns(String verb) {
        return OWNING.contains(base(verb));
    }

    static boolean isVerb(String word) {
        return word.matches("[A-Za-z]{2,}") && !NOT_VERBS.contains(Words.lower(word))
                && FieldTypes.parse(word).isEmpty();
    }

    static boolean isGeneric(String subject) {
        return GENERIC.contains(Words.lower(subject));
    }
}
