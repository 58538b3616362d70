package dev.aiwizard.core.request;

import dev.aiwizard.core.conversation.ConversationSettings;
import dev.aiwizard.core.spec.Names;
import dev.aiwizard.core.spec.RepoTarget;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.core.spec.TargetPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What is wrong with a job request, field by field, before anything is stored or counted. */
record RequestCheck(JobRequestSettings settings, ConversationSettings conversations) {
    /** A git remote as WIZARD_TARGET may name one: a URL, or a path on the bot's machine. */
    private static final Pattern GIT_REMOTE = Pattern.compile("(?:https://|ssh://|git@|file://|/)\\S+");

    List<RequestProblem> problems(JobRequest r) {
        List<RequestProblem> problems = new ArrayList<>();
        idea(r.idea(), problems);
        if (r.stack() != null && !settings.stacks().contains(r.stack())) {
            problems.add(new RequestProblem("stack", "unknown stack '" + shown(r.stack()) + "'; the stacks are "
                    + String.join(", ", settings.stacks().stream().sorted().toList())));
        }
        if (r.name() != null && !Names.isSlug(r.name())) {
            problems.add(new RequestProblem("name", "name must be lower-case words joined by hyphens, 2 to 40 "
                    + "characters (like todo-api), not '" + shown(r.name()) + "'"));
        }
        target(r.target(), problems);
        model(r.model(), problems);
        return problems;
    }

    private void idea(String idea, List<RequestProblem> problems) {
        if (idea == null || idea.isBlank()) {
            problems.add(new RequestProblem("idea", "idea is required: what to build, in a sentence or a few"));
            return;
        }
        int length = idea.strip().codePointCount(0, idea.strip().length());
        if (length > settings.maxIdeaLength()) {
            problems.add(new RequestProblem("idea", "idea is " + length + " characters long; the limit is "
                    + settings.maxIdeaLength() + ". Details can go into the answers (stack, name, target)"));
        }
    }

    private void target(String target, List<RequestProblem> problems) {
        if (target == null) {
            return;
        }
        boolean wellFormed = target.equals(TargetPolicy.LOCAL) || RepoTarget.parse(target).isPresent()
                || GIT_REMOTE.matcher(target).matches();
        if (!wellFormed) {
            problems.add(new RequestProblem("target", "target must be owner/repo on GitHub, a git URL, or local; not '"
                    + shown(target) + "'"));
        } else if (!conversations.targets().allows(target)) {
            problems.add(new RequestProblem("target", "'" + shown(target) + "' is not one of the targets allowed here "
                    + "(the operator's WIZARD_TARGET and WIZARD_ALLOWED_TARGETS)"));
        }
    }

    private void model(String model, List<RequestProblem> problems) {
        if (model == null) {
            return;
        }
        if (conversations.allowedModels().isEmpty()) {
            problems.add(new RequestProblem("model", "choosing a model is not enabled here (WIZARD_LLM_ALLOWED_MODELS); "
                    + "leave model out to use the configured one"));
        } else if (!Spec.MODEL.matcher(model).matches() || !conversations.allowedModels().contains(model)) {
            problems.add(new RequestProblem("model", "'" + shown(model) + "' is not one of the models allowed here: "
                    + String.join(", ", conversations.allowedModels())));
        }
    }

    /** {@code value} safe to repeat in an answer: no control characters, at most 80 characters. */
    private static String shown(String value) {
        String s = value.replaceAll("\\p{Cntrl}", "?");
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
