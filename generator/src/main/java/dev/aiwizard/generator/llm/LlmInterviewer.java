package dev.aiwizard.generator.llm;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.conversation.InterviewContext;
import dev.aiwizard.core.conversation.InterviewStep;
import dev.aiwizard.core.conversation.Interviewer;
import dev.aiwizard.core.conversation.Question;
import dev.aiwizard.core.job.UsageLedger;
import dev.aiwizard.core.spec.Entity;
import dev.aiwizard.core.spec.Field;
import dev.aiwizard.core.spec.FieldType;
import dev.aiwizard.core.spec.Names;
import dev.aiwizard.core.spec.Operation;
import dev.aiwizard.core.spec.RepoTarget;
import dev.aiwizard.core.spec.Slot;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.core.spec.SpecMarkdown;
import dev.aiwizard.core.text.HiddenText;
import dev.aiwizard.generator.stack.StackCatalog;
import dev.aiwizard.generator.stack.StackOption;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@link Interviewer} on a language model: from the spec so far and the person's message, the model fills every
 * slot the words answer and proposes the one most valuable question. Everything it returns is checked with the
 * same rules as the offline interviewer (names, types, stacks, targets without credentials); what fails a rule is
 * dropped and said. When the model is unavailable or keeps answering badly, the offline interviewer takes the turn.
 */
public final class LlmInterviewer implements Interviewer {
    private static final System.Logger LOG = System.getLogger(LlmInterviewer.class.getName());
    private static final int MAX_CHOICES = 5;
    private static final int MAX_QUESTION = 500;
    private static final String TURN_BUDGET = "interview turn's model budget";
    private static final String BUDGET_SPENT = "(Your daily model budget is spent, so the built-in interviewer "
            + "answered.)";
    private static final Pattern GIT_URL = Pattern.compile("(https://[A-Za-z0-9.-]+(:[0-9]+)?/|git@[A-Za-z0-9.-]+:)"
            + "[A-Za-z0-9._/-]+");

    private final ModelGateway gateway;
    private final Interviewer offline;
    private final StackCatalog catalog;
    private final UsageLedger ledger;
    private final Clock clock;
    private final long turnTokenBudget;

    /**
     * An interviewer asking {@code gateway}'s model, with {@code offline} taking turns the model cannot; usage is
     * recorded in {@code ledger} and counts against the person's daily budget.
     */
    public LlmInterviewer(ModelGateway gateway, Interviewer offline, StackCatalog catalog, UsageLedger ledger,
                          Clock clock) {
        this.gateway = requireNonNull(gateway, "gateway");
        this.offline = requireNonNull(offline, "offline");
        this.catalog = requireNonNull(catalog, "catalog");
        this.ledger = requireNonNull(ledger, "ledger");
        this.clock = requireNonNull(clock, "clock");
        this.turnTokenBudget = Math.max(1, gateway.settings().jobTokenBudget() / 10);
    }

    @Override
    public InterviewStep step(InterviewContext who, Spec spec, Question pending, String text, int questionsLeft) {
        UsageMeter meter = meter(who);
        if (meter == null) {
            return withNote(offline.step(spec, pending, text, questionsLeft), BUDGET_SPENT);
        }
        try {
            return step(spec, pending, text, questionsLeft, meter);
        } finally {
            record(who, meter);
        }
    }

    @Override
    public Spec assumeDefaults(InterviewContext who, Spec spec) {
        UsageMeter meter = meter(who);
        if (meter == null) {
            return offline.assumeDefaults(spec);
        }
        try {
            return assumeDefaults(spec, meter);
        } finally {
            record(who, meter);
        }
    }

    @Override
    public InterviewStep step(Spec spec, Question pending, String text, int questionsLeft) {
        return step(spec, pending, text, questionsLeft, new UsageMeter(turnTokenBudget, TURN_BUDGET));
    }

    @Override
    public Spec assumeDefaults(Spec spec) {
        return assumeDefaults(spec, new UsageMeter(turnTokenBudget, TURN_BUDGET));
    }

    /** A meter for one turn within what is left of the person's day, or {@code null} when nothing is left. */
    private UsageMeter meter(InterviewContext who) {
        long left = gateway.settings().dailyTokenBudget() - ledger.usedBy(who.requester().id(),
                clock.instant().truncatedTo(ChronoUnit.DAYS)).totalTokens();
        return left <= 0 ? null : new UsageMeter(Math.min(left, turnTokenBudget), TURN_BUDGET);
    }

    private void record(InterviewContext who, UsageMeter meter) {
        meter.recordIn(ledger, who.conversation(), who.requester().id(), clock.instant());
    }

