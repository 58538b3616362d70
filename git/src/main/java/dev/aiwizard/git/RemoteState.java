package dev.aiwizard.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.Transport;

/**
 * What the remote has that matters to one delivery: the tips of the candidate branches that exist, and the commit of
 * the base branch — {@code baseBranch}, or the default branch ({@code HEAD}) when that is {@code null}; {@code head}
 * is {@code null} when there is no such branch. {@code empty}: the repository has no branches at all. Only these
 * commits are fetched into the scratch repository, so a shared repository with many branches stays cheap.
 */
record RemoteState(Map<String, ObjectId> tips, ObjectId head, boolean empty) {
    private static final String FETCHED = "refs/fetched/";
    private static final String BASE = "refs/fetched-base";

    /** Lists the remote's refs, then fetches the ones named in {@code branches} that exist, and the base. */
    static RemoteState read(Repository scratch, Transport transport, List<String> branches, String baseBranch)
            throws IOException {
        Map<String, Ref> advertised;
        try (FetchConnection listing = transport.openFetch()) {
            advertised = listing.getRefsMap();
        }
        List<RefSpec> specs = new ArrayList<>();
        for (String branch : branches) {
            if (advertised.containsKey(Constants.R_HEADS + branch)) {
                specs.add(new RefSpec("+" + Constants.R_HEADS + branch + ":" + FETCHED + branch));
            }
        }
        String baseRef = baseBranch == null ? Constants.HEAD : Constants.R_HEADS + baseBranch;
        Ref head = advertised.get(baseRef);
        if (head != null && head.getObjectId() != null) {
            specs.add(new RefSpec("+" + baseRef + ":" + BASE));
        }
        if (!specs.isEmpty()) {
            transport.fetch(NullProgressMonitor.INSTANCE, specs);
        }
        Map<String, ObjectId> tips = new HashMap<>();
        for (String branch : branches) {
            ObjectId tip = scratch.resolve(FETCHED + branch);
            if (tip != null) {
                tips.put(branch, tip);
            }
        }
        boolean empty = advertised.keySet().stream().noneMatch(r -> r.startsWith(Constants.R_HEADS));
        return new RemoteState(Map.copyOf(tips), scratch.resolve(BASE), empty);
    }
}
