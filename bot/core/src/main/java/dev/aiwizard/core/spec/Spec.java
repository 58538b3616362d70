package dev.aiwizard.core.spec;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What to build. A {@code null} (or empty) part is a slot nobody has answered yet; {@link #assumptions()} lists the
 * defaults the bot chose itself, so the summary can say so. {@link #model()} is the model the person asked to build
 * with ({@code model=} in the idea), or {@code null} for the configured one; {@link #placement()} is where in the
 * target repository it goes ({@code branch=} and {@code path=} in the idea).
 */
public record Spec(String name, String purpose, List<Entity> entities, Set<Operation> operations, String stack,
                   String persistence, String target, List<String> assumptions, String model, Placement placement) {
    /** What a model name may look like: {@code gpt-4.1}, {@code llama3.1:8b}, {@code org/model-name}. */
    public static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}");

    public Spec {
        if (name != null && !Names.isSlug(name)) {
            throw new IllegalArgumentException("name must be a slug: " + name);
        }
        entities = entities == null ? List.of() : List.copyOf(entities);
        operations = operations == null || operations.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(operations));
        assumptions = assumptions == null ? List.of() : List.copyOf(assumptions);
        if (model != null && !MODEL.matcher(model).matches()) {
            throw new IllegalArgumentException("not a model name: " + model);
        }
        placement = placement == null ? Placement.DEFAULT : placement;
    }

    /** A spec built with {@code model} and placed where the target repository suggests. */
    public Spec(String name, String purpose, List<Entity> entities, Set<Operation> operations, String stack,
                String persistence, String target, List<String> assumptions, String model) {
        this(name, purpose, entities, operations, stack, persistence, target, assumptions, model, Placement.DEFAULT);
    }

    /** A spec built with the configured model. */
    public Spec(String name, String purpose, List<Entity> entities, Set<Operation> operations, String stack,
                String persistence, String target, List<String> assumptions) {
        this(name, purpose, entities, operations, stack, persistence, target, assumptions, null);
    }

    /** A spec with nothing answered. */
    public static Spec empty() {
        return new Spec(null, null, List.of(), Set.of(), null, null, null, List.of());
    }

    /** Whether {@code slot} has an answer. */
    public boolean isFilled(Slot slot) {
        return switch (slot) {
            case NAME -> name != null;
            case PURPOSE -> purpose != null && !purpose.isBlank();
            case ENTITIES -> !entities.isEmpty();
            case FIELDS -> !entities.isEmpty() && entities.stream().noneMatch(e -> e.fields().isEmpty());
            case OPERATIONS -> !operations.isEmpty();
            case STACK -> stack != null;
            case PERSISTENCE -> persistence != null;
            case TARGET -> target != null;
        };
    }

    /** The slots still without an answer, most valuable first. */
    public List<Slot> openSlots() {
        List<Slot> open = new ArrayList<>();
        for (Slot s : Slot.values()) {
            if (!isFilled(s)) {
                open.add(s);
            }
        }
        return open;
    }

    /** Whether every slot is answered. */
    public boolean isComplete() {
        return openSlots().isEmpty();
    }

    /** The operations in their natural order, for stable output. */
    public List<Operation> orderedOperations() {
        return operations.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(operations));
    }

    /** The operations clients have on {@code entity}: the spec's, without the changing ones when it is read-only. */
    public Set<Operation> operationsOf(Entity entity) {
        if (!entity.readOnly()) {
            return operations;
        }
        Set<Operation> reading = EnumSet.noneOf(Operation.class);
        operations.stream().filter(o -> o == Operation.READ || o == Operation.LIST).forEach(reading::add);
        return Set.copyOf(reading);
    }

    public Spec withName(String v) {
        return new Spec(v, purpose, entities, operations, stack, persistence, target, assumptions, model, placement);
    }

    public Spec withPurpose(String v) {
        return new Spec(name, v, entities, operations, stack, persistence, target, assumptions, model, placement);
    }

    public Spec withEntities(List<Entity> v) {
        return new Spec(name, purpose, v, operations, stack, persistence, target, assumptions, model, placement);
    }

    public Spec withOperations(Set<Operation> v) {
        return new Spec(name, purpose, entities, v, stack, persistence, target, assumptions, model, placement);
    }

    public Spec withStack(String v) {
        return new Spec(name, purpose, entities, operations, v, persistence, target, assumptions, model, placement);
    }

    public Spec withPersistence(String v) {
        return new Spec(name, purpose, entities, operations, stack, v, target, assumptions, model, placement);
    }

    public Spec withTarget(String v) {
        return new Spec(name, purpose, entities, operations, stack, persistence, v, assumptions, model, placement);
    }

    /** The same spec built with {@code v} instead of the configured model ({@code null}: the configured one). */
    public Spec withModel(String v) {
        return new Spec(name, purpose, entities, operations, stack, persistence, target, assumptions, v, placement);
    }

    /** The same spec placed at {@code v} in the target repository ({@code null}: where the repository suggests). */
    public Spec withPlacement(Placement v) {
        return new Spec(name, purpose, entities, operations, stack, persistence, target, assumptions, model, v);
    }

    /** The same spec with {@code assumption} added to the list of defaults the bot chose. */
    public Spec withAssumption(String assumption) {
        List<String> more = new ArrayList<>(assumptions);
        more.add(assumption);
        return new Spec(name, purpose, entities, operations, stack, persistence, target, more, model, placement);
    }
}