    private static InterviewStep withNote(InterviewStep step, String note) {
        return switch (step) {
            case InterviewStep.Ask a -> new InterviewStep.Ask(a.spec(), a.question(), a.note() == null ? note
                    : a.note() + " " + note);
            case InterviewStep.Ready r -> new InterviewStep.Ready(r.spec(), r.note() == null ? note
                    : r.note() + " " + note);
        };
    }

    private InterviewStep step(Spec spec, Question pending, String text, int questionsLeft, UsageMeter meter) {
        String message = HiddenText.strip(text);
        try {
            InterviewAnswer a = gateway.ask(ask(spec, pending, message, questionsLeft, false), meter);
            List<String> notes = new ArrayList<>();
            Spec merged = merge(spec, a, notes);
            if (a.unusable() != null && !a.unusable().isBlank()) {
                notes.add(HiddenText.strip(a.unusable().strip()));
            }
            String note = notes.isEmpty() ? null : String.join(" ", notes);
            List<Slot> open = merged.openSlots();
            if (questionsLeft <= 0 || open.isEmpty() || InterviewAnswer.NONE.equals(a.nextSlot())) {
                return new InterviewStep.Ready(merged, note);
            }
            Slot slot = slot(a.nextSlot()).filter(open::contains).orElse(open.get(0));
            boolean modelsQuestion = slot(a.nextSlot()).filter(slot::equals).isPresent()
                    && a.question() != null && !a.question().isBlank();
            String questionText = modelsQuestion ? clip(HiddenText.strip(a.question()).strip())
                    : "What about " + slot.description() + "?";
            Question q = new Question(slot, questionText, choices(slot, merged, modelsQuestion ? a.choices() : List.of()),
                    Math.max(0, Math.min(questionsLeft - 1, open.size() - 1)));
            return new InterviewStep.Ask(merged, q, note);
        } catch (ModelUnavailableException | MalformedOutputException | BudgetExceededException e) {
            LOG.log(System.Logger.Level.WARNING, "interviewer model unusable, the offline interviewer takes this turn: "
                    + e.getMessage());
            return offline.step(spec, pending, text, questionsLeft);
        }
    }

    private Spec assumeDefaults(Spec spec, UsageMeter meter) {
        try {
            InterviewAnswer a = gateway.ask(ask(spec, null, "Fill every open part with a sensible default.", 0, true),
                    meter);
            Spec merged = merge(spec, a, new ArrayList<>());
            if (!spec.isFilled(Slot.TARGET)) {
                // Where code goes is the admin's default unless a person said otherwise, never the model's guess.
                merged = merged.withTarget(null);
            }
            for (Slot s : Slot.values()) {
                if (!spec.isFilled(s) && merged.isFilled(s)) {
                    merged = merged.withAssumption(s.description() + ": " + describe(merged, s) + " (assumed)");
                }
            }
            // Whatever the model left open gets the offline defaults, each stated as an assumption too.
            return offline.assumeDefaults(merged);
        } catch (ModelUnavailableException | MalformedOutputException | BudgetExceededException e) {
            LOG.log(System.Logger.Level.WARNING, "interviewer model unusable for defaults: " + e.getMessage());
            return offline.assumeDefaults(spec);
        }
    }

    private StructuredAsk<InterviewAnswer> ask(Spec spec, Question pending, String message, int questionsLeft,
                                               boolean defaults) {
        StringBuilder user = new StringBuilder();
        user.append(Prompts.fenced("spec", SpecMarkdown.render(spec)));
        user.append("Stacks: ");
        for (StackOption s : catalog.stacks()) {
            user.append(s.id()).append(" (").append(s.label()).append("; persistence: ")
                    .append(String.join(", ", s.persistence())).append(") ");
        }
        user.append('\n');
        if (pending != null) {
            user.append("The question just asked (about ").append(pending.slot().name().toLowerCase(Locale.ROOT))
                    .append("): ").append(pending.text()).append('\n');
        }
        user.append("Questions left: ").append(questionsLeft).append('\n');
        if (defaults) {
            user.append("Fill every empty part of the spec with a sensible default; set nextSlot to none.\n");
        }
        user.append(Prompts.fenced("user_text", message));
        List<String> stacks = catalog.stacks().stream().map(StackOption::id).toList();
        return new StructuredAsk<>(Role.INTERVIEWER, Prompts.system("interviewer"), user.toString(), "interview_step",
                InterviewAnswer.schema(stacks), InterviewAnswer.SHAPE, InterviewAnswer.class, a -> null);
    }

