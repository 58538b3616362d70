package dev.aiwizard.discord;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.events.http.HttpRequestEvent;
import net.dv8tion.jda.api.events.interaction.GenericInteractionCreateEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.Route;

/**
 * Times every interaction from its arrival to Discord's answer to the bot's initial response (the deferral, or a
 * reply), which Discord wants within three seconds. Registered before the bot's listener, it notes the arrival before
 * the bot keeps and defers the interaction; JDA reports every REST answer as an {@link HttpRequestEvent}, and the one
 * to the interaction's callback ends the timing. It needs nothing from the bot's listener, which stays unaware of it.
 */
public final class InteractionAcks extends ListenerAdapter {
    /** Interactions noted at most; when full, those older than {@link #STALE} are dropped (never answered). */
    private static final int MAX_WAITING = 10_000;
    /** Far beyond Discord's three seconds: an interaction not answered by then will not be (it is not the bot's). */
    private static final long STALE = Duration.ofMinutes(1).toNanos();

    private final Acknowledgements acks;
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();

    /** Told how Discord answered each initial response (its HTTP status; 0: no answer) and how long it all took. */
    @FunctionalInterface
    public interface Acknowledgements {
        void acknowledged(int status, Duration took);
    }

    public InteractionAcks(Acknowledgements acks) {
        this.acks = requireNonNull(acks, "acks");
    }

    @Override
    public void onGenericInteractionCreate(GenericInteractionCreateEvent event) {
        long now = System.nanoTime();
        if (arrivals.size() >= MAX_WAITING) {
            arrivals.values().removeIf(arrived -> now - arrived > STALE);
        }
        if (arrivals.size() < MAX_WAITING) {
            arrivals.put(event.getId(), now);
        }
    }

    @Override
    public void onHttpRequest(HttpRequestEvent event) {
        if (!event.getRoute().getBaseRoute().equals(Route.Interactions.CALLBACK)) {
            return;
        }
        // interactions/{id}/{token}/callback
        String[] path = event.getRoute().getCompiledRoute().split("[/?]");
        Long arrived = path.length > 1 ? arrivals.remove(path[1]) : null;
        if (arrived != null) {
            acks.acknowledged(Math.max(0, event.getResponse().code), Duration.ofNanos(System.nanoTime() - arrived));
        }
    }
}
