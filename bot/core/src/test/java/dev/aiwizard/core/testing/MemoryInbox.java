package dev.aiwizard.core.testing;

import dev.aiwizard.core.StorageException;
import dev.aiwizard.core.chat.Inbox;
import dev.aiwizard.core.chat.InboundEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An inbox in memory for unit tests; it can be told to fail like a database that is down. */
public final class MemoryInbox implements Inbox {
    private record Row(InboundEvent event, String owner, Instant leaseUntil) {
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();
    private boolean down;

    /** While {@code down}, accepting fails as a database that is down would. */
    public synchronized void down(boolean down) {
        this.down = down;
    }

    @Override
    public synchronized boolean accept(InboundEvent event, String owner, Duration lease) {
        if (down) {
            throw new StorageException("Could not store event " + event.key() + ": the database is down (test)");
        }
        return rows.putIfAbsent(event.key(), new Row(event, owner, Instant.now().plus(lease))) == null;
    }

    @Override
    public synchronized void done(Collection<String> keys) {
        keys.forEach(rows::remove);
    }

    @Override
    public synchronized void withdraw(String key) {
        rows.remove(key);
    }

    @Override
    public synchronized void renew(String owner, Collection<String> keys, Duration lease) {
        for (String k : keys) {
            Row r = rows.get(k);
            if (r != null && owner.equals(r.owner())) {
                rows.put(k, new Row(r.event(), owner, Instant.now().plus(lease)));
            }
        }
    }

    @Override
    public synchronized List<InboundEvent> claim(String owner, Duration lease, int limit) {
        Instant now = Instant.now();
        List<InboundEvent> out = new ArrayList<>();
        for (Row r : rows.values().stream().filter(r -> r.leaseUntil().isBefore(now))
                .sorted(Comparator.comparing(r -> r.event().receivedAt())).limit(limit).toList()) {
            InboundEvent e = r.event();
            InboundEvent claimed = new InboundEvent(e.key(), e.platform(), e.fields(), e.receivedAt(),
                    e.attempts() + 1);
            rows.put(e.key(), new Row(claimed, owner, now.plus(lease)));
            out.add(claimed);
        }
        return out;
    }

    @Override
    public synchronized int pending() {
        return rows.size();
    }

    @Override
    public synchronized void release(String owner) {
        Instant past = Instant.now().minusMillis(1);
        rows.replaceAll((k, r) -> owner.equals(r.owner()) ? new Row(r.event(), null, past) : r);
    }
}