    /** The spec with every valid part of the answer; an empty part keeps what the spec had. */
    private Spec merge(Spec spec, InterviewAnswer a, List<String> notes) {
        Spec out = spec;
        if (present(a.name())) {
            Optional<String> slug = Names.isSlug(a.name().strip()) ? Optional.of(a.name().strip()) : Names.slug(a.name());
            if (slug.isPresent()) {
                out = out.withName(slug.get());
            } else {
                notes.add("'" + a.name() + "' cannot be a project name.");
            }
        }
        if (present(a.purpose())) {
            out = out.withPurpose(HiddenText.strip(a.purpose().strip()));
        }
        List<Entity> entities = entities(a.entities(), notes);
        if (!entities.isEmpty()) {
            out = out.withEntities(entities);
        }
        Set<Operation> ops = EnumSet.noneOf(Operation.class);
        for (String o : a.operations()) {
            try {
                ops.add(Operation.valueOf(o.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                notes.add("'" + o + "' is not an operation.");
            }
        }
        if (!ops.isEmpty()) {
            out = out.withOperations(ops);
        }
        if (present(a.stack())) {
            Optional<StackOption> stack = catalog.find(a.stack().strip());
            if (stack.isPresent()) {
                out = out.withStack(stack.get().id());
            } else {
                notes.add("There is no stack '" + a.stack() + "'.");
            }
        }
        if (present(a.persistence()) && out.stack() != null) {
            String p = a.persistence().strip();
            if (catalog.persistenceOptions(out.stack()).contains(p)) {
                out = out.withPersistence(p);
            } else {
                notes.add("The " + out.stack() + " stack cannot keep data in '" + p + "'.");
            }
        }
        if (present(a.target())) {
            String t = a.target().strip();
            // An https URL with an @ carries credentials; only the ssh form git@host: may have one.
            if (t.equals("local") || RepoTarget.parse(t).isPresent()
                    || GIT_URL.matcher(t).matches() && (t.startsWith("git@") || !t.contains("@"))) {
                out = out.withTarget(t);
            } else {
                notes.add("'" + t + "' is not a target I can use (say local, owner/repo, or a git URL without "
                        + "credentials).");
            }
        }
        return out;
    }

    private static List<Entity> entities(List<InterviewAnswer.EntityAnswer> answers, List<String> notes) {
        List<Entity> out = new ArrayList<>();
        for (InterviewAnswer.EntityAnswer e : answers) {
            Optional<String> name = e.name() == null ? Optional.empty() : Names.camel(e.name(), true);
            if (name.isEmpty()) {
                notes.add("'" + e.name() + "' cannot be an entity name.");
                continue;
            }
            List<Field> fields = new ArrayList<>();
            for (InterviewAnswer.FieldAnswer f : e.fields()) {
                Optional<String> fname = f.name() == null ? Optional.empty() : Names.camel(f.name(), false);
                Optional<FieldType> type = f.type() == null ? Optional.empty() : FieldType.parse(f.type());
                if (fname.isEmpty() || fname.get().equals("id") || type.isEmpty()
                        || fields.stream().anyMatch(x -> x.name().equals(fname.get()))) {
                    notes.add("Left out field '" + f.name() + "' of " + name.get() + " (" + (type.isEmpty()
                            ? "unknown type '" + f.type() + "'" : "not a usable field name") + ").");
                    continue;
                }
                try {
                    fields.add(new Field(fname.get(), type.get()));
                } catch (IllegalArgumentException invalid) {
                    notes.add("Left out field '" + f.name() + "' of " + name.get() + " (not a usable field name).");
                }
            }
            if (out.stream().noneMatch(x -> x.name().equals(name.get()))) {
                try {
                    out.add(new Entity(name.get(), fields));
                } catch (IllegalArgumentException invalid) {
                    notes.add("'" + e.name() + "' cannot be an entity name.");
                }
            }
        }
        return out;
    }

    private List<String> choices(Slot slot, Spec spec, List<String> proposed) {
        return switch (slot) {
            case STACK -> catalog.stacks().stream().map(StackOption::id).toList();
            case PERSISTENCE -> spec.stack() == null ? List.of() : catalog.persistenceOptions(spec.stack());
            default -> proposed.stream().map(HiddenText::strip).map(String::strip).filter(c -> !c.isEmpty())
                    .distinct().limit(MAX_CHOICES).toList();
        };
    }

    private static String describe(Spec spec, Slot s) {
        return switch (s) {
            case NAME -> spec.name();
            case PURPOSE -> spec.purpose();
            case ENTITIES, FIELDS -> String.join(", ", spec.entities().stream().map(Entity::name).toList());
            case OPERATIONS -> String.join(", ", spec.orderedOperations().stream()
                    .map(o -> o.name().toLowerCase(Locale.ROOT)).toList());
            case STACK -> spec.stack();
            case PERSISTENCE -> spec.persistence();
            case TARGET -> spec.target();
        };
    }

    private static Optional<Slot> slot(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Slot.valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String clip(String s) {
        return s.length() <= MAX_QUESTION ? s : s.substring(0, MAX_QUESTION) + "…";
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
